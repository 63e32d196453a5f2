package ai.alphacore.core.tfstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.core.judge.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StateReaderTest {
  private static TerraformState read(String json) throws StateFormatException {
    return new StateReader(StateLimits.STATE).read(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)), t -> true);
  }

  private static ErrorCode code(byte[] bytes, StateLimits limits) {
    try {
      new StateReader(limits).read(new ByteArrayInputStream(bytes), t -> true);
      return null;
    } catch (StateFormatException e) {
      return e.code();
    }
  }

  private static ErrorCode code(String json) {
    return code(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), StateLimits.STATE);
  }

  @Test
  void managedInstancesOnlyWithModulesAndIndexKeys() throws Exception {
    TerraformState s = read("{'version':4,'resources':["
        + "{'mode':'data','type':'google_x','name':'d','instances':[{'attributes':{'a':1}}]},"
        + "{'mode':'managed','type':'google_x','name':'m','module':'module.app','instances':[{'index_key':0,'attributes':{'a':1}},{'index_key':'k','attributes':null}]},"
        + "{'type':'google_y','name':'nomode','instances':[{'attributes':{'b':2}}]}]}");
    assertThat(s.resources()).extracting(StateResource::address)
        .containsExactly("module.app.google_x.m[0]", "module.app.google_x.m[\"k\"]", "google_y.nomode");
    assertThat(s.resources().get(1).attributes().isObject()).isTrue();
    assertThat(s.version().intValue()).isEqualTo(4);
  }

  @Test
  void onlyRequestedTypesAreKeptEvenWhenTypeComesLast() throws Exception {
    String json = "{'resources':[{'instances':[{'attributes':{'a':1}}],'type':'skip','mode':'managed'},"
        + "{'instances':[{'attributes':{'a':2}}],'type':'keep'}]}";
    TerraformState s = new StateReader(StateLimits.STATE)
        .read(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)), "keep"::equals);
    assertThat(s.resources()).extracting(StateResource::type).containsExactly("keep");
    assertThat(s.resourceBlocks()).isEqualTo(2);
  }

  @Test
  void pythonIterationShapes() {
    assertThat(code("{'resources':{}}")).isNull();
    assertThat(code("{'resources':''}")).isNull();
    assertThat(code("{}")).isNull();
    assertThat(code("{'resources':null}")).isEqualTo(ErrorCode.STATE_SHAPE);
    assertThat(code("{'resources':{'a':1}}")).isEqualTo(ErrorCode.STATE_SHAPE);
    assertThat(code("{'resources':[1]}")).isEqualTo(ErrorCode.STATE_SHAPE);
    assertThat(code("{'resources':[{'type':'x','instances':null}]}")).isEqualTo(ErrorCode.STATE_SHAPE);
    assertThat(code("{'resources':[{'mode':'data','type':'x','instances':null}]}")).isNull();
    assertThat(code("[]")).isEqualTo(ErrorCode.STATE_SHAPE);
  }

  @Test
  void badJsonAndEncodings() {
    assertThat(code("")).isEqualTo(ErrorCode.STATE_INVALID_JSON);
    assertThat(code("{'resources':[")).isEqualTo(ErrorCode.STATE_INVALID_JSON);
    assertThat(code("{}}")).isEqualTo(ErrorCode.STATE_INVALID_JSON);
    assertThat(code("{'a':NaN,'b':-Infinity}")).isNull();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    assertThat(code(bom, StateLimits.STATE)).isEqualTo(ErrorCode.STATE_INVALID_UTF8);
    byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'};
    assertThat(code(latin1, StateLimits.STATE)).isEqualTo(ErrorCode.STATE_INVALID_UTF8);
    byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
    assertThat(code(overlong, StateLimits.STATE)).isEqualTo(ErrorCode.STATE_INVALID_UTF8);
  }

  @Test
  void limitsAreEnforced() {
    StateLimits tiny = new StateLimits(64, 8, 16, 10);
    assertThat(code("{'resources':[],'pad':'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'}".getBytes(StandardCharsets.UTF_8), tiny))
        .isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    assertThat(code("[[[[[[[[[[[[1]]]]]]]]]]]]".getBytes(StandardCharsets.UTF_8), tiny)).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    // Strings are limited where they are materialised (kept attributes); skipped ones cost no memory.
    assertThat(code("{\"resources\":[{\"type\":\"t\",\"instances\":[{\"attributes\":{\"a\":\"01234567890123456789\"}}]}]}"
        .getBytes(StandardCharsets.UTF_8), new StateLimits(1024, 8, 16, 10))).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    assertThat(code("{\"a\":123456789012345}".getBytes(StandardCharsets.UTF_8), tiny)).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
  }

  @Test
  void missingFileHasItsOwnCode() {
    assertThatThrownBy(() -> new StateReader(StateLimits.STATE).read(java.nio.file.Path.of("/nonexistent/x.tfstate"), t -> true))
        .isInstanceOf(StateFormatException.class)
        .satisfies(e -> assertThat(((StateFormatException) e).code()).isEqualTo(ErrorCode.STATE_NOT_FOUND));
  }

  @Test
  void attributePathsFollowTheReference() throws Exception {
    var attrs = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":[{\"b\":\"x\"}],\"labels\":{\"0\":\"zero\"},\"s\":\"str\"}");
    assertThat(AttributePath.resolve(attrs, "values.a.0.b").asText()).isEqualTo("x");
    assertThat(AttributePath.resolve(attrs, "a.0.b").asText()).isEqualTo("x");
    assertThat(AttributePath.resolve(attrs, "values.a.1.b").isNull()).isTrue();
    assertThat(AttributePath.resolve(attrs, "values.labels.0").isNull()).isTrue();
    assertThat(AttributePath.resolve(attrs, "values.labels.0", true).asText()).isEqualTo("zero");
    assertThat(AttributePath.resolve(attrs, "values.s.x").isNull()).isTrue();
  }
}
