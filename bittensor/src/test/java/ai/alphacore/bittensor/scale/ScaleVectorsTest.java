package ai.alphacore.bittensor.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.Vectors;
import ai.alphacore.bittensor.crypto.Hex;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaleVectorsTest {
  static final JsonNode S = Vectors.json("scale.json");

  @Test
  void compactEncodeDecode() {
    assertThat(S.get("compact").size()).isEqualTo(23);
    for (JsonNode c : S.get("compact")) {
      BigInteger v = new BigInteger(c.get("value").asText());
      assertThat(Hex.encode(ScaleWriter.compactBytes(v))).as(v.toString()).isEqualTo(c.get("encoded").asText());
      ScaleReader r = new ScaleReader(Vectors.hex(c.get("encoded")));
      assertThat(r.compactBig()).isEqualTo(v);
      r.expectEnd();
    }
  }

  @Test
  void nonCanonicalCompactsAreRejected() {
    assertThat(S.get("compact_non_canonical_decode").size()).isEqualTo(7);
    for (JsonNode c : S.get("compact_non_canonical_decode"))
      assertThatThrownBy(() -> {
            // Decoded as a whole value, as the chain does (decode_all): leftovers are an error too.
            ScaleReader r = new ScaleReader(Vectors.hex(c.get("encoded")));
            r.compactBig();
            r.expectEnd();
          }).as(c.get("encoded").asText()).isInstanceOf(BittensorException.class);
  }

  @Test
  void fixedAndContainers() {
    int n = 0;
    for (JsonNode c : S.get("fixed_and_containers")) {
      String type = c.get("type").asText();
      JsonNode v = c.get("value");
      ScaleWriter w = new ScaleWriter();
      switch (type) {
        case "u8" -> w.u8(v.asInt());
        case "u16" -> w.u16(v.asInt());
        case "u32" -> w.u32(v.asLong());
        case "u64" -> w.u64(Long.parseUnsignedLong(v.asText()));
        case "u128" -> w.u128(new BigInteger(v.asText()));
        case "bool" -> w.bool(v.asBoolean());
        case "Option<u16>" -> { if (v.isNull()) w.none(); else w.some().u16(v.asInt()); }
        case "Vec<u16>" -> { List<Integer> xs = new ArrayList<>(); v.forEach(x -> xs.add(x.asInt())); w.vecU16(xs); }
        case "Vec<u64>" -> { w.compact(v.size()); v.forEach(x -> w.u64(Long.parseUnsignedLong(x.asText()))); }
        case "Vec<bool>" -> { w.compact(v.size()); v.forEach(x -> w.bool(x.asBoolean())); }
        case "Vec<(u16,u16)>" -> { w.compact(v.size()); v.forEach(x -> w.u16(x.get(0).asInt()).u16(x.get(1).asInt())); }
        case "String" -> w.string(v.asText());
        default -> {
          if (type.startsWith("Vec<u8>")) w.bytes(Vectors.hex(c.get("encoded")).length > 0 ? new ScaleReader(Vectors.hex(c.get("encoded"))).bytes() : new byte[0]);
          else if (type.startsWith("[u8; 32]")) w.raw(Hex.decode(v.asText()));
          else throw new AssertionError("unhandled vector type " + type);
        }
      }
      assertThat(Hex.encode(w.toByteArray())).as(type + " " + v).isEqualTo(c.get("encoded").asText());
      n++;
    }
    assertThat(n).isEqualTo(41);
    ScaleReader r = new ScaleReader(Hex.decode("1868c3a96c6c6f"));
    assertThat(r.string()).isEqualTo("h\u00e9llo");
  }

  @Test
  void eras() {
    for (JsonNode e : S.get("eras")) {
      if (e.has("immortal")) {
        assertThat(Hex.encode(Era.IMMORTAL.encode())).isEqualTo(e.get("encoded").asText());
        continue;
      }
      Era era = Era.mortal(e.get("current_block").asLong(), e.get("requested_period").asLong());
      assertThat(era.period()).isEqualTo(e.get("period").asLong());
      assertThat(era.phase()).isEqualTo(e.get("phase").asLong());
      assertThat(Hex.encode(era.encode())).isEqualTo(e.get("encoded").asText());
      assertThat(era.birth(e.get("current_block").asLong())).isEqualTo(e.get("birth_block").asLong());
    }
  }

  @Test
  void hostileLengthsDoNotAllocate() {
    // Compact length 2^30 with 2 bytes behind it.
    assertThatThrownBy(() -> new ScaleReader(Hex.decode("030000004000")).bytes()).isInstanceOf(BittensorException.class);
    Random r = new Random(5);
    for (int i = 0; i < 500; i++) {
      byte[] junk = new byte[r.nextInt(40)];
      r.nextBytes(junk);
      try {
        ScaleReader sr = new ScaleReader(junk);
        sr.bytes();
        sr.compactBig();
        sr.string();
      } catch (BittensorException expected) {
        assertThat(expected.code()).isEqualTo(BittensorException.Code.SCALE_DECODE);
      }
    }
  }

  @Test
  void compactRoundTripSeeded() {
    Random r = new Random(11);
    for (int i = 0; i < 2000; i++) {
      BigInteger v = new BigInteger(1 + r.nextInt(128), r);
      ScaleReader rd = new ScaleReader(ScaleWriter.compactBytes(v));
      assertThat(rd.compactBig()).isEqualTo(v);
      rd.expectEnd();
    }
  }
}
