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

/** {@code google_compute_instance} on the project's default network. */
final class ComputeInstanceBasic extends GcpTemplate {
  ComputeInstanceBasic() {
    super("compute_instance_basic", "basic virtual machine", Set.of("instance"), List.of(), ALL_RULES, List.of("compute.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String zone = GcpValues.zone(ctx.values());
    String machine = ctx.values().pick(GcpValues.MACHINE_TYPES);
    String script = ctx.values().pick(GcpValues.STARTUP_SCRIPTS).replace("{token}", token(ctx, ""));
    String name = draw(ctx.names(), NameKind.COMPUTE, 6, 18, flexible(ctx.nameRule()));
    ResourceDraft r = new ResourceDraft("google_compute_instance", "VM instance", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.value("values.zone", zone, "zone"),
        FieldSpec.value("values.machine_type", machine, "machine type"),
        FieldSpec.value("values.metadata_startup_script", script, "startup script (metadata_startup_script)"),
        // Not pinned by the reference; said so the miner does not create an unrequested VPC.
        FieldSpec.value("values.network_interface.0.network", "default", "network (the project default VPC)").proseOnly()));
    return Built.one(r, "instance", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs("zone", zone)));
  }

  /** {@code task_id[:6]-nonce[:6]}: unique per task and per miner variant. */
  static String token(TemplateContext ctx, String suffix) {
    return ctx.taskId().substring(0, 6) + "-" + ctx.nonce().substring(0, 6) + suffix;
  }

  @Override
  public List<String> cues() {
    return List.of("Provision exactly one Compute Engine VM.");
  }
}
