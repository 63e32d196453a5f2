package ai.alphacore.sandbox.refresh;

import ai.alphacore.sandbox.backend.IsolationException;
import ai.alphacore.sandbox.network.RunNetwork;

/** Gives each run a fresh network namespace ({@code GatewayNamespace::attach}). */
@FunctionalInterface
public interface NetworkAttacher {
  RunNetwork attach(String runId) throws IsolationException;
}
