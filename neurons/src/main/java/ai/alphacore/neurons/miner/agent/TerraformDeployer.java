package ai.alphacore.neurons.miner.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real-GCP mode: {@code terraform init} and {@code terraform apply -auto-approve} in the task's
 * workspace, with the token in GOOGLE_OAUTH_ACCESS_TOKEN (or a key file in
 * GOOGLE_APPLICATION_CREDENTIALS), never on the command line or in logs. The state is whatever
 * Terraform wrote, also after a partly failed apply (the best partial workspace).
 */
public final class TerraformDeployer implements Deployer {
  private static final int TAIL = 600;

  private final AgentConfig.Terraform tf;
  private final String token;

  public TerraformDeployer(AgentConfig.Terraform tf, String token) {
    this.tf = tf;
    this.token = token;
  }

  @Override
  public Deployment deploy(Plan plan, Path ws, Instant deadline) throws InterruptedException {
    List<String> notes = new ArrayList<>();
    Instant end = Instant.now().plus(tf.timeout());
    if (deadline != null && deadline.isBefore(end)) end = deadline;
    boolean applied = false;
    try {
      if (run(ws, end, notes, "init", "-input=false", "-no-color")) {
        applied = run(ws, end, notes, "apply", "-auto-approve", "-input=false", "-no-color", "-var", "project_id=" + plan.project());
      }
    } catch (IOException e) {
      notes.add("terraform could not run: " + e.getMessage());
    }
    Path statePath = ws.resolve("terraform.tfstate");
    byte[] state = null;
    try {
      if (Files.isRegularFile(statePath)) state = Files.readAllBytes(statePath);
    } catch (IOException e) {
      notes.add("cannot read terraform.tfstate: " + e.getMessage());
    }
    int total = plan.resources().size();
    int created = state == null ? 0 : countResources(state);
    if (!applied && state == null) notes.add("terraform apply failed before writing any state");
    return new Deployment(state, created, Math.max(0, total - created), notes);
  }

  private boolean run(Path ws, Instant end, List<String> notes, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(tf.binary().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ws.toFile());
    Map<String, String> env = pb.environment();
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    if (token != null && !token.isBlank()) env.put("GOOGLE_OAUTH_ACCESS_TOKEN", token);
    if (tf.credentialsFile() != null) env.put("GOOGLE_APPLICATION_CREDENTIALS", tf.credentialsFile().toString());
    Path log = ws.resolve("terraform-" + args[0] + ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    long ms = Math.max(1, Duration.between(Instant.now(), end).toMillis());
    if (!p.waitFor(ms, TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
      notes.add("terraform " + args[0] + " timed out");
      return false;
    }
    if (p.exitValue() != 0) {
      notes.add("terraform " + args[0] + " exited " + p.exitValue() + ": " + tail(log));
      return false;
    }
    return true;
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log, StandardCharsets.UTF_8).strip();
      return s.length() <= TAIL ? s : "..." + s.substring(s.length() - TAIL);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int countResources(byte[] state) {
    try {
      var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(state);
      int n = 0;
      for (var r : root.path("resources")) if ("managed".equals(r.path("mode").asText())) n += r.path("instances").size();
      return n;
    } catch (IOException e) {
      return 0;
    }
  }
}
