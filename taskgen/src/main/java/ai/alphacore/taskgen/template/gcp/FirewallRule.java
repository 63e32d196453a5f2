package ai.alphacore.taskgen.template.gcp;

import ai.alphacore.core.task.ComparisonRule;
import ai.alphacore.taskgen.naming.NameKind;
import ai.alphacore.taskgen.template.Built;
import ai.alphacore.taskgen.template.Export;
import ai.alphacore.taskgen.template.FieldSpec;
import ai.alphacore.taskgen.template.Provided;
import ai.alphacore.taskgen.template.ResourceDraft;
import ai.alphacore.taskgen.template.ResourceTemplate;
import ai.alphacore.taskgen.template.TemplateContext;
import java.util.List;
import java.util.Set;

/** {@code google_compute_firewall}: one ingress profile (ssh, http or icmp). */
final class FirewallRule extends GcpTemplate {
  FirewallRule() {
    super("firewall_rule", "firewall rule", Set.of("firewall"), List.of("network"), ALL_RULES, List.of("compute.googleapis.com"));
  }

  /** The reference judge compares firewall.network by reference only (B1): no ends_with. */
  @Override
  public Set<ComparisonRule> toleratedProviderRules(String capability) {
    return REF_SAFE;
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided net = ctx.require("network");
    GcpValues.FirewallProfile p = ctx.values().pick(GcpValues.FIREWALL_PROFILES);
    String name = draw(ctx.names(), NameKind.COMPUTE, 6, 18, flexible(ctx.nameRule()));
    List<FieldSpec> f = new java.util.ArrayList<>(List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.ref("values.network", net, "network"),
        FieldSpec.value("values.direction", "INGRESS", "direction"),
        FieldSpec.value("values.priority", p.priority(), "priority"),
        FieldSpec.value("values.disabled", false, "disabled"),
        FieldSpec.value("values.allow.0.protocol", p.protocol(), "allowed protocol")));
    if (p.port() != null) f.add(FieldSpec.value("values.allow.0.ports.0", p.port(), "allowed port"));
    return Built.one(new ResourceDraft("google_compute_firewall", "Firewall rule", f));
  }

  @Override
  public List<String> cues() {
    return List.of("Restrict ingress on the bespoke VPC.");
  }
}
