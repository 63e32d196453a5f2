package ai.alphacore.core.judge.compat;

import static ai.alphacore.core.judge.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyValuesTest {
  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "1e16|1e+16", "1e-07|1e-07", "0.30000000000000004|0.30000000000000004", "1000.0|1000.0",
    "1e15|1000000000000000.0", "0.0001|0.0001", "0.00001|1e-05", "-0.0|-0.0", "1.5e300|1.5e+300",
    "123456789012345678.0|1.2345678901234568e+17", "2.5|2.5", "-3.25e-10|-3.25e-10"
  })
  void floatReprMatchesPython(double d, String expected) {
    assertThat(PyValues.floatRepr(d)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "str({0}) = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "['a','b']|['a', 'b']", "{'k':1,'b':true}|{'k': 1, 'b': True}", "[null,false,1.0]|[None, False, 1.0]",
    "123456789012345678901234567890|123456789012345678901234567890", "true|True"
  })
  void strOfValues(String json, String expected) {
    assertThat(PyValues.str(json(json))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void stringReprPicksQuotesLikePython() {
    assertThat(PyValues.repr(com.fasterxml.jackson.databind.node.TextNode.valueOf("it's"))).isEqualTo("\"it's\"");
    assertThat(PyValues.repr(com.fasterxml.jackson.databind.node.TextNode.valueOf("a\nb\\"))).isEqualTo("'a\\nb\\\\'");
    assertThat(PyValues.repr(com.fasterxml.jackson.databind.node.TextNode.valueOf("\u0001é"))).isEqualTo("'\\x01é'");
  }

  @ParameterizedTest(name = "{0} == {1} is {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "true|1|true", "false|0|true", "1|1.0|true", "true|1.0|true", "'1'|1|false", "null|null|true",
    "[1,2]|[1.0,2]|true", "{'a':1}|{'a':true}|true", "[1,2]|[2,1]|false", "100000000000000000000|1e20|true"
  })
  void pythonEquality(String a, String b, boolean eq) {
    assertThat(PyValues.eq(json(a), json(b))).isEqualTo(eq);
  }

  @ParameterizedTest(name = "truthy({0}) = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"null|false", "false|false", "0|false", "0.0|false", "''|false", "[]|false",
    "{}|false", "'false'|true", "1|true", "[0]|true"})
  void truthiness(String v, boolean t) {
    assertThat(PyValues.truthy(json(v))).isEqualTo(t);
  }

  @org.junit.jupiter.api.Test
  void lastSegmentStripsTrailingSlashes() {
    assertThat(PyValues.lastSegment("a/b/c//")).isEqualTo("c");
    assertThat(PyValues.lastSegment("///")).isEmpty();
    assertThat(PyValues.lastSegment("plain")).isEqualTo("plain");
  }

  /** Outcomes read off Python 3.11's base64.b64decode(s, validate=True). */
  @ParameterizedTest(name = "b64decode({0}) ok={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "abc==|false", "ab=|false", "aGVsbG8|false", "aGVsbG8=|true", "ab==|true", "a===|false", "abcd=|true",
    "abcd==|true", "ab=c|false", "\"\"|true", "====|false", "=|false", "abc=|true", "abcdabc==|false", "abcda|false", "YQ==|true"
  })
  void base64LikePython(String s, boolean ok) {
    String in = s.equals("\"\"") ? "" : s;
    assertThat(PyValues.b64decodeValidated(in) != null).isEqualTo(ok);
  }
}
