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

/** {@code google_dns_record_set} in the task's zone. */
final class DnsRecordSet extends GcpTemplate {
  DnsRecordSet() {
    super("dns_record_set", "dns record set", Set.of("dns_record_set"), List.of("dns_zone"), EXACT_ONLY, List.of("dns.googleapis.com"));
  }

  /** The reference judge compares every record-set field strictly, managed_zone included. */
  @Override
  public Set<ComparisonRule> toleratedProviderRules(String capability) {
    return Set.of(ComparisonRule.EXACT_MATCH);
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided zone = ctx.require("dns_zone");
    String type = ctx.values().pick(GcpValues.DNS_TYPES);
    int ttl = ctx.values().pick(GcpValues.DNS_TTLS);
    String label = draw(ctx.names(), NameKind.DNS_LABEL, 4, 10, false);
    String n6 = ctx.nonce().substring(0, 6);
    String data = switch (type) {
      case "A" -> "192.0.2." + ctx.values().between(1, 254);
      case "CNAME" -> "alias-" + n6 + ".example.com.";
      case "TXT" -> "\"" + ai.alphacore.taskgen.naming.Names.text(ctx.names(), 6, 12) + "\"";
      default -> "10 mail-" + n6 + ".example.com.";
    };
    com.fasterxml.jackson.databind.node.ArrayNode rr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(data);
    ResourceDraft r = new ResourceDraft("google_dns_record_set", "DNS record set", List.of(
        FieldSpec.name("values.name", label + "." + zone.attr("dns_name"), ctx.nameRule(), "record name (with the trailing dot)"),
        FieldSpec.value("values.type", type, "record type"),
        FieldSpec.value("values.ttl", ttl, "TTL in seconds"),
        FieldSpec.ref("values.managed_zone", zone, "managed zone"),
        FieldSpec.value("values.rrdatas", rr, "record data (rrdatas)")));
    return Built.one(r);
  }
}
