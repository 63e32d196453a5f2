package ai.alphacore.core.report;

import static ai.alphacore.core.judge.Fixtures.JSON;
import static ai.alphacore.core.judge.Fixtures.judge;
import static ai.alphacore.core.judge.Fixtures.state;
import static ai.alphacore.core.judge.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportsTest {
  private static Verdict partial() {
    JsonNode t = task("google_compute_network", "{'values.name':'net-a','values.auto_create_subnetworks':false}", "{}");
    return judge(JudgeMode.COMPAT, t, state("google_compute_network", "{'name':'net-a','auto_create_subnetworks':true}"));
  }

  @Test
  void jsonCarriesReferenceFieldsAndDetails() throws Exception {
    JsonNode j = JSON.readTree(new JsonReport().write(partial()));
    assertThat(j.get("status").asText()).isEqualTo("fail");
    assertThat(j.get("score").asDouble()).isZero();
    assertThat(j.get("msg").asText()).isEqualTo("0/1 invariants matched");
    JsonNode field = j.at("/invariants/0/fields/1");
    assertThat(field.get("path").asText()).isEqualTo("values.auto_create_subnetworks");
    assertThat(field.get("expected").asBoolean()).isFalse();
    assertThat(field.get("actual").asBoolean()).isTrue();
    assertThat(field.get("passed").asBoolean()).isFalse();
    assertThat(j.at("/invariants/0/candidate").asText()).isEqualTo("google_compute_network.r0");
    assertThat(JsonReport.toJson(partial()).get("outcome").asText()).isEqualTo("fail");
  }

  @Test
  void junitXmlIsWellFormedAndCountsFailures() throws Exception {
    String xml = new JunitReport().write(partial());
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(d.getDocumentElement().getAttribute("tests")).isEqualTo("1");
    assertThat(d.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(1);
  }

  @Test
  void sarifHasOneRulePerTypeAndField() throws Exception {
    JsonNode s = JSON.readTree(new SarifReport().write(partial()));
    assertThat(s.get("version").asText()).isEqualTo("2.1.0");
    JsonNode rules = s.at("/runs/0/tool/driver/rules");
    assertThat(rules).extracting(r -> r.get("id").asText())
        .containsExactly("google_compute_network/values.name", "google_compute_network/values.auto_create_subnetworks");
    assertThat(s.at("/runs/0/results")).hasSize(1);
    assertThat(s.at("/runs/0/results/0/ruleId").asText()).isEqualTo("google_compute_network/values.auto_create_subnetworks");
  }

  @Test
  void textShowsEachFieldAndErrorsTellWhatToDo() {
    String text = new TextReport().write(partial());
    assertThat(text).contains("FAIL google_compute_network").contains("values.auto_create_subnetworks");
    Verdict missing = ai.alphacore.core.judge.Judge.of(JudgeMode.STRICT)
        .judge(task("google_compute_network", "{'values.name':'n'}", "{}"), java.nio.file.Path.of("/nonexistent/terraform.tfstate"));
    assertThat(new TextReport().write(missing)).contains("STATE_NOT_FOUND").contains("what to do:");
  }
}
