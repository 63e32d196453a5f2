package ai.alphacore.sandbox.backend;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classic-BPF seccomp deny-list for x86_64, in the raw {@code struct sock_filter[]} form bwrap
 * reads with {@code --seccomp FD}. Denies what terraform never needs and kernel exploits love
 * (sandbox.md 4.3): namespaces, mounts, ptrace, bpf, keyrings, io_uring, module loading, and more.
 * Foreign architectures and the x32 ABI kill the process.
 */
public final class SeccompFilter {
  static final int AUDIT_ARCH_X86_64 = 0xC000003E;
  static final int RET_KILL_PROCESS = 0x80000000;
  static final int RET_ERRNO = 0x00050000;
  static final int RET_ALLOW = 0x7fff0000;
  static final int EPERM = 1;
  static final int ENOSYS = 38;
  /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET. */
  static final int CLONE_NS_FLAGS = 0x7E020000;
  static final int SYS_CLONE = 56;
  static final int SYS_CLONE3 = 435;

  /** Denied with EPERM: name to x86_64 syscall number. */
  public static final Map<String, Integer> DENIED = denied();

  private static Map<String, Integer> denied() {
    Map<String, Integer> m = new LinkedHashMap<>();
    Object[] pairs = {
      "ptrace", 101, "syslog", 103, "uselib", 134, "vhangup", 153, "pivot_root", 155, "_sysctl", 156, "adjtimex", 159,
      "chroot", 161, "acct", 163, "settimeofday", 164, "mount", 165, "umount2", 166, "swapon", 167, "swapoff", 168,
      "reboot", 169, "iopl", 172, "ioperm", 173, "create_module", 174, "init_module", 175, "delete_module", 176,
      "get_kernel_syms", 177, "query_module", 178, "quotactl", 179, "nfsservctl", 180, "lookup_dcookie", 212,
      "clock_settime", 227, "kexec_load", 246, "add_key", 248, "request_key", 249, "keyctl", 250, "unshare", 272,
      "perf_event_open", 298, "fanotify_init", 300, "name_to_handle_at", 303, "open_by_handle_at", 304,
      "clock_adjtime", 305, "setns", 308, "process_vm_readv", 310, "process_vm_writev", 311, "kcmp", 312,
      "finit_module", 313, "kexec_file_load", 320, "bpf", 321, "userfaultfd", 323, "io_uring_setup", 425,
      "io_uring_enter", 426, "io_uring_register", 427, "open_tree", 428, "move_mount", 429, "fsopen", 430,
      "fsconfig", 431, "fsmount", 432, "fspick", 433, "mount_setattr", 442, "quotactl_fd", 443,
    };
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Integer) pairs[i + 1]);
    return Map.copyOf(m);
  }

  private SeccompFilter() {}

  /** The program: 8 bytes per instruction, little-endian, as the kernel expects on x86_64. */
  public static byte[] denyList() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ins(b, 0x20, 0, 0, 4); // ld arch
    ins(b, 0x15, 1, 0, AUDIT_ARCH_X86_64);
    ins(b, 0x06, 0, 0, RET_KILL_PROCESS);
    ins(b, 0x20, 0, 0, 0); // ld nr
    ins(b, 0x35, 0, 1, 0x40000000); // x32 ABI
    ins(b, 0x06, 0, 0, RET_KILL_PROCESS);
    DENIED.values().stream().sorted().forEach(nr -> {
      ins(b, 0x15, 0, 1, nr);
      ins(b, 0x06, 0, 0, RET_ERRNO | EPERM);
    });
    // clone3 passes flags in memory a filter cannot read: ENOSYS makes libc fall back to clone.
    ins(b, 0x15, 0, 1, SYS_CLONE3);
    ins(b, 0x06, 0, 0, RET_ERRNO | ENOSYS);
    ins(b, 0x15, 0, 3, SYS_CLONE);
    ins(b, 0x20, 0, 0, 16); // ld args[0] (low 32 bits hold the flags)
    ins(b, 0x45, 0, 1, CLONE_NS_FLAGS);
    ins(b, 0x06, 0, 0, RET_ERRNO | EPERM);
    ins(b, 0x06, 0, 0, RET_ALLOW);
    return b.toByteArray();
  }

  private static void ins(ByteArrayOutputStream b, int code, int jt, int jf, int k) {
    b.write(code & 0xff);
    b.write((code >> 8) & 0xff);
    b.write(jt);
    b.write(jf);
    b.write(k & 0xff);
    b.write((k >> 8) & 0xff);
    b.write((k >> 16) & 0xff);
    b.write((k >>> 24) & 0xff);
  }
}
