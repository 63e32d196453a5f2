package ai.alphacore.bittensor.wire;

import java.util.PriorityQueue;

/** Bounded concurrency where waiting requests are admitted highest priority first. */
final class PriorityGate {
  private final PriorityQueue<Waiter> queue = new PriorityQueue<>();
  private int free;
  private long seq;

  private static final class Waiter implements Comparable<Waiter> {
    final double priority;
    final long order;
    boolean admitted;

    Waiter(double p, long o) {
      priority = p;
      order = o;
    }

    @Override
    public int compareTo(Waiter o) {
      int c = Double.compare(o.priority, priority);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  PriorityGate(int permits) {
    free = permits;
  }

  /** Returns false when not admitted within the wait. */
  synchronized boolean acquire(double priority, long maxWaitNanos) throws InterruptedException {
    if (free > 0 && queue.isEmpty()) {
      free--;
      return true;
    }
    Waiter w = new Waiter(Double.isNaN(priority) ? 0 : priority, seq++);
    queue.add(w);
    long deadline = System.nanoTime() + maxWaitNanos;
    try {
      while (!w.admitted) {
        long left = deadline - System.nanoTime();
        if (left <= 0) break;
        wait(Math.max(1, left / 1_000_000), 0);
      }
    } finally {
      if (!w.admitted) queue.remove(w);
    }
    return w.admitted;
  }

  synchronized void release() {
    Waiter next = queue.poll();
    if (next != null) {
      next.admitted = true;
      notifyAll();
    } else {
      free++;
    }
  }
}
