package ai.alphacore.cli.sandbox;

import picocli.CommandLine.Command;

/** {@code alphacore sandbox}: sandboxed terraform refresh (run, health, setup, bench). */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Refresh a submission's terraform state inside isolation (bwrap, qemu, firecracker) and judge it.",
        "Backend: --backend or ALPHACORE_SANDBOX_BACKEND (default bwrap)."},
    subcommands = {SandboxRunCommand.class, SandboxHealthCommand.class, SandboxSetupCommand.class, SandboxBenchCommand.class})
public final class SandboxCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
