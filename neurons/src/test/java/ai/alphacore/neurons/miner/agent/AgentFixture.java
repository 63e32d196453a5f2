package ai.alphacore.neurons.miner.agent;

import ai.alphacore.cloud.cloudsim.CloudSim;
import ai.alphacore.core.judge.Judge;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.neurons.miner.Submission;
import ai.alphacore.neurons.miner.TaskRequest;
import ai.alphacore.taskgen.GeneratedTask;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigLoader;
import ai.alphacore.taskgen.provider.GcpProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Shared pieces of the agent tests: generator, cloudsim, unzip, judge. */
final class AgentFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HOTKEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private AgentFixture() {}

  static TaskGenerator generator() {
    GcpProvider p = new GcpProvider();
    return new TaskGenerator(p, new ConfigLoader(p, Map.of()).loadDefault());
  }

  static CloudSim startSim(Path dir) {
    return CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir, false));
  }

  static AgentConfig config(CloudSim sim, Path work, String project, String minerId) {
    return AgentConfig.cloudsim(project, sim.baseUri(), "dev", work, minerId);
  }

  static TaskRequest request(GeneratedTask t) {
    return new TaskRequest(t.taskId(), t.prompt(), "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", Instant.now().plusSeconds(120));
  }

  static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static byte[] taskBytes(GeneratedTask t) {
    try {
      return JSON.writeValueAsBytes(t.specJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Verdict judge(JudgeMode mode, GeneratedTask t, Submission s) {
    byte[] state = s.workspaceZip() == null ? null : unzip(s.workspaceZip()).get("terraform.tfstate");
    return Judge.of(mode).judge(taskBytes(t), state == null ? new byte[0] : state);
  }
}
