package ai.alphacore.sandbox.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's cgroup: memory, pids and CPU caps, joined by the launcher before it execs the
 * sandbox, so every process of the run is counted and can be killed together. cgroup v2 where the
 * controllers are delegated, v1 otherwise (this machine kind: hybrid mode, v2 has only hugetlb).
 */
public final class Cgroup implements AutoCloseable {
  public enum Kind { V2, V1, NONE }

  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  private final Kind kind;
  private final List<Path> dirs;

  private Cgroup(Kind kind, List<Path> dirs) {
    this.kind = kind;
    this.dirs = dirs;
  }

  /** Which cgroup version can enforce memory, pids and cpu limits here. */
  public static Kind detect() {
    try {
      Path controllers = ROOT.resolve("cgroup.controllers");
      if (Files.isRegularFile(controllers)) {
        String c = Files.readString(controllers);
        if (c.contains("memory") && c.contains("pids") && c.contains("cpu")) return Kind.V2;
      }
      if (Files.isDirectory(ROOT.resolve("memory")) && Files.isDirectory(ROOT.resolve("pids")) && Files.isDirectory(ROOT.resolve("cpu"))
          && Files.isWritable(ROOT.resolve("memory"))) {
        return Kind.V1;
      }
    } catch (IOException ignored) {
      // unreadable cgroupfs: no limits available
    }
    return Kind.NONE;
  }

  /** Why limits cannot be enforced, or null when they can. */
  public static String unavailableReason() {
    return detect() == Kind.NONE
        ? "no writable cgroup v2 (memory, pids, cpu delegated) or v1 hierarchies under /sys/fs/cgroup; memory/pids/cpu caps cannot be enforced"
        : null;
  }

  public static Cgroup create(String id, Limits limits) throws IsolationException {
    Kind kind = detect();
    String name = "alphacore-sbx/" + id;
    List<Path> dirs = new ArrayList<>();
    try {
      switch (kind) {
        case V2 -> {
          Path parent = ROOT.resolve("alphacore-sbx");
          Files.createDirectories(parent);
          Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
          Path d = Files.createDirectory(ROOT.resolve(name));
          dirs.add(d);
          Files.writeString(d.resolve("memory.max"), Long.toString(limits.memoryBytes()));
          Files.writeString(d.resolve("memory.swap.max"), "0");
          Files.writeString(d.resolve("pids.max"), Integer.toString(limits.pids()));
          Files.writeString(d.resolve("cpu.max"), (limits.cpuPercent() * 1000) + " 100000");
        }
        case V1 -> {
          for (String c : List.of("memory", "pids", "cpu")) {
            Path d = ROOT.resolve(c).resolve(name);
            Files.createDirectories(d);
            dirs.add(d);
          }
          Files.writeString(dirs.get(0).resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
          Files.writeString(dirs.get(1).resolve("pids.max"), Integer.toString(limits.pids()));
          Files.writeString(dirs.get(2).resolve("cpu.cfs_period_us"), "100000");
          Files.writeString(dirs.get(2).resolve("cpu.cfs_quota_us"), Integer.toString(limits.cpuPercent() * 1000));
        }
        case NONE -> throw new IsolationException(IsolationError.SETUP_FAILED, unavailableReason());
      }
      return new Cgroup(kind, dirs);
    } catch (IOException e) {
      new Cgroup(kind, dirs).close();
      throw new IsolationException(IsolationError.SETUP_FAILED, "cannot create cgroup " + name + " (" + kind + "): " + e.getMessage(), e);
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The cgroup.procs files the launcher writes its pid into before exec. */
  public List<Path> procsFiles() {
    return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
  }

  /** True when the kernel OOM-killed a process of this run. */
  public boolean oomKilled() {
    Path f = kind == Kind.V2 ? dirs.get(0).resolve("memory.events") : dirs.get(0).resolve("memory.oom_control");
    return counter(f, "oom_kill") > 0;
  }

  /** True when a fork was refused because of the pids cap. */
  public boolean pidsLimitHit() {
    Path f = (kind == Kind.V2 ? dirs.get(0) : dirs.get(1)).resolve("pids.events");
    return counter(f, "max") > 0;
  }

  private static long counter(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.trim().split("\\s+");
        if (kv.length == 2 && kv[0].equals(key)) return Long.parseLong(kv[1]);
      }
    } catch (IOException | NumberFormatException ignored) {
      // counter not present in this kernel
    }
    return 0;
  }

  /** SIGKILLs every process in the cgroup, repeating until it stays empty (forks race the loop). */
  public void killAll() {
    for (int round = 0; round < 100; round++) {
      List<Long> pids = pids();
      if (pids.isEmpty()) return;
      for (long pid : pids) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      try {
        Thread.sleep(round < 10 ? 2 : 20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public List<Long> pids() {
    List<Long> out = new ArrayList<>();
    for (Path f : procsFiles()) {
      try {
        for (String l : Files.readAllLines(f)) if (!l.isBlank()) out.add(Long.parseLong(l.trim()));
      } catch (IOException | NumberFormatException ignored) {
        // already removed
      }
    }
    return out.stream().distinct().toList();
  }

  @Override
  public void close() {
    killAll();
    for (Path d : dirs) {
      for (int i = 0; i < 50 && Files.exists(d); i++) {
        try {
          Files.delete(d); // rmdir: cgroupfs directories are removed empty, their files vanish with them
        } catch (IOException e) {
          try {
            Thread.sleep(10);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Paths that still exist (tests use this to prove cleanup). */
  public List<Path> leftovers() {
    return dirs.stream().filter(Files::exists).toList();
  }
}
