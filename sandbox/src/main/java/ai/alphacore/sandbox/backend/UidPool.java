package ai.alphacore.sandbox.backend;

import java.util.BitSet;

/**
 * Host uids for concurrent sandboxes: each live run gets its own, so two miners' processes never
 * share a uid (no signals, no /proc access between them even outside their pid namespaces).
 */
public final class UidPool {
  private final int base;
  private final int size;
  private final BitSet used;

  public UidPool(int base, int size) {
    if (base < 1000 || size < 1) throw new IllegalArgumentException("uid pool must start at 1000 or above");
    this.base = base;
    this.size = size;
    this.used = new BitSet(size);
  }

  public synchronized int acquire() throws IsolationException {
    int i = used.nextClearBit(0);
    if (i >= size) throw new IsolationException(IsolationError.SETUP_FAILED, "all " + size + " sandbox uids are in use");
    used.set(i);
    return base + i;
  }

  public synchronized void release(int uid) {
    used.clear(uid - base);
  }
}
