package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PromptParserTest {
  final PromptParser parser = new PromptParser();

  @Test
  void readsQualifiersReferencesAndScripts() {
    String p = """
        Intro. Requested: x. Create exactly these 3 resources:
        1. VPC network: name that ends with "netx1" after a short prefix of your own (at least one character); automatic subnetwork creation (auto_create_subnetworks) set to false.
        2. Subnetwork: name set to exactly "sub1"; network: the VPC network from item 1, whose name ends with "netx1" (after your prefix); region "us-east1"; IP CIDR range equal to "10.1.2.0/24".
        3. VM instance: name that starts with "vm1" followed by at least one more character; zone "us-east1-b"; subnetwork of its first network interface: the Subnetwork from item 2, whose name is exactly "sub1"; startup script (metadata_startup_script) exactly the following lines:
        #!/bin/bash
        printf 'tok-net' > /var/tmp/acore-token

        Grant Validator@Example-Proj.iam.gserviceaccount.com viewer access so they can verify the deployment.
        """;
    ParsedPrompt r = parser.parse(p);
    assertThat(r.structured()).isTrue();
    assertThat(r.validatorSa()).isEqualTo("validator@example-proj.iam.gserviceaccount.com");
    assertThat(r.items()).extracting(PromptItem::type)
        .containsExactly(ResourceKinds.NETWORK, ResourceKinds.SUBNETWORK, ResourceKinds.INSTANCE);
    Clause name = r.items().get(0).clauses().get(0);
    assertThat(name.qualifier()).isEqualTo(Qualifier.ENDS_WITH);
    assertThat(name.value().asText()).isEqualTo("netx1");
    assertThat(r.items().get(0).clauses().get(1).value().isBoolean()).isTrue();
    Clause net = r.items().get(1).clauses().get(1);
    assertThat(net.refItem()).isEqualTo(1);
    assertThat(net.qualifier()).isEqualTo(Qualifier.ENDS_WITH);
    List<Clause> vm = r.items().get(2).clauses();
    assertThat(vm.get(0).qualifier()).isEqualTo(Qualifier.STARTS_WITH);
    assertThat(vm.get(vm.size() - 1).value().asText()).isEqualTo("#!/bin/bash\nprintf 'tok-net' > /var/tmp/acore-token\n");
    assertThat(ResourceKinds.attribute(ResourceKinds.INSTANCE, vm.get(vm.size() - 1).field())).isEqualTo("metadata_startup_script");
  }

  @Test
  void typesLiteralsAsWritten() {
    assertThat(PromptParser.clause("priority set to 1002").value().isInt()).isTrue();
    assertThat(PromptParser.clause("allowed port \"22\"").value().isTextual()).isTrue();
    assertThat(PromptParser.clause("record data (rrdatas) set to [\"10 mail.example.com.\"]").value().isArray()).isTrue();
    assertThat(PromptParser.clause("filter 'resource.type=\"gce_instance\"'").value().asText()).isEqualTo("resource.type=\"gce_instance\"");
    assertThat(PromptParser.clause("destination that starts with \"storage.googleapis.com/b1\" plus a short suffix of your own (pointing at the Cloud Storage bucket from item 1)").refItem()).isEqualTo(1);
    assertThat(PromptParser.clause("no value here")).isNull();
  }

  /** Every generated prompt: one item per resource, every item typed, nothing unread. */
  @Test
  void readsEveryGeneratedPromptCompletely() {
    TaskGenerator gen = AgentFixture.generator();
    for (int i = 0; i < 300; i++) {
      GeneratedTask t = gen.generate(TaskSeed.ofRun(11, i), Selection.ANY);
      ParsedPrompt r = parser.parse(t.prompt());
      assertThat(r.warnings()).as(t.prompt()).isEmpty();
      assertThat(r.items()).hasSize(t.resources().size());
      for (PromptItem it : r.items()) {
        assertThat(it.type()).isEqualTo(t.resources().get(it.number() - 1).resourceType());
        for (Clause c : it.clauses()) assertThat(ResourceKinds.attribute(it.type(), c.field())).as(it.label() + ": " + c.field()).isNotNull();
      }
    }
  }

  @Test
  void hostileAndOddPromptsNeverThrow() {
    Random rnd = new Random(1234);
    String base = AgentFixture.generator().generate(TaskSeed.ofRun(12, 0), Selection.family("network_plus_storage")).prompt();
    String alphabet = "ab\"';:.,()[]{}\n\r\t 1234567890-_/#!$%\\\u0000\u00e9\u2028";
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder(base);
      int edits = 1 + rnd.nextInt(30);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = rnd.nextInt(sb.length());
        switch (rnd.nextInt(3)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
          default -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      }
      ParsedPrompt r = parser.parse(sb.toString());
      new Planner(new Naming("x")).plan(r, "miner-proj-1");
    }
    for (String odd : new String[] {"", "   ", "1.", "1. : ;;;", "1. VM instance:", "\"\"\"", "[[[[", "1. Cloud Storage bucket: name \"" + "a".repeat(200_000),
        "x".repeat(300_000), "1. Secret version: secret: the Secret Manager secret from item 9, whose secret id is exactly \"s\""}) {
      ParsedPrompt r = parser.parse(odd);
      new Planner(new Naming("x")).plan(r, "miner-proj-1");
    }
  }

  @Test
  void freeTextRewriteIsReadBestEffort() {
    String p = """
        Hi! For the staging sandbox in Google Cloud, please set up the following with Terraform.
        First, a Cloud Storage bucket whose name ends with "r7i52j2svdej" (put a short prefix of your own in front), located in "ASIA-SOUTHEAST1" with storage class "NEARLINE".
        Next, a Pub/Sub topic with a name that starts with "gbivczirplwdg" followed by at least one more character, and message retention duration "900s".
        Finally upload a bucket object named exactly "imkhjw0wtxt" into that bucket, with content "lqic7olb3mir05z4bd" and content type "text/plain".
        Where a value "starts with" X, it must continue with at least one more character after X; use the same full name wherever the resource is referenced.
        Grant validator@example-proj.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository with terraform.tfstate at the repository root.
        """;
    ParsedPrompt r = parser.parse(p);
    assertThat(r.structured()).isFalse();
    assertThat(r.validatorSa()).isEqualTo("validator@example-proj.iam.gserviceaccount.com");
    assertThat(r.items()).extracting(PromptItem::type).containsExactly(ResourceKinds.BUCKET, ResourceKinds.TOPIC, ResourceKinds.OBJECT);
    Plan plan = new Planner(new Naming("m")).plan(r, "miner-proj-1");
    var bucket = plan.resources().get(0).attrs();
    assertThat(bucket.path("name").asText()).endsWith("-r7i52j2svdej").isNotEqualTo("r7i52j2svdej");
    assertThat(bucket.path("location").asText()).isEqualTo("ASIA-SOUTHEAST1");
    assertThat(bucket.path("storage_class").asText()).isEqualTo("NEARLINE");
    assertThat(plan.resources().get(1).attrs().path("name").asText()).startsWith("gbivczirplwdg-");
    assertThat(plan.resources().get(1).attrs().path("message_retention_duration").asText()).isEqualTo("900s");
    var object = plan.resources().get(2).attrs();
    assertThat(object.path("name").asText()).isEqualTo("imkhjw0wtxt");
    assertThat(object.path("content").asText()).isEqualTo("lqic7olb3mir05z4bd");
    assertThat(object.path("bucket").asText()).isEqualTo(bucket.path("name").asText());
  }

  @Test
  void freeTextWithAScript() {
    String p = """
        We need a lone VM in Google Cloud: a virtual machine called exactly "vmone1" in zone "us-central1-b" using machine type "e2-small", with this startup script:
        #!/bin/bash
        echo 'abc123-def456' > /var/tmp/acore-token

        Grant v@p.iam.gserviceaccount.com viewer access so they can verify the deployment. Deliver one zip archive with terraform.tfstate at the repository root.
        """;
    Plan plan = new Planner(new Naming("m")).plan(parser.parse(p), "miner-proj-1");
    assertThat(plan.resources()).extracting(PlannedResource::type).containsExactly(ResourceKinds.INSTANCE, ResourceKinds.PROJECT_IAM);
    var vm = plan.resources().get(0).attrs();
    assertThat(vm.path("name").asText()).isEqualTo("vmone1");
    assertThat(vm.path("zone").asText()).isEqualTo("us-central1-b");
    assertThat(vm.path("machine_type").asText()).isEqualTo("e2-small");
    assertThat(vm.path("metadata_startup_script").asText()).isEqualTo("#!/bin/bash\necho 'abc123-def456' > /var/tmp/acore-token\n");
  }
}
