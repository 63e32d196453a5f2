package ai.alphacore.bittensor.ss58;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hex;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ss58VectorsTest {

  @Test
  void encodeVectors() {
    JsonNode enc = Vectors.json("ss58.json").get("encode");
    assertThat(enc.size()).isEqualTo(63);
    for (JsonNode e : enc) {
      byte[] pk = Vectors.hex(e.get("public_key"));
      int prefix = e.get("prefix").asInt();
      assertThat(Hex.encode(Ss58.prefixBytes(prefix))).isEqualTo(e.get("prefix_bytes_hex").asText());
      assertThat(Ss58.encode(pk, prefix)).isEqualTo(e.get("address").asText());
      Ss58.Decoded d = Ss58.decodeAny(e.get("address").asText());
      assertThat(d.prefix()).isEqualTo(prefix);
      assertThat(d.publicKey()).isEqualTo(pk);
    }
  }

  @Test
  void decodeVectorsIncludingInvalid() {
    JsonNode dec = Vectors.json("ss58.json").get("decode");
    assertThat(dec.size()).isEqualTo(27);
    int invalid = 0;
    for (JsonNode d : dec) {
      String addr = d.get("address").asText();
      String id = d.get("id").asText();
      JsonNode any = d.get("expected");
      if (any.get("ok").asBoolean()) {
        Ss58.Decoded r = Ss58.decodeAny(addr);
        assertThat(r.prefix()).as(id).isEqualTo(any.get("prefix").asInt());
        assertThat(Hex.encode(r.publicKey())).isEqualTo(any.get("public_key").asText());
      } else {
        invalid++;
        BittensorException ex = catchThrowableOfType(BittensorException.class, () -> Ss58.decodeAny(addr));
        assertThat(ex).as(id).isNotNull();
        assertThat(ex.code().name()).as(id).isEqualTo("SS58_" + any.get("error").asText());
      }
      JsonNode strict = d.get("expected_strict_prefix_42");
      if (strict.get("ok").asBoolean()) {
        assertThat(Hex.encode(Ss58.decode(addr))).isEqualTo(strict.get("public_key").asText());
      } else {
        BittensorException ex = catchThrowableOfType(BittensorException.class, () -> Ss58.decode(addr));
        assertThat(ex).as(id).isNotNull();
        assertThat(ex.code().name()).as(id).isEqualTo("SS58_" + strict.get("error").asText());
      }
    }
    assertThat(invalid).isEqualTo(19);
  }

  @Test
  void randomKeysRoundTripSeeded() {
    Random r = new Random(58);
    for (int i = 0; i < 200; i++) {
      byte[] pk = new byte[32];
      r.nextBytes(pk);
      if (i % 10 == 0) pk[0] = 0;
      int prefix = r.nextInt(16384);
      assertThat(Ss58.decodeAny(Ss58.encode(pk, prefix)).publicKey()).isEqualTo(pk);
      assertThat(Ss58.decode(Ss58.encode(pk))).isEqualTo(pk);
    }
  }
}
