package ai.alphacore.sandbox.lint;

import java.util.Locale;
import java.util.Set;

/**
 * What the linter allows. {@link #DEFAULT} is the reference's provider mirror (validation.md 4.8):
 * hashicorp/google, hashicorp/google-beta and hashicorp/random, plus Terraform's built-in provider
 * ({@code terraform_data}), which talks to nothing and ships inside the terraform binary.
 *
 * @param providerSources allowed sources as namespace/type (registry.terraform.io implied)
 */
public record LintPolicy(Set<String> providerSources) {
  public static final LintPolicy DEFAULT = new LintPolicy(Set.of("hashicorp/google", "hashicorp/google-beta", "hashicorp/random", "hashicorp/terraform"));

  public LintPolicy {
    providerSources = Set.copyOf(providerSources.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
  }

  /** Normalises "registry.terraform.io/hashicorp/google" and "google" to "hashicorp/google"; null if foreign. */
  static String normaliseSource(String source) {
    String s = source.strip().toLowerCase(Locale.ROOT);
    String[] parts = s.split("/", -1);
    return switch (parts.length) {
      case 1 -> "hashicorp/" + parts[0];
      case 2 -> s;
      case 3 -> parts[0].equals("registry.terraform.io") ? parts[1] + "/" + parts[2] : null;
      default -> null;
    };
  }

  boolean allowsSource(String source) {
    String n = normaliseSource(source);
    return n != null && providerSources.contains(n);
  }

  /** Local names usable without a required_providers entry: the types of the allowed sources. */
  boolean allowsImpliedLocalName(String name) {
    return providerSources.contains("hashicorp/" + name.toLowerCase(Locale.ROOT));
  }
}
