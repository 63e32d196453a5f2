package ai.alphacore.validation;

import ai.alphacore.core.judge.JudgeMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the service is configured with. Build with {@link #builder(Path)}; the CLI fills it
 * from options and ALPHACORE_* variables.
 *
 * @param token bearer token required on every endpoint but /health; null only with allowNoAuth
 * @param archiveRoot host paths given to POST /validate must resolve inside it; null only with allowAnyHostPath
 * @param dbUrl jdbc:postgresql:... to share a queue between hosts; null for SQLite in dataDir
 * @param fullSync fsync submissions and every commit (survive power loss, not only a crash)
 */
public record ApiConfig(
    String host, int port, Path dataDir, Path logDir, Path submissionsDir, String token, boolean allowNoAuth,
    Path archiveRoot, boolean allowAnyHostPath, int workers, int queueSize, JudgeMode judgeMode, String verification,
    String dbUrl, String nodeId, int defaultTimeoutS, int maxTimeoutS, int maxQueueWaitS, boolean fullSync,
    Duration retention, Duration rowRetention, Duration retentionInterval, long maxUploadBytes, Duration lease,
    int maxAttempts, int logTailLines) {

  public ApiConfig {
    if (port < 0 || port > 65535) throw invalid("port must be 0..65535, got " + port);
    if (workers < 1) throw invalid("workers must be at least 1");
    if (queueSize < 1) throw invalid("queue size must be at least 1");
    if (token == null && !allowNoAuth) {
      throw invalid("no bearer token: set ALPHACORE_VALIDATION_API_TOKEN (or --token-file), or pass --insecure-no-auth for local tests");
    }
    if (token != null && token.strip().length() < 16) throw invalid("the bearer token must be at least 16 characters");
    if (archiveRoot == null && !allowAnyHostPath) {
      throw invalid("no archive root: set ALPHACORE_VALIDATION_ARCHIVE_ROOT (or --archive-root), or pass --allow-any-host-path");
    }
    if (maxTimeoutS < 1 || defaultTimeoutS < 1) throw invalid("timeouts must be at least 1 s");
    if (maxAttempts < 1) throw invalid("max attempts must be at least 1");
  }

  private static ValidationApiException invalid(String m) {
    return new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID, m);
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Mutable builder with the documented defaults. */
  public static final class Builder {
    public String host = "127.0.0.1";
    public int port = 8888;
    public Path dataDir;
    public Path logDir;
    public Path submissionsDir;
    public String token;
    public boolean allowNoAuth;
    public Path archiveRoot;
    public boolean allowAnyHostPath;
    public int workers = 4;
    public int queueSize = 64;
    public JudgeMode judgeMode = JudgeMode.COMPAT;
    public String verification = "state";
    public String dbUrl;
    public String nodeId;
    public int defaultTimeoutS = 120;
    public int maxTimeoutS = 900;
    public int maxQueueWaitS = 300;
    public boolean fullSync;
    public Duration retention = Duration.ofDays(14);
    public Duration rowRetention = Duration.ofDays(90);
    public Duration retentionInterval = Duration.ofHours(1);
    public long maxUploadBytes = 64L * 1024 * 1024;
    public Duration lease = Duration.ofSeconds(60);
    public int maxAttempts = 2;
    public int logTailLines = 200;

    Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public ApiConfig build() {
      Path data = dataDir.toAbsolutePath().normalize();
      Path logs = logDir != null ? logDir.toAbsolutePath().normalize() : data.resolve("logs");
      Path subs = submissionsDir != null ? submissionsDir.toAbsolutePath().normalize() : data.resolve("submissions");
      String node = nodeId != null ? nodeId : defaultNodeId(data);
      return new ApiConfig(host, port, data, logs, subs, token, allowNoAuth,
          archiveRoot == null ? null : archiveRoot.toAbsolutePath().normalize(), allowAnyHostPath, workers, queueSize,
          judgeMode, verification, dbUrl, node, defaultTimeoutS, maxTimeoutS, maxQueueWaitS, fullSync, retention,
          rowRetention, retentionInterval, maxUploadBytes, lease, maxAttempts, logTailLines);
    }

    /** Stable across restarts on one host, so a restarted node recovers exactly its own jobs. */
    private static String defaultNodeId(Path data) {
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "host";
      }
      return host + ":" + Integer.toHexString(data.toString().hashCode());
    }
  }

  @Override
  public String toString() {
    // The token never reaches logs, even through a config dump.
    return "ApiConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", auth=" + (token != null ? "bearer" : "NONE")
        + ", archiveRoot=" + archiveRoot + ", workers=" + workers + ", queueSize=" + queueSize + ", judge=" + judgeMode.wire()
        + ", verification=" + verification + ", db=" + (dbUrl == null ? "sqlite" : "postgresql") + ", node=" + nodeId + "]";
  }
}
