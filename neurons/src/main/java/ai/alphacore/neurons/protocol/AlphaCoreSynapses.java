package ai.alphacore.neurons.protocol;

import ai.alphacore.bittensor.wire.SynapseSpec;
import ai.alphacore.bittensor.wire.SynapseSpec.Field;
import ai.alphacore.bittensor.wire.SynapseSpec.Type;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The four AlphaCore synapses with the field names, order and defaults of the Python
 * {@code subnet/protocol.py} (protocol.md A2), so Java and Python neurons interoperate.
 */
public final class AlphaCoreSynapses {
  private AlphaCoreSynapses() {}

  public static final String VERSION = "alpha-core.v1";
  private static final TextNode V = TextNode.valueOf(VERSION);
  private static final TextNode EMPTY = TextNode.valueOf("");

  public static final SynapseSpec START_ROUND = SynapseSpec.of("StartRoundSynapse",
      Field.of("version", Type.STRING, V),
      Field.of("round_id", Type.STRING, EMPTY),
      Field.of("timestamp", Type.INT, IntNode.valueOf(0)),
      Field.of("validator_version", Type.STRING, EMPTY),
      Field.of("miner_version", Type.STRING, EMPTY),
      Field.of("is_ready", Type.BOOL, BooleanNode.FALSE),
      Field.of("available_capacity", Type.INT, IntNode.valueOf(0)),
      Field.of("error_message", Type.STRING, null));

  public static final SynapseSpec TASK = SynapseSpec.of("TaskSynapse",
      Field.of("version", Type.STRING, V),
      Field.required("task_id", Type.STRING),
      Field.of("prompt", Type.STRING, null),
      Field.of("task_spec", Type.OBJECT, JsonNodeFactory.instance.objectNode()),
      Field.of("notes", Type.STRING, null),
      Field.of("result_summary", Type.OBJECT, JsonNodeFactory.instance.objectNode()),
      Field.of("evidence_hint", Type.OBJECT, JsonNodeFactory.instance.objectNode()),
      Field.of("workspace_zip_b64", Type.STRING, null),
      Field.of("workspace_zip_filename", Type.STRING, null),
      Field.of("workspace_zip_sha256", Type.STRING, null),
      Field.of("workspace_zip_size_bytes", Type.INT, null));

  public static final SynapseSpec FEEDBACK = SynapseSpec.of("TaskFeedbackSynapse",
      Field.of("version", Type.STRING, V),
      Field.of("round_id", Type.STRING, EMPTY),
      Field.of("task_id", Type.STRING, EMPTY),
      Field.of("miner_uid", Type.INT, IntNode.valueOf(0)),
      Field.of("score", Type.FLOAT, DoubleNode.valueOf(0.0)),
      Field.of("feedback_text", Type.STRING, null),
      Field.of("suggestions", Type.ARRAY, null),
      Field.of("latency_seconds", Type.FLOAT, DoubleNode.valueOf(0.0)),
      Field.of("acknowledged", Type.BOOL, BooleanNode.FALSE));

  public static final SynapseSpec CLEANUP = SynapseSpec.of("TaskCleanupSynapse",
      Field.of("version", Type.STRING, V),
      Field.required("task_id", Type.STRING),
      Field.of("validation_response", Type.OBJECT, JsonNodeFactory.instance.objectNode()),
      Field.of("acknowledged", Type.BOOL, BooleanNode.FALSE),
      Field.of("cleanup_ok", Type.BOOL, BooleanNode.FALSE),
      Field.of("error_message", Type.STRING, null));

  /** {@code workspace_zip_sha256}: lowercase hex SHA-256 of the raw ZIP bytes. */
  public static String zipSha256(byte[] zip) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
