package ai.alphacore.core.tfstate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One instance of a managed resource in a Terraform state: a candidate for invariants.
 *
 * @param address Terraform-style address, e.g. {@code module.app.google_storage_bucket.b[0]}
 * @param attributes the instance's {@code attributes} ({@code {}} when null or missing)
 * @param deposed true for a deposed (create_before_destroy) object that Terraform will destroy
 */
public record StateResource(
    String address, String type, String name, String module, JsonNode attributes, boolean deposed) {}
