package ai.alphacore.validation.job;

import ai.alphacore.core.judge.ErrorCode;
import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.report.JsonReport;
import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.SandboxException;
import ai.alphacore.sandbox.intake.SafeZipExtractor;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.sandbox.lint.LintFinding;
import ai.alphacore.sandbox.lint.LintReport;
import ai.alphacore.sandbox.lint.TerraformLinter;
import ai.alphacore.validation.verification.StageSink;
import ai.alphacore.validation.verification.Verification;
import ai.alphacore.validation.verification.VerificationContext;
import ai.alphacore.validation.verification.VerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Runs one job: stored zip -> intake (limits, sanitize) -> lint -> verification -> result.
 * Never throws: every failure becomes a {@link JobResult} whose outcome says whose fault it was.
 */
public final class JobRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<ErrorCode> MINER_STATE_ERRORS = EnumSet.of(ErrorCode.STATE_NOT_FOUND, ErrorCode.STATE_UNREADABLE,
      ErrorCode.STATE_INVALID_JSON, ErrorCode.STATE_INVALID_UTF8, ErrorCode.STATE_SHAPE, ErrorCode.STATE_VERSION,
      ErrorCode.LIMIT_EXCEEDED);

  private final SafeZipExtractor extractor;
  private final TerraformLinter linter;
  private final Verification verification;
  private final Judge judge;
  private final Path scratchRoot;
  private final StageSink stageSink;

  public JobRunner(SafeZipExtractor extractor, TerraformLinter linter, Verification verification, Judge judge, Path scratchRoot) {
    this(extractor, linter, verification, judge, scratchRoot, StageSink.NONE);
  }

  /** @param stageSink receives intake, lint and the verification's own stage timings */
  public JobRunner(SafeZipExtractor extractor, TerraformLinter linter, Verification verification, Judge judge, Path scratchRoot,
      StageSink stageSink) {
    this.extractor = extractor;
    this.linter = linter;
    this.verification = verification;
    this.judge = judge;
    this.scratchRoot = scratchRoot;
    this.stageSink = stageSink;
  }

  public Verification verification() {
    return verification;
  }

  public JobResult run(JobRecord job, JobLog log, Deadline deadline) {
    JobResult r;
    try {
      r = stages(job, log, deadline);
    } catch (Deadline.Exceeded e) {
      r = JobResult.error(JobOutcome.TIMEOUT, "TIMEOUT", "Job " + e.getMessage() + " (timeout_s=" + job.timeoutS() + ")",
          "The validator retries timeouts; they are not scored against the miner.");
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // Our bug or our classpath, never the miner's; StackOverflowError so deep input cannot kill a worker.
      r = JobResult.error(JobOutcome.INFRA_ERROR, "INTERNAL", "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
    ObjectNode v = r.details().putObject("verification");
    v.put("mode", verification.name());
    v.put("trusts_miner_state", verification.trustsMinerState());
    if (verification.trustsMinerState()) v.put("note", "judged the submitted terraform.tfstate as given; nothing was refreshed or read from the cloud");
    r.details().put("judge_mode", judge.mode().wire());
    r.details().put("attempt", job.attempts());
    return r;
  }

  private JobResult stages(JobRecord job, JobLog log, Deadline deadline) {
    byte[] zip;
    try {
      zip = Files.readAllBytes(Path.of(job.submissionPath()));
    } catch (NoSuchFileException e) {
      return JobResult.error(JobOutcome.INFRA_ERROR, "SUBMISSION_MISSING", "stored submission is gone: " + job.submissionPath(), null);
    } catch (IOException e) {
      return JobResult.error(JobOutcome.INFRA_ERROR, "SUBMISSION_UNREADABLE", "cannot read the stored submission: " + e.getMessage(), null);
    }
    if (!sha256(zip).equals(job.submissionSha256())) {
      return JobResult.error(JobOutcome.INFRA_ERROR, "SUBMISSION_CHANGED", "stored submission no longer matches its SHA-256", null);
    }
    Workspace ws;
    long t0 = System.nanoTime();
    try {
      ws = extractor.extract(zip);
      stageSink.record("intake", "ok", Duration.ofNanos(System.nanoTime() - t0));
    } catch (SandboxException e) {
      stageSink.record("intake", "failed", Duration.ofNanos(System.nanoTime() - t0));
      log.line("intake: refused: " + e.code() + ": " + e.getMessage());
      boolean miner = e.code().fault() == SandboxError.Fault.MINER;
      return JobResult.error(miner ? JobOutcome.MINER_ERROR : JobOutcome.INFRA_ERROR, "ZIP_" + e.code().name(), e.getMessage(), null);
    }
    ObjectNode intake = JsonNodeFactory.instance.objectNode();
    intake.put("entries", ws.report().entries());
    intake.put("bytes", ws.report().bytes());
    intake.set("kept", JSON.valueToTree(ws.report().kept()));
    intake.set("dropped", JSON.valueToTree(ws.report().dropped()));
    log.line("intake: " + ws.report().entries() + " entries, " + ws.report().bytes() + " bytes; kept " + ws.report().kept()
        + "; dropped " + ws.report().dropped());
    deadline.check("lint");

    long tl = System.nanoTime();
    LintReport lint = linter.lint(ws);
    stageSink.record("lint", lint.accepted() ? "ok" : "failed", Duration.ofNanos(System.nanoTime() - tl));
    if (!lint.accepted()) {
      lint.findings().forEach(f -> log.line("lint: " + f.describe()));
      LintFinding first = lint.findings().get(0);
      String more = lint.findings().size() > 1 ? " (+" + (lint.findings().size() - 1) + " more)" : "";
      JobResult r = JobResult.error(JobOutcome.MINER_ERROR, "LINT_REJECTED", "Refusing configuration: " + first.describe() + more,
          first.rule().why());
      ArrayNode arr = r.details().putArray("lint");
      for (LintFinding f : lint.findings()) {
        ObjectNode o = arr.addObject();
        o.put("rule", f.rule().id());
        o.put("file", f.file());
        o.put("line", f.line());
        o.put("message", f.message());
      }
      r.details().set("intake", intake);
      return r;
    }
    log.line("lint: accepted (" + lint.filesChecked() + " files)");
    deadline.check("verification");

    JsonNode task;
    try {
      task = JSON.readTree(job.taskJson());
    } catch (IOException e) {
      return JobResult.error(JobOutcome.INFRA_ERROR, "TASK_INVALID_JSON", "stored task JSON is unreadable", null);
    }
    Path scratch = scratchRoot.resolve(job.jobId());
    Verdict v;
    long tv = System.nanoTime();
    try {
      v = verification.verify(new VerificationContext(job.jobId(), task, ws, judge, log, deadline, scratch, stageSink));
      stageSink.record("verify", "ok", Duration.ofNanos(System.nanoTime() - tv));
    } catch (VerificationException e) {
      stageSink.record("verify", "failed", Duration.ofNanos(System.nanoTime() - tv));
      log.line("verification " + verification.name() + " failed: " + e.code() + ": " + e.getMessage());
      return JobResult.error(e.minerFault() ? JobOutcome.MINER_ERROR : JobOutcome.INFRA_ERROR, e.code(), e.getMessage(), null);
    } finally {
      try {
        Workspace.deleteTree(scratch);
      } catch (IOException e) {
        log.line("scratch cleanup failed: " + e.getMessage());
      }
    }
    JobResult r = fromVerdict(v);
    r.details().set("intake", intake);
    log.line("verdict: outcome=" + r.outcome().wire() + " score=" + r.score() + " " + r.passed() + "/" + r.total()
        + (r.msg() != null ? " msg=" + r.msg() : ""));
    return r;
  }

  /** Maps the judge's verdict: invariants decide pass/fail; bad states are the miner's, bad tasks ours. */
  static JobResult fromVerdict(Verdict v) {
    ObjectNode report = JsonReport.toJson(v);
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.set("invariants", report.get("invariants"));
    if (v.error() != null) {
      ErrorCode code = v.error().code();
      JobOutcome o = MINER_STATE_ERRORS.contains(code) ? JobOutcome.MINER_ERROR : JobOutcome.INFRA_ERROR;
      String msg = v.msg() != null ? v.msg() : v.error().message();
      return new JobResult(o, 0.0, v.passed(), v.total(), msg, code.name(), v.error().message(), v.error().hint(), details);
    }
    if (v.total() == 0) {
      return new JobResult(JobOutcome.INFRA_ERROR, 0.0, 0, 0, v.msg(), ErrorCode.TASK_NO_INVARIANTS.name(),
          "the task has no invariants", ErrorCode.TASK_NO_INVARIANTS.hint(), details);
    }
    JobOutcome o = v.passed() == v.total() ? JobOutcome.PASSED : JobOutcome.FAILED_INVARIANTS;
    return new JobResult(o, v.score(), v.passed(), v.total(), v.msg(), null, null, null, details);
  }

  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
