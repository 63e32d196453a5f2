package ai.alphacore.sandbox.backend;

import ai.alphacore.sandbox.guest.CliConfig;
import ai.alphacore.sandbox.guest.GuestLayout;
import ai.alphacore.sandbox.network.GatewayNamespace;
import ai.alphacore.sandbox.secret.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bubblewrap + namespaces (user, mount, pid, net, ipc, uts, cgroup) + seccomp deny-list +
 * cgroup limits, run as an unprivileged host uid with no capabilities, read-only root,
 * size-capped tmpfs for /work and /tmp, only /results writable. It SHARES THE HOST KERNEL: a
 * kernel bug is an escape. The fast default where there is no KVM (about 130 ms a validation).
 */
public final class BwrapBackend implements SandboxBackend {
  /** Joins the cgroups given before "--", then execs the rest with the seccomp program on fd 9. */
  static final String LAUNCH = "bpf=$1; shift; while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 97; shift; done; shift; exec \"$@\" 9< \"$bpf\"";

  private final BwrapConfig config;

  public BwrapBackend(BwrapConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "bwrap";
  }

  @Override
  public Health health() {
    List<String> p = new ArrayList<>();
    Tools.require(p, "bwrap", "bubblewrap", "setpriv", "util-linux", "nsenter", "util-linux");
    if (!Tools.isRoot()) p.add("must run as root to switch to the sandbox uid and create cgroups");
    String cg = Cgroup.unavailableReason();
    if (cg != null) p.add(cg);
    if (readInt("/proc/sys/user/max_user_namespaces") == 0) p.add("user namespaces are disabled (user.max_user_namespaces = 0)");
    if (!Files.exists(Path.of("/proc/sys/kernel/seccomp/actions_avail"))) p.add("kernel has no seccomp filter support");
    if (!Files.isExecutable(config.terraform())) p.add("terraform not found at " + config.terraform() + " (set ALPHACORE_TERRAFORM)");
    if (config.rootfs() != null && !Files.isDirectory(config.rootfs())) p.add("rootfs " + config.rootfs() + " missing");
    List<String> notes = List.of("shares the host kernel: isolation is namespaces + seccomp + cgroups, not a VM",
        "cgroup " + Cgroup.detect());
    return new Health(name(), p, notes);
  }

  private static int readInt(String f) {
    try {
      return Integer.parseInt(Files.readString(Path.of(f)).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public GuestResult run(GuestRun run) throws IsolationException {
    Health h = health();
    if (!h.available()) throw new IsolationException(IsolationError.BACKEND_UNAVAILABLE, h.summary());
    Redactor redactor = Redactor.of(run.token());
    int uid = config.uids().acquire();
    try (RunDir dir = RunDir.create("bw-" + run.id()); Cgroup cg = Cgroup.create("bw-" + run.id(), run.limits())) {
      Path results = prepare(dir, uid, run);
      List<String> argv = command(dir, cg, uid, run);
      byte[] stdin = tokenLine(run);
      long t0 = System.nanoTime();
      Procs.Exit exit;
      try {
        exit = Procs.run(argv, Map.of(), stdin, run.limits().wallClock(), run.limits().logBytes(), null);
      } finally {
        java.util.Arrays.fill(stdin, (byte) 0);
        cg.killAll();
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - t0);
      String killedBy = exit.timedOut() ? "timeout" : cg.oomKilled() ? "memory" : cg.pidsLimitHit() ? "pids" : null;
      Map<String, byte[]> files;
      try {
        files = Results.readDir(results, run.limits().stateBytes());
      } catch (IOException e) {
        throw new IsolationException(IsolationError.OUTPUT_TOO_LARGE, redactor.redact(e.getMessage()));
      }
      int code = exit.timedOut() ? -1 : exit.code();
      return Results.build(code, killedBy, files, exit.output(), redactor, wall, run.limits().logBytes());
    } catch (IOException e) {
      throw new IsolationException(IsolationError.SETUP_FAILED, redactor.redact("bwrap run failed: " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IsolationException(IsolationError.INTERNAL, "interrupted", e);
    } finally {
      config.uids().release(uid);
    }
  }

  static byte[] tokenLine(GuestRun run) {
    if (run.token() == null) return "\n".getBytes(StandardCharsets.US_ASCII);
    byte[] t = run.token().bytes();
    byte[] b = java.util.Arrays.copyOf(t, t.length + 1);
    b[t.length] = '\n';
    java.util.Arrays.fill(t, (byte) 0);
    return b;
  }

  /** Writes the generated /etc, runner, CLI config and seccomp program; returns the results dir. */
  private Path prepare(RunDir dir, int uid, GuestRun run) throws IOException {
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Files.createDirectories(etc.resolve("ssl"));
    Files.createDirectories(etc.resolve("alphacore"));
    Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/usr/sbin/nologin\ntf-runner:x:" + uid + ":" + uid + "::/work:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\ntf-runner:x:" + uid + ":\n");
    Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
    Files.writeString(etc.resolve("resolv.conf"), run.network() == null ? "" : run.network().resolvConf());
    Files.writeString(etc.resolve("alphacore/terraform.rc"), CliConfig.render(config.pins(), GuestLayout.MIRROR));
    Files.writeString(dir.resolve("runner.sh"), GuestLayout.runnerScript());
    Files.write(dir.resolve("seccomp.bpf"), SeccompFilter.denyList());
    Files.createDirectories(dir.resolve("empty-mirror"));
    RunDir.grantRead(dir.path(), uid);
    Path results = Files.createDirectory(dir.resolve("results"));
    RunDir.own(results, uid, "rwx------");
    RunDir.grantRead(run.workspace(), uid);
    return results;
  }

  List<String> command(RunDir dir, Cgroup cg, int uid, GuestRun run) {
    List<String> a = new ArrayList<>(List.of("/bin/sh", "-c", LAUNCH, "launch", dir.resolve("seccomp.bpf").toString()));
    for (Path f : cg.procsFiles()) a.add(f.toString());
    a.add("--");
    if (run.network() != null) a.addAll(List.of("nsenter", "--net=" + run.network().nsPath()));
    String u = Integer.toString(uid);
    a.addAll(List.of("setpriv", "--reuid=" + u, "--regid=" + u, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"));
    a.addAll(List.of("bwrap", "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--clearenv",
        "--uid", u, "--gid", u, "--hostname", "sbx", "--cap-drop", "ALL", "--disable-userns"));
    if (run.network() != null) a.add("--share-net");
    if (config.rootfs() != null) {
      a.addAll(List.of("--ro-bind", config.rootfs().toString(), "/"));
      for (String f : List.of("passwd", "group", "hosts", "resolv.conf", "alphacore/terraform.rc")) {
        a.addAll(List.of("--ro-bind", dir.resolve("etc/" + f).toString(), "/etc/" + f));
      }
    } else {
      a.addAll(List.of("--ro-bind", "/usr", "/usr"));
      for (String l : List.of("bin", "sbin", "lib", "lib64")) {
        Path hp = Path.of("/" + l);
        if (Files.isSymbolicLink(hp)) a.addAll(List.of("--symlink", "usr/" + l, "/" + l));
        else if (Files.isDirectory(hp)) a.addAll(List.of("--ro-bind", hp.toString(), "/" + l));
      }
      a.addAll(List.of("--ro-bind", dir.resolve("etc").toString(), "/etc", "--ro-bind-try", "/etc/ssl", "/etc/ssl"));
    }
    Path mirror = Files.isDirectory(config.providerMirror()) ? config.providerMirror() : dir.resolve("empty-mirror");
    String tmpfs = Long.toString(run.limits().tmpfsBytes());
    a.addAll(List.of("--proc", "/proc", "--dev", "/dev",
        "--size", tmpfs, "--tmpfs", "/tmp", "--size", tmpfs, "--tmpfs", GuestLayout.WORK,
        "--ro-bind", run.workspace().toString(), GuestLayout.WORKSPACE,
        "--bind", dir.resolve("results").toString(), GuestLayout.RESULTS,
        "--ro-bind", dir.resolve("runner.sh").toString(), GuestLayout.RUNNER,
        "--ro-bind", config.terraform().toString(), GuestLayout.TERRAFORM,
        "--ro-bind", mirror.toString(), GuestLayout.MIRROR,
        "--chdir", GuestLayout.WORK,
        "--setenv", "PATH", GuestLayout.TERRAFORM_DIR + ":/usr/bin:/bin",
        "--setenv", "HOME", GuestLayout.WORK,
        "--setenv", "TF_CLI_CONFIG_FILE", GuestLayout.CLI_CONFIG,
        "--setenv", "CHECKPOINT_DISABLE", "1",
        "--setenv", "TF_IN_AUTOMATION", "1",
        "--setenv", "GCE_METADATA_HOST", "127.0.0.1",
        "--setenv", "NO_GCE_CHECK", "True",
        "--setenv", "ALPHACORE_RESULTS", GuestLayout.RESULTS,
        "--setenv", "ALPHACORE_LOG_CAP", Long.toString(run.limits().logBytes())));
    if (run.network() != null) {
      for (String k : List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")) a.addAll(List.of("--setenv", k, run.network().proxyUrl()));
    }
    if (config.rootfs() == null) a.addAll(List.of("--remount-ro", "/"));
    if (config.seccomp()) a.addAll(List.of("--seccomp", "9"));
    a.addAll(List.of("/bin/sh", GuestLayout.RUNNER));
    return a;
  }

  /** The proxy address sandboxes see, for docs and the CLI. */
  public static String proxyAddress() {
    return GatewayNamespace.SERVICE_IP + ":" + GatewayNamespace.PROXY_PORT;
  }
}
