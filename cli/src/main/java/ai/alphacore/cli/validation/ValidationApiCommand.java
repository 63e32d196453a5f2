package ai.alphacore.cli.validation;

import ai.alphacore.cli.Cli;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.validation.ApiConfig;
import ai.alphacore.validation.ValidationApiException;
import ai.alphacore.validation.ValidationService;
import ai.alphacore.validation.logging.JsonLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore validation-api}: runs the Validation API service until stopped. */
@Command(
    name = "validation-api",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Validation API: judges miner submissions (ZIPs of Terraform workspaces) as durable jobs.",
      "The bearer token comes from ALPHACORE_VALIDATION_API_TOKEN or --token-file, never from the command line.",
      "Options default to the ALPHACORE_* variables named in brackets."
    })
public final class ValidationApiCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", defaultValue = "${env:ALPHACORE_VALIDATION_HTTP_HOST:-127.0.0.1}", description = "Bind address (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_HTTP_HOST].")
  String host;

  @Option(names = "--port", defaultValue = "${env:ALPHACORE_VALIDATION_HTTP_PORT:-8888}", description = "Port (default ${DEFAULT-VALUE}; 0 picks one) [ALPHACORE_VALIDATION_HTTP_PORT].")
  int port;

  @Option(names = "--data-dir", defaultValue = "${env:ALPHACORE_VALIDATION_DATA_DIR:-.alphacore/validation}", description = "Job database, logs and submissions (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_DATA_DIR].")
  Path dataDir;

  @Option(names = "--log-dir", defaultValue = "${env:ALPHACORE_VALIDATION_LOG_DIR}", description = "Per-job logs (default <data-dir>/logs) [ALPHACORE_VALIDATION_LOG_DIR].")
  Path logDir;

  @Option(names = "--submissions-dir", defaultValue = "${env:ALPHACORE_VALIDATION_SUBMISSIONS_DIR}", description = "Stored zips (default <data-dir>/submissions) [ALPHACORE_VALIDATION_SUBMISSIONS_DIR].")
  Path submissionsDir;

  @Option(names = "--archive-root", defaultValue = "${env:ALPHACORE_VALIDATION_ARCHIVE_ROOT}", description = "Host paths given to POST /validate must be inside it [ALPHACORE_VALIDATION_ARCHIVE_ROOT].")
  Path archiveRoot;

  @Option(names = "--allow-any-host-path", description = "Accept host paths anywhere (unsafe; only without an archive root).")
  boolean allowAnyHostPath;

  @Option(names = "--token-file", paramLabel = "FILE", description = "Read the bearer token from FILE instead of ALPHACORE_VALIDATION_API_TOKEN.")
  Path tokenFile;

  @Option(names = "--insecure-no-auth", description = "Run without a bearer token (local tests only).")
  boolean noAuth;

  @Option(names = "--workers", defaultValue = "${env:ALPHACORE_SANDBOX_WORKERS:-4}", description = "Concurrent jobs on this host (default ${DEFAULT-VALUE}) [ALPHACORE_SANDBOX_WORKERS].")
  int workers;

  @Option(names = "--queue-size", defaultValue = "${env:ALPHACORE_SANDBOX_QUEUE_SIZE:-64}", description = "Waiting jobs before 429 (default ${DEFAULT-VALUE}) [ALPHACORE_SANDBOX_QUEUE_SIZE].")
  int queueSize;

  @Option(names = "--db-url", defaultValue = "${env:ALPHACORE_VALIDATION_DB_URL}", description = "jdbc:postgresql://... to share one queue between hosts (default: SQLite in the data dir) [ALPHACORE_VALIDATION_DB_URL].")
  String dbUrl;

  @Option(names = "--node-id", defaultValue = "${env:ALPHACORE_VALIDATION_NODE_ID}", description = "This host's id in a shared queue (default: hostname + data dir) [ALPHACORE_VALIDATION_NODE_ID].")
  String nodeId;

  @Option(names = "--judge-mode", defaultValue = "${env:ALPHACORE_VALIDATION_JUDGE_MODE:-compat}", description = "compat (reference scores) or strict (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_JUDGE_MODE].")
  String judgeMode;

  @Option(names = "--verification", defaultValue = "${env:ALPHACORE_VALIDATION_VERIFICATION:-state}", description = {"state: judge the submitted state as given, TRUSTING THE MINER (default ${DEFAULT-VALUE});",
      "gcp-api: read every resource the state names from the cloud (ALPHACORE_GCP_ENDPOINT, default Google's;",
      "credentials from ALPHACORE_GCP_CREDS_FILE, ALPHACORE_GCP_TOKEN_FILE or GOOGLE_OAUTH_ACCESS_TOKEN);",
      "terraform-refresh: terraform apply -refresh-only in the sandbox (ALPHACORE_SANDBOX_BACKEND; token from",
      "GOOGLE_OAUTH_ACCESS_TOKEN; ALPHACORE_SANDBOX_NETWORK=host to reach the Google APIs) [ALPHACORE_VALIDATION_VERIFICATION]."})
  String verification;

  @Option(names = "--max-timeout-s", defaultValue = "${env:ALPHACORE_VALIDATION_MAX_TIMEOUT_S:-900}", description = "Upper bound on a job's timeout_s (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_MAX_TIMEOUT_S].")
  int maxTimeoutS;

  @Option(names = "--retention-days", defaultValue = "${env:ALPHACORE_VALIDATION_RETENTION_DAYS:-14}", description = "Delete job logs and submissions after N days (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_RETENTION_DAYS].")
  int retentionDays;

  @Option(names = "--retention-interval-s", defaultValue = "${env:ALPHACORE_VALIDATION_RETENTION_INTERVAL_S:-3600}", description = "How often retention runs (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_RETENTION_INTERVAL_S].")
  int retentionIntervalS;

  @Option(names = "--fsync", defaultValue = "${env:ALPHACORE_VALIDATION_FSYNC:-false}", description = "fsync submissions and database commits (survive power loss) [ALPHACORE_VALIDATION_FSYNC].")
  boolean fsync;

  @Option(names = "--log-level", defaultValue = "${env:ALPHACORE_VALIDATION_API_LOG_LEVEL:-INFO}", description = "JSON log level on stderr (default ${DEFAULT-VALUE}) [ALPHACORE_VALIDATION_API_LOG_LEVEL].")
  String logLevel;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    ApiConfig cfg;
    try {
      cfg = config();
    } catch (ValidationApiException | IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    JsonLogging.install(logLevel);
    ValidationService svc;
    try {
      svc = ValidationService.start(cfg);
    } catch (ValidationApiException e) {
      err.println("error: " + e.code() + ": " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      svc.close();
      stopped.countDown();
    }, "validation-api-shutdown"));
    err.println("alphacore validation-api: listening on http://" + cfg.host() + ":" + svc.port() + " (verification "
        + cfg.verification() + (svc.verification().trustsMinerState() ? ", trusts the miner's state" : "") + ")");
    stopped.await();
    return 0;
  }

  ApiConfig config() throws IOException {
    ApiConfig.Builder b = ApiConfig.builder(dataDir);
    b.host = host;
    b.port = port;
    b.logDir = logDir;
    b.submissionsDir = submissionsDir;
    b.archiveRoot = archiveRoot;
    if (archiveRoot != null && !Files.isDirectory(archiveRoot)) throw new IllegalArgumentException("--archive-root " + archiveRoot + " is not a directory");
    b.allowAnyHostPath = allowAnyHostPath;
    b.allowNoAuth = noAuth;
    b.token = tokenFile != null ? Files.readString(tokenFile).strip() : blankToNull(System.getenv("ALPHACORE_VALIDATION_API_TOKEN"));
    b.workers = workers;
    b.queueSize = queueSize;
    b.dbUrl = blankToNull(dbUrl);
    b.nodeId = blankToNull(nodeId);
    b.judgeMode = JudgeMode.parse(judgeMode);
    b.verification = verification;
    b.maxTimeoutS = maxTimeoutS;
    if (retentionDays < 1) throw new IllegalArgumentException("--retention-days must be at least 1");
    b.retention = Duration.ofDays(retentionDays);
    b.retentionInterval = Duration.ofSeconds(Math.max(1, retentionIntervalS));
    b.fullSync = fsync;
    String tail = System.getenv("ALPHACORE_VALIDATION_LOG_TAIL_LINES");
    if (tail != null && !tail.isBlank()) b.logTailLines = Math.max(1, Math.min(5000, Integer.parseInt(tail.strip())));
    ai.alphacore.validation.verification.Verifications.byName(verification);
    return b.build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
