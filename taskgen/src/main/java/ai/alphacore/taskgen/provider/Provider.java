package ai.alphacore.taskgen.provider;

import ai.alphacore.taskgen.family.Family;
import ai.alphacore.taskgen.template.ResourceTemplate;
import java.util.List;
import java.util.Set;

/**
 * A cloud provider plugged into the generator: its templates, its families and a few facts the
 * generic code needs. The checks a provider's tasks rely on live in its templates (rules they
 * tolerate) and in its ideal-miner synthesizer.
 */
public interface Provider {
  /** Config key, e.g. {@code gcp}. */
  String key();

  /** How prompts name the provider, e.g. "Google Cloud". */
  String displayName();

  /** Templates in catalog order (dependency providers are looked up in this order). */
  List<ResourceTemplate> templates();

  List<Family> families();

  /** Resource types that accept user labels (per-miner variants put their nonce there). */
  Set<String> labelledTypes();

  /** Words a prompt may use to name the provider; the prompt checker requires one. */
  List<String> providerTerms();
}
