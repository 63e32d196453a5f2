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

/** {@code google_pubsub_topic} with explicit retention. */
final class PubsubTopic extends GcpTemplate {
  PubsubTopic() {
    super("pubsub_topic", "pubsub topic", Set.of("pubsub_topic"), List.of(), ALL_RULES, List.of("pubsub.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String retention = ctx.values().pick(GcpValues.TOPIC_RETENTION);
    String name = draw(ctx.names(), NameKind.PUBSUB, 6, 20, flexible(ctx.nameRule()));
    ResourceDraft r = new ResourceDraft("google_pubsub_topic", "Pub/Sub topic", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.value("values.message_retention_duration", retention, "message retention duration")));
    return Built.one(r, "pubsub_topic", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs()));
  }

  @Override
  public List<String> cues() {
    return List.of("Keep the topic isolated with explicit retention.");
  }
}
