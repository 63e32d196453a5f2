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

/** {@code google_pubsub_subscription} bound to the task's topic. */
final class PubsubSubscription extends GcpTemplate {
  PubsubSubscription() {
    super("pubsub_subscription", "pubsub subscription", Set.of("pubsub_subscription"), List.of("pubsub_topic"), ALL_RULES,
        List.of("pubsub.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided topic = ctx.require("pubsub_topic");
    int ack = ctx.values().pick(GcpValues.ACK_DEADLINES);
    boolean retain = ctx.values().nextBoolean();
    String ttl = ctx.values().pick(GcpValues.SUBSCRIPTION_TTLS);
    String name = draw(ctx.names(), NameKind.PUBSUB, 6, 20, flexible(ctx.nameRule()));
    ResourceDraft r = new ResourceDraft("google_pubsub_subscription", "Pub/Sub subscription", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.ref("values.topic", topic, "topic"),
        FieldSpec.value("values.ack_deadline_seconds", ack, "ack deadline in seconds (ack_deadline_seconds)"),
        FieldSpec.value("values.retain_acked_messages", retain, "retain acked messages (retain_acked_messages)"),
        FieldSpec.value("values.expiration_policy.0.ttl", ttl, "expiration policy TTL")));
    return Built.one(r, "pubsub_subscription", Export.of(name, ctx.nameRule(), ResourceTemplate.attrs()));
  }

  @Override
  public List<String> cues() {
    return List.of("Keep the subscription minimal with short ack deadline.");
  }
}
