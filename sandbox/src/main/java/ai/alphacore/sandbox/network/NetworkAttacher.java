package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationException;

/** Gives each run a fresh network namespace ({@code GatewayNamespace::attach}). */
@FunctionalInterface
public interface NetworkAttacher {
  RunNetwork attach(String runId) throws IsolationException;

  /** Why runs cannot get a network on this host, or an empty list. */
  default java.util.List<String> problems() {
    return java.util.List.of();
  }
}
