package ai.alphacore.sandbox.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** What the host's CPU and kernel can do, for health checks. */
public final class HostFacts {
  private static final Pattern VIRT = Pattern.compile("^flags\\s*:.*\\b(vmx|svm)\\b", Pattern.MULTILINE);

  private HostFacts() {}

  /**
   * True when the CPU exposes VT-x or AMD-V. /dev/kvm alone is not enough: on this machine kind it
   * comes from a nested emulator (kvm_pvm) that cannot boot a Linux guest (sandbox.md 2.3).
   */
  public static boolean hardwareVirtualization() {
    try {
      return VIRT.matcher(Files.readString(Path.of("/proc/cpuinfo"))).find();
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean kvmDevice() {
    return Files.exists(Path.of("/dev/kvm"));
  }
}
