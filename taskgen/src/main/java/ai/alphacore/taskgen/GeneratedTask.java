package ai.alphacore.taskgen;

import ai.alphacore.core.task.Task;
import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.rng.TaskSeed;
import ai.alphacore.taskgen.template.ResourceDraft;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A generated task: the validator's TaskSpec ({@link #task}), its prompt, and how it was made.
 *
 * @param family composition family, null for a {@code --resource} task
 * @param bank null for a {@code --resource} task
 * @param resources the drafts the task and prompt were built from, in task order
 */
public record GeneratedTask(
    Task task, String prompt, String family, Bank bank, TaskSeed seed, String provider, String validatorSa,
    List<ResourceDraft> resources) {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  public String taskId() {
    return task.taskId();
  }

  /** The TaskSpec as the validator (and the Python reference's validate.py) reads it. */
  public ObjectNode specJson() {
    return task.toJson();
  }

  /** {@code TerraformTask.to_dict()}: what {@code tasks/<id>/validator.json} holds. */
  public ObjectNode validatorJson() {
    ObjectNode o = F.objectNode();
    o.put("engine", "terraform");
    o.put("provider", provider);
    o.put("validator_sa", validatorSa);
    o.set("task", specJson());
    ObjectNode sub = o.putObject("submit_requirements");
    sub.put("code", ".");
    sub.put("state", "terraform.tfstate");
    sub.put("package_format", "archive");
    return o;
  }

  /** What {@code tasks/<id>/miner.json} holds; only task_id and prompt ever reach a miner. */
  public ObjectNode minerJson() {
    ObjectNode o = F.objectNode();
    o.put("task_id", taskId());
    o.put("prompt", prompt);
    o.put("provider", provider);
    o.put("engine", "terraform");
    o.put("validator_sa", validatorSa);
    return o;
  }

  /** The wire view for miners: {@code {task_id, prompt}}. */
  public ObjectNode minerView() {
    ObjectNode o = F.objectNode();
    o.put("task_id", taskId());
    o.put("prompt", prompt);
    return o;
  }

  /** The reference pipeline's ACTaskSpec envelope (section 1.12), for mixed validator sets. */
  public ObjectNode acTaskSpecJson() {
    ObjectNode o = F.objectNode();
    String kind = task.extra().path("kind").asText();
    o.put("task_id", taskId());
    o.put("provider", provider);
    o.put("kind", kind);
    ObjectNode params = validatorJson();
    params.put("kind", kind);
    params.put("task_id", taskId());
    o.set("params", params);
    ObjectNode policy = o.putObject("policy");
    policy.put("description", "Terraform provisioning benchmark");
    policy.put("max_cost", "low");
    policy.putObject("constraints").put("engine", "terraform");
    ObjectNode plan = o.putObject("verify_plan");
    plan.put("kind", "terraform-invariants");
    plan.putArray("steps").add("refresh terraform state").add("run terraform plan with no changes").add("assert invariants from spec.invariants");
    o.put("cost_tier", "low");
    o.put("prompt", prompt);
    o.putNull("verify_fn");
    return o;
  }

  /** The same task with another prompt (after an LLM rewrite). */
  public GeneratedTask withPrompt(String newPrompt) {
    ObjectNode extra = task.extra().deepCopy();
    extra.put("prompt", newPrompt);
    return new GeneratedTask(new Task(task.taskId(), task.invariants(), extra), newPrompt, family, bank, seed, provider, validatorSa, resources);
  }

  public int resourceCount() {
    return task.invariants().size();
  }
}
