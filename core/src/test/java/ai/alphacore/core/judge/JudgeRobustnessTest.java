package ai.alphacore.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded property and fuzz checks: the ideal resource passes wherever it sits among decoys,
 * and mutated or truncated documents always give a verdict, never an exception.
 */
class JudgeRobustnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 20261201L;

  private static List<Path> corpusCases(String category) throws IOException {
    Path dir = Path.of(System.getProperty("alphacore.vectors"), "judge");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().contains("-" + category + "-"))
          .filter(p -> Files.exists(p.resolve("terraform.tfstate"))).sorted().toList();
    }
  }

  @Test
  void idealResourcesPassWhereverTheyAreAmongDecoys() throws IOException {
    SplittableRandom rnd = new SplittableRandom(SEED);
    int checked = 0;
    for (Path c : corpusCases("ideal")) {
      JsonNode task = JSON.readTree(c.resolve("task.json").toFile());
      ObjectNode state = (ObjectNode) JSON.readTree(c.resolve("terraform.tfstate").toFile());
      double compat = Judge.of(JudgeMode.COMPAT).judge(task, StateSource.of(bytes(state))).score();
      for (int round = 0; round < 5; round++) {
        ObjectNode shuffled = state.deepCopy();
        ArrayNode res = (ArrayNode) shuffled.get("resources");
        List<JsonNode> items = new ArrayList<>();
        res.forEach(items::add);
        // decoys: copies of real resources with every string attribute changed, and data sources
        for (JsonNode r : List.copyOf(items)) {
          ObjectNode decoy = r.deepCopy();
          decoy.put("name", decoy.path("name").asText() + "_decoy");
          mangleStrings(decoy.withArray("instances"), rnd);
          items.add(decoy);
          ObjectNode data = r.deepCopy();
          data.put("mode", "data");
          items.add(data);
        }
        java.util.Collections.shuffle(items, new java.util.Random(rnd.nextLong()));
        res.removeAll();
        items.forEach(res::add);
        byte[] b = bytes(shuffled);
        assertThat(Judge.of(JudgeMode.COMPAT).judge(task, StateSource.of(b)).score()).as(c + " compat").isEqualTo(compat);
        assertThat(Judge.of(JudgeMode.STRICT).judge(task, StateSource.of(b)).score()).as(c + " strict").isEqualTo(1.0);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  private static void mangleStrings(JsonNode n, SplittableRandom rnd) {
    if (n.isObject()) {
      var it = ((ObjectNode) n).fields();
      List<String> keys = new ArrayList<>();
      it.forEachRemaining(e -> keys.add(e.getKey()));
      for (String k : keys) {
        JsonNode v = n.get(k);
        if (v.isTextual() && !v.textValue().isEmpty()) ((ObjectNode) n).put(k, "zz" + Long.toHexString(rnd.nextLong()) + v.textValue().toUpperCase() + "q");
        else mangleStrings(v, rnd);
      }
    } else if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) a.set(i, "zz" + Long.toHexString(rnd.nextLong()));
        else mangleStrings(a.get(i), rnd);
      }
    }
  }

  private static byte[] bytes(JsonNode n) throws IOException {
    return JSON.writeValueAsBytes(n);
  }

  @Test
  void mutatedDocumentsAlwaysGiveAVerdict() throws IOException {
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<Path> cases = corpusCases("ideal");
    int runs = 0;
    for (int i = 0; i < 3000; i++) {
      Path c = cases.get(rnd.nextInt(cases.size()));
      byte[] task = Files.readAllBytes(c.resolve("task.json"));
      byte[] state = Files.readAllBytes(c.resolve("terraform.tfstate"));
      boolean mutateTask = rnd.nextInt(4) == 0;
      byte[] target = mutateTask ? task : state;
      byte[] m = mutate(target, rnd);
      for (JudgeMode mode : JudgeMode.values()) {
        Verdict v = mutateTask ? Judge.of(mode).judge(m, state) : Judge.of(mode).judge(task, m);
        assertThat(v).isNotNull();
        assertThat(v.score()).isBetween(0.0, 1.0);
        assertThat(v.outcome() != Outcome.ERROR || v.error() != null).isTrue();
        if (v.error() != null) assertThat(v.error().code()).isNotEqualTo(ErrorCode.INTERNAL);
        runs++;
      }
    }
    assertThat(runs).isEqualTo(6000);
  }

  private static byte[] mutate(byte[] in, SplittableRandom rnd) {
    byte[] b = in.clone();
    switch (rnd.nextInt(5)) {
      case 0 -> { // truncate
        return java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
      }
      case 1 -> { // flip bytes, sometimes into non-ASCII
        for (int k = 0; k < 1 + rnd.nextInt(8); k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        return b;
      }
      case 2 -> { // replace a structural char
        String s = new String(b, StandardCharsets.UTF_8);
        char[] structural = {'{', '}', '[', ']', ':', ',', '"'};
        int pos = rnd.nextInt(s.length());
        return (s.substring(0, pos) + structural[rnd.nextInt(structural.length)] + s.substring(pos + 1)).getBytes(StandardCharsets.UTF_8);
      }
      case 3 -> { // replace a value with a hostile one
        String s = new String(b, StandardCharsets.UTF_8);
        String[] hostile = {"null", "[]", "{}", "\"\"", "NaN", "1e999", "-0", "true", "[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]", "123456789012345678901234567890"};
        int pos = s.indexOf(':', rnd.nextInt(s.length()));
        if (pos < 0) return b;
        int end = pos + 1;
        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) end++;
        return (s.substring(0, pos + 1) + hostile[rnd.nextInt(hostile.length)] + s.substring(end)).getBytes(StandardCharsets.UTF_8);
      }
      default -> { // deep nesting
        String deep = "[".repeat(2000) + "]".repeat(2000);
        String s = new String(b, StandardCharsets.UTF_8);
        int pos = s.indexOf(':', rnd.nextInt(s.length()));
        if (pos < 0) return b;
        return (s.substring(0, pos + 1) + deep + "," + "\"x\":" + s.substring(pos + 1)).getBytes(StandardCharsets.UTF_8);
      }
    }
  }
}
