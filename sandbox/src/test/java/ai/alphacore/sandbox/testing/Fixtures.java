package ai.alphacore.sandbox.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Shared fixtures: workspaces with terraform_data, fake terraform programs, the real-terraform check. */
public final class Fixtures {
  public static final Path TERRAFORM = Path.of(System.getenv().getOrDefault("ALPHACORE_TERRAFORM", "/usr/local/bin/terraform"));

  /** terraform_data's local name is "terraform": the intake linter's default policy does not know the built-in provider. */
  public static final ai.alphacore.sandbox.lint.LintPolicy WITH_BUILTIN = new ai.alphacore.sandbox.lint.LintPolicy(
      java.util.Set.of("hashicorp/google", "hashicorp/google-beta", "hashicorp/random", "hashicorp/terraform"));

  private Fixtures() {}

  public static ai.alphacore.sandbox.refresh.RefreshOptions bwrapOptions(ai.alphacore.sandbox.backend.BwrapConfig c) {
    return ai.alphacore.sandbox.refresh.RefreshOptions.of(new ai.alphacore.sandbox.backend.BwrapBackend(c),
        ai.alphacore.sandbox.secret.TokenSupplier.fixed("ya29.test-token-0123456789")).withLint(WITH_BUILTIN)
        .withJudge(ai.alphacore.core.judge.JudgeMode.COMPAT);
  }

  /**
   * The one allowed skip: terraform cannot be installed from any registry CI reaches, so tests that
   * need the real binary say so loudly in the report when it is missing.
   */
  public static Path realTerraform() {
    boolean present = Files.isExecutable(TERRAFORM);
    if (!present) {
      System.err.println("!!! TERRAFORM MISSING: " + TERRAFORM + " not found; real-terraform sandbox tests are NOT RUN on this machine !!!");
    }
    assumeTrue(present, "TERRAFORM MISSING: " + TERRAFORM + " not found; this test needs the real terraform binary (set ALPHACORE_TERRAFORM)");
    return TERRAFORM;
  }

  /** A version-4 state holding one terraform_data resource (built-in provider, nothing to download). */
  public static String terraformDataState(String input) {
    return """
        {
          "version": 4,
          "terraform_version": "1.11.4",
          "serial": 1,
          "lineage": "5b0e6f0e-1f5f-4a8e-9d1e-000000000001",
          "outputs": {"o": {"value": "%s", "type": "string"}},
          "resources": [
            {
              "mode": "managed",
              "type": "terraform_data",
              "name": "x",
              "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
              "instances": [
                {
                  "schema_version": 0,
                  "attributes": {
                    "id": "ed9cb8fe-7e60-412f-ecfe-8c0bf649fa9e",
                    "input": {"value": "%s", "type": "string"},
                    "output": {"value": "%s", "type": "string"},
                    "triggers_replace": null
                  },
                  "sensitive_attributes": []
                }
              ]
            }
          ],
          "check_results": null
        }
        """.formatted(input, input, input);
  }

  public static final String MAIN_TF = "resource \"terraform_data\" \"x\" {\n  input = \"hello\"\n}\n";

  /** A task whose one invariant matches the fixture state's terraform_data input. */
  public static byte[] task(String input) {
    return ("{\"task_id\":\"t-1\",\"invariants\":[{\"resource_type\":\"terraform_data\",\"match\":{\"values.input.value\":\""
        + input + "\"}}]}").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (var e : new TreeMap<>(files).entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  public static byte[] workspaceZip(String input) throws IOException {
    return zip(Map.of("main.tf", MAIN_TF, "terraform.tfstate", terraformDataState(input)));
  }

  /** Writes an executable shell script standing in for terraform (world-readable: it is bound read-only). */
  public static Path script(Path dir, String name, String body) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  /** Builds the busybox VM guest under {@code dir/name} around {@code terraform} (kernel from the sandbox home). */
  public static ai.alphacore.sandbox.guest.GuestArtifacts busyboxGuest(Path dir, String name, Path terraform) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
    return ai.alphacore.sandbox.guest.GuestImageBuilder.busyboxIn(d, terraform);
  }

  /** QEMU processes alive on this machine: a VM the sandbox killed must not be among them. */
  public static long runningQemus() {
    return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("qemu-system-x86_64")).count();
  }

  /** A fake terraform: init prints, apply copies the state; enough to test orchestration without the binary. */
  public static String fakeTerraform(String applyExtra) {
    return """
        case "$1" in
          init) echo "Terraform has been successfully initialized! (fake)";;
          apply) %s
                 [ -f terraform.tfstate ] || cp /workspace-src/terraform.tfstate terraform.tfstate
                 echo "Apply complete! Resources: 0 added, 0 changed, 0 destroyed. (fake)";;
          *) echo "fake terraform: $1 unsupported" >&2; exit 2;;
        esac
        """.formatted(applyExtra);
  }
}
