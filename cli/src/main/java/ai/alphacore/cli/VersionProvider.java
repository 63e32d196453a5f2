package ai.alphacore.cli;

import picocli.CommandLine;

/** Reports the version stamped into the jar manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"alphacore " + (v == null ? "dev" : v)};
  }
}
