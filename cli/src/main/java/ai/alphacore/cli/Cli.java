package ai.alphacore.cli;

import picocli.CommandLine;

/** Shared picocli setup: exit codes and error handling that never print a raw stack trace. */
public final class Cli {
  /** Exit code for bad input or usage errors, across every command. */
  public static final int EXIT_USAGE = 2;

  private Cli() {}

  public static CommandLine newCommandLine(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("error: " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return EXIT_USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          c.getErr().println("error: " + describe(ex));
          if (System.getenv("ALPHACORE_DEBUG") != null) ex.printStackTrace(c.getErr());
          return EXIT_USAGE;
        });
    return cl;
  }

  private static String describe(Throwable ex) {
    String msg = ex.getMessage();
    return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
  }
}
