package ai.alphacore.neurons.localnet;

import ai.alphacore.neurons.validator.round.MinerRound;
import ai.alphacore.neurons.validator.round.PairResult;
import ai.alphacore.neurons.validator.state.RoundSummaries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The end of a local run: a table of per-miner scores per round, the invariants each miner
 * failed, the weights on the chain, whether the run was healthy; {@code summary.json} and
 * {@code report.html} when asked.
 */
public final class LocalnetReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<LocalNetwork.Miner> miners;
  private final List<LocalNetwork.RoundOutcome> rounds;
  private final List<String> problems = new ArrayList<>();

  public LocalnetReport(List<LocalNetwork.Miner> miners, List<LocalNetwork.RoundOutcome> rounds) {
    this.miners = miners;
    this.rounds = rounds;
    check();
  }

  private static MinerRound of(LocalNetwork.RoundOutcome r, int uid) {
    return r.result().miners().stream().filter(m -> m.uid() == uid).findFirst().orElse(null);
  }

  private static double score(LocalNetwork.RoundOutcome r, int uid) {
    MinerRound m = of(r, uid);
    return m == null ? 0 : m.finalScore();
  }

  /** Healthy: the reference agent wins every round, the offline and copycat miners score 0, weights are set. */
  private void check() {
    for (LocalNetwork.RoundOutcome r : rounds) {
      List<LocalNetwork.Miner> refs = miners.stream().filter(m -> m.kind() == AgentKind.REFERENCE).toList();
      double best = miners.stream().mapToDouble(m -> score(r, m.uid())).max().orElse(0);
      if (!refs.isEmpty() && refs.stream().noneMatch(m -> score(r, m.uid()) == best && best > 0)) {
        problems.add("round " + r.index() + ": no reference miner had the top score");
      }
      for (LocalNetwork.Miner m : miners) {
        if ((m.kind() == AgentKind.OFFLINE || m.kind() == AgentKind.COPYCAT) && score(r, m.uid()) > 0) {
          problems.add("round " + r.index() + ": the " + m.kind().wire() + " miner uid " + m.uid() + " scored " + score(r, m.uid()));
        }
      }
      if (r.emission() == null || !r.emission().tx().success()) {
        problems.add("round " + r.index() + ": weights were not set" + (r.emission() == null ? "" : " (" + r.emission().tx().error() + ")"));
      }
    }
  }

  public boolean healthy() {
    return problems.isEmpty();
  }

  public void print(PrintStream out) {
    out.println();
    StringBuilder head = new StringBuilder(String.format("%-4s %-9s %-20s", "uid", "agent", "project"));
    for (LocalNetwork.RoundOutcome r : rounds) head.append(String.format(" %8s", "round " + r.index()));
    head.append(String.format(" %10s", "weight"));
    out.println(head);
    Map<Integer, Integer> w = rounds.isEmpty() ? Map.of() : rounds.get(rounds.size() - 1).chainWeights();
    long total = w.values().stream().mapToLong(Integer::longValue).sum();
    for (LocalNetwork.Miner m : miners) {
      StringBuilder row = new StringBuilder(String.format("%-4d %-9s %-20s", m.uid(), m.kind().wire(), m.project()));
      for (LocalNetwork.RoundOutcome r : rounds) row.append(String.format(" %8.3f", score(r, m.uid())));
      row.append(String.format(" %10s", share(w.getOrDefault(m.uid(), 0), total)));
      out.println(row);
    }
    out.printf("%-4d %-9s %-20s%s %10s%n", 0, "burn", "-", " ".repeat(9 * rounds.size()), share(w.getOrDefault(0, 0), total));
    out.println();
    out.println("failed invariants (resource type and field), over all rounds:");
    for (LocalNetwork.Miner m : miners) {
      Set<String> failed = failedInvariants(m.uid());
      Set<String> attempts = new LinkedHashSet<>();
      rounds.forEach(r -> { MinerRound mr = of(r, m.uid()); if (mr != null) mr.pairs().forEach(p -> attempts.add(p.attempt().wire())); });
      out.printf("  uid %-3d %-9s attempts %s%s%n", m.uid(), m.kind().wire(), attempts.isEmpty() ? "[none: not ready]" : attempts,
          failed.isEmpty() ? "" : "; failed " + String.join(", ", failed));
    }
    out.println();
    out.println(healthy() ? "healthy: the reference agent won every round; the offline and copycat miners scored 0; weights set every round"
        : "NOT healthy:\n  " + String.join("\n  ", problems));
  }

  private Set<String> failedInvariants(int uid) {
    Set<String> out = new LinkedHashSet<>();
    for (LocalNetwork.RoundOutcome r : rounds) {
      MinerRound mr = of(r, uid);
      if (mr == null) continue;
      for (PairResult p : mr.pairs()) RoundSummaries.failedInvariants(p).forEach(f -> out.add(f.asText()));
    }
    return out;
  }

  private static String share(int w, long total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * w / total);
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = JSON.createObjectNode();
    root.put("healthy", healthy());
    ArrayNode probs = root.putArray("problems");
    problems.forEach(probs::add);
    ArrayNode rs = root.putArray("rounds");
    for (LocalNetwork.RoundOutcome r : rounds) {
      ObjectNode ro = rs.addObject();
      ro.put("round", r.index());
      ro.put("round_id", r.result().roundId());
      ro.put("seconds", r.seconds());
      ro.set("phase_seconds", JSON.valueToTree(r.result().phaseSeconds()));
      long total = r.chainWeights().values().stream().mapToLong(Integer::longValue).sum();
      ArrayNode ms = ro.putArray("miners");
      for (LocalNetwork.Miner m : miners) {
        ObjectNode mo = ms.addObject();
        mo.put("uid", m.uid());
        mo.put("hotkey", m.hotkey());
        mo.put("agent", m.kind().wire());
        mo.put("project", m.project());
        mo.put("score", score(r, m.uid()));
        mo.put("weight", total == 0 ? 0.0 : (double) r.chainWeights().getOrDefault(m.uid(), 0) / total);
      }
      ro.put("burn_weight", total == 0 ? 0.0 : (double) r.chainWeights().getOrDefault(0, 0) / total);
    }
    Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(root));
    Files.writeString(dir.resolve("report.html"), html());
  }

  /** A self-contained page: scores per round as an SVG line chart, then the table. */
  String html() {
    int w = 640, h = 280, pad = 40;
    String[] colors = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"};
    StringBuilder svg = new StringBuilder();
    svg.append(String.format("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='scores per round'>", w, h));
    svg.append(String.format("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#999'/>", pad, h - pad, w - pad, h - pad));
    svg.append(String.format("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#999'/>", pad, pad, pad, h - pad));
    for (int t = 0; t <= 4; t++) {
      double y = h - pad - t / 4.0 * (h - 2 * pad);
      svg.append(String.format(Locale.ROOT, "<text x='4' y='%.1f' font-size='11'>%.2f</text>", y + 4, t / 4.0));
    }
    int n = Math.max(1, rounds.size() - 1);
    for (int i = 0; i < miners.size(); i++) {
      LocalNetwork.Miner m = miners.get(i);
      StringBuilder pts = new StringBuilder();
      for (int k = 0; k < rounds.size(); k++) {
        double x = pad + (rounds.size() == 1 ? 0.5 : (double) k / n) * (w - 2 * pad);
        double y = h - pad - score(rounds.get(k), m.uid()) * (h - 2 * pad);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>", x, y, colors[i % colors.length]));
      }
      svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>", colors[i % colors.length], pts));
      svg.append(String.format("<text x='%d' y='%d' font-size='12' fill='%s'>uid %d %s</text>", w - pad - 120, pad + 14 * i,
          colors[i % colors.length], m.uid(), m.kind().wire()));
    }
    svg.append("</svg>");
    StringBuilder table = new StringBuilder("<table><tr><th>uid</th><th>agent</th><th>project</th>");
    for (LocalNetwork.RoundOutcome r : rounds) table.append("<th>round ").append(r.index()).append("</th>");
    table.append("</tr>");
    for (LocalNetwork.Miner m : miners) {
      table.append("<tr><td>").append(m.uid()).append("</td><td>").append(m.kind().wire()).append("</td><td>").append(m.project()).append("</td>");
      for (LocalNetwork.RoundOutcome r : rounds) table.append(String.format(Locale.ROOT, "<td>%.3f</td>", score(r, m.uid())));
      table.append("</tr>");
    }
    table.append("</table>");
    return "<!doctype html><html><head><meta charset='utf-8'><title>AlphaCore localnet</title>"
        + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:right}</style></head><body>"
        + "<h1>AlphaCore local network</h1><p>" + (healthy() ? "Healthy run." : "Not healthy: " + String.join("; ", problems))
        + "</p><h2>Final score per round</h2>" + svg + "<h2>Scores</h2>" + table + "</body></html>\n";
  }
}
