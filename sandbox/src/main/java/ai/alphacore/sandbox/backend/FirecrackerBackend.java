package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.sandbox.network.GuestNic;
import ai.alphacore.sandbox.secret.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Firecracker + jailer on hosts with real KVM: chroot, per-run uid, cgroup limits through the
 * jailer, the same guest (kernel, initramfs, rootfs) and drives as the QEMU backend, 1 vCPU /
 * 512 MiB by default. It cannot run on the development machine (no VT-x, no binary obtainable:
 * sandbox.md 3). Its orchestration is tested with a stand-in jailer and VMM, and the guest under QEMU.
 */
public final class FirecrackerBackend implements SandboxBackend {
  /**
   * @param requireKvm false only for a stand-in VMM that never touches KVM (the orchestration
   *     tests); a real Firecracker needs /dev/kvm with VT-x or AMD-V
   */
  public record Config(Path firecracker, Path jailer, Path chrootBase, GuestArtifacts guest, UidPool uids, boolean requireKvm) {
    public Config(Path firecracker, Path jailer, Path chrootBase, GuestArtifacts guest, UidPool uids) {
      this(firecracker, jailer, chrootBase, guest, uids, true);
    }

    public static Config defaults() {
      return new Config(Path.of("/opt/firecracker/firecracker"), Path.of("/opt/firecracker/jailer"), Path.of("/srv/jailer"),
          GuestArtifacts.in(GuestArtifacts.home()), new UidPool(22000, 256));
    }
  }

  private final Config config;

  public FirecrackerBackend(Config config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "firecracker";
  }

  @Override
  public Health health() {
    List<String> p = new ArrayList<>();
    if (!Files.isExecutable(config.firecracker())) p.add("missing " + config.firecracker() + " (alphacore sandbox setup fetches the pinned release on a host with internet)");
    if (!Files.isExecutable(config.jailer())) p.add("missing " + config.jailer());
    if (config.requireKvm() && !HostFacts.kvmDevice()) p.add("/dev/kvm missing");
    if (config.requireKvm() && !HostFacts.hardwareVirtualization()) p.add("no VT-x/AMD-V (/proc/cpuinfo has no vmx/svm flag): Firecracker needs real KVM");
    if (!Tools.isRoot()) p.add("the jailer must start as root");
    String cg = Cgroup.unavailableReason();
    if (cg != null) p.add(cg);
    p.addAll(config.guest().problems());
    return new Health(name(), p, List.of("hardware VM: separate guest kernel, jailer chroot + uid + cgroups + seccomp on the VMM",
        "guest network: a TAP in the run's network namespace (jailer --netns) when the run has one, DNS and proxy only"));
  }

  @Override
  public GuestResult run(GuestRun run) throws IsolationException {
    Health h = health();
    if (!h.available()) throw new IsolationException(IsolationError.BACKEND_UNAVAILABLE, h.summary());
    Redactor redactor = Redactor.of(run.token());
    Limits l = run.limits();
    int uid = config.uids().acquire();
    String id = "acore-" + run.id();
    Path chroot = config.chrootBase().resolve("firecracker").resolve(id).resolve("root");
    Process jailer = null;
    try (RunDir dir = RunDir.create("fc-" + run.id())) {
      Files.createDirectories(chroot.resolve("run"));
      // Hard links share the master images without copying; none is chowned (read-only drives, S9).
      Files.createLink(chroot.resolve("vmlinux"), config.guest().kernel());
      Files.createLink(chroot.resolve("initramfs.cpio.gz"), config.guest().initramfs());
      Files.createLink(chroot.resolve("rootfs.ext4"), config.guest().rootfs());
      VmDrives.workspace(run.workspace(), dir.resolve("ws-src"), chroot.resolve("workspace.ext4"));
      VmDrives.results(chroot.resolve("results.img"), l);
      VmDrives.secret(chroot.resolve("secret.img"), run);
      for (String f : List.of("workspace.ext4", "results.img", "secret.img")) RunDir.own(chroot.resolve(f), uid, "rw-------");
      // The jailer makes the chroot's /dev/net/tun for the uid; the TAP is the uid's too.
      GuestNic nic = run.network() == null ? null : run.network().tap(uid);
      List<String> argv = new ArrayList<>(List.of(config.jailer().toString(), "--id", id, "--exec-file", config.firecracker().toString(),
          "--uid", Integer.toString(uid), "--gid", Integer.toString(uid), "--chroot-base-dir", config.chrootBase().toString()));
      if (Cgroup.detect() == Cgroup.Kind.V2) {
        argv.addAll(List.of("--cgroup-version", "2", "--cgroup", "memory.max=" + (l.memoryBytes() + 128 * Limits.MIB), "--cgroup", "pids.max=64"));
      } else {
        argv.addAll(List.of("--cgroup-version", "1", "--cgroup", "memory.limit_in_bytes=" + (l.memoryBytes() + 128 * Limits.MIB)));
      }
      if (nic != null) argv.addAll(List.of("--netns", run.network().nsPath().toString()));
      argv.addAll(List.of("--", "--api-sock", "/run/fc.sock"));
      long t0 = System.nanoTime();
      ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(Procs.BASE_ENV);
      jailer = pb.start();
      BoundedCapture console = new BoundedCapture(l.logBytes());
      Process jp = jailer;
      Thread reader = Thread.ofVirtual().start(() -> {
        try {
          console.drain(jp.getInputStream());
        } catch (IOException ignored) {
          // killed
        }
      });
      FirecrackerClient fc = FirecrackerClient.await(chroot.resolve("run/fc.sock"), Duration.ofSeconds(5));
      configure(fc, l, nic);
      fc.start();
      boolean done = jailer.waitFor(l.wallClock().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      if (!done) Procs.killTree(jailer.toHandle());
      jailer.waitFor();
      reader.join(Duration.ofSeconds(5));
      VmDrives.wipe(chroot.resolve("secret.img"));
      Map<String, byte[]> files = VmDrives.readResults(chroot.resolve("results.img"), l);
      return Results.build(VmDrives.exitCode(files), done ? null : "timeout", files, console.text(), redactor,
          Duration.ofNanos(System.nanoTime() - t0), l.logBytes());
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, redactor.redact("firecracker run failed: " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IsolationException(IsolationError.INTERNAL, "interrupted", e);
    } finally {
      if (jailer != null && jailer.isAlive()) Procs.killTree(jailer.toHandle());
      try {
        Workspace.deleteTree(chroot.getParent());
      } catch (IOException ignored) {
        // the next run with this id starts by replacing it
      }
      config.uids().release(uid);
    }
  }

  /** The VM description: paths are inside the jailer chroot. */
  static void configure(FirecrackerClient fc, Limits l, GuestNic nic) throws IsolationException {
    fc.machineConfig(1, Math.max(256, l.memoryBytes() / Limits.MIB));
    fc.bootSource("/vmlinux", "/initramfs.cpio.gz", "console=ttyS0 reboot=k panic=1 pci=off quiet alphacore.work=" + l.tmpfsBytes()
        + " alphacore.results=" + VmDrives.resultsBytes(l) + " alphacore.logcap=" + l.logBytes() + (nic == null ? "" : " " + nic.kernelArg()));
    fc.drive("rootfs", "/rootfs.ext4", true);
    fc.drive("workspace", "/workspace.ext4", true);
    fc.drive("results", "/results.img", false);
    fc.drive("secret", "/secret.img", true);
    if (nic != null) fc.networkInterface("eth0", nic.tap(), nic.mac());
  }
}
