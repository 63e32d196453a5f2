package ai.alphacore.core.judge.compat;

import static ai.alphacore.core.judge.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The primitives of validation.md 7.2 (C-*, NAME, REF), as the reference decides them. */
class CompatComparatorsTest {
  @ParameterizedTest(name = "RULE({0}, {1}, {2}) = {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "'my-bucket-123'|'my-bucket-123'|exact_match|true",
    "'vm-test-prod'|'vm-test'|exact_match|false",
    "'MY-TOPIC'|'my-topic'|exact_match|true",
    "'projects/x/topics/my-topic-other'|'my-topic'|exact_match|true",
    "'f'|'projects/foo/topics/bar'|exact_match|true",
    "'anything/abc'|'xyz/abc'|exact_match|true",
    "'us-central1'|'projects/p/regions/us-central1'|exact_match|true",
    "300|'300'|exact_match|true", "true|'true'|exact_match|true", "'true'|true|exact_match|true",
    "1000|1000.0|exact_match|false",
    "0|false|exact_match|false", "false|false|exact_match|true", "false|null|exact_match|false",
    "null|null|exact_match|true", "null|''|exact_match|false", "''|null|exact_match|false",
    "['a','b']|['b','a']|exact_match|false",
    "'projects/p1/x/{y}'|'projects/{project_id}/x/{y}'|exact_match|true",
    "'abc'|'ABC'|weird_rule|true",
    "'projects/p/topics/abc-1'|'abc'|starts_with|true", "'abc'|'abc'|starts_with|false", "'ABC-1'|'abc'|starts_with|false",
    "'x-abc/'|'abc'|ends_with|true",
    "'user1-my-bucket'|'my-bucket'|ends_with|true", "'my-bucket-xyz'|'my-bucket'|ends_with|false",
    "'my-bucket'|'my-bucket'|ends_with|false"
  })
  void rule(String a, String e, String rule, boolean expected) {
    assertThat(CompatComparators.rule(json(a), json(e), rule)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "NAME({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "'bucket-abc-x'|'bucket-abc'|true", "'projects/p/secrets/abc-1'|'abc'|true", "'x'|''|false", "''|''|true",
    "null|null|true", "null|''|true", "'ABC'|'abc'|true", "'b-abc'|'abc'|false", "'abcdef'|'ABC'|false",
    "'projects/p/t/abcdef'|'projects/q/t/abc'|true", "'vm-test-prod'|'vm-test'|true"
  })
  void name(String a, String e, boolean expected) {
    assertThat(CompatComparators.name(json(a), json(e))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "REF({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "'projects/p/secrets/abc-xyz'|'abc'|true", "'projects/p/secrets/xyz-abc'|'abc'|false", "'b/bucket-1'|'bucket-1'|true",
    "'b/bucket-1-miner'|'bucket-1'|true", "'https://x/machineTypes/e2-small'|'e2-small'|true", "'a'|'a/b'|false",
    "null|null|true", "''|''|true", "'x'|null|false",
    "'projects/project-a/topics/shared-topic'|'projects/project-b/topics/shared-topic'|true"
  })
  void ref(String a, String e, boolean expected) {
    assertThat(CompatComparators.ref(json(a), json(e))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "SUBSTR_CI({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "'serviceAccount:val@x.iam.gserviceaccount.com'|'serviceAccount:VAL'|true", "'x'|''|false", "null|'a'|false"
  })
  void substring(String a, String e, boolean expected) {
    assertThat(CompatComparators.substrCi(json(a), json(e))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void scriptNormalisesLineEndingsAndTrailingBlanksOnly() {
    assertThat(CompatComparators.script(json("'#!/bin/bash\\r\\necho hi  \\r\\n\\n'"), json("'#!/bin/bash\\necho hi'"))).isTrue();
    assertThat(CompatComparators.script(json("'  echo hi'"), json("'echo hi'"))).isFalse();
  }
}
