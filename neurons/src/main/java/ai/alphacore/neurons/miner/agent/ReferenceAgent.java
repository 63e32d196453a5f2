package ai.alphacore.neurons.miner.agent;

import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.miner.TaskRequest;
import ai.alphacore.neurons.miner.TaskSolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference agent: reads the prompt, plans the resources (names per their rule, with this
 * miner's affix), writes main.tf, deploys (through the cloud API on cloudsim, or with the real
 * terraform binary), and answers with a ZIP of main.tf and terraform.tfstate. Thread-safe: every
 * task gets its own workspace. Odd prompts never throw: the answer is the best partial
 * workspace, or {@link Submission#none} with the reason.
 */
public class ReferenceAgent implements TaskSolver {
  static final int MAX_NOTES = 2000;

  /** Changes a plan before it is deployed (the sloppy agent's hook). */
  @FunctionalInterface
  interface PlanEditor {
    Plan edit(String taskId, Plan plan);
  }

  private final AgentConfig config;
  private final PromptParser parser = new PromptParser();
  private final Planner planner;
  private final HclWriter hcl = new HclWriter();
  private final Deployer deployer;
  private final PlanEditor editor;

  public ReferenceAgent(AgentConfig config) {
    this(config, (id, plan) -> plan);
  }

  ReferenceAgent(AgentConfig config, PlanEditor editor) {
    this.config = config;
    this.planner = new Planner(new Naming(config.minerId()));
    this.deployer = config.terraform() != null
        ? new TerraformDeployer(config.terraform(), config.token())
        : new ApiDeployer(config.endpoint(), config.token());
    this.editor = editor;
  }

  public AgentConfig config() {
    return config;
  }

  /** The plan the agent would deploy for a prompt (no cloud calls). */
  public Plan plan(String prompt) {
    return planner.plan(parser.parse(prompt), config.project());
  }

  @Override
  public Submission solve(TaskRequest req) {
    if (req == null || req.prompt() == null || req.prompt().isBlank()) return Submission.none("the task has no prompt");
    Instant deadline = req.deadline();
    if (deadline != null && Instant.now().isAfter(deadline)) return Submission.none("the deadline has passed");
    Path ws = null;
    try {
      ParsedPrompt parsed = parser.parse(req.prompt());
      if (parsed.items().stream().noneMatch(i -> i.type() != null)) {
        return Submission.none("no resource the agent can build was found in the prompt"
            + (parsed.warnings().isEmpty() ? "" : " (" + parsed.warnings().get(0) + ")"));
      }
      Plan plan = editor.edit(req.taskId(), planner.plan(parsed, config.project()));
      ws = workspace(req.taskId());
      String mainTf = hcl.write(plan, req.taskId());
      Files.writeString(ws.resolve("main.tf"), mainTf, StandardCharsets.UTF_8);
      Deployment d = deployer.deploy(plan, ws, deadline);
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("main.tf", mainTf.getBytes(StandardCharsets.UTF_8));
      Path lock = ws.resolve(".terraform.lock.hcl");
      if (Files.isRegularFile(lock)) files.put(".terraform.lock.hcl", Files.readAllBytes(lock));
      if (d.state() != null) files.put("terraform.tfstate", d.state());
      List<String> notes = new ArrayList<>();
      notes.add("created " + d.created() + " of " + plan.resources().size() + " resources" + (d.failed() > 0 ? ", " + d.failed() + " failed" : ""));
      notes.addAll(plan.notes());
      notes.addAll(d.notes());
      return new Submission(WorkspaceZip.of(files), cap(String.join("; ", notes)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Submission.none("interrupted");
    } catch (IOException | RuntimeException e) {
      return Submission.none(cap("agent error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    } finally {
      if (ws != null && !config.keepWorkspaces()) delete(ws);
    }
  }

  private Path workspace(String taskId) throws IOException {
    Files.createDirectories(config.workDir());
    String safe = taskId == null ? "task" : taskId.replaceAll("[^A-Za-z0-9-]", "_");
    if (safe.length() > 40) safe = safe.substring(0, 40);
    return Files.createTempDirectory(config.workDir(), (safe.isEmpty() ? "task" : safe) + "-");
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover workspace is harmless
    }
  }

  static String cap(String s) {
    return s.length() <= MAX_NOTES ? s : s.substring(0, MAX_NOTES - 3) + "...";
  }
}
