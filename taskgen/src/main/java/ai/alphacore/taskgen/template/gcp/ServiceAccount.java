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

/** {@code google_service_account}: project-scoped id, so exact names are safe. */
final class ServiceAccount extends GcpTemplate {
  ServiceAccount() {
    super("service_account", "service account", Set.of("service_account"), List.of(), List.of(), List.of("iam.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String id = draw(ctx.names(), NameKind.SERVICE_ACCOUNT, 8, 20, false);
    String display = ai.alphacore.taskgen.naming.Names.identifier(ctx.names(), 8, 16);
    String description = ai.alphacore.taskgen.naming.Names.identifier(ctx.names(), 10, 18);
    ResourceDraft r = new ResourceDraft("google_service_account", "Service account", List.of(
        FieldSpec.name("values.account_id", id, null, "account id"),
        FieldSpec.value("values.display_name", display, "display name"),
        FieldSpec.value("values.description", description, "description")));
    return Built.one(r, "service_account", Export.of(id, ComparisonRule.EXACT_MATCH, ResourceTemplate.attrs()));
  }
}
