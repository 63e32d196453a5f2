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

/** {@code google_storage_bucket_object}: a small text/plain object in the task's bucket. */
final class StorageBucketObject extends GcpTemplate {
  StorageBucketObject() {
    super("storage_bucket_object", "bucket object", Set.of("bucket_object"), List.of("bucket"), EXACT_ONLY, List.of("storage.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided bucket = ctx.require("bucket");
    String name = draw(ctx.names(), NameKind.BUCKET_OBJECT, 8, 16, false) + "txt";
    String content = ai.alphacore.taskgen.naming.Names.text(ctx.names(), 12, 20);
    ResourceDraft r = new ResourceDraft("google_storage_bucket_object", "Bucket object", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.ref("values.bucket", bucket, "bucket"),
        FieldSpec.value("values.content_type", "text/plain", "content type"),
        FieldSpec.value("values.content", content, "content")));
    return Built.one(r);
  }

  @Override
  public List<String> cues() {
    return List.of("Deliver at least one concrete file inside the bucket.");
  }
}
