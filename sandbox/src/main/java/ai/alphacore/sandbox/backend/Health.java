package ai.alphacore.sandbox.backend;

import java.util.List;

/**
 * Whether a backend can run here, and if not, every reason (not just the first).
 *
 * @param problems why it cannot run; empty when available
 * @param notes facts worth knowing even when it runs (e.g. "shares the host kernel")
 */
public record Health(String backend, List<String> problems, List<String> notes) {
  public Health {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public boolean available() {
    return problems.isEmpty();
  }

  /** One line for logs and errors. */
  public String summary() {
    return backend + (available() ? ": available" : ": unavailable: " + String.join("; ", problems));
  }
}
