package ai.alphacore.validation.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests use: {@code ALPHACORE_TEST_PG_URL}, started by
 * scripts/ci-postgres.sh. Under CI=true a missing server FAILS the test; locally it is skipped
 * with a loud reason.
 */
public final class PostgresSupport {
  private PostgresSupport() {}

  public static String baseUrl() {
    String url = System.getenv("ALPHACORE_TEST_PG_URL");
    String why = null;
    if (url == null || url.isBlank()) {
      why = "ALPHACORE_TEST_PG_URL is not set; run: eval \"$(scripts/ci-postgres.sh start)\"";
    } else {
      try (Connection c = DriverManager.getConnection(url)) {
        c.isValid(5);
      } catch (SQLException e) {
        why = "PostgreSQL at ALPHACORE_TEST_PG_URL is unreachable: " + e.getMessage();
      }
    }
    if (why != null) {
      if ("true".equals(System.getenv("CI"))) Assertions.fail("PostgreSQL tests cannot be skipped in CI: " + why);
      System.err.println("!!! SKIPPING PostgreSQL tests: " + why);
      Assumptions.abort("PostgreSQL unavailable (not CI): " + why);
    }
    return url;
  }

  /** A fresh schema per test; the returned URL selects it. */
  public static String freshSchemaUrl() {
    String base = baseUrl();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
