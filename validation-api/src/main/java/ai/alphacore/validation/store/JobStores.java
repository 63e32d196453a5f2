package ai.alphacore.validation.store;

import ai.alphacore.validation.ValidationApiException;
import java.nio.file.Path;

/** Opens the store a URL names: {@code jdbc:postgresql:...} or a SQLite file (the default). */
public final class JobStores {
  private JobStores() {}

  public static JobStore open(String dbUrl, Path dataDir, boolean fullSync, int poolSize) {
    if (dbUrl == null || dbUrl.isBlank()) return new SqliteJobStore(dataDir.resolve("jobs.db"), fullSync);
    if (dbUrl.startsWith("jdbc:postgresql:")) return new PostgresJobStore(dbUrl, poolSize);
    if (dbUrl.startsWith("jdbc:sqlite:")) return new SqliteJobStore(Path.of(dbUrl.substring("jdbc:sqlite:".length())), fullSync);
    throw new ValidationApiException(ValidationApiException.Code.CONFIG_INVALID,
        "unsupported database URL (expected jdbc:postgresql:... or jdbc:sqlite:...): " + PostgresJobStore.redactUrl(dbUrl));
  }
}
