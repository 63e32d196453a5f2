package ai.alphacore.cli.sandbox;

import ai.alphacore.sandbox.backend.Backends;
import ai.alphacore.sandbox.backend.Health;
import ai.alphacore.sandbox.network.GatewayNamespace;
import ai.alphacore.sandbox.network.SandboxNetwork;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore sandbox health}: which backends can run here, and why not. */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Report every backend's availability with all reasons, and the network policy's prerequisites.",
        "Exit 0 when the selected backend (--backend or $ALPHACORE_SANDBOX_BACKEND, default bwrap) is available, else 1."})
public final class SandboxHealthCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--backend", paramLabel = "NAME", description = "The backend whose availability sets the exit code.")
  String backend;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String selected;
    try {
      selected = Backends.selected(backend).name();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    boolean ok = false;
    for (Health h : Backends.healthAll()) {
      out.printf("%s%s: %s%n", h.backend(), h.backend().equals(selected) ? " (selected)" : "", h.available() ? "available" : "UNAVAILABLE");
      for (String p : h.problems()) out.println("  - " + p);
      for (String n : h.notes()) out.println("  note: " + n);
      if (h.backend().equals(selected)) ok = h.available();
    }
    List<String> net = GatewayNamespace.problems();
    out.println("network policy: " + (net.isEmpty() ? "available" : "UNAVAILABLE"));
    for (String p : net) out.println("  - " + p);
    try {
      SandboxNetwork configured = SandboxNetwork.fromEnv(System.getenv());
      out.println("configured network (" + SandboxNetwork.ENV + "): " + (configured == null
          ? "none: runs have no network; states naming a cloud provider fail as SANDBOX_NO_NETWORK" : "host: " + configured.describe()));
      if (configured != null && !net.isEmpty()) ok = false;
    } catch (IllegalArgumentException e) {
      out.println("configured network: INVALID: " + e.getMessage());
      ok = false;
    }
    out.flush();
    return ok ? 0 : 1;
  }
}
