package ai.alphacore.core.task;

import ai.alphacore.core.judge.ErrorCode;
import ai.alphacore.core.tfstate.Files2;
import ai.alphacore.core.tfstate.Json;
import ai.alphacore.core.tfstate.StateLimits;
import ai.alphacore.core.tfstate.Utf8;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads task JSON documents within {@link StateLimits#TASK}, with actionable errors. */
public final class TaskReader {
  private final StateLimits limits;
  private final ObjectMapper mapper;
  private final ObjectMapper streaming; // reads values mid-document, so no trailing-token check

  public TaskReader() {
    this(StateLimits.TASK);
  }

  public TaskReader(StateLimits limits) {
    this.limits = limits;
    this.mapper = Json.mapper(limits).enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.streaming = Json.mapper(limits);
  }

  /** The parsed JSON document, any shape; see {@link Task#fromJson} for the typed reading. */
  public JsonNode readTree(Path path) throws TaskFormatException {
    return readTree(readBytes(path));
  }

  private byte[] readBytes(Path path) throws TaskFormatException {
    try {
      return Files2.readUpTo(path, limits.maxBytes());
    } catch (Files2.TooLarge e) {
      throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task file is " + e.size + " bytes; the limit is " + limits.maxBytes());
    } catch (NoSuchFileException e) {
      throw new TaskFormatException(ErrorCode.TASK_NOT_FOUND, "task file not found: " + path);
    } catch (AccessDeniedException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "task file is not readable: " + path);
    } catch (IOException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "cannot read task file " + path + ": " + e.getMessage());
    }
  }

  public JsonNode readTree(byte[] bytes) throws TaskFormatException {
    checkEncoding(bytes);
    try {
      JsonNode n = mapper.readTree(bytes);
      if (n == null || n.isMissingNode()) throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task file is empty");
      return n;
    } catch (StreamConstraintsException e) {
      throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task exceeds a limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "cannot read task: " + e.getMessage());
    }
  }

  private void checkEncoding(byte[] bytes) throws TaskFormatException {
    if (bytes.length > limits.maxBytes()) {
      throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task is " + bytes.length + " bytes; the limit is " + limits.maxBytes());
    }
    if (!Utf8.isValid(bytes)) throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task is not valid UTF-8 text");
    if (Utf8.hasBom(bytes)) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task starts with a UTF-8 byte-order mark; save it without one");
    }
  }

  /**
   * The parts of a task document the judge reads: {@code task}, {@code task_id} and
   * {@code invariants} (at the root and inside {@code task}). Every other field is checked as
   * JSON but not materialised, so a long prompt or metadata costs no tree building. A root that
   * is not an object is returned whole.
   */
  public JsonNode readForJudge(Path path) throws TaskFormatException {
    return readForJudge(readBytes(path));
  }

  public JsonNode readForJudge(byte[] bytes) throws TaskFormatException {
    checkEncoding(bytes);
    try (JsonParser p = streaming.getFactory().createParser(bytes)) {
      JsonToken t = p.nextToken();
      if (t == null) throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task file is empty");
      JsonNode n = t == JsonToken.START_OBJECT ? judgedFields(p, true) : streaming.readTree(p);
      if (p.nextToken() != null) throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task is not valid JSON: extra data after the document");
      return n;
    } catch (StreamConstraintsException e) {
      throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task exceeds a limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "cannot read task: " + e.getMessage());
    }
  }

  private JsonNode judgedFields(JsonParser p, boolean root) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode o = streaming.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken v = p.nextToken();
      if (root && k.equals("task") && v == JsonToken.START_OBJECT) o.set(k, judgedFields(p, false));
      else if (k.equals("task") || k.equals("task_id") || k.equals("invariants")) o.set(k, ai.alphacore.core.tfstate.Trees.read(p));
      else p.skipChildren();
    }
    return o;
  }

  private static TaskFormatException invalid(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task is not valid JSON: " + e.getOriginalMessage() + where);
  }

  /** Reads and types a task (strict reading). */
  public Task read(Path path) throws TaskFormatException {
    return Task.fromJson(readTree(path));
  }
}
