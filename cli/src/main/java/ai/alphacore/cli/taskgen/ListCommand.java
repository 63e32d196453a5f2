package ai.alphacore.cli.taskgen;

import ai.alphacore.cli.Cli;
import ai.alphacore.taskgen.TaskGenerator;
import ai.alphacore.taskgen.config.ConfigException;
import ai.alphacore.taskgen.family.Bank;
import ai.alphacore.taskgen.family.FamilyPlan;
import ai.alphacore.taskgen.template.ResourceTemplate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code alphacore taskgen list}: banks, families and templates the config allows, and why others are out. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List generable families (with task sizes), excluded ones with the reason, and templates.")
public final class ListCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TaskgenOptions opts;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TaskGenerator gen;
    try {
      gen = opts.generator();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    for (Map.Entry<Bank, List<FamilyPlan>> e : gen.plans().entrySet()) {
      out.println(e.getKey().key() + ":");
      for (FamilyPlan p : e.getValue()) out.printf("  %-30s resources %s%n", p.family().name(), p.sizes());
    }
    if (!gen.excluded().isEmpty()) {
      out.println("excluded:");
      gen.excluded().forEach((k, v) -> out.printf("  %-30s %s%n", k, v));
    }
    out.println("templates:");
    for (ResourceTemplate t : gen.provider().templates()) {
      out.printf("  %-28s %-32s requires %-26s apis %s%n", t.key(), t.kind(), t.requires().isEmpty() ? "-" : String.join(",", t.requires()),
          String.join(",", t.apis()));
    }
    out.flush();
    return 0;
  }
}
