package ai.alphacore.neurons.validator.round;

import ai.alphacore.bittensor.chain.Metagraph;
import ai.alphacore.bittensor.chain.Neuron;
import ai.alphacore.bittensor.chain.Subtensor;
import ai.alphacore.bittensor.wire.AxonTarget;
import ai.alphacore.bittensor.wire.Dendrite;
import ai.alphacore.bittensor.wire.Synapse;
import ai.alphacore.neurons.protocol.AlphaCoreSynapses;
import ai.alphacore.neurons.validator.ValidatorConfig;
import ai.alphacore.neurons.validator.evaluation.Attempt;
import ai.alphacore.neurons.validator.evaluation.Evaluation;
import ai.alphacore.neurons.validator.evaluation.EvaluationRequest;
import ai.alphacore.neurons.validator.evaluation.Evaluator;
import ai.alphacore.neurons.validator.scoring.FinalScores;
import ai.alphacore.neurons.validator.scoring.Scoreboard;
import ai.alphacore.taskgen.GeneratedTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One round (protocol.md A4.3): handshake with every serving miner, per-miner task variants,
 * dispatch with timeouts, submission checks, evaluation, feedback, cleanup and settlement.
 * A miner that answers garbage, times out or sends a huge payload is scored and logged; it
 * never stops the round.
 */
public final class RoundRunner {
  private static final System.Logger LOG = System.getLogger(RoundRunner.class.getName());

  private final Subtensor chain;
  private final Dendrite dendrite;
  private final TaskSource tasks;
  private final Evaluator evaluator;
  private final Scoreboard scoreboard;
  private final ValidatorConfig config;
  private final RoundListener listener;
  private final java.util.function.Function<String, java.util.Optional<String>> projects;

  public RoundRunner(Subtensor chain, Dendrite dendrite, TaskSource tasks, Evaluator evaluator, Scoreboard scoreboard,
      ValidatorConfig config, RoundListener listener) {
    this(chain, dendrite, tasks, evaluator, scoreboard, config, listener, h -> java.util.Optional.empty());
  }

  /**
   * @param projects the cloud project registered for a miner hotkey; when absent, the project
   *     the miner declared in its handshake ({@code gcp_project}) is used. The Validation API
   *     requires every resource to live there.
   */
  public RoundRunner(Subtensor chain, Dendrite dendrite, TaskSource tasks, Evaluator evaluator, Scoreboard scoreboard,
      ValidatorConfig config, RoundListener listener, java.util.function.Function<String, java.util.Optional<String>> projects) {
    this.projects = projects;
    this.chain = chain;
    this.dendrite = dendrite;
    this.tasks = tasks;
    this.evaluator = evaluator;
    this.scoreboard = scoreboard;
    this.config = config;
    this.listener = listener == null ? RoundListener.NONE : listener;
  }

  private record Target(Neuron neuron, AxonTarget axon) {}

  public RoundResult run(String roundId) {
    Map<String, Double> phases = new LinkedHashMap<>();
    long t = System.nanoTime();
    currentRound = roundId;
    Metagraph mg = chain.metagraph(config.netuid());
    scoreboard.follow(mg.neurons().stream().map(Neuron::hotkey).toList());
    List<Target> targets = targets(mg);
    List<GeneratedTask> base = tasks.baseTasks(roundId, config.tasksPerRound());
    t = phase(phases, "generation", t);
    listener.event("round_start", Map.of("round_id", roundId, "targets", targets.size(), "tasks", base.size()));

    List<Synapse> hs = dendrite.forward(targets.stream().map(Target::axon).toList(), this::startRound, config.handshakeTimeoutSeconds());
    List<Target> alive = new ArrayList<>();
    Map<Integer, Synapse> handshakes = new HashMap<>();
    declaredProjects.clear();
    for (int i = 0; i < targets.size(); i++) {
      Synapse r = hs.get(i);
      handshakes.put(targets.get(i).neuron().uid(), r);
      JsonNode declared = r.get("gcp_project");
      if (r.isSuccess() && declared != null && declared.isTextual()) declaredProjects.put(targets.get(i).neuron().hotkey(), declared.textValue());
      if (r.isSuccess() && r.get("is_ready").asBoolean(false)) alive.add(targets.get(i));
    }
    listener.event("handshake_complete", Map.of("round_id", roundId, "alive", alive.size(), "queried", targets.size()));
    t = phase(phases, "handshake", t);

    Map<Integer, List<PairResult>> pairs = dispatchAndEvaluate(roundId, alive, base);
    t = phase(phases, "dispatch_and_evaluation", t);

    Map<Integer, Double> apiAvg = new LinkedHashMap<>();
    Map<Integer, Double> latency = new LinkedHashMap<>();
    Set<Integer> held = new HashSet<>();
    for (Target target : alive) {
      int uid = target.neuron().uid();
      List<PairResult> ps = pairs.getOrDefault(uid, List.of());
      List<PairResult> counted = ps.stream().filter(p -> !p.attempt().validatorFault()).toList();
      if (counted.isEmpty()) held.add(uid);
      else apiAvg.put(uid, counted.stream().mapToDouble(PairResult::score).average().orElse(0));
      ps.stream().mapToDouble(PairResult::latencySeconds).average().ifPresent(l -> latency.put(uid, l));
    }
    FinalScores.Result finals = FinalScores.compute(apiAvg, latency, config.scoring());

    cleanup(roundId, alive, pairs, finals);
    t = phase(phases, "cleanup", t);

    boolean settled = scoreboard.settle(finals.finals(), held);
    List<MinerRound> miners = new ArrayList<>();
    for (Target target : targets) {
      int uid = target.neuron().uid();
      Synapse h = handshakes.get(uid);
      boolean isAlive = alive.contains(target);
      miners.add(new MinerRound(uid, target.neuron().hotkey(), isAlive, h.get("miner_version").asText(""),
          h.get("available_capacity").asInt(0), pairs.getOrDefault(uid, List.of()), apiAvg.get(uid), latency.get(uid),
          finals.finals().getOrDefault(uid, 0.0)));
    }
    phase(phases, "settlement", t);
    RoundResult result = new RoundResult(roundId, mg.block(), base.stream().map(GeneratedTask::taskId).toList(), miners,
        finals.fastestTopUid(), settled, scoreboard.scores(), phases);
    listener.roundComplete(result);
    return result;
  }

  private static long phase(Map<String, Double> phases, String name, long since) {
    long now = System.nanoTime();
    phases.put(name, (now - since) / 1e9);
    return now;
  }

  /** Every uid serving an axon (an ip that is not empty or 0.0.0.0, a real port), but ourselves. */
  private List<Target> targets(Metagraph mg) {
    List<Target> out = new ArrayList<>();
    for (Neuron n : mg.neurons()) {
      if (n.axon() == null || n.hotkey().equals(dendrite.hotkeySs58())) continue;
      String ip = n.axon().ip();
      if (ip == null || ip.isEmpty() || ip.equals("0.0.0.0") || n.axon().port() <= 0) continue;
      out.add(new Target(n, new AxonTarget(ip, n.axon().port(), n.hotkey())));
    }
    return out;
  }

  private Synapse startRound() {
    return new Synapse(AlphaCoreSynapses.START_ROUND)
        .set("round_id", currentRound)
        .set("timestamp", LongNode.valueOf(System.currentTimeMillis() / 1000))
        .set("validator_version", config.validatorVersion().isEmpty() ? "unknown" : config.validatorVersion());
  }

  private volatile String currentRound = "";
  /** Projects miners declared in this round's handshake ({@code gcp_project}), by hotkey. */
  private final Map<String, String> declaredProjects = new java.util.concurrent.ConcurrentHashMap<>();

  private Map<Integer, List<PairResult>> dispatchAndEvaluate(String roundId, List<Target> alive, List<GeneratedTask> base) {
    Map<Integer, List<PairResult>> out = new java.util.concurrent.ConcurrentHashMap<>();
    Semaphore miners = new Semaphore(config.minerConcurrency());
    Semaphore validations = new Semaphore(config.validationConcurrency());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> jobs = new ArrayList<>();
      for (Target target : alive) {
        for (GeneratedTask task : base) {
          jobs.add(pool.submit(() -> {
            PairResult r = pair(roundId, target, task, miners, validations);
            out.computeIfAbsent(target.neuron().uid(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(r);
            return null;
          }));
        }
      }
      for (Future<?> f : jobs) {
        try {
          f.get();
        } catch (Exception e) {
          LOG.log(System.Logger.Level.ERROR, "round " + roundId + ": a dispatch job failed: " + e);
        }
      }
    }
    return out;
  }

  /** One pair end to end; every failure becomes an attempt status, never an exception. */
  private PairResult pair(String roundId, Target target, GeneratedTask base, Semaphore miners, Semaphore validations)
      throws InterruptedException {
    int uid = target.neuron().uid();
    String hotkey = target.neuron().hotkey();
    GeneratedTask task;
    try {
      task = tasks.forMiner(base, hotkey);
    } catch (RuntimeException e) {
      return new PairResult(uid, hotkey, base.taskId(), base.taskId(), Attempt.VALIDATOR_FAULT, 0, 0, 0,
          "task variant failed: " + e.getMessage(), null, null, 0, false);
    }
    Synapse request = new Synapse(AlphaCoreSynapses.TASK).set("task_id", task.taskId()).set("prompt", task.prompt());
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("task_id", task.taskId()).put("prompt", task.prompt());
    request.set("task_spec", spec);
    miners.acquire();
    long t0 = System.nanoTime();
    Synapse response;
    try {
      response = dendrite.call(target.axon(), request, config.taskTimeoutSeconds());
    } finally {
      miners.release();
    }
    double latency = (System.nanoTime() - t0) / 1e9;
    SubmissionCheck.Checked c = SubmissionCheck.check(response, task.taskId(), config.maxZipBytes());
    Evaluation ev;
    double evalSeconds = 0;
    if (c.failure() != null) {
      ev = Evaluation.of(c.failure(), c.error());
    } else {
      ObjectNode taskJson = task.specJson().deepCopy();
      taskJson.put("miner_uid", uid);
      String project = projects.apply(hotkey).orElse(declaredProjects.get(hotkey));
      if (project != null) taskJson.put("miner_project", project);
      validations.acquire();
      long e0 = System.nanoTime();
      try {
        ev = evaluator.evaluate(new EvaluationRequest(roundId, uid, hotkey, taskJson, c.zip()));
      } catch (RuntimeException e) {
        ev = Evaluation.of(Attempt.VALIDATOR_FAULT, "evaluator failed: " + e.getMessage());
      } finally {
        validations.release();
        evalSeconds = (System.nanoTime() - e0) / 1e9;
      }
    }
    PairResult r = new PairResult(uid, hotkey, base.taskId(), task.taskId(), ev.attempt(), ev.counts() ? ev.score() : 0,
        latency, evalSeconds, ev.error(), ev.detail(), c.sha256(), c.zip() == null ? 0 : c.zip().length, false);
    listener.event("pair_evaluated", Map.of("round_id", roundId, "uid", uid, "task_id", task.taskId(),
        "attempt", ev.attempt().wire(), "score", r.score()));
    if (response != null && response.isSuccess()) r = r.withFeedback(feedback(roundId, target, r));
    return r;
  }

  private boolean feedback(String roundId, Target target, PairResult r) {
    String text = r.attempt() == Attempt.VALIDATED ? "validation submitted"
        : "validation error: " + r.attempt().wire() + (r.error() == null ? "" : " (" + r.error() + ")");
    Synapse fb = new Synapse(AlphaCoreSynapses.FEEDBACK).set("round_id", roundId).set("task_id", r.taskId())
        .set("miner_uid", IntNode.valueOf(r.uid())).set("feedback_text", text);
    if (r.detail().has("invariants")) fb.set("suggestions", Feedback.suggestions(r.detail()));
    Synapse ack = dendrite.call(target.axon(), fb, config.feedbackTimeoutSeconds());
    return ack.isSuccess() && ack.get("acknowledged").asBoolean(false);
  }

  private void cleanup(String roundId, List<Target> alive, Map<Integer, List<PairResult>> pairs, FinalScores.Result finals) {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Semaphore limit = new Semaphore(config.minerConcurrency());
      for (Target target : alive) {
        for (PairResult p : pairs.getOrDefault(target.neuron().uid(), List.of())) {
          pool.submit(() -> {
            limit.acquire();
            try {
              Synapse s = new Synapse(AlphaCoreSynapses.CLEANUP).set("task_id", p.taskId());
              s.set("validation_response", p.detail().isObject() ? p.detail() : JsonNodeFactory.instance.objectNode());
              s.set("round_id", TextNode.valueOf(roundId));
              s.set("miner_uid", IntNode.valueOf(p.uid()));
              s.set("validation_attempt", Feedback.attempt(p));
              s.set("summary", Feedback.summary(p, finals, config.scoring().latencyMode()));
              dendrite.call(target.axon(), s, config.cleanupTimeoutSeconds());
            } finally {
              limit.release();
            }
            return null;
          });
        }
      }
    }
  }
}
