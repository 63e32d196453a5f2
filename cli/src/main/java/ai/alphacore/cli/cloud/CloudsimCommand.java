package ai.alphacore.cli.cloud;

import ai.alphacore.cli.Cli;
import ai.alphacore.cloud.CloudError;
import ai.alphacore.cloud.cloudsim.CloudSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore cloudsim}: run the local GCP-compatible server until interrupted. */
@Command(
    name = "cloudsim",
    mixinStandardHelpOptions = true,
    description = {
      "A local HTTP server speaking the Google Cloud REST APIs the tasks use, on the real paths",
      "(e.g. /storage/v1/b, /compute/v1/projects/P/zones/Z/instances), state in SQLite (docs/cloudsim.md).",
      "Token 'dev' is all-access unless --iam; the admin token is in DATA_DIR/admin-token (0600)."
    })
public final class CloudsimCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "8089", paramLabel = "P", description = "Port (default: 8089; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Where cloudsim.db and admin-token live.")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Bind address (default: 127.0.0.1).")
  String host;

  @Option(names = "--iam", description = "Enforce per-caller access for every token, 'dev' included (it then needs registering).")
  boolean iam;

  @Option(names = "--principals", paramLabel = "FILE",
      description = "JSON {\"principals\": [{\"member\": \"user:miner@example.com\", \"token\": \"...\"}]} to register at start.")
  Path principals;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CloudSim sim;
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        err.println("warning: binding " + host + " exposes cloudsim beyond this machine; tokens travel in plain http");
      }
      sim = CloudSim.start(new CloudSim.Config(host, port, dataDir, iam));
    } catch (CloudError | IOException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    try {
      if (principals != null) register(sim, principals);
    } catch (CloudError | IOException e) {
      sim.close();
      err.println("error: --principals " + principals + ": " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      stop.countDown();
    }));
    out.println("cloudsim listening on " + sim.baseUri() + " (data " + dataDir.toAbsolutePath() + ", iam " + (iam ? "on" : "off, token 'dev' is all-access") + ")");
    out.println("admin token: " + dataDir.resolve("admin-token").toAbsolutePath());
    out.flush();
    stop.await();
    return 0;
  }

  private static void register(CloudSim sim, Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.path("principals").isArray()) throw new CloudError(CloudError.Code.BAD_REQUEST, "expected {\"principals\": [...]}");
    for (JsonNode p : root.get("principals")) {
      try {
        sim.addPrincipal(p.path("token").asText(null), p.path("member").asText(null));
      } catch (RuntimeException e) {
        throw new CloudError(CloudError.Code.BAD_REQUEST, "bad principal entry for member '" + p.path("member").asText() + "': " + e.getMessage());
      }
    }
  }
}
