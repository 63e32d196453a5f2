package ai.alphacore.cloud.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.alphacore.cloud.CloudError;
import ai.alphacore.cloud.auth.ServiceAccountTokenSource;
import ai.alphacore.cloud.auth.TokenException;
import ai.alphacore.cloud.auth.TokenSource;
import ai.alphacore.cloud.auth.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Service-account tokens minted against a fake token endpoint on loopback. */
class TokenTest {
  HttpServer server;
  final AtomicInteger minted = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  byte[] key(int expiresIn, int status) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    server.createContext("/token", ex -> {
      try (ex) {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        byte[] b = (form.contains("grant_type=urn") && status == 200
            ? "{\"access_token\":\"minted-" + minted.incrementAndGet() + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}"
            : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
      }
    });
    server.start();
    var kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(kpg.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    ObjectNode k = Vectors.MAPPER.createObjectNode();
    k.put("type", "service_account");
    k.put("project_id", "validator-proj");
    k.put("private_key_id", "abc123");
    k.put("private_key", pem);
    k.put("client_email", "verifier@validator-proj.iam.gserviceaccount.com");
    k.put("client_id", "1234567890");
    k.put("token_uri", "http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    return Vectors.MAPPER.writeValueAsBytes(k);
  }

  @Test
  void mintsOnceAndReusesUntilNearExpiry() throws Exception {
    TokenSource t = ServiceAccountTokenSource.fromJson(key(3600, 200), null, Clock.systemUTC());
    assertThat(t.token()).isEqualTo("minted-1");
    assertThat(t.token()).isEqualTo("minted-1");
    assertThat(minted.get()).isEqualTo(1);
    assertThat(t.toString()).doesNotContain("minted").contains("redacted");
    assertThat(t.describe()).contains("verifier@validator-proj");
  }

  @Test
  void refreshesBeforeExpiryAndAfterA401() throws Exception {
    byte[] k = key(3600, 200);
    Clock late = Clock.fixed(Instant.now().plusSeconds(3600 - 60), ZoneOffset.UTC);
    TokenSource t = ServiceAccountTokenSource.fromJson(k, List.of("https://www.googleapis.com/auth/cloud-platform.read-only"), late);
    assertThat(t.token()).isEqualTo("minted-1");
    assertThat(t.token()).as("less than the margin left").isEqualTo("minted-2");
    assertThat(t.invalidate()).isTrue();
    assertThat(t.token()).isEqualTo("minted-3");
  }

  @Test
  void aFailingTokenEndpointIsATokenException() throws Exception {
    TokenSource t = ServiceAccountTokenSource.fromJson(key(3600, 400), null, Clock.systemUTC());
    assertThatThrownBy(t::token).isInstanceOf(TokenException.class).hasMessageContaining("verifier@validator-proj");
  }

  @Test
  void badKeysAndMissingCredentialsAreClearErrors() {
    assertThatThrownBy(() -> ServiceAccountTokenSource.fromJson("{\"type\":\"authorized_user\"}".getBytes(StandardCharsets.UTF_8), null, Clock.systemUTC()))
        .isInstanceOf(CloudError.class).satisfies(e -> assertThat(((CloudError) e).code()).isEqualTo(CloudError.Code.BAD_CREDENTIALS));
    assertThatThrownBy(() -> Tokens.fromEnvironment(Map.of())).isInstanceOf(CloudError.class).hasMessageContaining("--creds");
    assertThat(Tokens.fromEnvironment(Map.of(Tokens.ENV_TOKEN, "ya29.abc")).describe()).contains("GOOGLE_OAUTH_ACCESS_TOKEN").doesNotContain("ya29");
  }
}
