package ai.alphacore.neurons.miner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.rng.TaskSeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-GCP mode without Google: a stand-in terraform (a shell script) records how it is called
 * and writes a state, so the process handling is tested offline: arguments, the token passed
 * only through the environment, partial states after a failed apply, timeouts. Whether the
 * generated HCL applies on GCP cannot be tested here (no network, no provider download).
 */
class TerraformDeployerTest {
  @TempDir Path dir;

  Path fake(String applyBody) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh: the stand-in terraform cannot run");
    Path f = dir.resolve("terraform");
    Files.writeString(f, "#!/bin/sh\n"
        + "echo \"$@\" >> calls.txt\n"
        + "[ -n \"$GOOGLE_OAUTH_ACCESS_TOKEN\" ] && echo token-in-env >> calls.txt\n"
        + "case \"$1\" in\n"
        + "  init) echo 'Terraform has been successfully initialized!'; touch .terraform.lock.hcl ;;\n"
        + "  apply) " + applyBody + " ;;\n"
        + "esac\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  AgentConfig config(Path binary, Duration timeout) {
    return new AgentConfig("miner-real-01", null, "ya29.secret-token", dir.resolve("work"), "hk",
        new AgentConfig.Terraform(binary, null, timeout), true);
  }

  GeneratedTask task() {
    return AgentFixture.generator().generate(TaskSeed.ofRun(21, 0), Selection.family("bucket_with_object"));
  }

  @Test
  void runsInitAndApplyAndZipsWhatTerraformWrote() throws Exception {
    Path tf = fake("echo '{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":\"google_storage_bucket\",\"name\":\"b\",\"instances\":[{}]}]}' > terraform.tfstate");
    Submission s = new ReferenceAgent(config(tf, Duration.ofSeconds(30))).solve(AgentFixture.request(task()));
    Map<String, byte[]> files = AgentFixture.unzip(s.workspaceZip());
    assertThat(files).containsKeys("main.tf", "terraform.tfstate", ".terraform.lock.hcl");
    assertThat(new String(files.get("terraform.tfstate"), StandardCharsets.UTF_8)).contains("google_storage_bucket");
    assertThat(s.notes()).doesNotContain("ya29").startsWith("created 1 of");
    Path ws;
    try (var l = Files.list(dir.resolve("work"))) {
      ws = l.findFirst().orElseThrow();
    }
    String calls = Files.readString(ws.resolve("calls.txt"));
    assertThat(calls).contains("init -input=false -no-color").contains("apply -auto-approve -input=false -no-color -var project_id=miner-real-01")
        .contains("token-in-env").doesNotContain("ya29");
  }

  @Test
  void aFailedApplyStillReturnsThePartialState() throws Exception {
    Path tf = fake("echo '{\"version\":4,\"resources\":[]}' > terraform.tfstate; echo 'Error: googleapi: Error 403: denied' >&2; exit 1");
    Submission s = new ReferenceAgent(config(tf, Duration.ofSeconds(30))).solve(AgentFixture.request(task()));
    assertThat(AgentFixture.unzip(s.workspaceZip())).containsKey("terraform.tfstate");
    assertThat(s.notes()).contains("terraform apply exited 1").contains("Error 403");
  }

  @Test
  void aHangingApplyIsStoppedAtTheTimeout() throws Exception {
    Path tf = fake("sleep 30");
    long t0 = System.nanoTime();
    Submission s = new ReferenceAgent(config(tf, Duration.ofSeconds(2))).solve(AgentFixture.request(task()));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    assertThat(s.notes()).contains("terraform apply timed out").contains("apply failed before writing any state");
    assertThat(AgentFixture.unzip(s.workspaceZip())).containsKey("main.tf").doesNotContainKey("terraform.tfstate");
  }
}
