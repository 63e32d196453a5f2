package ai.alphacore.sandbox.network;

import ai.alphacore.sandbox.backend.IsolationException;

/** Gives each run a fresh network namespace ({@code GatewayNamespace::attach}). */
@FunctionalInterface
public interface NetworkAttacher {
  RunNetwork attach(String runId) throws IsolationException;
}
