package ai.alphacore.cloud.auth;

import ai.alphacore.cloud.CloudError;

/** A token minted elsewhere (e.g. {@code GOOGLE_OAUTH_ACCESS_TOKEN}); it cannot be refreshed here. */
public final class StaticTokenSource implements TokenSource {
  private final String token;
  private final String origin;

  public StaticTokenSource(String token, String origin) {
    if (token == null || token.isBlank() || !token.trim().matches("[\\x21-\\x7e]{1,8192}")) {
      throw new CloudError(CloudError.Code.BAD_CREDENTIALS, "the access token from " + origin + " is empty or not printable ASCII");
    }
    this.token = token.trim();
    this.origin = origin;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public boolean invalidate() {
    return false;
  }

  @Override
  public String describe() {
    return "static token from " + origin;
  }

  @Override
  public String toString() {
    return "StaticTokenSource[" + origin + ", token redacted]";
  }
}
