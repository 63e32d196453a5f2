package ai.alphacore.sandbox.lint;

/** Each way the linter refuses a configuration. The ids are stable and published to miners. */
public enum LintRule {
  PROVISIONER_FORBIDDEN("provisioner_forbidden", "provisioners run arbitrary commands"),
  EXTERNAL_DATA_FORBIDDEN("external_data_forbidden", "the external data source runs arbitrary programs"),
  PROVIDER_NOT_ALLOWED("provider_not_allowed", "only allowlisted providers are installed"),
  PROVIDER_CUSTOM_ENDPOINT("provider_custom_endpoint", "custom endpoints would let refresh read forged API answers"),
  PROVIDER_CREDENTIALS("provider_credentials", "the validator supplies credentials; the configuration may not"),
  MODULE_SOURCE_NOT_LOCAL("module_source_not_local", "modules must come from inside the submission"),
  BACKEND_FORBIDDEN("backend_forbidden", "state must stay in the submitted workspace"),
  MISSING_TF_FILES("missing_tf_files", "a submission needs Terraform configuration at its root"),
  SYNTAX_ERROR("hcl_syntax", "the file is not valid Terraform syntax"),
  NOT_UTF8("file_not_utf8", "Terraform files must be UTF-8 text");

  private final String id;
  private final String why;

  LintRule(String id, String why) {
    this.id = id;
    this.why = why;
  }

  public String id() {
    return id;
  }

  /** Why the rule exists, for the miner reading the rejection. */
  public String why() {
    return why;
  }
}
