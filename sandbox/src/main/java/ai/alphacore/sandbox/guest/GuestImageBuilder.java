package ai.alphacore.sandbox.guest;

import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.Procs;
import ai.alphacore.sandbox.backend.Tools;
import ai.alphacore.sandbox.intake.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the guest. Two rootfs flavours share everything above the base system:
 * {@code busybox} (static busybox + terraform, about 1 s to build, what CI boots) and
 * {@code debootstrap} (Debian bookworm minbase + ca-certificates, about 25 s, for production
 * Firecracker hosts). Both get the runner, the mirror-only CLI config, the provider mirror and
 * user tf-runner (uid 2000).
 */
public final class GuestImageBuilder {
  public enum Flavour { BUSYBOX, DEBOOTSTRAP }

  static final List<String> MODULES = List.of("virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev",
      "virtio_pci", "virtio_mmio", "virtio_blk", "failover", "net_failover", "virtio_net");

  static final Path CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private GuestImageBuilder() {}

  /** The busybox guest around {@code terraform} in {@code dir}, with the sandbox home's kernel (tests, benchmarks). */
  public static GuestArtifacts busyboxIn(Path dir, Path terraform) throws IsolationException {
    GuestArtifacts home = GuestArtifacts.in(GuestArtifacts.home());
    GuestArtifacts a = new GuestArtifacts(home.kernel(), home.modules(), dir.resolve("initramfs.cpio.gz"), dir.resolve("rootfs.ext4"));
    return build(a, Flavour.BUSYBOX, terraform, null, CliConfig.REFERENCE_PINS, null);
  }

  /** Builds initramfs and rootfs image for {@code artifacts} (kernel and modules must exist). */
  public static GuestArtifacts build(GuestArtifacts a, Flavour flavour, Path terraform, Path providerMirror, Map<String, String> pins,
      String debianMirror) throws IsolationException {
    if (!Files.isRegularFile(a.kernel()) || !Files.isDirectory(a.modules())) {
      throw new IsolationException(IsolationError.SETUP_FAILED, String.join("; ", a.problems()));
    }
    Path work = null;
    try {
      Files.createDirectories(a.initramfs().getParent());
      Files.createDirectories(a.rootfs().getParent());
      Files.deleteIfExists(a.layoutStamp()); // a half-built set must not pass for a current one
      initramfs(a.modules(), a.initramfs());
      work = Files.createTempDirectory(a.rootfs().getParent(), "rootfs-");
      Path root = work.resolve("root");
      if (flavour == Flavour.BUSYBOX) busyboxBase(root);
      else debootstrapBase(root, debianMirror);
      alphacoreLayer(root, terraform, providerMirror, pins);
      long bytes = du(root);
      Path tmpImage = a.rootfs().resolveSibling(a.rootfs().getFileName() + ".tmp");
      Ext4Image.build(root, tmpImage, Math.max(64L << 20, bytes * 3 / 2 + (32L << 20)), "acore-rootfs");
      Files.move(tmpImage, a.rootfs(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(a.layoutStamp(), GuestArtifacts.LAYOUT + "\n");
      return a;
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "guest image build failed: " + e.getMessage(), e);
    } finally {
      if (work != null) {
        try {
          Workspace.deleteTree(work);
        } catch (IOException ignored) {
          // best effort; the directory is under the sandbox home
        }
      }
    }
  }

  static void initramfs(Path modules, Path target) throws IOException, IsolationException {
    Path busybox = Tools.find("busybox").orElseThrow(() ->
        new IsolationException(IsolationError.SETUP_FAILED, "missing busybox (apt-get install busybox-static)"));
    requireStatic(busybox);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (Initramfs c = new Initramfs(tmp)) {
      for (String d : List.of("bin", "dev", "proc", "sys", "tmp", "lib", "lib/modules", "newroot")) c.dir(d);
      c.charDevice("dev/console", 0600, 5, 1);
      c.file("bin/busybox", 0755, Files.readAllBytes(busybox));
      c.file("init", 0755, GuestLayout.vmInitScript().getBytes(StandardCharsets.UTF_8));
      for (String m : MODULES) {
        Path ko = modules.resolve(m + ".ko");
        if (Files.isRegularFile(ko)) c.file("lib/modules/" + m + ".ko", 0644, Files.readAllBytes(ko));
      }
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A dynamically linked busybox cannot run in the initramfs: refuse it (ELF PT_INTERP present). */
  private static void requireStatic(Path busybox) throws IOException, IsolationException {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(busybox)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    if (b.limit() < 64 || b.getInt(0) != 0x464c457f || b.get(4) != 2) {
      throw new IsolationException(IsolationError.SETUP_FAILED, busybox + " is not a 64-bit ELF executable");
    }
    long phoff = b.getLong(32);
    int phentsize = b.getShort(54) & 0xffff;
    int phnum = b.getShort(56) & 0xffff;
    for (int i = 0; i < phnum; i++) {
      if (b.getInt((int) (phoff + (long) i * phentsize)) == 3) {
        throw new IsolationException(IsolationError.SETUP_FAILED, busybox + " is dynamically linked; install busybox-static");
      }
    }
  }

  static void busyboxBase(Path root) throws IOException, IsolationException {
    Path busybox = Tools.find("busybox").orElseThrow(() ->
        new IsolationException(IsolationError.SETUP_FAILED, "missing busybox (apt-get install busybox-static)"));
    Files.createDirectories(root.resolve("bin"));
    Files.copy(busybox, root.resolve("bin/busybox"));
    setMode(root.resolve("bin/busybox"), "rwxr-xr-x");
    for (String applet : Procs.check(IsolationError.SETUP_FAILED, Duration.ofSeconds(5), busybox.toString(), "--list").split("\\s+")) {
      if (applet.isBlank() || applet.equals("busybox") || applet.contains("/")) continue;
      Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    Files.createDirectories(root.resolve("usr"));
    Files.createSymbolicLink(root.resolve("usr/bin"), Path.of("../bin"));
    Files.createSymbolicLink(root.resolve("sbin"), Path.of("bin"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\ntf-runner:x:2000:2000:tf-runner:/work:/bin/sh\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\ntf-runner:x:2000:\n");
    Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
    Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
    // terraform's providers verify googleapis.com through the CONNECT tunnel: they need the CA bundle.
    if (!Files.isRegularFile(CA_BUNDLE)) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "missing " + CA_BUNDLE + " (apt-get install ca-certificates):"
          + " the guest needs it to verify the Google APIs' certificates");
    }
    Files.createDirectories(root.resolve("etc/ssl/certs"));
    Files.copy(CA_BUNDLE, root.resolve("etc/ssl/certs/ca-certificates.crt"));
  }

  static void debootstrapBase(Path root, String mirror) throws IsolationException {
    if (mirror == null || mirror.isBlank()) {
      throw new IsolationException(IsolationError.SETUP_FAILED, "debootstrap needs a Debian mirror URL (see /etc/apt/sources.list.d)");
    }
    Procs.check(IsolationError.SETUP_FAILED, Duration.ofMinutes(15), "debootstrap", "--variant=minbase", "--include=ca-certificates",
        "bookworm", root.toString(), mirror);
    Procs.check(IsolationError.SETUP_FAILED, Duration.ofSeconds(60), "chroot", root.toString(), "useradd", "-u", "2000", "-M", "-d", "/work",
        "-s", "/bin/sh", "tf-runner");
    for (String junk : List.of("var/cache/apt/archives", "var/lib/apt/lists")) {
      try {
        Workspace.deleteTree(root.resolve(junk));
      } catch (IOException ignored) {
        // only size is lost
      }
    }
  }

  /** Everything both flavours share: mount points, runner, CLI config, terraform, mirror. */
  static void alphacoreLayer(Path root, Path terraform, Path providerMirror, Map<String, String> pins) throws IOException {
    for (String d : List.of("workspace-src", "work", "results", "tmp", "proc", "dev", "sys", "etc/alphacore", "opt/alphacore/bin",
        "opt/alphacore/providers")) {
      Files.createDirectories(root.resolve(d));
    }
    Files.writeString(root.resolve("runner.sh"), GuestLayout.runnerScript());
    setMode(root.resolve("runner.sh"), "rwxr-xr-x");
    Files.writeString(root.resolve("etc/alphacore/terraform.rc"), CliConfig.render(pins, GuestLayout.MIRROR));
    // Empty mount point: vm-init binds the run's resolver over it (the rootfs is read-only).
    Files.deleteIfExists(root.resolve("etc/resolv.conf"));
    Files.writeString(root.resolve("etc/resolv.conf"), "");
    Path tf = root.resolve("opt/alphacore/bin/terraform");
    Files.copy(terraform, tf, StandardCopyOption.REPLACE_EXISTING);
    setMode(tf, "rwxr-xr-x");
    if (providerMirror != null && Files.isDirectory(providerMirror)) {
      Procs.quiet(Duration.ofMinutes(5), "cp", "-a", providerMirror + "/.", root.resolve("opt/alphacore/providers").toString());
    }
  }

  private static void setMode(Path p, String mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  private static long du(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }
}
