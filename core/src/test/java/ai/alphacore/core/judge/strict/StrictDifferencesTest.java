package ai.alphacore.core.judge.strict;

import static ai.alphacore.core.judge.Fixtures.JSON;
import static ai.alphacore.core.judge.Fixtures.json;
import static ai.alphacore.core.judge.Fixtures.judge;
import static ai.alphacore.core.judge.Fixtures.score;
import static ai.alphacore.core.judge.Fixtures.state;
import static ai.alphacore.core.judge.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.ErrorCode;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins each row of the compat-vs-strict table in docs/judge.md: same input, both verdicts. */
class StrictDifferencesTest {
  private static final String NET = "https://www.googleapis.com/compute/v1/projects/p/global/networks/";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "typed exact_match|google_service_account|{'values.description':'300'}|{}|{'description':300}|1.0|0.0",
    "exact is case-sensitive|google_service_account|{'values.display_name':'Disp'}|{}|{'display_name':'disp'}|1.0|0.0",
    "numbers by value|google_service_account|{'values.n':1000.0}|{}|{'n':1000}|0.0|1.0",
    "no REF substring|google_compute_subnetwork|{'values.network':'net-abc'}|{}|{'network':'" + NET + "net-abc-other'}|1.0|0.0",
    "rules on references (B1)|google_compute_subnetwork|{'values.network':'net-abc'}|{'values.network':'ends_with'}|{'network':'" + NET + "m1-net-abc'}|0.0|1.0",
    "no implicit name prefix (B4)|google_compute_network|{'values.name':'net-abc'}|{}|{'name':'net-abc-zzz'}|1.0|0.0",
    "rules accept the base name (B5)|google_storage_bucket|{'values.name':'bkt-abc'}|{'values.name':'starts_with'}|{'name':'bkt-abc'}|0.0|1.0",
    "firewall port ranges (B10)|google_compute_firewall|{'values.allow.0.protocol':'tcp','values.allow.0.ports.0':'85'}|{}|{'allow':[{'protocol':'tcp','ports':['80-90']}]}|0.0|1.0",
    "firewall every allow block (B10)|google_compute_firewall|{'values.allow.0.protocol':'tcp','values.allow.1.protocol':'udp'}|{}|{'allow':[{'protocol':'tcp'}]}|1.0|0.0",
    "firewall protocol case (B7)|google_compute_firewall|{'values.allow.0.protocol':'TCP'}|{}|{'allow':[{'protocol':'tcp'}]}|0.0|1.0",
    "zone case (B7)|google_compute_instance|{'values.zone':'US-CENTRAL1-A'}|{}|{'zone':'us-central1-a'}|0.0|1.0",
    "dns record name dot (B11)|google_dns_record_set|{'values.name':'www.z.example.'}|{}|{'name':'www.z.example'}|0.0|1.0",
    "dns managed_zone path (B11)|google_dns_record_set|{'values.managed_zone':'zabc'}|{}|{'managed_zone':'projects/p/managedZones/zabc'}|0.0|1.0",
    "bucket IAM b/ prefix (B2)|google_storage_bucket_iam_member|{'values.bucket':'bkt-abc'}|{}|{'bucket':'b/bkt-abc'}|0.0|1.0",
    "typed booleans (B7)|google_pubsub_subscription|{'values.retain_acked_messages':true}|{}|{'retain_acked_messages':'false'}|1.0|0.0",
    "no retention stand-in (B12)|google_pubsub_topic|{'values.retain_acked_messages':true}|{}|{'message_retention_duration':'600s'}|1.0|0.0",
    "object content by md5hash (S5)|google_storage_bucket_object|{'values.content':'hello world'}|{}|{'content':'hello world','md5hash':'AAAA'}|1.0|0.0",
    "scheduler rules honoured (B3)|google_cloud_scheduler_job|{'values.name':'job-1'}|{'values.name':'starts_with'}|{'name':'job-1-m1'}|0.0|1.0",
    "secret IAM rule honoured (B3)|google_secret_manager_secret_iam_member|{'values.secret_id':'sabc'}|{'values.secret_id':'ends_with'}|{'secret_id':'projects/p/secrets/m1-sabc'}|0.0|1.0",
    "permissions are a set|google_project_iam_custom_role|{'values.permissions.1':'a'}|{}|{'permissions':['a','b']}|0.0|1.0",
    "member is not a substring|google_project_iam_member|{'values.member':'serviceAccount:val'}|{}|{'member':'serviceAccount:val@x.iam.gserviceaccount.com'}|1.0|0.0"
  })
  void singleInvariantDifferences(String what, String type, String match, String rules, String attrs, double compat, double strict) {
    JsonNode t = task(type, match, rules);
    byte[] s = state(type, attrs);
    assertThat(score(JudgeMode.COMPAT, t, s)).as("compat: " + what).isEqualTo(compat);
    assertThat(score(JudgeMode.STRICT, t, s)).as("strict: " + what).isEqualTo(strict);
  }

  private static JsonNode twoInvariants(JsonNode a, JsonNode b) {
    ObjectNode t = (ObjectNode) a.deepCopy();
    t.withArray("invariants").add(b.get("invariants").get(0));
    return t;
  }

  @Test
  void oneResourceSatisfiesOnlyOneInvariant() {
    JsonNode inv = task("google_compute_network", "{'values.name':'net-a'}", "{}");
    JsonNode t = twoInvariants(inv, inv);
    byte[] s = state("google_compute_network", "{'name':'net-a'}");
    assertThat(score(JudgeMode.COMPAT, t, s)).isEqualTo(1.0);
    var v = judge(JudgeMode.STRICT, t, s);
    assertThat(v.score()).isEqualTo(0.5);
    assertThat(v.invariants().get(1).messages().get(0)).contains("one resource, one invariant");
  }

  @Test
  void referencesInheritTheRuleOfTheNameTheyPointAt() {
    JsonNode t = twoInvariants(
        task("google_storage_bucket", "{'values.name':'bkt-abc'}", "{'values.name':'starts_with'}"),
        task("google_logging_project_sink", "{'values.destination':'storage.googleapis.com/bkt-abc'}", "{}"));
    byte[] s = state("google_storage_bucket", "{'name':'bkt-abc-m1'}",
        "google_logging_project_sink", "{'destination':'storage.googleapis.com/bkt-abc-m1'}");
    assertThat(score(JudgeMode.COMPAT, t, s)).isEqualTo(0.5);
    assertThat(score(JudgeMode.STRICT, t, s)).isEqualTo(1.0);
  }

  @Test
  void resourcesOutsideTheTasksProjectDoNotCount() {
    JsonNode t = twoInvariants(task("google_compute_network", "{'values.name':'net-a'}", "{}"),
        task("google_compute_subnetwork", "{'values.name':'sub-a'}", "{}"));
    JsonNode t3 = twoInvariants(t, task("google_compute_firewall", "{'values.name':'fw-a'}", "{}"));
    byte[] s = state("google_compute_network", "{'name':'net-a','project':'someone-else'}",
        "google_compute_subnetwork", "{'name':'sub-a','project':'mine'}",
        "google_compute_firewall", "{'name':'fw-a','project':'mine'}");
    assertThat(score(JudgeMode.COMPAT, t3, s)).isEqualTo(1.0);
    var v = judge(JudgeMode.STRICT, t3, s);
    assertThat(v.passed()).isEqualTo(2);
    assertThat(v.invariants().get(0).messages()).anyMatch(m -> m.contains("outside project mine"));
  }

  @Test
  void deposedObjectsAreIgnored() throws Exception {
    ObjectNode st = (ObjectNode) JSON.readTree(state("google_compute_network", "{'name':'net-a'}"));
    ((ObjectNode) st.get("resources").get(0).get("instances").get(0)).put("deposed", "00000001");
    byte[] s = st.toString().getBytes(StandardCharsets.UTF_8);
    JsonNode t = task("google_compute_network", "{'values.name':'net-a'}", "{}");
    assertThat(score(JudgeMode.COMPAT, t, s)).isEqualTo(1.0);
    assertThat(score(JudgeMode.STRICT, t, s)).isEqualTo(0.0);
  }

  @Test
  void inputsCompatScoresAsZeroAreErrorsInStrict() {
    byte[] sink = state("google_logging_project_sink", "{'name':'s'}");
    JsonNode nullRules = task("google_logging_project_sink", "{'values.name':'s'}", "null");
    assertThat(judge(JudgeMode.COMPAT, nullRules, sink).total()).isZero();
    assertThat(score(JudgeMode.STRICT, nullRules, sink)).isEqualTo(1.0);

    JsonNode unknown = task("google_foo", "{'values.x':'a'}", "{}");
    byte[] foo = state("google_foo", "{'x':'A'}");
    assertThat(score(JudgeMode.COMPAT, unknown, foo)).isEqualTo(1.0);
    assertThat(judge(JudgeMode.STRICT, unknown, foo).error().code()).isEqualTo(ErrorCode.UNKNOWN_RESOURCE_TYPE);

    JsonNode empty = task("google_compute_network", "{}", "{}");
    byte[] net = state("google_compute_network", "{'name':'n'}");
    assertThat(score(JudgeMode.COMPAT, empty, net)).isEqualTo(1.0);
    assertThat(judge(JudgeMode.STRICT, empty, net).error().code()).isEqualTo(ErrorCode.TASK_INVALID);

    JsonNode weird = task("google_compute_network", "{'values.name':'n'}", "{'values.name':'contains'}");
    assertThat(score(JudgeMode.COMPAT, weird, net)).isEqualTo(1.0);
    assertThat(judge(JudgeMode.STRICT, weird, net).error().code()).isEqualTo(ErrorCode.INVALID_RULE);

    ObjectNode extraKey = (ObjectNode) task("google_compute_network", "{'values.name':'n'}", "{}");
    ((ObjectNode) extraKey.get("invariants").get(0)).put("description", "kept");
    assertThat(judge(JudgeMode.COMPAT, extraKey, net).total()).isZero();
    assertThat(score(JudgeMode.STRICT, extraKey, net)).isEqualTo(1.0);
  }

  @Test
  void strictRequiresStateVersion4() {
    byte[] v3 = "{\"version\":3,\"resources\":[]}".getBytes(StandardCharsets.UTF_8);
    JsonNode t = task("google_compute_network", "{'values.name':'n'}", "{}");
    assertThat(judge(JudgeMode.COMPAT, t, v3).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(judge(JudgeMode.STRICT, t, v3).error().code()).isEqualTo(ErrorCode.STATE_VERSION);
  }

  @Test
  void digitOnlyKeysAreAddressableInStrict() {
    JsonNode t = task("google_compute_instance", "{'values.labels.0':'zero'}", "{}");
    byte[] s = state("google_compute_instance", "{'labels':{'0':'zero'}}");
    assertThat(score(JudgeMode.COMPAT, t, s)).isEqualTo(0.0);
    assertThat(score(JudgeMode.STRICT, t, s)).isEqualTo(1.0);
    assertThat(json("{}")).isNotNull();
  }
}
