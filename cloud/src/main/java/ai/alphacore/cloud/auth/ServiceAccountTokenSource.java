package ai.alphacore.cloud.auth;

import ai.alphacore.cloud.CloudError;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tokens minted from a service-account JSON key with google-auth-library. A token is refreshed
 * when it has less than {@link #MARGIN} left, and after a 401. The key's {@code token_uri} is used
 * as written (Google's, for real keys).
 */
public final class ServiceAccountTokenSource implements TokenSource {
  /** Read-only access to every API the verifier calls. */
  public static final List<String> READ_ONLY = List.of("https://www.googleapis.com/auth/cloud-platform.read-only");
  static final Duration MARGIN = Duration.ofMinutes(5);

  private final GoogleCredentials credentials;
  private final String email;
  private final Clock clock;
  private AccessToken current;

  private ServiceAccountTokenSource(GoogleCredentials credentials, String email, Clock clock) {
    this.credentials = credentials;
    this.email = email;
    this.clock = clock;
  }

  /** Reads a service-account key (JSON bytes); scopes default to {@link #READ_ONLY}. */
  public static ServiceAccountTokenSource fromJson(byte[] keyJson, List<String> scopes, Clock clock) {
    try {
      ServiceAccountCredentials sa = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(keyJson));
      return new ServiceAccountTokenSource(sa.createScoped(scopes == null || scopes.isEmpty() ? READ_ONLY : scopes), sa.getClientEmail(), clock);
    } catch (IOException e) {
      throw new CloudError(CloudError.Code.BAD_CREDENTIALS, "cannot read the service-account key: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized String token() throws TokenException {
    if (current == null || expiresSoon(current)) refresh();
    return current.getTokenValue();
  }

  @Override
  public synchronized boolean invalidate() {
    current = null;
    return true;
  }

  @Override
  public String describe() {
    return "service account " + email;
  }

  @Override
  public String toString() {
    return "ServiceAccountTokenSource[" + email + ", token redacted]";
  }

  private boolean expiresSoon(AccessToken t) {
    return t.getExpirationTime() == null ? false : t.getExpirationTime().toInstant().isBefore(Instant.now(clock).plus(MARGIN));
  }

  private void refresh() throws TokenException {
    try {
      current = credentials.refreshAccessToken();
    } catch (IOException | RuntimeException e) {
      // The library's message can quote the token endpoint's answer but never our token.
      throw new TokenException("cannot mint an access token for " + email + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
    }
    if (current == null || current.getTokenValue() == null) throw new TokenException("the token endpoint returned no access token for " + email);
  }
}
