package ai.alphacore.taskgen;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.core.task.Invariant;
import ai.alphacore.core.task.Task;
import ai.alphacore.taskgen.config.BankConfig;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.config.FamilyConfig;
import ai.alphacore.taskgen.config.TaskgenConfig;
import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.family.Composer;
import ai.alphacore.taskgen.family.Composition;
import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.family.FamilyPlan;
import ai.alphacore.taskgen.prompt.PromptRenderer;
import ai.alphacore.taskgen.provider.Provider;
import ai.alphacore.taskgen.rng.Rng;
import ai.alphacore.taskgen.rng.TaskSeed;
import ai.alphacore.taskgen.template.Built;
import ai.alphacore.taskgen.template.Export;
import ai.alphacore.taskgen.template.FieldRole;
import ai.alphacore.taskgen.template.FieldSpec;
import ai.alphacore.taskgen.template.Provided;
import ai.alphacore.taskgen.template.ResourceDraft;
import ai.alphacore.taskgen.template.ResourceTemplate;
import ai.alphacore.taskgen.template.TemplateContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates tasks: selection (bank, family, optionals) from the task seed's structure stream,
 * dependency resolution and stable ordering, realization of every template, then the task JSON
 * and its deterministic prompt. Same seed and config, byte-identical task.
 */
public final class TaskGenerator {
  /** Label key carrying a per-miner variant's nonce on every resource type that takes labels. */
  public static final String NONCE_LABEL = "acore_nonce";

  private final Provider provider;
  private final TaskgenConfig config;
  private final Map<Bank, List<FamilyPlan>> plans = new EnumMap<>(Bank.class);
  private final Map<String, String> excluded = new LinkedHashMap<>();
  private final Composer fullCatalog;
  private final PromptRenderer renderer = new PromptRenderer();

  public TaskGenerator(Provider provider, TaskgenConfig config) {
    this.provider = provider;
    this.config = config;
    this.fullCatalog = new Composer(provider.templates());
    for (Map.Entry<Bank, BankConfig> e : config.banks().entrySet()) {
      List<FamilyPlan> list = planBank(e.getKey(), e.getValue());
      if (!list.isEmpty()) plans.put(e.getKey(), list);
    }
    if (plans.isEmpty()) {
      throw new ConfigException("the configuration leaves nothing to generate"
          + (excluded.isEmpty() ? ": every bank is disabled" : "; excluded families: " + describeExcluded()));
    }
  }

  public Provider provider() {
    return provider;
  }

  public TaskgenConfig config() {
    return config;
  }

  /** Families that can be generated under this config, per bank. */
  public Map<Bank, List<FamilyPlan>> plans() {
    return java.util.Collections.unmodifiableMap(plans);
  }

  /** Families that exist but cannot be generated under this config, with the reason. */
  public Map<String, String> excluded() {
    return java.util.Collections.unmodifiableMap(excluded);
  }

  private List<FamilyPlan> planBank(Bank bank, BankConfig bc) {
    List<ResourceTemplate> cat = provider.templates().stream()
        .filter(t -> bc.resources().isEmpty() || bc.resources().contains(t.key())).toList();
    Composer composer = new Composer(cat);
    List<FamilyPlan> out = new ArrayList<>();
    for (Family f : provider.families()) {
      if (f.bank() != bank) continue;
      String where = "providers." + provider.key() + ".task_banks." + bank.key() + ".families." + f.name();
      FamilyConfig fc = bc.families() == null ? null : bc.families().get(f.name());
      boolean enabled = fc != null ? fc.enabled() : bc.families() == null && f.enabledByDefault();
      if (!enabled) {
        excluded.put(f.name(), fc != null ? "disabled by " + where + (fc.reason() == null ? "" : " (" + fc.reason() + ")")
            : bc.families() != null ? "not listed under providers." + provider.key() + ".task_banks." + bank.key() + ".families"
            : "disabled by default: " + f.disabledReason());
        continue;
      }
      List<String> narrowed = fc == null ? List.of() : fc.resources();
      List<String> missing = f.mandatory().stream().filter(m -> !narrowed.isEmpty() && !narrowed.contains(m)).toList();
      if (!missing.isEmpty()) {
        throw new ConfigException(where + ".resources must include the mandatory templates " + f.mandatory() + " (missing " + missing + ")");
      }
      List<String> unusable = f.mandatory().stream().filter(m -> !composer.resolvable(m)).toList();
      if (!unusable.isEmpty()) {
        excluded.put(f.name(), "mandatory templates " + unusable + " (or their dependencies) are not in providers." + provider.key()
            + ".task_banks." + bank.key() + ".resources");
        continue;
      }
      List<String> pool = f.optional().stream()
          .filter(o -> narrowed.isEmpty() || narrowed.contains(o)).filter(composer::resolvable).toList();
      FamilyPlan plan = FamilyPlan.of(f, composer, pool, bc.minResources(), bc.maxResources());
      if (!plan.feasible()) {
        excluded.put(f.name(), "no combination fits " + bank.key() + " min_resources/max_resources ["
            + (bc.minResources() == null ? "-" : bc.minResources()) + ", " + (bc.maxResources() == null ? "-" : bc.maxResources()) + "]");
        continue;
      }
      out.add(plan);
    }
    return out;
  }

  private String describeExcluded() {
    List<String> l = new ArrayList<>();
    excluded.forEach((k, v) -> l.add(k + ": " + v));
    return String.join("; ", l);
  }

  /** Generates the base task (or, with {@code seed.variant()}, a miner's variant) for a selection. */
  public GeneratedTask generate(TaskSeed seed, Selection sel) {
    Rng select = seed.structure("select");
    if (sel.resource() != null) {
      if (!fullCatalog.has(sel.resource())) {
        throw new ConfigException("unknown resource '" + sel.resource() + "' (allowed: " + String.join(", ", templateKeys()) + ")");
      }
      Composition c = fullCatalog.compose(List.of(sel.resource()), select);
      return realize(seed, c, null, null);
    }
    FamilyPlan plan;
    if (sel.family() != null) {
      plan = findPlan(sel.family());
    } else {
      Bank bank = sel.bank();
      if (bank == null) {
        bank = select.pick(List.copyOf(plans.keySet()));
      } else if (!plans.containsKey(bank)) {
        throw new ConfigException("bank " + bank.key() + " has nothing to generate under this config (generable banks: "
            + String.join(", ", plans.keySet().stream().map(Bank::key).toList()) + ")");
      }
      plan = select.pick(plans.get(bank));
    }
    List<String> seeds = plan.draw(seed.structure("optionals", plan.family().name()));
    Composition c = plan.composer().compose(seeds, seed.structure("deps", plan.family().name()));
    return realize(seed, c, plan.family().name(), plan.family().bank());
  }

  /** The variant of {@code base} for a miner: same structure, own names, ids and nonce. */
  public GeneratedTask variant(GeneratedTask base, String hotkey) {
    if (base.seed().isVariant()) throw new IllegalArgumentException("task " + base.taskId() + " is already a variant");
    TaskSeed s = base.seed().forMiner(hotkey);
    return base.family() != null ? generate(s, Selection.family(base.family()))
        : generate(s, Selection.resource(firstKey(base)));
  }

  private static String firstKey(GeneratedTask base) {
    JsonNode keys = base.task().extra().path("metadata").path("generator").path("seed_template");
    return keys.asText(null);
  }

  private FamilyPlan findPlan(String name) {
    for (List<FamilyPlan> l : plans.values()) for (FamilyPlan p : l) if (p.family().name().equals(name)) return p;
    if (excluded.containsKey(name)) throw new ConfigException("family '" + name + "' cannot be generated: " + excluded.get(name));
    List<String> all = new ArrayList<>();
    plans.values().forEach(l -> l.forEach(p -> all.add(p.family().name())));
    throw new ConfigException("unknown family '" + name + "' (allowed: " + String.join(", ", all) + ")");
  }

  public List<String> templateKeys() {
    return provider.templates().stream().map(ResourceTemplate::key).sorted().toList();
  }

  private GeneratedTask realize(TaskSeed seed, Composition c, String family, Bank bank) {
    String taskId = seed.taskId();
    String nonce = seed.nonce();
    Map<String, Map<String, Provided>> byProviderKey = new LinkedHashMap<>();
    List<ResourceDraft> drafts = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    for (ResourceTemplate t : c.ordered()) {
      Map<String, Provided> provided = new LinkedHashMap<>();
      c.resolved().getOrDefault(t.key(), Map.of()).forEach((cap, providerKey) -> {
        Provided p = byProviderKey.getOrDefault(providerKey, Map.of()).get(cap);
        if (p == null) throw new IllegalStateException(t.key() + " needs " + cap + " from " + providerKey + ", which was not realized first");
        provided.put(cap, p);
      });
      ComparisonRule rule = chooseRule(t, c, seed.structure("rule", t.key()));
      TemplateContext ctx = new TemplateContext(seed, taskId, nonce, seed.structure("values", t.key()), seed.naming("names", t.key()),
          rule, provided, config.validatorSa(), drafts.size());
      Built b = t.build(ctx);
      for (Map.Entry<String, Export> e : b.exports().entrySet()) {
        Export x = e.getValue();
        Provided p = new Provided(e.getKey(), x.name(), x.rule(), x.attrs(), drafts.size() + x.resourceOffset());
        byProviderKey.computeIfAbsent(t.key(), k -> new LinkedHashMap<>()).put(e.getKey(), p);
      }
      for (ResourceDraft r : b.resources()) drafts.add(seed.isVariant() ? withNonceLabel(r, nonce) : r);
      hints.addAll(t.cues());
    }

    List<Invariant> invariants = new ArrayList<>();
    for (ResourceDraft r : drafts) invariants.add(invariant(r));
    String kind = String.join(" + ", c.ordered().stream().map(ResourceTemplate::kind).toList());
    String prompt = renderer.render(kind, drafts, provider.displayName(), config.validatorSa(), seed.naming("prompt"));
    for (ResourceDraft r : drafts) hints.add(renderer.line(r, drafts, seed.naming("hint")));

    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode extra = f.objectNode();
    extra.put("version", "v0");
    extra.put("nonce", nonce);
    extra.put("kind", kind);
    extra.put("prompt", prompt);
    ObjectNode md = extra.putObject("metadata");
    c.keys().forEach(md.putArray("resource_keys")::add);
    c.ordered().forEach(t -> md.withArray("resource_kinds").add(t.kind()));
    hints.forEach(md.putArray("hints")::add);
    md.put("requires_validator_access", true);
    if (family != null) md.put("composition_family", family);
    md.set("rules", RulesMetadata.build(invariants));
    ObjectNode gen = md.putObject("generator");
    gen.put("name", "alphacore-taskgen");
    gen.put("seed", seed.seedHex());
    if (bank != null) gen.put("bank", bank.key());
    if (family == null) gen.put("seed_template", c.ordered().get(c.ordered().size() - 1).key());
    if (seed.isVariant()) {
      gen.put("miner_hotkey", seed.variant());
      gen.put("base_task_id", TaskSeed.base(seed.seed()).taskId());
    }
    List<String> apis = new ArrayList<>();
    c.ordered().forEach(t -> t.apis().forEach(a -> { if (!apis.contains(a)) apis.add(a); }));
    apis.forEach(gen.putArray("apis")::add);
    Task task = new Task(taskId, invariants, extra);
    return new GeneratedTask(task, prompt, family, bank, seed, provider.key(), config.validatorSa(), drafts);
  }

  /**
   * The template's naming rule: uniform over the rules it allows that every dependent in this
   * task can be judged with (see {@link ResourceTemplate#toleratedProviderRules}).
   */
  private static ComparisonRule chooseRule(ResourceTemplate t, Composition c, Rng rng) {
    if (t.namingRules().isEmpty()) return null;
    List<ComparisonRule> allowed = new ArrayList<>(t.namingRules());
    for (ResourceTemplate d : c.ordered()) {
      for (Map.Entry<String, String> e : c.resolved().getOrDefault(d.key(), Map.of()).entrySet()) {
        if (e.getValue().equals(t.key())) {
          Set<ComparisonRule> ok = d.toleratedProviderRules(e.getKey());
          allowed.removeIf(r -> !ok.contains(r));
        }
      }
    }
    if (allowed.isEmpty()) throw new IllegalStateException("no naming rule of " + t.key() + " is judgeable by its dependents in " + c.keys());
    return rng.pick(allowed);
  }

  private ResourceDraft withNonceLabel(ResourceDraft r, String nonce) {
    if (!provider.labelledTypes().contains(r.resourceType())) return r;
    List<FieldSpec> f = new ArrayList<>(r.fields());
    f.add(FieldSpec.value("values.labels." + NONCE_LABEL, nonce, "label " + NONCE_LABEL));
    return new ResourceDraft(r.resourceType(), r.label(), f);
  }

  /** Checked fields become the match; names always carry their rule, references only affix rules. */
  static Invariant invariant(ResourceDraft r) {
    Map<String, JsonNode> match = new LinkedHashMap<>();
    Map<String, String> rules = new LinkedHashMap<>();
    for (FieldSpec f : r.fields()) {
      if (!f.checked()) continue;
      match.put(f.path(), f.value());
      if (f.role() == FieldRole.NAME && f.rule() != null) rules.put(f.path(), f.rule().wire());
      if (f.role() == FieldRole.REFERENCE && f.rule() != null && f.rule() != ComparisonRule.EXACT_MATCH) rules.put(f.path(), f.rule().wire());
    }
    return new Invariant(r.resourceType(), match, rules);
  }
}
