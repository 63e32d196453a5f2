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

/** {@code google_compute_subnetwork} in the task's VPC. */
final class Subnetwork extends GcpTemplate {
  Subnetwork() {
    super("subnetwork", "subnetwork", Set.of("subnetwork"), List.of("network"), ALL_RULES, List.of("compute.googleapis.com"));
  }

  /** The reference judge compares subnetwork.network by reference only (B1): no ends_with. */
  @Override
  public Set<ComparisonRule> toleratedProviderRules(String capability) {
    return REF_SAFE;
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided net = ctx.require("network");
    String zone = GcpValues.zone(ctx.values());
    String region = GcpValues.regionOf(zone);
    String cidr = GcpValues.cidr(ctx.values());
    String name = draw(ctx.names(), NameKind.COMPUTE, 6, 18, flexible(ctx.nameRule()));
    ResourceDraft r = new ResourceDraft("google_compute_subnetwork", "Subnetwork", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.ref("values.network", net, "network"),
        FieldSpec.value("values.region", region, "region"),
        FieldSpec.value("values.ip_cidr_range", cidr, "IP CIDR range")));
    return Built.one(r, "subnetwork", Export.of(name, ctx.nameRule(),
        ResourceTemplate.attrs("region", region, "zone", zone, "cidr", cidr)));
  }

  @Override
  public List<String> cues() {
    return List.of("Attach the subnetwork to the custom VPC.");
  }
}
