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

/** {@code google_secret_manager_secret_iam_member}: validator gets secret accessor. */
final class SecretManagerSecretIam extends GcpTemplate {
  SecretManagerSecretIam() {
    super("secret_manager_secret_iam", "secret iam member", Set.of("secret_iam"), List.of("secret_manager_secret"), List.of(),
        List.of("secretmanager.googleapis.com"));
  }

  /** The reference judge compares secret_id by reference only. */
  @Override
  public Set<ComparisonRule> toleratedProviderRules(String capability) {
    return REF_SAFE;
  }

  @Override
  public Built build(TemplateContext ctx) {
    Provided secret = ctx.require("secret_manager_secret");
    ResourceDraft r = new ResourceDraft("google_secret_manager_secret_iam_member", "Secret IAM binding", List.of(
        FieldSpec.ref("values.secret_id", secret, "secret"),
        FieldSpec.value("values.role", GcpValues.ROLE_SECRET_ACCESSOR, "role"),
        FieldSpec.value("values.member", ctx.validatorMember(), "member")));
    return Built.one(r);
  }
}
