package ai.alphacore.taskgen.template.gcp;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.taskgen.naming.NameKind;
import ai.alphacore.taskgen.naming.Names;
import ai.alphacore.taskgen.rng.Rng;
import ai.alphacore.taskgen.template.ResourceTemplate;
import java.util.List;
import java.util.Set;

/** Shared plumbing for the GCP templates: metadata fields and checked name drawing. */
abstract class GcpTemplate implements ResourceTemplate {
  static final List<ComparisonRule> ALL_RULES =
      List.of(ComparisonRule.STARTS_WITH, ComparisonRule.ENDS_WITH, ComparisonRule.EXACT_MATCH);
  static final List<ComparisonRule> AFFIX_ONLY = List.of(ComparisonRule.STARTS_WITH, ComparisonRule.ENDS_WITH);
  static final List<ComparisonRule> EXACT_ONLY = List.of(ComparisonRule.EXACT_MATCH);
  /** What the reference judge can follow through a reference it compares without the rule (REF). */
  static final Set<ComparisonRule> REF_SAFE = Set.of(ComparisonRule.EXACT_MATCH, ComparisonRule.STARTS_WITH);

  private final String key;
  private final String kind;
  private final Set<String> provides;
  private final List<String> requires;
  private final List<ComparisonRule> namingRules;
  private final List<String> apis;

  GcpTemplate(String key, String kind, Set<String> provides, List<String> requires, List<ComparisonRule> namingRules, List<String> apis) {
    this.key = key;
    this.kind = kind;
    this.provides = provides;
    this.requires = requires;
    this.namingRules = namingRules;
    this.apis = apis;
  }

  @Override public String key() { return key; }
  @Override public String kind() { return kind; }
  @Override public Set<String> provides() { return provides; }
  @Override public List<String> requires() { return requires; }
  @Override public List<ComparisonRule> namingRules() { return namingRules; }
  @Override public List<String> apis() { return apis; }

  /** Draws an identifier and redraws until it is valid for {@code kind} (reserved words are rare). */
  static String draw(Rng rng, NameKind kind, int min, int max, boolean flexible) {
    for (int i = 0; i < 100; i++) {
      String s = kind == NameKind.PUBSUB || kind == NameKind.BUCKET ? Names.identifierNoGoog(rng, min, max) : Names.identifier(rng, min, max);
      if (kind.tokenViolations(s, flexible).isEmpty()) return s;
    }
    throw new IllegalStateException("cannot draw a valid " + kind + " name of length " + min + ".." + max);
  }

  static boolean flexible(ComparisonRule r) {
    return r == ComparisonRule.STARTS_WITH || r == ComparisonRule.ENDS_WITH;
  }
}
