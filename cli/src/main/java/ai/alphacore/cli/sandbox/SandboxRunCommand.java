package ai.alphacore.cli.sandbox;

import ai.alphacore.cli.Cli;
import ai.alphacore.core.report.TextReport;
import ai.alphacore.sandbox.backend.Backends;
import ai.alphacore.sandbox.backend.Health;
import ai.alphacore.sandbox.backend.SandboxBackend;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.Stage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore sandbox run}: the whole path for one submission. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Intake, lint, terraform init -backend=false + apply -refresh-only inside the backend, then judge.",
        "Prints the verdict, the stages and their timings.",
        "Exit codes: 0 pass, 1 fail (verdict fail or the miner's fault), 2 bad input, usage or a validator-side failure."})
public final class SandboxRunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--backend", paramLabel = "bwrap|qemu|firecracker", description = "Default: $ALPHACORE_SANDBOX_BACKEND, else bwrap.")
  String backend;

  @Option(names = "--workspace", required = true, paramLabel = "ZIP", description = "The submission: a ZIP (or a directory).")
  Path workspace;

  @Option(names = "--task", required = true, paramLabel = "FILE", description = "The task JSON.")
  Path task;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--logs", description = "Include terraform and console output (already redacted).")
  boolean logs;

  @Mixin SandboxOptions common;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(workspace)) return usage(err, "--workspace " + workspace + " does not exist");
    if (!Files.isRegularFile(task)) return usage(err, "--task " + task + " is not a file");
    SandboxBackend b;
    RefreshOptions o;
    try {
      b = Backends.selected(backend);
      o = common.build(b);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    Health h = b.health();
    if (!h.available()) return usage(err, "backend " + h.summary());
    RefreshResult r;
    try {
      r = ai.alphacore.sandbox.refresh.TerraformRefresh.run(workspace, Files.readAllBytes(task), o);
    } finally {
      if (common.network() != null) common.network().close();
    }
    if (json) {
      out.println(r.toJson(logs).toPrettyString());
    } else {
      out.printf("sandbox run %s on %s: %s in %d ms%n", r.runId(), r.backend(), r.ok() ? "completed" : "FAILED", r.total().toMillis());
      for (Stage s : r.stages()) {
        out.printf("  %-8s %-7s %6d ms%s%n", s.name(), s.status().name().toLowerCase(), s.duration().toMillis(),
            s.code() == null ? "" : "  " + s.code() + " (" + s.fault().name().toLowerCase() + "'s fault): " + s.message());
      }
      if (r.verdict() != null) out.print(new TextReport().write(r.verdict()));
      if (logs) r.logs().forEach((k, v) -> out.printf("--- %s ---%n%s%n", k, v));
    }
    out.flush();
    if (r.failure() != null) return r.fault() == ai.alphacore.sandbox.SandboxError.Fault.MINER ? 1 : Cli.EXIT_USAGE;
    return r.verdict() != null && "pass".equals(r.verdict().status()) ? 0 : 1;
  }

  private static int usage(PrintWriter err, String msg) {
    err.println("error: " + msg);
    err.flush();
    return Cli.EXIT_USAGE;
  }
}
