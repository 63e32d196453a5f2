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

/** {@code google_secret_manager_secret} plus one {@code google_secret_manager_secret_version}. */
final class SecretManagerSecret extends GcpTemplate {
  /** The version's secret field is compared by reference only (section 6.1 item 3): no ends_with. */
  SecretManagerSecret() {
    super("secret_manager_secret", "secret manager secret", Set.of("secret_manager_secret"), List.of(),
        List.of(ComparisonRule.STARTS_WITH, ComparisonRule.EXACT_MATCH), List.of("secretmanager.googleapis.com"));
  }

  @Override
  public int resourceCount() {
    return 2;
  }

  @Override
  public Built build(TemplateContext ctx) {
    String id = draw(ctx.names(), NameKind.SECRET, 8, 24, flexible(ctx.nameRule()));
    String payload = ai.alphacore.taskgen.naming.Names.text(ctx.names(), 16, 24);
    Provided self = new Provided("secret_manager_secret", id, ctx.nameRule(), java.util.Map.of(), ctx.firstItem());
    ResourceDraft secret = new ResourceDraft("google_secret_manager_secret", "Secret Manager secret", List.of(
        FieldSpec.name("values.secret_id", id, ctx.nameRule(), "secret id"),
        FieldSpec.value("values.replication.0.auto", "automatic", "replication").proseOnly()));
    ResourceDraft version = new ResourceDraft("google_secret_manager_secret_version", "Secret version", List.of(
        FieldSpec.ref("values.secret", self, "secret"),
        FieldSpec.value("values.secret_data", payload, "secret data")));
    return new Built(List.of(secret, version), java.util.Map.of("secret_manager_secret", Export.of(id, ctx.nameRule(), ResourceTemplate.attrs())));
  }
}
