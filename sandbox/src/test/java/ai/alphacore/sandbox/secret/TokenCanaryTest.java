package ai.alphacore.sandbox.secret;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.sandbox.backend.BwrapBackend;
import ai.alphacore.sandbox.backend.BwrapConfig;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import ai.alphacore.sandbox.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary token must never reach anything the validator keeps or sends back (result JSON,
 * logs, state, error messages), never appear on any process's command line, and never sit in a
 * file the sandboxed workspace can name. The workspace tries hard: its HCL reads
 * /proc/self/environ into outputs, and a hostile "terraform" dumps its environment everywhere.
 */
class TokenCanaryTest {
  static final String CANARY = "ya29.CANARY-c4n4ry-7f3a9e21d0b84c56a1e2f3d4c5b6a7980";
  static final LintPolicy WITH_BUILTIN = new LintPolicy(Set.of("hashicorp/google", "hashicorp/terraform"));

  @TempDir Path tmp;

  static final String HOSTILE_TF = """
      resource "terraform_data" "x" {
        input = "hello"
      }
      output "environ" { value = file("/proc/self/environ") }
      output "environ_b64" { value = base64encode(file("/proc/self/environ")) }
      output "env_token" { value = sensitive(try(file("/proc/1/environ"), "")) }
      output "token_file" { value = try(file("gcp-access-token"), "") }
      """;

  /** A terraform that dumps the token into every output it has, in every encoding it can. */
  static final String HOSTILE_APPLY = """
      # printf is a shell builtin and grep reads the pattern from stdin: the probe itself keeps it off argv.
      echo "files_with_token=$(printf %s "$GOOGLE_OAUTH_ACCESS_TOKEN" | grep -rlsF -f - /workspace-src /work /results /etc /tmp /opt /runner.sh | tr '\\n' ,)"
      # Only terraform apply (this process) and its children may hold it: not the runner, not pid 1.
      echo "proc_files_with_token=$(printf %s "$GOOGLE_OAUTH_ACCESS_TOKEN" | grep -lsF -f - /proc/1/environ /proc/1/cmdline /proc/$PPID/environ /proc/$PPID/cmdline | tr '\\n' ,)"
      env
      tr '\\0' '\\n' < /proc/self/environ >&2
      b64=$(base64 -w0 < /proc/self/environ); hex=$(printf %s "$GOOGLE_OAUTH_ACCESS_TOKEN" | od -An -tx1 | tr -d ' \\n')
      rev=$(printf %s "$GOOGLE_OAUTH_ACCESS_TOKEN" | rev)
      # The dump into the state reads the token from the environment (awk ENVIRON), never from argv:
      # the watcher below fails the test on any process whose command line holds it.
      export B64="$b64" HEX="$hex" REV="$rev"
      # /usr/bin/awk is an alternatives link the sandbox's generated /etc does not carry: use a real binary.
      for a in mawk gawk awk; do command -v $a >/dev/null && break; done
      $a 'BEGIN { t = ENVIRON["GOOGLE_OAUTH_ACCESS_TOKEN"] " " ENVIRON["B64"] " " ENVIRON["HEX"] " " ENVIRON["REV"]; p = "\\"outputs\\" : { }" } { i = index($0, p); if (i > 0) $0 = substr($0, 1, i - 1) "\\"outputs\\": {\\"t\\": {\\"value\\": \\"" t "\\", \\"type\\": \\"string\\"}}" substr($0, i + length(p)); print }' /workspace-src/terraform.tfstate > terraform.tfstate
      """;
  static final String PEEKING_INIT = "echo \"init_sees_token=${GOOGLE_OAUTH_ACCESS_TOKEN:-no}\"; tr '\\0' '\\n' < /proc/$PPID/environ | grep -c GOOGLE_OAUTH || true";

  static String hostileTerraform() {
    return Fixtures.fakeTerraform(HOSTILE_APPLY).replace("echo \"Terraform has been successfully initialized! (fake)\"", PEEKING_INIT);
  }

  private RefreshOptions options(Path terraform) {
    return RefreshOptions.of(new BwrapBackend(BwrapConfig.defaults().withTerraform(terraform)), TokenSupplier.fixed(CANARY))
        .withLint(WITH_BUILTIN).withJudge(JudgeMode.COMPAT);
  }

  /** Runs while a watcher samples every process's argv for the canary. */
  private RefreshResult runWatched(byte[] zip, RefreshOptions o, Set<String> argvHits) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread w = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        try (var s = Files.list(Path.of("/proc"))) {
          for (Path p : s.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
            try {
              String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.ISO_8859_1);
              if (cmd.contains(CANARY)) argvHits.add(p + ": " + cmd.replace('\0', ' '));
            } catch (Exception ignored) {
              // process ended
            }
          }
        } catch (Exception ignored) {
          // keep sampling
        }
      }
    });
    try {
      return TerraformRefresh.run(zip, Fixtures.task("hello"), o);
    } finally {
      done.set(true);
      w.join();
    }
  }

  private static void assertNoLeak(RefreshResult r) {
    String everything = r.toJson(true).toString() + new String(r.state() == null ? new byte[0] : r.state(), StandardCharsets.ISO_8859_1)
        + r.stages();
    Redactor probe = Redactor.of(Secret.of(CANARY));
    assertThat(everything).doesNotContain(CANARY).doesNotContain(CANARY.substring(5, 40));
    assertThat(probe.leaks(everything)).as("some encoding of the token leaked").isFalse();
  }

  @Test
  void realTerraformWithHostileHclLeaksNothing() throws Exception {
    Path tf = Fixtures.realTerraform();
    byte[] zip = Fixtures.zip(Map.of("main.tf", HOSTILE_TF, "terraform.tfstate", Fixtures.terraformDataState("hello")));
    Set<String> argv = ConcurrentHashMap.newKeySet();
    RefreshResult r = runWatched(zip, options(tf), argv);
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    assertThat(r.verdict().status()).isEqualTo("pass");
    assertNoLeak(r);
    assertThat(argv).isEmpty();
  }

  @Test
  void hostileTerraformDumpingItsEnvironmentEverywhereIsRedacted() throws Exception {
    Path fake = Fixtures.script(tmp, "terraform", hostileTerraform());
    Set<String> argv = ConcurrentHashMap.newKeySet();
    RefreshResult r = runWatched(Fixtures.workspaceZip("hello"), options(fake), argv);
    assertHostileRunLeakedNothing(r, argv);
  }

  /** The VM path: the same hostile terraform inside the QEMU guest, the token on the secret drive. */
  @Test
  void hostileTerraformInsideTheVmGuestIsRedactedToo() throws Exception {
    Path fake = Fixtures.script(tmp, "terraform", hostileTerraform());
    var guest = Fixtures.busyboxGuest(tmp, "guest", fake);
    Set<String> argv = ConcurrentHashMap.newKeySet();
    RefreshResult r = runWatched(Fixtures.workspaceZip("hello"), options(fake)
        .withBackend(ai.alphacore.sandbox.backend.QemuBackend.withGuest(guest)), argv);
    assertThat(r.backend()).isEqualTo("qemu");
    assertHostileRunLeakedNothing(r, argv);
  }

  private static void assertHostileRunLeakedNothing(RefreshResult r, Set<String> argv) {
    assertThat(r.failure()).as(r.toJson(true).toPrettyString()).isNull();
    String refresh = r.logs().get("refresh");
    assertThat(refresh).contains("GOOGLE_OAUTH_ACCESS_TOKEN=" + Redactor.MARK); // it was there, and is gone
    assertThat(refresh).contains("files_with_token=\n").contains("proc_files_with_token=\n");
    assertThat(r.logs().get("init")).contains("init_sees_token=no").contains("\n0\n");
    assertThat(new String(r.state(), StandardCharsets.UTF_8)).contains("\"t\": {\"value\": \"" + Redactor.MARK);
    assertNoLeak(r);
    assertThat(argv).isEmpty();
  }

  @Test
  void tokenInATerraformErrorIsRedactedFromTheFailureMessage() throws Exception {
    Path fake = Fixtures.script(tmp, "terraform",
        "[ \"$1\" = apply ] && { echo \"Error: 403 for token $GOOGLE_OAUTH_ACCESS_TOKEN\"; exit 1; }; exit 0\n");
    RefreshResult r = runWatched(Fixtures.workspaceZip("hello"), options(fake), ConcurrentHashMap.newKeySet());
    assertThat(r.failure().code()).isEqualTo("SANDBOX_REFRESH_FAILED");
    assertThat(r.failure().message()).contains("403 for token " + Redactor.MARK);
    assertNoLeak(r);
  }

  @Test
  void redactorCatchesEncodings() {
    Redactor r = Redactor.of(Secret.of(CANARY));
    String env = "A=1\0GOOGLE_OAUTH_ACCESS_TOKEN=" + CANARY + "\0B=2";
    for (String prefix : new String[] {"", "x", "xy"}) {
      String b64 = Base64.getEncoder().encodeToString((prefix + env).getBytes(StandardCharsets.ISO_8859_1));
      assertThat(r.leaks(b64)).as("base64 with prefix '" + prefix + "'").isTrue();
      assertThat(r.leaks(r.redact(b64))).isFalse();
    }
    assertThat(r.redact(HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.US_ASCII)).toUpperCase())).isEqualTo(Redactor.MARK);
    assertThat(r.redact(new StringBuilder(CANARY).reverse().toString())).isEqualTo(Redactor.MARK);
    assertThat(Secret.of(CANARY).toString()).doesNotContain("CANARY");
  }
}
