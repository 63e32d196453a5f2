package ai.alphacore.validation.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest extends JobStoreContract {
  @TempDir Path dir;

  @Override
  protected JobStore open() {
    return new SqliteJobStore(dir.resolve("jobs.db"), false);
  }
}
