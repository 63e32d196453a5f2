package ai.alphacore.cloud.cloudsim;

import ai.alphacore.cloud.CloudError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cloudsim's state in one SQLite file: resources as JSON documents keyed by their canonical
 * resource name, blobs (object media, secret payloads), projects and principals. Callers hold
 * {@link #lock()} around a whole request, so check-then-write sequences are atomic.
 */
final class Store implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Connection c;
  private final Object lock = new Object();

  Store(Path file) {
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS resources(key TEXT PRIMARY KEY, kind TEXT NOT NULL,"
            + " project TEXT NOT NULL, parent TEXT NOT NULL, body TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS resources_by_parent ON resources(kind, parent, key)");
        s.execute("CREATE TABLE IF NOT EXISTS blobs(key TEXT PRIMARY KEY, data BLOB NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS projects(project_id TEXT PRIMARY KEY, project_number TEXT NOT NULL UNIQUE,"
            + " body TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS principals(token_sha256 TEXT PRIMARY KEY, member TEXT NOT NULL)");
      }
    } catch (SQLException e) {
      throw new CloudError(CloudError.Code.STORE_FAILURE, "cannot open cloudsim store " + file + ": " + e.getMessage(), e);
    }
  }

  Object lock() {
    return lock;
  }

  Optional<ObjectNode> get(String key) {
    return one("SELECT body FROM resources WHERE key=?", key);
  }

  /** Inserts a new resource; false when the key is taken. */
  boolean insert(String key, String kind, String project, String parent, ObjectNode body) {
    return update("INSERT OR IGNORE INTO resources(key, kind, project, parent, body) VALUES(?,?,?,?,?)",
        key, kind, project, parent, write(body)) == 1;
  }

  /** Replaces the body of an existing resource. */
  void replace(String key, ObjectNode body) {
    update("UPDATE resources SET body=? WHERE key=?", write(body), key);
  }

  boolean delete(String key) {
    update("DELETE FROM blobs WHERE key=?", key);
    return update("DELETE FROM resources WHERE key=?", key) == 1;
  }

  /** Resources of a kind under a parent, by key, starting after {@code afterKey} (null: from the start). */
  List<ObjectNode> list(String kind, String parent, String afterKey, int limit) {
    List<ObjectNode> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT body FROM resources WHERE kind=? AND parent=? AND key>? ORDER BY key LIMIT ?")) {
      ps.setString(1, kind);
      ps.setString(2, parent);
      ps.setString(3, afterKey == null ? "" : afterKey);
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(read(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return out;
  }

  /** Keys of a kind under a parent (for in-use checks and cascades). */
  List<String> keys(String kind, String parent) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT key FROM resources WHERE kind=? AND parent=? ORDER BY key")) {
      ps.setString(1, kind);
      ps.setString(2, parent);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return out;
  }

  /** All bodies of a kind in a project (for reference checks such as "network in use"). */
  List<ObjectNode> inProject(String kind, String project) {
    List<ObjectNode> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM resources WHERE kind=? AND project=? ORDER BY key")) {
      ps.setString(1, kind);
      ps.setString(2, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(read(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return out;
  }

  /** The project that owns a resource key, if the key exists. */
  Optional<String> projectOf(String key) {
    try (PreparedStatement ps = c.prepareStatement("SELECT project FROM resources WHERE key=?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  void putBlob(String key, byte[] data) {
    update("INSERT OR REPLACE INTO blobs(key, data) VALUES(?,?)", key, data);
  }

  Optional<byte[]> blob(String key) {
    try (PreparedStatement ps = c.prepareStatement("SELECT data FROM blobs WHERE key=?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  Optional<ObjectNode> project(String projectId) {
    return one("SELECT body FROM projects WHERE project_id=?", projectId);
  }

  boolean insertProject(String projectId, String number, ObjectNode body) {
    return update("INSERT OR IGNORE INTO projects(project_id, project_number, body) VALUES(?,?,?)",
        projectId, number, write(body)) == 1;
  }

  Optional<String> projectIdByNumber(String number) {
    try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM projects WHERE project_number=?")) {
      ps.setString(1, number);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  List<ObjectNode> projects() {
    List<ObjectNode> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM projects ORDER BY project_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(read(rs.getString(1)));
    } catch (SQLException e) {
      throw failure(e);
    }
    return out;
  }

  void putPrincipal(String tokenSha256, String member) {
    update("INSERT OR REPLACE INTO principals(token_sha256, member) VALUES(?,?)", tokenSha256, member);
  }

  Optional<String> principal(String tokenSha256) {
    try (PreparedStatement ps = c.prepareStatement("SELECT member FROM principals WHERE token_sha256=?")) {
      ps.setString(1, tokenSha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing: nothing left to do
    }
  }

  private Optional<ObjectNode> one(String sql, String arg) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private int update(String sql, Object... args) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof byte[] b) ps.setBytes(i + 1, b);
        else ps.setString(i + 1, (String) args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static String write(ObjectNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode read(String s) {
    try {
      return (ObjectNode) MAPPER.readTree(s);
    } catch (JsonProcessingException e) {
      throw new CloudError(CloudError.Code.STORE_FAILURE, "corrupt document in cloudsim store: " + e.getOriginalMessage());
    }
  }

  private static CloudError failure(SQLException e) {
    return new CloudError(CloudError.Code.STORE_FAILURE, "cloudsim store failure: " + e.getMessage(), e);
  }
}
