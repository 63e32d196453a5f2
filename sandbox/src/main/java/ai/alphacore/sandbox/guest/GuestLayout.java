package ai.alphacore.sandbox.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The layout every backend gives the runner: the same paths under bwrap (bind mounts) and in the
 * VM guest (drives). The VM drive order is the Firecracker one and QEMU reproduces it.
 */
public final class GuestLayout {
  public static final String WORKSPACE = "/workspace-src";
  public static final String WORK = "/work";
  public static final String RESULTS = "/results";
  public static final String RUNNER = "/runner.sh";
  public static final String TERRAFORM_DIR = "/opt/alphacore/bin";
  public static final String TERRAFORM = TERRAFORM_DIR + "/terraform";
  public static final String MIRROR = "/opt/alphacore/providers";
  public static final String CLI_CONFIG = "/etc/alphacore/terraform.rc";
  public static final int RUNNER_UID = 2000;

  /** One VM drive: Firecracker drive_id, guest device, and whether the guest may write it. */
  public record Drive(String id, String device, boolean readOnly, String content) {}

  public static final List<Drive> DRIVES = List.of(
      new Drive("rootfs", "/dev/vda", true, "ext4 rootfs: busybox or Debian, terraform, provider mirror, CLI config, runner"),
      new Drive("workspace", "/dev/vdb", true, "ext4 built with mkfs.ext4 -d from the staged workspace (no host mount)"),
      new Drive("results", "/dev/vdc", false, "raw tar stream written by the guest; parsed by the host, never mounted"),
      new Drive("secret", "/dev/vdd", true, "raw: the token line then zeros; readable only by guest root"));

  /** Runner exit codes (runner.sh). */
  public static final int EXIT_OK = 0;
  public static final int EXIT_COPY = 10;
  public static final int EXIT_INIT = 11;
  public static final int EXIT_REFRESH = 12;
  public static final int EXIT_NO_STATE = 13;

  private GuestLayout() {}

  public static String runnerScript() {
    return resource("runner.sh");
  }

  public static String vmInitScript() {
    return resource("vm-init.sh");
  }

  private static String resource(String name) {
    try (InputStream in = GuestLayout.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
