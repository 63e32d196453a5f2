package ai.alphacore.sandbox.backend;

import java.time.Duration;

/**
 * Caps for one sandboxed refresh. Memory, pids and CPU are enforced through cgroups (bwrap) or the
 * VM size (qemu, firecracker); the wall clock by killing the whole process tree or VM.
 *
 * @param wallClock from sandbox start to exit, then SIGKILL
 * @param memoryBytes cgroup memory cap (bwrap) or guest RAM (VMs)
 * @param cpuPercent CPU quota in percent of one core (bwrap); vCPUs are 1 for VMs
 * @param pids cgroup pids cap
 * @param tmpfsBytes size of the guest's writable /work and /tmp
 * @param logBytes bytes of terraform and console output kept per stream (the rest is counted)
 * @param stateBytes largest refreshed state read back
 */
public record Limits(Duration wallClock, long memoryBytes, int cpuPercent, int pids, long tmpfsBytes, long logBytes, long stateBytes) {
  public static final long MIB = 1024L * 1024L;

  public static final Limits DEFAULT = new Limits(Duration.ofSeconds(150), 512 * MIB, 100, 256, 256 * MIB, 256 * 1024, 64 * MIB);

  public Limits {
    if (wallClock.isNegative() || wallClock.isZero()) throw new IllegalArgumentException("wall clock must be positive");
    if (memoryBytes < 64 * MIB) throw new IllegalArgumentException("memory below 64 MiB cannot run terraform");
    if (cpuPercent < 1 || pids < 8 || tmpfsBytes < MIB || logBytes < 1024 || stateBytes < 1024) {
      throw new IllegalArgumentException("limits too small");
    }
  }

  public Limits withWallClock(Duration d) {
    return new Limits(d, memoryBytes, cpuPercent, pids, tmpfsBytes, logBytes, stateBytes);
  }

  public Limits withMemory(long bytes) {
    return new Limits(wallClock, bytes, cpuPercent, pids, tmpfsBytes, logBytes, stateBytes);
  }

  public Limits withPids(int n) {
    return new Limits(wallClock, memoryBytes, cpuPercent, n, tmpfsBytes, logBytes, stateBytes);
  }

  public Limits withTmpfs(long bytes) {
    return new Limits(wallClock, memoryBytes, cpuPercent, pids, bytes, logBytes, stateBytes);
  }

  public Limits withLogBytes(long bytes) {
    return new Limits(wallClock, memoryBytes, cpuPercent, pids, tmpfsBytes, bytes, stateBytes);
  }
}
