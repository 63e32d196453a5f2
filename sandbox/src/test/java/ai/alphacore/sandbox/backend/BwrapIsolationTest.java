package ai.alphacore.sandbox.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import ai.alphacore.sandbox.testing.Fixtures;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes what a process inside the bwrap sandbox can do: the "terraform" here is a shell script
 * that tries each escape and prints what happened into the refresh log.
 */
class BwrapIsolationTest {
  @TempDir Path tmp;

  static final String PROBE = """
      echo "uid=$(id -u) gid=$(id -g)"
      grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status | tr '\\t' ' '
      try() { if sh -c "$2" >/dev/null 2>&1; then echo "$1=ALLOWED"; else echo "$1=blocked"; fi; }
      try write_rootfs 'touch /usr/probe'
      try write_etc 'touch /etc/probe'
      try write_workspace 'touch /workspace-src/probe'
      try write_work 'touch /work/probe'
      try write_results 'touch /results/probe'
      try read_host_root 'ls /root'
      try read_host_work 'ls /work/wt-sandbox'
      try nested_userns 'unshare -U true'
      try mount_tmpfs 'mkdir -p /tmp/m && mount -t tmpfs t /tmp/m'
      try chown 'chown 0 /work/probe'
      echo "procs=$(ls /proc | grep -c '^[0-9]')"
      echo "ifaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ,)"
      echo "io_uring_errno=$(perl -e 'syscall(425,0,0); print $!+0')"
      echo "ptrace_errno=$(perl -e 'syscall(101,0,0,0,0); print $!+0')"
      echo "tmpfs_cap=$(head -c 20000000 /dev/zero > /work/big 2>/dev/null && echo unbounded || echo capped)"
      echo "env=$(env | cut -d= -f1 | sort | tr '\\n' ,)"
      """;

  private String probe(UnaryOperator<BwrapConfig> cfg) throws Exception {
    Path fake = Fixtures.script(tmp, "terraform", Fixtures.fakeTerraform(PROBE.replace("\n", "\n    ")));
    BwrapConfig c = cfg.apply(BwrapConfig.defaults().withTerraform(fake));
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"),
        BwrapBackendTest.options(c).withLimits(Limits.DEFAULT.withTmpfs(8 * Limits.MIB)));
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    return r.logs().get("refresh");
  }

  @Test
  void sandboxedProcessIsUnprivilegedConfinedAndOffline() throws Exception {
    String log = probe(c -> c);
    assertThat(log).containsPattern("uid=2\\d{4} gid=2\\d{4}");
    assertThat(log).contains("CapEff: 0000000000000000").contains("CapBnd: 0000000000000000").contains("NoNewPrivs: 1").contains("Seccomp: 2");
    assertThat(log).contains("write_rootfs=blocked", "write_etc=blocked", "write_workspace=blocked", "read_host_root=blocked",
        "read_host_work=blocked", "nested_userns=blocked", "mount_tmpfs=blocked", "chown=blocked");
    assertThat(log).contains("write_work=ALLOWED", "write_results=ALLOWED");
    assertThat(log).containsPattern("procs=[1-6]\\n");
    assertThat(log).contains("ifaces=lo,");
    assertThat(log).contains("tmpfs_cap=capped");
    // Only what the backend set: no host variable, no token (the probe runs as apply, which does get it).
    assertThat(log).contains("env=ALPHACORE_LOG_CAP,ALPHACORE_RESULTS,CHECKPOINT_DISABLE,GCE_METADATA_HOST,GOOGLE_OAUTH_ACCESS_TOKEN,HOME,NO_GCE_CHECK,OLDPWD,PATH,PWD,");
  }

  @Test
  void seccompDenyListIsWhatBlocksIoUringAndPtrace() throws Exception {
    String with = probe(c -> c);
    assertThat(with).contains("io_uring_errno=1\n").contains("ptrace_errno=1\n");
    // The same probe without the filter: the calls reach the kernel (EFAULT for io_uring, success
    // for PTRACE_TRACEME), so the assertions above really measure the filter.
    String without = probe(c -> c.withSeccomp(false));
    assertThat(without).contains("io_uring_errno=14\n").contains("ptrace_errno=0\n").contains("Seccomp: 0");
  }

  @Test
  void filterProgramShape() {
    byte[] p = SeccompFilter.denyList();
    assertThat(p.length % 8).isZero();
    assertThat(p.length / 8).isLessThan(4096); // BPF_MAXINSNS
    assertThat(SeccompFilter.DENIED).containsKeys("ptrace", "mount", "unshare", "setns", "bpf", "io_uring_setup", "keyctl", "userfaultfd");
  }
}
