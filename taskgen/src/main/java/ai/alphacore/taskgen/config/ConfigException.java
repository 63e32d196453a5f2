package ai.alphacore.taskgen.config;

/** A config or request that cannot be used; the message names the key and the allowed values. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
