package ai.alphacore.sandbox.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The VM guest: kernel (uncompressed ELF vmlinux, bootable by QEMU via PVH and by Firecracker),
 * initramfs (busybox, virtio modules, vm-init.sh) and rootfs image. One set serves both VMMs.
 */
public record GuestArtifacts(Path kernel, Path modules, Path initramfs, Path rootfs) {
  /**
   * What the images must support, bumped when vm-init or the rootfs layout changes: 2 added the
   * guest network (virtio_net, alphacore.net, the resolver mount point, the CA bundle). An older
   * image would boot and then fail every refresh as if the miner were at fault, so it is refused.
   */
  public static final int LAYOUT = 2;
  /** {@code $ALPHACORE_SANDBOX_HOME}, default /var/lib/alphacore-sandbox (scripts/ci-sandbox-deps.sh fills kernel/). */
  public static Path home() {
    String h = System.getenv("ALPHACORE_SANDBOX_HOME");
    return Path.of(h == null || h.isBlank() ? "/var/lib/alphacore-sandbox" : h);
  }

  public static GuestArtifacts in(Path home) {
    return new GuestArtifacts(home.resolve("kernel/vmlinux"), home.resolve("kernel/modules"),
        home.resolve("guest/initramfs.cpio.gz"), home.resolve("guest/rootfs.ext4"));
  }

  /** What is missing, each with the command that provides it. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (!Files.isRegularFile(kernel)) p.add("guest kernel " + kernel + " missing (run scripts/ci-sandbox-deps.sh or alphacore sandbox setup)");
    if (!Files.isDirectory(modules)) p.add("guest virtio modules " + modules + " missing (run scripts/ci-sandbox-deps.sh)");
    if (!Files.isRegularFile(initramfs)) p.add("guest initramfs " + initramfs + " missing (run alphacore sandbox setup)");
    if (!Files.isRegularFile(rootfs)) p.add("guest rootfs " + rootfs + " missing (run alphacore sandbox setup)");
    if (Files.isRegularFile(initramfs) && Files.isRegularFile(rootfs) && layout() != LAYOUT) {
      p.add("guest images in " + initramfs.getParent() + " are layout " + layout() + ", this alphacore needs layout " + LAYOUT
          + " (run alphacore sandbox setup to rebuild them)");
    }
    return p;
  }

  /** Written by the image builder beside the initramfs, after both images are in place. */
  public Path layoutStamp() {
    return initramfs.resolveSibling(initramfs.getFileName() + ".layout");
  }

  /** The stamped layout, or 1 for images from before stamps existed. */
  public int layout() {
    try {
      return Integer.parseInt(Files.readString(layoutStamp()).strip());
    } catch (java.io.IOException | NumberFormatException e) {
      return 1;
    }
  }
}
