package ai.alphacore.sandbox.refresh;

import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.sandbox.SandboxError.Fault;
import ai.alphacore.sandbox.SandboxException;
import ai.alphacore.sandbox.backend.GuestResult;
import ai.alphacore.sandbox.backend.GuestRun;
import ai.alphacore.sandbox.backend.GuestStage;
import ai.alphacore.sandbox.backend.IsolationError;
import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.backend.RunDir;
import ai.alphacore.sandbox.guest.GuestLayout;
import ai.alphacore.sandbox.intake.SafeZipExtractor;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.sandbox.lint.LintReport;
import ai.alphacore.sandbox.lint.TerraformLinter;
import ai.alphacore.sandbox.network.RunNetwork;
import ai.alphacore.sandbox.secret.Redactor;
import ai.alphacore.sandbox.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole sandboxed validation of one submission: intake (hostile-ZIP extraction and
 * sanitization), lint, then terraform init -backend=false and apply -refresh-only inside the
 * chosen backend with a validator-authored configuration and a mirror-only CLI config, then the
 * judge on the refreshed state. Never throws for a submission's or a host's failure: the result
 * says which stage failed, with a stable code and whose fault it is.
 */
public final class TerraformRefresh {
  private TerraformRefresh() {}

  /** A workspace given as a ZIP file or as a directory (zipped in memory, then the same intake). */
  public static RefreshResult run(Path workspace, byte[] task, RefreshOptions o) {
    try {
      byte[] zip = Files.isDirectory(workspace) ? zipDirectory(workspace) : Files.readAllBytes(workspace);
      return run(zip, task, o);
    } catch (IOException e) {
      String id = newId();
      return new RefreshResult(id, o.backend().name(), List.of(Stage.failed("intake", Duration.ZERO, "ZIP_IO", Fault.VALIDATOR,
          "cannot read workspace " + workspace + ": " + e.getMessage())), null, null, Map.of(), Duration.ZERO);
    } catch (IllegalArgumentException e) {
      return new RefreshResult(newId(), o.backend().name(), List.of(Stage.failed("intake", Duration.ZERO, "ZIP_SYMLINK", Fault.MINER,
          e.getMessage())), null, null, Map.of(), Duration.ZERO);
    }
  }

  public static RefreshResult run(byte[] zip, byte[] task, RefreshOptions o) {
    String id = newId();
    long t0 = System.nanoTime();
    List<Stage> stages = new ArrayList<>();
    Map<String, String> logs = new LinkedHashMap<>();
    try {
      // intake
      long t = System.nanoTime();
      Workspace ws;
      try {
        ws = new SafeZipExtractor(o.zipLimits()).extract(zip);
        stages.add(Stage.ok("intake", since(t)));
      } catch (SandboxException e) {
        stages.add(Stage.failed("intake", since(t), "ZIP_" + e.code().name(), e.code().fault(), e.getMessage()));
        return done(id, o, stages, null, null, logs, t0);
      }
      // lint
      t = System.nanoTime();
      if (o.lint() == null) {
        stages.add(Stage.skipped("lint"));
      } else {
        LintReport lr = new TerraformLinter(o.lint()).lint(ws);
        if (!lr.accepted()) {
          String msg = lr.findings().stream().map(f -> f.describe()).collect(Collectors.joining("; "));
          stages.add(Stage.failed("lint", since(t), "LINT_REJECTED", Fault.MINER, msg));
          return done(id, o, stages, null, null, logs, t0);
        }
        stages.add(Stage.ok("lint", since(t)));
      }
      return refreshAndJudge(id, ws, task, o, stages, t0);
    } catch (RuntimeException e) {
      stages.add(Stage.failed(nextStage(stages), Duration.ZERO, "SANDBOX_" + IsolationError.INTERNAL.name(), Fault.VALIDATOR,
          e.getClass().getSimpleName() + ": " + e.getMessage()));
      return done(id, o, stages, null, null, logs, t0);
    }
  }

  /**
   * For callers that already ran intake and lint (the Validation API): init, refresh and, when
   * {@code o.judgeMode()} is set, judge. Stages start at {@code init}.
   */
  public static RefreshResult refresh(Workspace ws, byte[] task, RefreshOptions o) {
    return refreshAndJudge(newId(), ws, task, o, new ArrayList<>(), System.nanoTime());
  }

  private static RefreshResult refreshAndJudge(String id, Workspace ws, byte[] task, RefreshOptions o, List<Stage> stages, long t0) {
    Map<String, String> logs = new LinkedHashMap<>();
    Redactor redactor = Redactor.none();
    Secret token = null;
    byte[] state;
    Verdict verdict = null;
    long t;
    try {
      // init + refresh inside the backend
      t = System.nanoTime();
      byte[] minerState = ws.file("terraform.tfstate").orElse(null);
      StatePrep.Prepared prep;
      try {
        if (minerState == null) throw new IsolationException(IsolationError.NO_STATE, "the submission has no terraform.tfstate at its root");
        prep = StatePrep.prepare(minerState, o.pins());
        if (o.network() == null && !prep.online().isEmpty()) {
          throw new IsolationException(IsolationError.NO_NETWORK, "the state's provider " + String.join(", ", prep.online())
              + " refreshes against its cloud API, but this validator runs the sandbox without a network: set ALPHACORE_SANDBOX_NETWORK=host"
              + " (docs/sandbox.md)");
        }
      } catch (IsolationException e) {
        stages.add(failed("init", since(t), e));
        return done(id, o, stages, null, null, logs, t0);
      }
      try {
        token = o.tokens().get();
      } catch (Exception e) {
        stages.add(failed("init", since(t), new IsolationException(IsolationError.TOKEN_UNAVAILABLE, "no token: " + e.getMessage())));
        return done(id, o, stages, null, null, logs, t0);
      }
      redactor = Redactor.of(token);
      GuestResult g;
      long tb = System.nanoTime();
      try (RunDir staging = RunDir.create("ws-" + id, "rwx--x--x"); RunNetwork net = o.network() == null ? null : o.network().attach(id)) {
        Path wsDir = Files.createDirectory(staging.resolve("workspace"));
        Files.write(wsDir.resolve("terraform.tfstate"), prep.state());
        Files.write(wsDir.resolve("alphacore_validator.tf.json"), prep.config());
        g = o.backend().run(new GuestRun(id, wsDir, token, o.limits(), net));
      } catch (IsolationException e) {
        stages.add(failed("init", since(tb), new IsolationException(e.code(), redactor.redact(e.getMessage()))));
        return done(id, o, stages, null, null, logs, t0);
      }
      logs.putAll(g.logs());
      state = stagesFromGuest(g, stages, since(tb), redactor);
      if (state == null) return done(id, o, stages, null, null, logs, t0);
      // judge
      if (o.judgeMode() == null) {
        stages.add(Stage.skipped("judge"));
      } else if (task == null) {
        stages.add(Stage.failed("judge", Duration.ZERO, "NO_TASK", Fault.VALIDATOR, "no task given to judge against"));
      } else {
        t = System.nanoTime();
        verdict = Judge.of(o.judgeMode()).judge(task, state);
        stages.add(Stage.ok("judge", since(t)));
      }
      return done(id, o, stages, state, verdict, logs, t0);
    } catch (IOException | RuntimeException e) {
      stages.add(Stage.failed(nextStage(stages), Duration.ZERO, "SANDBOX_" + IsolationError.INTERNAL.name(), Fault.VALIDATOR,
          redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage())));
      return done(id, o, stages, null, null, logs, t0);
    } finally {
      if (token != null) token.close();
    }
  }

  /** Adds init and refresh stages from what the guest reported; returns the state when refresh succeeded. */
  private static byte[] stagesFromGuest(GuestResult g, List<Stage> stages, Duration hostWall, Redactor r) {
    Map<String, GuestStage> by = g.stages().stream().collect(Collectors.toMap(GuestStage::name, s -> s, (a, b) -> b));
    GuestStage init = by.get("init");
    GuestStage refresh = by.get("refresh");
    // Host overhead (namespaces, cgroup, bwrap or VM boot) is booked to init, where the guest starts.
    Duration refreshTime = refresh == null ? Duration.ZERO : refresh.duration();
    Duration initTime = hostWall.minus(refreshTime).isNegative() ? Duration.ZERO : hostWall.minus(refreshTime);
    String running = init == null || init.exitCode() != 0 ? "init" : "refresh";
    if (g.killedBy() != null) {
      IsolationError code = g.killedBy().equals("timeout") ? IsolationError.TIMEOUT : IsolationError.RESOURCE_LIMIT;
      Fault fault = running.equals("init") && code == IsolationError.TIMEOUT ? Fault.VALIDATOR : code.fault();
      if (running.equals("refresh")) stages.add(Stage.ok("init", initTime));
      stages.add(Stage.failed(running, running.equals("init") ? initTime : refreshTime, "SANDBOX_" + code.name(), fault,
          "killed: " + g.killedBy() + " limit reached while running terraform " + running));
      return null;
    }
    if (init == null) {
      stages.add(failed("init", initTime, new IsolationException(IsolationError.NO_RESULTS,
          "the sandbox exited " + g.exitCode() + " before terraform init ran: " + r.redact(tail(g.logs().get("console"))))));
      return null;
    }
    if (init.exitCode() != 0) {
      stages.add(failed("init", initTime, new IsolationException(IsolationError.INIT_FAILED,
          "terraform init exited " + init.exitCode() + ": " + tail(g.logs().get("init")))));
      return null;
    }
    stages.add(Stage.ok("init", initTime));
    if (refresh == null || refresh.exitCode() != 0) {
      IsolationError code = refresh == null ? IsolationError.NO_RESULTS : IsolationError.REFRESH_FAILED;
      stages.add(failed("refresh", refreshTime, new IsolationException(code, refresh == null
          ? "the sandbox exited " + g.exitCode() + " during refresh"
          : "terraform apply -refresh-only exited " + refresh.exitCode() + ": " + tail(g.logs().get("refresh")))));
      return null;
    }
    if (g.exitCode() != GuestLayout.EXIT_OK || g.state() == null) {
      stages.add(failed("refresh", refreshTime, new IsolationException(IsolationError.NO_RESULTS,
          "refresh finished but no refreshed state came back (runner exit " + g.exitCode() + ")")));
      return null;
    }
    stages.add(Stage.ok("refresh", refreshTime));
    return g.state();
  }

  private static Stage failed(String stage, Duration d, IsolationException e) {
    return Stage.failed(stage, d, "SANDBOX_" + e.code().name(), e.code().fault(), e.getMessage());
  }

  private static String tail(String s) {
    if (s == null) return "";
    String t = s.strip();
    return t.length() <= 600 ? t : "..." + t.substring(t.length() - 600);
  }

  private static String nextStage(List<Stage> s) {
    List<String> order = List.of("intake", "lint", "init", "refresh", "judge");
    return s.size() < order.size() ? order.get(s.size()) : "judge";
  }

  private static RefreshResult done(String id, RefreshOptions o, List<Stage> stages, byte[] state, Verdict v, Map<String, String> logs,
      long t0) {
    return new RefreshResult(id, o.backend().name(), stages, state, v, logs, since(t0));
  }

  private static Duration since(long t) {
    return Duration.ofNanos(System.nanoTime() - t);
  }

  static String newId() {
    return HexFormat.of().formatHex(longBytes()).substring(0, 12);
  }

  private static byte[] longBytes() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  /** Zips a directory (regular files and directories only) so it goes through the same intake as a ZIP. */
  static byte[] zipDirectory(Path dir) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo); var s = Files.walk(dir)) {
      for (Path p : s.sorted().toList()) {
        if (p.equals(dir)) continue;
        String name = dir.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) throw new IllegalArgumentException("workspace contains a symlink: " + name);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          z.putNextEntry(new ZipEntry(name + "/"));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          z.putNextEntry(new ZipEntry(name));
          Files.copy(p, z);
        }
        z.closeEntry();
      }
    }
    return bo.toByteArray();
  }
}
