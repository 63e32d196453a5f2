package ai.alphacore.core.tfstate;

import ai.alphacore.core.judge.ErrorCode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Streaming reader for Terraform state (format 4). Only the attributes of resource types the
 * caller asks for are materialised; everything else is skipped token by token, so memory stays
 * bounded by the relevant resources, not the file.
 *
 * <p>Shape rules follow the reference parser (validation.md 2.1), which iterates Python values:
 * a missing {@code resources} or {@code instances} is empty, an empty object or string iterates
 * as nothing, null or a scalar is an error, and so is a non-object element. {@code mode} other
 * than {@code managed} (default when absent) is skipped before its instances are looked at.
 */
public final class StateReader {
  private final StateLimits limits;
  private final ObjectMapper mapper;

  public StateReader(StateLimits limits) {
    this.limits = limits;
    this.mapper = Json.mapper(limits);
  }

  public TerraformState read(Path path, Predicate<String> keepType) throws StateFormatException {
    return read(path, StateSelection.matching(keepType));
  }

  public TerraformState read(InputStream raw, Predicate<String> keepType) throws StateFormatException {
    return read(raw, StateSelection.matching(keepType));
  }

  /** Files up to this size are read in one call and parsed from memory (fewer system calls). */
  private static final long SMALL_FILE = 4 << 20;

  public TerraformState read(Path path, StateSelection selection) throws StateFormatException {
    try {
      return read(Files2.readUpTo(path, SMALL_FILE), selection);
    } catch (Files2.TooLarge e) {
      // large: stream it below
    } catch (NoSuchFileException e) {
      throw new StateFormatException(ErrorCode.STATE_NOT_FOUND, "state file not found: " + path);
    } catch (IOException e) {
      // the streaming path reports the failure
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, selection);
    } catch (NoSuchFileException e) {
      throw new StateFormatException(ErrorCode.STATE_NOT_FOUND, "state file not found: " + path);
    } catch (AccessDeniedException e) {
      throw new StateFormatException(ErrorCode.STATE_UNREADABLE, "state file is not readable: " + path);
    } catch (IOException e) {
      throw new StateFormatException(ErrorCode.STATE_UNREADABLE, "cannot read state file " + path + ": " + e.getMessage());
    }
  }

  /** Parses a state already in memory. */
  public TerraformState read(byte[] bytes, StateSelection selection) throws StateFormatException {
    if (bytes.length > limits.maxBytes()) {
      throw new StateFormatException(ErrorCode.LIMIT_EXCEEDED, "document is larger than the limit of " + limits.maxBytes() + " bytes");
    }
    if (Utf8.hasBom(bytes)) {
      throw new StateFormatException(ErrorCode.STATE_INVALID_UTF8, "file starts with a UTF-8 byte-order mark");
    }
    if (!Utf8.isValid(bytes)) throw new StateFormatException(ErrorCode.STATE_INVALID_UTF8, "the state is not valid UTF-8");
    try (JsonParser p = mapper.getFactory().createParser(bytes)) {
      return parse(p, selection, bytes.length);
    } catch (StreamConstraintsException e) {
      throw new StateFormatException(ErrorCode.LIMIT_EXCEEDED, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw invalidJson(e);
    } catch (IOException e) {
      throw new StateFormatException(ErrorCode.STATE_UNREADABLE, "cannot read state: " + e.getMessage());
    }
  }

  private TerraformState parse(JsonParser p, StateSelection selection, long bytes) throws IOException, StateFormatException {
    Pass pass = new Pass(p, selection);
    TerraformState state = pass.document(bytes);
    if (p.nextToken() != null) throw invalid("extra data after the JSON document", p);
    if (pass.shapeError != null) throw new StateFormatException(ErrorCode.STATE_SHAPE, pass.shapeError);
    return state;
  }

  public TerraformState read(InputStream raw, StateSelection selection) throws StateFormatException {
    // No extra buffering: Jackson reads in blocks of its own.
    Utf8CheckingInputStream in = new Utf8CheckingInputStream(raw, limits.maxBytes());
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      return parse(p, selection, -1);
    } catch (Utf8CheckingInputStream.Malformed e) {
      throw new StateFormatException(e.limit ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.STATE_INVALID_UTF8, e.getMessage());
    } catch (StreamConstraintsException e) {
      throw new StateFormatException(ErrorCode.LIMIT_EXCEEDED, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof Utf8CheckingInputStream.Malformed m) {
        throw new StateFormatException(m.limit ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.STATE_INVALID_UTF8, m.getMessage());
      }
      throw invalidJson(e);
    } catch (IOException e) {
      throw new StateFormatException(ErrorCode.STATE_UNREADABLE, "cannot read state: " + e.getMessage());
    }
  }

  private static StateFormatException invalid(String what, JsonParser p) {
    return new StateFormatException(
        ErrorCode.STATE_INVALID_JSON,
        "invalid JSON in state: " + what + " at line " + p.currentLocation().getLineNr() + ", column "
            + p.currentLocation().getColumnNr());
  }

  private static StateFormatException invalidJson(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    if (e.getLocation() != null) {
      msg += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return new StateFormatException(ErrorCode.STATE_INVALID_JSON, "invalid JSON in state: " + msg);
  }

  /** One pass over one document. The first shape error is kept; parsing goes on to the end. */
  private final class Pass {
    final JsonParser p;
    final StateSelection sel;
    String shapeError;
    final List<StateResource> kept = new ArrayList<>();
    int blocks;

    Pass(JsonParser p, StateSelection sel) {
      this.p = p;
      this.sel = sel;
    }

    long size(long bytes) {
      return bytes >= 0 ? bytes : p.currentLocation().getByteOffset();
    }

    void shape(String msg) {
      if (shapeError == null) shapeError = msg;
    }

    /** @param bytes the document size, or -1 when streaming (then the parser's offset tells) */
    TerraformState document(long bytes) throws IOException, StateFormatException {
      JsonToken t = p.nextToken();
      if (t == null) throw invalid("the file is empty (expecting a value)", p);
      JsonNode version = NullNode.getInstance();
      if (t != JsonToken.START_OBJECT) {
        shape("state root is " + describe(t) + ", not an object");
        p.skipChildren();
        return new TerraformState(version, List.of(), size(bytes), 0);
      }
      List<StateResource> resources = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("resources".equals(field)) {
          kept.clear();
          blocks = 0;
          resourcesValue(v);
          resources = new ArrayList<>(kept);
        } else if ("version".equals(field)) {
          version = Trees.read(p);
        } else {
          p.skipChildren();
        }
      }
      return new TerraformState(version, resources, size(bytes), blocks);
    }

    /** Iterates a value the way Python's {@code for x in value} would, reporting non-iterables. */
    private boolean iterable(JsonToken v, String what) throws IOException {
      switch (v) {
        case START_ARRAY -> {
          return true;
        }
        case START_OBJECT -> {
          if (p.nextToken() != JsonToken.END_OBJECT) {
            shape(what + " is an object, not a list");
            do {
              p.nextToken();
              p.skipChildren();
            } while (p.nextToken() == JsonToken.FIELD_NAME);
          }
          return false;
        }
        case VALUE_STRING -> {
          if (!p.getText().isEmpty()) shape(what + " is a string, not a list");
          return false;
        }
        default -> {
          shape(what + " is " + describe(v) + ", not a list");
          return false;
        }
      }
    }

    private void resourcesValue(JsonToken v) throws IOException {
      if (!iterable(v, "resources")) return;
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          shape("resources[" + i + "] is " + describe(t) + ", not an object");
          p.skipChildren();
        } else {
          resource(i);
        }
        i++;
      }
    }

    private void resource(int i) throws IOException {
      blocks++;
      String mode = "managed";
      boolean modeText = true;
      String type = null;
      String name = null;
      String module = null;
      List<Instance> instances = List.of();
      String instancesError = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "mode" -> {
            modeText = v == JsonToken.VALUE_STRING;
            mode = modeText ? p.getText() : null;
            p.skipChildren();
          }
          case "type" -> {
            type = v == JsonToken.VALUE_STRING ? p.getText() : null;
            p.skipChildren();
          }
          case "name" -> name = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "module" -> module = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "instances" -> {
            String before = shapeError;
            shapeError = null;
            instances = new ArrayList<>();
            instancesValue(v, "resources[" + i + "].instances", type, instances);
            instancesError = shapeError;
            shapeError = before;
          }
          default -> p.skipChildren();
        }
      }
      boolean managed = modeText && "managed".equals(mode);
      if (!managed) return; // data sources and odd modes are skipped before instances are read
      if (instancesError != null) shape(instancesError);
      if (type == null || !sel.keepType(type)) return;
      for (Instance in : instances) {
        String addr = (module == null ? "" : module + ".") + type + "." + name + in.indexSuffix;
        kept.add(new StateResource(addr, type, name, module, in.attributes, in.deposed));
      }
    }

    private void instancesValue(JsonToken v, String what, String type, List<Instance> out) throws IOException {
      if (!iterable(v, what)) return;
      int j = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          shape(what + "[" + j + "] is " + describe(t) + ", not an object");
          p.skipChildren();
        } else {
          out.add(instance(type));
        }
        j++;
      }
    }

    private Instance instance(String type) throws IOException {
      JsonNode attributes = null;
      String index = "";
      boolean deposed = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "attributes" -> {
            // The type may come after the instances; then we cannot skip and must keep the tree.
            if (type != null && !sel.keepType(type)) p.skipChildren();
            else if (type != null && v == JsonToken.START_OBJECT && sel.keys(type) != null) attributes = selected(sel.keys(type));
            else attributes = Trees.read(p);
          }
          case "index_key" -> {
            if (v == JsonToken.VALUE_STRING) index = "[\"" + p.getText() + "\"]";
            else if (v == JsonToken.VALUE_NUMBER_INT) index = "[" + p.getText() + "]";
            else p.skipChildren();
          }
          case "deposed" -> {
            deposed = v == JsonToken.VALUE_STRING && !p.getText().isEmpty();
            p.skipChildren();
          }
          default -> p.skipChildren();
        }
      }
      return new Instance(falsyToEmpty(attributes), index, deposed);
    }

    /** The attributes object with only the wanted keys materialised (last duplicate wins). */
    private JsonNode selected(java.util.Set<String> keys) throws IOException {
      com.fasterxml.jackson.databind.node.ObjectNode o = JsonNodeFactory.instance.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        if (keys.contains(k)) o.set(k, Trees.read(p));
        else p.skipChildren();
      }
      return o;
    }
  }

  /** {@code instance.attributes or {}}: a falsy value stands for an empty object. */
  private static JsonNode falsyToEmpty(JsonNode n) {
    if (n == null || n.isNull()) return JsonNodeFactory.instance.objectNode();
    boolean falsy =
        (n.isBoolean() && !n.booleanValue())
            || (n.isNumber() && n.doubleValue() == 0)
            || (n.isTextual() && n.textValue().isEmpty())
            || (n.isContainerNode() && n.isEmpty());
    return falsy ? JsonNodeFactory.instance.objectNode() : n;
  }

  private record Instance(JsonNode attributes, String indexSuffix, boolean deposed) {}

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }
}
