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

/** {@code google_compute_instance} in the task's subnetwork (zone inside the subnet region). */
final class ComputeInstanceNetworked extends GcpTemplate {
  ComputeInstanceNetworked() {
    super("compute_instance_networked", "networked virtual machine", Set.of("instance"), List.of("subnetwork"), ALL_RULES,
        List.of("compute.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided subnet = ctx.require("subnetwork");
    String zone = subnet.attr("zone");
    String machine = ctx.values().pick(GcpValues.MACHINE_TYPES);
    String script = ctx.values().pick(GcpValues.STARTUP_SCRIPTS).replace("{token}", ComputeInstanceBasic.token(ctx, "-net"));
    String name = draw(ctx.names(), NameKind.COMPUTE, 6, 18, flexible(ctx.nameRule()));
    ResourceDraft r = new ResourceDraft("google_compute_instance", "VM instance", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.value("values.zone", zone, "zone"),
        FieldSpec.value("values.machine_type", machine, "machine type"),
        FieldSpec.ref("values.network_interface.0.subnetwork", subnet, "subnetwork of its first network interface"),
        FieldSpec.value("values.metadata_startup_script", script, "startup script (metadata_startup_script)")));
    return Built.one(r, "instance", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs("zone", zone, "region", subnet.attr("region"))));
  }

  @Override
  public List<String> cues() {
    return List.of("Use the dedicated VPC stack before adding the VM.");
  }
}
