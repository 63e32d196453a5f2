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

/** {@code google_cloud_scheduler_job}: targets the task's topic when there is one, else an HTTP URI. */
final class CloudSchedulerJob extends GcpTemplate {
  CloudSchedulerJob() {
    super("cloud_scheduler_job", "cloud scheduler job", Set.of("scheduler_job"), List.of(), EXACT_ONLY,
        List.of("cloudscheduler.googleapis.com"));
  }

  @Override
  public List<String> uses() {
    return List.of("pubsub_topic");
  }

  /** The reference judge compares pubsub_target.0.topic_name by reference only. */
  @Override
  public Set<ComparisonRule> toleratedProviderRules(String capability) {
    return REF_SAFE;
  }

  @Override
  public Built build(TemplateContext ctx) {
    String schedule = ctx.values().pick(GcpValues.SCHEDULES);
    String name = draw(ctx.names(), NameKind.SCHEDULER_JOB, 6, 20, false);
    List<FieldSpec> f = new java.util.ArrayList<>(List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.value("values.schedule", schedule, "schedule (cron)")));
    var topic = ctx.optional("pubsub_topic");
    if (topic.isPresent()) {
      f.add(FieldSpec.ref("values.pubsub_target.0.topic_name", topic.get(), "Pub/Sub target topic"));
      // Pub/Sub targets need data or attributes; not checked, said so the apply succeeds.
      f.add(FieldSpec.value("values.pubsub_target.0.data", "cGluZw==", "Pub/Sub message data (base64)").proseOnly());
    } else {
      f.add(FieldSpec.value("values.http_target.0.uri", "https://example.com/webhook/" + ctx.nonce().substring(0, 8), "HTTP target URI"));
    }
    f.add(FieldSpec.value("values.time_zone", "UTC", "time zone").proseOnly());
    return Built.one(new ResourceDraft("google_cloud_scheduler_job", "Cloud Scheduler job", f));
  }
}
