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

/** {@code google_service_account_iam_member}: validator may view the task's service account. */
final class ServiceAccountIamMember extends GcpTemplate {
  ServiceAccountIamMember() {
    super("service_account_iam_member", "service account iam member", Set.of("service_account_iam"), List.of("service_account"),
        List.of(), List.of("iam.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided sa = ctx.require("service_account");
    ResourceDraft r = new ResourceDraft("google_service_account_iam_member", "Service account IAM binding", List.of(
        FieldSpec.ref("values.service_account_id", sa, "service account"),
        FieldSpec.value("values.role", GcpValues.ROLE_SA_VIEWER, "role"),
        FieldSpec.value("values.member", ctx.validatorMember(), "member")));
    return Built.one(r);
  }
}
