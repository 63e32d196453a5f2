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

/** {@code google_logging_project_sink} writing to the task's bucket. */
final class LoggingProjectSink extends GcpTemplate {
  LoggingProjectSink() {
    super("logging_project_sink", "logging project sink", Set.of("logging_sink"), List.of("bucket"), EXACT_ONLY,
        List.of("logging.googleapis.com"));
  }

  /**
   * The destination is {@code storage.googleapis.com/<bucket>}: with starts_with on the bucket
   * the whole string starts with {@code storage.googleapis.com/<token>}, which the reference
   * judge checks with the rule; ends_with has no such form (B6).
   */
  @Override
  public Set<ComparisonRule> toleratedProviderRules(String capability) {
    return Set.of(ComparisonRule.STARTS_WITH);
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided bucket = ctx.require("bucket");
    String filter = ctx.values().pick(GcpValues.LOG_FILTERS);
    String name = draw(ctx.names(), NameKind.LOGGING_SINK, 8, 24, false);
    Provided dest = new Provided("bucket", "storage.googleapis.com/" + bucket.name(), bucket.rule(), bucket.attrs(), bucket.item());
    ResourceDraft r = new ResourceDraft("google_logging_project_sink", "Logging sink", List.of(
        FieldSpec.name("values.name", name, ctx.nameRule(), "name"),
        FieldSpec.ref("values.destination", dest, "destination"),
        FieldSpec.value("values.filter", filter, "filter")));
    return Built.one(r);
  }
}
