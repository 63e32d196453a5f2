package ai.alphacore.cli.cloud;

import ai.alphacore.cli.Cli;
import ai.alphacore.cloud.CloudError;
import ai.alphacore.cloud.bench.CloudBench;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore cloud bench}: verification time and API calls per task against cloudsim. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy every ideal judge vector into a private cloudsim (loopback, temporary data dir), then",
      "verify each task --rounds times. Prints p50/p99 verification time and API calls per task."
    })
public final class CloudBenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--vectors", paramLabel = "DIR", description = "The judge vectors folder (default: ../shared/vectors/judge, then shared/vectors/judge).")
  Path vectors;

  @Option(names = "--rounds", defaultValue = "20", paramLabel = "N", description = "Verifications per task (default: 20).")
  int rounds;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = vectors != null ? vectors : Stream.of(Path.of("../shared/vectors/judge"), Path.of("shared/vectors/judge"))
        .filter(Files::isDirectory).findFirst().orElse(null);
    if (dir == null) {
      err.println("error: judge vectors not found; pass --vectors DIR");
      return Cli.EXIT_USAGE;
    }
    Path data = Files.createTempDirectory("alphacore-cloudsim-bench");
    try {
      CloudBench.Report r = CloudBench.run(dir, rounds, data);
      if (json) {
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
      } else {
        out.printf("%-44s %4s %6s %9s %9s %6s%n", "task", "res", "calls", "p50 ms", "p99 ms", "score");
        for (CloudBench.TaskStats t : r.tasks()) {
          out.printf("%-44s %4d %6d %9.2f %9.2f %6.2f%n", t.name(), t.resources(), t.apiCalls(), t.p50Micros() / 1000.0, t.p99Micros() / 1000.0, t.score());
        }
        out.printf("%n%d verifications of %d tasks: p50 %.2f ms, p99 %.2f ms, max %.2f ms; API calls per task: mean %.1f, max %d%n",
            r.verifications(), r.tasks().size(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, r.meanApiCalls(), r.maxApiCalls());
        out.println("(loopback cloudsim on this machine; Google's own latency is not included)");
      }
      return 0;
    } catch (CloudError e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    } finally {
      try (Stream<Path> s = Files.walk(data)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
