package ai.alphacore.cli.taskgen;

import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.config.TaskgenConfig;
import ai.alphacore.taskgen.provider.GcpProvider;
import ai.alphacore.taskgen.provider.Provider;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the taskgen commands: which config, which validator identity. */
final class TaskgenOptions {
  static final Provider PROVIDER = new GcpProvider();

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML config (default: $ALPHACORE_CONFIG, else the bundled task_config.yaml).")
  Path config;

  @Option(names = "--validator-sa", paramLabel = "EMAIL",
      description = "Validator service account (overrides settings.validator_sa and $ALPHACORE_VALIDATOR_SA).")
  String validatorSa;

  /** Environment used for overrides; tests replace it. */
  static Map<String, String> env = System.getenv();

  TaskgenConfig load() {
    ConfigLoader loader = new ConfigLoader(PROVIDER, env);
    Path file = config != null ? config : env.containsKey("ALPHACORE_CONFIG") ? Path.of(env.get("ALPHACORE_CONFIG")) : null;
    TaskgenConfig c = file == null ? loader.loadDefault() : loader.load(file);
    if (validatorSa != null) {
      ConfigLoader.checkSa(validatorSa, "--validator-sa");
      c = c.withValidatorSa(validatorSa.trim());
    }
    return c;
  }

  TaskGenerator generator() {
    return new TaskGenerator(PROVIDER, load());
  }
}
