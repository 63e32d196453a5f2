package ai.alphacore.cli.neuron;

import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.neurons.validator.ValidatorConfig;
import ai.alphacore.neurons.validator.ValidatorNode;
import ai.alphacore.neurons.validator.evaluation.ValidationApiEvaluator;
import ai.alphacore.neurons.validator.round.TaskSource;
import ai.alphacore.taskgen.Selection;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.provider.GcpProvider;
import ai.alphacore.validation.client.ValidationApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphacore validator}: rounds, evaluation through the Validation API, weights on chain.
 * Flags win over {@code ALPHACORE_*} variables, which win over the reference defaults.
 */
@Command(name = "validator", mixinStandardHelpOptions = true,
    description = "Run a validator: generate tasks, query miners, evaluate through the Validation API, set weights.")
public final class ValidatorCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin WalletOptions wallet = new WalletOptions();
  @Mixin ChainOptions chain = new ChainOptions();

  @Option(names = "--validation-api.endpoint", paramLabel = "URL", description = "Validation API (env ALPHACORE_VALIDATION_API_ENDPOINT; default http://127.0.0.1:8888); token from ALPHACORE_VALIDATION_API_TOKEN.")
  String apiEndpoint;

  @Option(names = "--timed", description = "Timed loop mode: a round, then --tick-seconds (env ALPHACORE_LOOP_MODE=timed).")
  boolean timed;

  @Option(names = "--tick-seconds", paramLabel = "S", description = "Pause between timed rounds (env ALPHACORE_TICK_SECONDS).")
  Double tick;

  @Option(names = "--validator.epoch_slots", paramLabel = "N", description = "Split each epoch into N slots (env ALPHACORE_EPOCH_SLOTS).")
  Integer slots;

  @Option(names = "--validator.epoch_slot_index", paramLabel = "I", description = "This validator's slot (env ALPHACORE_EPOCH_SLOT_INDEX).")
  Integer slotIndex;

  @Option(names = "--validator.weights_min_tasks_before_emit", paramLabel = "N", description = "Tasks to score before setting weights (env ALPHACORE_WEIGHTS_MIN_TASKS_BEFORE_EMIT; default 10).")
  Integer minTasks;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Scores, ledger and round summaries (default ~/.bittensor/miners/<wallet>/<hotkey>/netuid<N>/validator).")
  Path stateDir;

  @Option(names = "--taskgen.config", paramLabel = "FILE", description = "Task generation YAML (env ALPHACORE_CONFIG; default the bundled one).")
  Path taskConfig;

  @Option(names = "--miner-projects", paramLabel = "FILE", description = "JSON {hotkey: project} of registered miner projects (env ALPHACORE_MINER_PROJECTS); else the project a miner declares.")
  Path minerProjects;

  @Option(names = "--rounds", paramLabel = "K", description = "Run K rounds (and set weights after each), then stop; default: forever.")
  Integer rounds;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    Map<String, String> env = new HashMap<>(System.getenv());
    if (timed) env.put("ALPHACORE_LOOP_MODE", "timed");
    if (tick != null) env.put("ALPHACORE_TICK_SECONDS", tick.toString());
    if (slots != null) env.put("ALPHACORE_EPOCH_SLOTS", slots.toString());
    if (slotIndex != null) env.put("ALPHACORE_EPOCH_SLOT_INDEX", slotIndex.toString());
    if (minTasks != null) env.put("ALPHACORE_WEIGHTS_MIN_TASKS_BEFORE_EMIT", minTasks.toString());
    var w = wallet.wallet();
    int netuid = chain.netuid();
    Path dir = stateDir != null ? stateDir
        : Path.of(System.getProperty("user.home"), ".bittensor", "miners", w.name(), w.hotkeyName(), "netuid" + netuid, "validator");
    ValidatorConfig cfg = ValidatorConfig.fromEnv(env, netuid, dir);
    String endpoint = apiEndpoint != null ? apiEndpoint : env.getOrDefault("ALPHACORE_VALIDATION_API_ENDPOINT", "http://127.0.0.1:8888");
    String token = env.get("ALPHACORE_VALIDATION_API_TOKEN");
    ValidationApiClient api = new ValidationApiClient(URI.create(endpoint), token);
    Map<String, String> projects = readProjects(minerProjects != null ? minerProjects
        : env.containsKey("ALPHACORE_MINER_PROJECTS") ? Path.of(env.get("ALPHACORE_MINER_PROJECTS")) : null);
    GcpProvider gcp = new GcpProvider();
    ConfigLoader loader = new ConfigLoader(gcp, env);
    TaskGenerator gen = new TaskGenerator(gcp, taskConfig != null ? loader.load(taskConfig) : loader.loadDefault());
    err.printf("alphacore validator: hotkey %s, netuid %d, %s, loop %s, validation API %s (token %s), state %s%n",
        w.hotkeySs58(), netuid, chain.describe(), cfg.loopMode(), endpoint, token == null ? "not set" : "set", dir);
    if (!"false".equalsIgnoreCase(env.getOrDefault("ALPHACORE_FAIL_FAST_ON_VALIDATION_API", "true"))) {
      try {
        if (!api.health().ready()) {
          err.println("error: the Validation API at " + endpoint + " is not ready; start it or set ALPHACORE_FAIL_FAST_ON_VALIDATION_API=false");
          return 2;
        }
      } catch (RuntimeException e) {
        err.println("error: the Validation API at " + endpoint + " is unreachable (" + e.getMessage() + ")");
        return 2;
      }
    }
    try (Subtensor st = chain.open()) {
      if (st.uid(netuid, w.hotkeySs58()).isEmpty()) {
        err.println("error: hotkey " + w.hotkeySs58() + " is not registered on netuid " + netuid);
        return 2;
      }
      try (ValidatorNode v = new ValidatorNode(wallet.hotkeyPair(), st,
          new ValidationApiEvaluator(api, Duration.ofSeconds((long) cfg.taskTimeoutSeconds())),
          new TaskSource(gen, Selection.ANY, System.nanoTime()), cfg, null, h -> Optional.ofNullable(projects.get(h)))) {
        if (rounds != null) {
          for (int k = 0; k < rounds; k++) {
            var r = v.runRound();
            err.printf("round %s: %d miners, settled %s%n", r.roundId(), r.miners().size(), r.settled());
            v.emitWeights().ifPresent(e -> err.println("weights " + e.action() + ": " + (e.tx().success() ? "ok" : e.tx().error())));
          }
        } else {
          v.runForever();
        }
      }
    }
    return 0;
  }

  private static Map<String, String> readProjects(Path file) throws java.io.IOException {
    Map<String, String> out = new HashMap<>();
    if (file == null) return out;
    JsonNode n = new ObjectMapper().readTree(file.toFile());
    if (!n.isObject()) throw new IllegalArgumentException(file + " must be a JSON object {hotkey: project}");
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
