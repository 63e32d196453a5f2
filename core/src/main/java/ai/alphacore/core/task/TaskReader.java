package ai.alphacore.core.task;

import ai.alphacore.core.judge.ErrorCode;
import ai.alphacore.core.tfstate.Json;
import ai.alphacore.core.tfstate.StateLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads task JSON documents within {@link StateLimits#TASK}, with actionable errors. */
public final class TaskReader {
  private final StateLimits limits;
  private final ObjectMapper mapper;

  public TaskReader() {
    this(StateLimits.TASK);
  }

  public TaskReader(StateLimits limits) {
    this.limits = limits;
    this.mapper = Json.mapper(limits).enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The parsed JSON document, any shape; see {@link Task#fromJson} for the typed reading. */
  public JsonNode readTree(Path path) throws TaskFormatException {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > limits.maxBytes()) {
        throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task file is " + size + " bytes; the limit is " + limits.maxBytes());
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new TaskFormatException(ErrorCode.TASK_NOT_FOUND, "task file not found: " + path);
    } catch (AccessDeniedException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "task file is not readable: " + path);
    } catch (IOException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "cannot read task file " + path + ": " + e.getMessage());
    }
    return readTree(bytes);
  }

  public JsonNode readTree(byte[] bytes) throws TaskFormatException {
    if (bytes.length > limits.maxBytes()) {
      throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task is " + bytes.length + " bytes; the limit is " + limits.maxBytes());
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task is not valid UTF-8 text");
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task starts with a UTF-8 byte-order mark; save it without one");
    }
    try {
      JsonNode n = mapper.readTree(bytes);
      if (n == null || n.isMissingNode()) throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task file is empty");
      return n;
    } catch (StreamConstraintsException e) {
      throw new TaskFormatException(ErrorCode.LIMIT_EXCEEDED, "task exceeds a limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new TaskFormatException(ErrorCode.TASK_INVALID_JSON, "task is not valid JSON: " + e.getOriginalMessage() + where);
    } catch (IOException e) {
      throw new TaskFormatException(ErrorCode.TASK_UNREADABLE, "cannot read task: " + e.getMessage());
    }
  }

  /** Reads and types a task (strict reading). */
  public Task read(Path path) throws TaskFormatException {
    return Task.fromJson(readTree(path));
  }
}
