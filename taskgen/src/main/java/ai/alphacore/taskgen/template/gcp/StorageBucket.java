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

/** {@code google_storage_bucket}: global namespace, so the name always takes a miner affix. */
final class StorageBucket extends GcpTemplate {
  StorageBucket() {
    super("storage_bucket", "storage bucket", Set.of("bucket"), List.of(), AFFIX_ONLY, List.of("storage.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String location = ctx.values().pick(GcpValues.BUCKET_LOCATIONS);
    String cls = ctx.values().pick(GcpValues.STORAGE_CLASSES);
    String name = draw(ctx.names(), NameKind.BUCKET, 10, 20, true);
    ResourceDraft r = new ResourceDraft("google_storage_bucket", "Cloud Storage bucket", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.value("values.location", location, "location"),
        FieldSpec.value("values.storage_class", cls, "storage class")));
    return Built.one(r, "bucket", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs("location", location)));
  }

  @Override
  public List<String> cues() {
    return List.of("Keep bucket configs minimal yet explicit.");
  }
}
