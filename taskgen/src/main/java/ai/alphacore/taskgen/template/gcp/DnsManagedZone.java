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

/** {@code google_dns_managed_zone} for {@code <token>.acore.example.}. */
final class DnsManagedZone extends GcpTemplate {
  DnsManagedZone() {
    super("dns_managed_zone", "dns managed zone", Set.of("dns_zone"), List.of(), ALL_RULES, List.of("dns.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String name = draw(ctx.names(), NameKind.DNS_ZONE, 6, 14, flexible(ctx.nameRule()));
    String dnsName = name + ".acore.example.";
    ResourceDraft r = new ResourceDraft("google_dns_managed_zone", "Cloud DNS managed zone", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "zone name"),
        FieldSpec.value("values.dns_name", dnsName, "DNS name (with the trailing dot)")));
    return Built.one(r, "dns_zone", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs("dns_name", dnsName)));
  }

  @Override
  public List<String> cues() {
    return List.of("Use Cloud DNS with a dedicated zone name.");
  }
}
