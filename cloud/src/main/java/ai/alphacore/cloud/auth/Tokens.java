package ai.alphacore.cloud.auth;

import ai.alphacore.cloud.CloudError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Picks a token source: a key file, a token file, or {@code GOOGLE_OAUTH_ACCESS_TOKEN}. */
public final class Tokens {
  public static final String ENV_TOKEN = "GOOGLE_OAUTH_ACCESS_TOKEN";
  public static final String ENV_CREDENTIALS = "GOOGLE_APPLICATION_CREDENTIALS";
  private static final long MAX_FILE = 1 << 20;

  private Tokens() {}

  /** A service-account key file. */
  public static TokenSource fromKeyFile(Path key) {
    return ServiceAccountTokenSource.fromJson(read(key, "credentials file"), ServiceAccountTokenSource.READ_ONLY, Clock.systemUTC());
  }

  /** A file holding one access token (first line). */
  public static TokenSource fromTokenFile(Path file) {
    String s = new String(read(file, "token file"), java.nio.charset.StandardCharsets.UTF_8);
    return new StaticTokenSource(s.lines().findFirst().orElse(""), "token file " + file);
  }

  /** From the environment: {@code GOOGLE_OAUTH_ACCESS_TOKEN}, else {@code GOOGLE_APPLICATION_CREDENTIALS}. */
  public static TokenSource fromEnvironment(Map<String, String> env) {
    String t = env.get(ENV_TOKEN);
    if (t != null && !t.isBlank()) return new StaticTokenSource(t, "$" + ENV_TOKEN);
    String c = env.get(ENV_CREDENTIALS);
    if (c != null && !c.isBlank()) return fromKeyFile(Path.of(c));
    throw new CloudError(CloudError.Code.NO_CREDENTIALS, "no credentials: pass --creds FILE or --token-file FILE, or set $" + ENV_TOKEN
        + " or $" + ENV_CREDENTIALS);
  }

  private static byte[] read(Path p, String what) {
    try {
      if (Files.size(p) > MAX_FILE) throw new CloudError(CloudError.Code.BAD_CREDENTIALS, "the " + what + " " + p + " is larger than 1 MiB");
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.BAD_CREDENTIALS, "cannot read the " + what + " " + p + ": " + e.getMessage(), e);
    }
  }
}
