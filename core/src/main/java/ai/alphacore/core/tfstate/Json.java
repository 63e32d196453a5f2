package ai.alphacore.core.tfstate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON reading configured like Python's {@code json}: NaN/Infinity accepted, last duplicate key wins. */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper(StateLimits limits) {
    JsonFactory f =
        JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .build())
            .build();
    return new ObjectMapper(f);
  }
}
