package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.guest.GuestArtifacts;
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
 * The VM guest under QEMU, machine q35 (microvm hangs under TCG, sandbox.md 2.5). A separate
 * guest kernel; the QEMU process runs as an unprivileged uid with its own seccomp sandbox
 * ({@code -sandbox on}) inside a cgroup. Same kernel, initramfs, rootfs and drive layout as the
 * Firecracker backend. With {@code accel=tcg} it is the real-VM path CI can run (about 5 s).
 */
public final class QemuBackend implements SandboxBackend {
  /** @param accel "tcg" (works everywhere) or "kvm" (hosts with real VT-x/AMD-V only) */
  public record Config(Path qemu, GuestArtifacts guest, String accel, UidPool uids) {
    public static Config defaults() {
      return new Config(Path.of("/usr/bin/qemu-system-x86_64"), GuestArtifacts.in(GuestArtifacts.home()),
          System.getenv().getOrDefault("ALPHACORE_QEMU_ACCEL", "tcg"), new UidPool(21000, 256));
    }

    public Config withGuest(GuestArtifacts g) {
      return new Config(qemu, g, accel, uids);
    }
  }

  static final Path TUN = Path.of("/dev/net/tun");

  /**
   * QEMU opens /dev/net/tun itself, and the host's node is root-only. Like Firecracker's jailer,
   * give the VMM its own node: a private mount namespace with a tmpfs over /dev/net holding a tun
   * node owned by the VMM uid. The TAP it attaches to is owned by that uid too, so no capability
   * is ever needed. $1 is the uid.
   */
  static final String TUN_NODE = "mount -t tmpfs -o size=4k,mode=0755,nosuid,noexec acore-tun /dev/net"
      + " && mknod -m 0600 /dev/net/tun c 10 200 && chown \"$1:$1\" /dev/net/tun && shift && exec \"$@\"";

  private final Config config;

  public QemuBackend(Config config) {
    this.config = config;
  }

  /** The default configuration around another guest (benchmarks and tests build their own). */
  public static QemuBackend withGuest(GuestArtifacts guest) {
    return new QemuBackend(Config.defaults().withGuest(guest));
  }

  @Override
  public String name() {
    return "qemu";
  }

  @Override
  public Health health() {
    List<String> p = new ArrayList<>();
    if (!Files.isExecutable(config.qemu())) p.add("missing " + config.qemu() + " (apt-get install qemu-system-x86)");
    Tools.require(p, "setpriv", "util-linux", "mkfs.ext4", "e2fsprogs");
    if (!Tools.isRoot()) p.add("must run as root to switch QEMU to the sandbox uid and create cgroups");
    String cg = Cgroup.unavailableReason();
    if (cg != null) p.add(cg);
    p.addAll(config.guest().problems());
    if (config.accel().equals("kvm") && !HostFacts.hardwareVirtualization()) {
      p.add("accel=kvm needs VT-x/AMD-V: /proc/cpuinfo has no vmx/svm flag (here /dev/kvm is an emulator; use accel=tcg)");
    }
    List<String> notes = new ArrayList<>(List.of("separate guest kernel (q35, accel=" + config.accel() + ")",
        "guest network: a TAP in the run's network namespace when the run has one (DNS and proxy only), else no NIC at all"));
    if (!Files.exists(TUN)) notes.add("no " + TUN + " (modprobe tun): runs with a network will fail");
    if (config.accel().equals("tcg")) notes.add("software emulation: about 10-20x slower CPU, about 5 s a validation");
    return new Health(name(), p, notes);
  }

  @Override
  public GuestResult run(GuestRun run) throws IsolationException {
    Health h = health();
    if (!h.available()) throw new IsolationException(IsolationError.BACKEND_UNAVAILABLE, h.summary());
    Redactor redactor = Redactor.of(run.token());
    Limits l = run.limits();
    int uid = config.uids().acquire();
    long guestRam = Math.max(l.memoryBytes(), 256 * Limits.MIB);
    Limits vmmLimits = l.withMemory(guestRam + 512 * Limits.MIB).withPids(64);
    try (RunDir dir = RunDir.create("qm-" + run.id()); Cgroup cg = Cgroup.create("qm-" + run.id(), vmmLimits)) {
      Path ws = VmDrives.workspace(run.workspace(), dir.resolve("ws-src"), dir.resolve("workspace.ext4"));
      Path results = VmDrives.results(dir.resolve("results.img"), l);
      Path secret = VmDrives.secret(dir.resolve("secret.img"), run);
      GuestNic nic = run.network() == null ? null : run.network().tap(uid);
      RunDir.grantRead(dir.path(), uid);
      for (Path f : List.of(ws, results, secret)) RunDir.own(f, uid, f == ws ? "r--------" : "rw-------");
      List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", BwrapBackend.LAUNCH.replace(" 9< \"$bpf\"", ""), "launch", "-"));
      for (Path f : cg.procsFiles()) argv.add(f.toString());
      argv.add("--");
      String u = Integer.toString(uid);
      if (nic != null) {
        argv.addAll(List.of("nsenter", "--net=" + run.network().nsPath(), "unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
            TUN_NODE, "tun", u));
      }
      argv.addAll(List.of("setpriv", "--reuid=" + u, "--regid=" + u, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
      argv.addAll(qemuArgs(ws, results, secret, guestRam, l, nic));
      long t0 = System.nanoTime();
      Procs.Exit exit;
      try {
        exit = Procs.run(argv, Map.of(), null, l.wallClock(), l.logBytes(), null);
      } finally {
        cg.killAll();
        VmDrives.wipe(secret);
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - t0);
      String killedBy = exit.timedOut() ? "timeout" : cg.oomKilled() ? "memory" : null;
      Map<String, byte[]> files = VmDrives.readResults(results, l);
      return Results.build(VmDrives.exitCode(files), killedBy, files, exit.output(), redactor, wall, l.logBytes());
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, redactor.redact("qemu run failed: " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IsolationException(IsolationError.INTERNAL, "interrupted", e);
    } finally {
      config.uids().release(uid);
    }
  }

  List<String> qemuArgs(Path ws, Path results, Path secret, long guestRam, Limits l, GuestNic nic) {
    String cmdline = "console=ttyS0 panic=-1 reboot=t quiet alphacore.work=" + l.tmpfsBytes() + " alphacore.results=" + VmDrives.resultsBytes(l)
        + " alphacore.logcap=" + l.logBytes() + (nic == null ? "" : " " + nic.kernelArg());
    List<String> net = nic == null ? List.of("-nic", "none") : List.of("-netdev", "tap,id=n0,ifname=" + nic.tap() + ",script=no,downscript=no",
        // romfile= : no iPXE option ROM, nothing to boot from the network
        "-device", "virtio-net-pci,netdev=n0,mac=" + nic.mac() + ",romfile=");
    List<String> a = new ArrayList<>(List.of(config.qemu().toString(), "-accel", config.accel(), "-cpu", config.accel().equals("kvm") ? "host" : "max",
        "-machine", "q35", "-m", Long.toString(guestRam / Limits.MIB), "-smp", "1", "-display", "none", "-no-reboot", "-nodefaults",
        "-serial", "stdio",
        "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny",
        "-kernel", config.guest().kernel().toString(), "-initrd", config.guest().initramfs().toString(), "-append", cmdline,
        "-drive", "file=" + config.guest().rootfs() + ",format=raw,if=virtio,readonly=on",
        "-drive", "file=" + ws + ",format=raw,if=virtio,readonly=on",
        "-drive", "file=" + results + ",format=raw,if=virtio",
        "-drive", "file=" + secret + ",format=raw,if=virtio,readonly=on"));
    a.addAll(net);
    return a;
  }
}
