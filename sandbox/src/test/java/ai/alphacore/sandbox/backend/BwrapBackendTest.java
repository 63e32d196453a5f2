package ai.alphacore.sandbox.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.sandbox.SandboxError.Fault;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.Stage;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import ai.alphacore.sandbox.secret.TokenSupplier;
import ai.alphacore.sandbox.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through bwrap: real terraform where present, a fake one for the limits. */
class BwrapBackendTest {
  @TempDir Path tmp;

  static RefreshOptions options(BwrapConfig c) {
    return Fixtures.bwrapOptions(c);
  }

  @Test
  void healthIsAvailableHereAndSaysItSharesTheKernel() {
    Health h = new BwrapBackend(BwrapConfig.defaults()).health();
    assertThat(h.problems()).isEmpty();
    assertThat(h.notes()).anyMatch(n -> n.contains("shares the host kernel"));
  }

  @Test
  void healthExplainsAMissingTerraform() {
    Health h = new BwrapBackend(BwrapConfig.defaults().withTerraform(Path.of("/nonexistent/terraform"))).health();
    assertThat(h.available()).isFalse();
    assertThat(h.summary()).contains("terraform not found at /nonexistent/terraform");
  }

  @Test
  void realTerraformRefreshesATerraformDataStateAndTheJudgePasses() throws Exception {
    Path tf = Fixtures.realTerraform();
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), options(BwrapConfig.defaults().withTerraform(tf)));
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    assertThat(r.stages()).extracting(Stage::name).containsExactly("intake", "lint", "init", "refresh", "judge");
    assertThat(r.verdict().status()).isEqualTo("pass");
    String state = new String(r.state());
    // terraform rewrote the file (its own formatting, not the Jackson-prepared one) and dropped the stale outputs
    assertThat(state).contains("\"serial\": 1").contains("terraform_data").doesNotContain("\"o\"");
    assertThat(r.logs().get("refresh")).contains("terraform_data.x: Refreshing state...");
    assertThat(r.logs().get("init")).doesNotContain("Error");
    System.out.println("bwrap real terraform: " + r.toJson(false));
  }

  @Test
  void providersComeOnlyFromTheMirror() throws Exception {
    Path tf = Fixtures.realTerraform();
    String state = Fixtures.terraformDataState("hello").replace("terraform.io/builtin/terraform", "registry.terraform.io/hashicorp/random")
        .replace("\"terraform_data\"", "\"random_id\"");
    byte[] zip = Fixtures.zip(java.util.Map.of("main.tf", "resource \"random_id\" \"x\" {\n  byte_length = 4\n}\n", "terraform.tfstate", state));
    RefreshResult r = TerraformRefresh.run(zip, Fixtures.task("hello"), options(BwrapConfig.defaults().withTerraform(tf)));
    // The mirror here is empty: terraform must fail to find it there, and try nowhere else.
    assertThat(r.failure().code()).isEqualTo("SANDBOX_INIT_FAILED");
    assertThat(r.failure().message()).contains("hashicorp/random").contains("/opt/alphacore/providers").doesNotContain("registry.terraform.io/.well-known");
  }

  @Test
  void wallClockTimeoutKillsTheWholeTreeAndBlamesTheMiner() throws Exception {
    Path fake = Fixtures.script(tmp, "terraform", Fixtures.fakeTerraform("sleep 1000 & sleep 1000"));
    RefreshOptions o = options(BwrapConfig.defaults().withTerraform(fake)).withLimits(Limits.DEFAULT.withWallClock(Duration.ofSeconds(2)));
    long t0 = System.nanoTime();
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), o);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    Stage f = r.failure();
    assertThat(f.name()).isEqualTo("refresh");
    assertThat(f.code()).isEqualTo("SANDBOX_TIMEOUT");
    assertThat(f.fault()).isEqualTo(Fault.MINER);
    assertThat(sleepersLeft()).isZero();
  }

  @Test
  void memoryCapKillsAndIsReported() throws Exception {
    // Grows a shell variable until the 64 MiB cgroup cap OOM-kills it.
    Path fake = Fixtures.script(tmp, "terraform", Fixtures.fakeTerraform("x=aaaaaaaaaaaaaaaa; while :; do x=\"$x$x\"; done"));
    RefreshOptions o = options(BwrapConfig.defaults().withTerraform(fake)).withLimits(Limits.DEFAULT.withMemory(64 * Limits.MIB)
        .withWallClock(Duration.ofSeconds(30)));
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), o);
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNotNull();
    assertThat(r.failure().code()).isEqualTo("SANDBOX_RESOURCE_LIMIT");
    assertThat(r.failure().message()).contains("memory");
  }

  @Test
  void pidsCapStopsAForkBomb() throws Exception {
    Path fake = Fixtures.script(tmp, "terraform", Fixtures.fakeTerraform("i=0; while [ $i -lt 200 ]; do sleep 30 & i=$((i+1)); done; wait"));
    RefreshOptions o = options(BwrapConfig.defaults().withTerraform(fake)).withLimits(Limits.DEFAULT.withPids(32)
        .withWallClock(Duration.ofSeconds(5)));
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), o);
    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().code()).isIn("SANDBOX_RESOURCE_LIMIT", "SANDBOX_TIMEOUT");
    assertThat(r.failure().message()).contains("pids");
    assertThat(sleepersLeft()).isZero();
  }

  @Test
  void hugeOutputIsCappedWithoutCrashing() throws Exception {
    // One 50 MB line on stdout: kept up to the cap, counted beyond.
    Path fake = Fixtures.script(tmp, "terraform", Fixtures.fakeTerraform("head -c 50000000 /dev/zero | tr '\\\\0' a"));
    RefreshOptions o = options(BwrapConfig.defaults().withTerraform(fake)).withLimits(Limits.DEFAULT.withLogBytes(4096));
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), o);
    assertThat(r.failure()).as(r.toJson(false).toPrettyString()).isNull();
    assertThat(r.logs().get("refresh").length()).isLessThan(4096 + 200);
  }

  @Test
  void initFailureIsTheValidatorsFaultAndRefreshFailureTheMiners() throws Exception {
    Path badInit = Fixtures.script(tmp, "tf-init", "[ \"$1\" = init ] && { echo 'Error: mirror broken'; exit 1; }; exit 0\n");
    RefreshResult a = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), options(BwrapConfig.defaults().withTerraform(badInit)));
    assertThat(a.failure().name()).isEqualTo("init");
    assertThat(a.failure().code()).isEqualTo("SANDBOX_INIT_FAILED");
    assertThat(a.failure().fault()).isEqualTo(Fault.VALIDATOR);
    assertThat(a.failure().message()).contains("mirror broken");

    Path badRefresh = Fixtures.script(tmp, "tf-refresh", "[ \"$1\" = apply ] && { echo 'Error: 403 forbidden'; exit 1; }; exit 0\n");
    RefreshResult b = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), options(BwrapConfig.defaults().withTerraform(badRefresh)));
    assertThat(b.failure().name()).isEqualTo("refresh");
    assertThat(b.failure().code()).isEqualTo("SANDBOX_REFRESH_FAILED");
    assertThat(b.failure().fault()).isEqualTo(Fault.MINER);
    assertThat(b.stages()).extracting(Stage::name).containsExactly("intake", "lint", "init", "refresh");
  }

  @Test
  void nothingIsLeftBehind() throws Exception {
    Path fake = Fixtures.script(tmp, "terraform", Fixtures.fakeTerraform(""));
    RefreshResult r = TerraformRefresh.run(Fixtures.workspaceZip("hello"), Fixtures.task("hello"), options(BwrapConfig.defaults().withTerraform(fake)));
    assertThat(r.failure()).isNull();
    // Only this run's own names: other builds on the machine may be running sandboxes right now.
    Path base = Path.of(System.getProperty("java.io.tmpdir"), "alphacore-sbx");
    try (var s = Files.list(base)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(r.runId())).toList()).isEmpty();
    }
    for (String c : new String[] {"memory", "pids", "cpu"}) {
      assertThat(Path.of("/sys/fs/cgroup", c, "alphacore-sbx", "bw-" + r.runId())).doesNotExist();
    }
  }

  static long sleepersLeft() {
    return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep 1000")
        || p.info().commandLine().orElse("").equals("sleep 30")).count();
  }
}
