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

/** {@code google_project_iam_member}: validator gets project viewer (the grant every prompt asks for). */
final class ProjectIamMember extends GcpTemplate {
  ProjectIamMember() {
    super("project_iam_member", "project iam member", Set.of("project_iam"), List.of(), List.of(),
        List.of("cloudresourcemanager.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    ResourceDraft r = new ResourceDraft("google_project_iam_member", "Project IAM binding", List.of(
        FieldSpec.value("values.role", GcpValues.ROLE_PROJECT_VIEWER, "role"),
        FieldSpec.value("values.member", ctx.validatorMember(), "member")));
    return Built.one(r);
  }
}
