package ai.alphacore.core.report;

import ai.alphacore.core.judge.Verdict;

/** Renders a verdict in one output format. */
public interface ReportWriter {
  String write(Verdict verdict);

  /** The writer for a format name: json, text, junit or sarif. */
  static ReportWriter forFormat(String format) {
    return switch (format) {
      case "json" -> new JsonReport();
      case "text" -> new TextReport();
      case "junit" -> new JunitReport();
      case "sarif" -> new SarifReport();
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected json, text, junit or sarif)");
    };
  }
}
