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

/** {@code google_project_iam_custom_role}: one of four small permission sets. */
final class CustomIamRole extends GcpTemplate {
  CustomIamRole() {
    super("custom_iam_role", "custom iam role", Set.of("custom_role"), List.of(), List.of(), List.of("iam.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    List<String> perms = ctx.values().pick(GcpValues.ROLE_PERMISSIONS);
    String id = draw(ctx.names(), NameKind.CUSTOM_ROLE, 8, 24, false);
    com.fasterxml.jackson.databind.node.ArrayNode all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    perms.forEach(all::add);
    ResourceDraft r = new ResourceDraft("google_project_iam_custom_role", "Custom IAM role", List.of(
        FieldSpec.name("values.role_id", id, null, "role id"),
        // The judge checks membership of the first permission; the prompt lists the whole set.
        FieldSpec.value("values.permissions.0", perms.get(0), "permission").hidden(),
        FieldSpec.value("values.permissions", all, "permissions").proseOnly()));
    return Built.one(r);
  }
}
