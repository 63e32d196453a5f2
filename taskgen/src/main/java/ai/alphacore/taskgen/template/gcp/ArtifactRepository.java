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

/** {@code google_artifact_registry_repository}. */
final class ArtifactRepository extends GcpTemplate {
  ArtifactRepository() {
    super("artifact_repository", "artifact registry repo", Set.of("artifact_repository"), List.of(), AFFIX_ONLY,
        List.of("artifactregistry.googleapis.com"));
  }

  @Override
  public Built build(TemplateContext ctx) {
    String location = ctx.values().pick(GcpValues.ARTIFACT_LOCATIONS);
    String format = ctx.values().pick(GcpValues.ARTIFACT_FORMATS);
    String id = draw(ctx.names(), NameKind.ARTIFACT_REPOSITORY, 6, 18, true);
    ResourceDraft r = new ResourceDraft("google_artifact_registry_repository", "Artifact Registry repository", List.of(
        FieldSpec.name("values.repository_id", id, ctx.nameRule(), "repository id"),
        FieldSpec.value("values.location", location, "location"),
        FieldSpec.value("values.format", format, "format")));
    return Built.one(r, "artifact_repository", Export.of(id, ctx.nameRule(), ResourceTemplate.attrs("location", location)));
  }

  @Override
  public List<String> cues() {
    return List.of("Keep the repository minimal; ensure the package format matches the request.");
  }
}
