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

/** {@code google_compute_network}: a custom-mode VPC. */
final class VpcNetwork extends GcpTemplate {
  VpcNetwork() {
    super("vpc_network", "vpc network", Set.of("network"), List.of(), ALL_RULES, List.of("compute.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String name = draw(ctx.names(), NameKind.COMPUTE, 6, 18, flexible(ctx.nameRule()));
    ResourceDraft r = new ResourceDraft("google_compute_network", "VPC network", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.value("values.auto_create_subnetworks", false, "automatic subnetwork creation (auto_create_subnetworks)")));
    return Built.one(r, "network", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs()));
  }

  @Override
  public List<String> cues() {
    return List.of("Use a dedicated VPC instead of default networks.");
  }
}
