package ai.alphacore.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxNetworkTest {
  static final String MD = "169.254.169.254";

  @Test
  void noneIsTheDefault() {
    assertThat(SandboxNetwork.fromEnv(Map.of())).isNull();
    assertThat(SandboxNetwork.fromEnv(Map.of(SandboxNetwork.ENV, "none"))).isNull();
  }

  @Test
  void hostModeTakesTheConfiguredUplinkAndResolver() {
    SandboxNetwork n = SandboxNetwork.fromEnv(Map.of(SandboxNetwork.ENV, "host", SandboxNetwork.ENV_UPLINK, "ens4", SandboxNetwork.ENV_DNS, "8.8.8.8"));
    assertThat(n.describe()).isEqualTo("gateway via ens4, DNS 8.8.8.8, CONNECT *.googleapis.com:443");
  }

  @Test
  void badSettingsAreRefusedWithTheVariableToFix() {
    assertThatThrownBy(() -> SandboxNetwork.fromEnv(Map.of(SandboxNetwork.ENV, "open"))).hasMessage(
        "ALPHACORE_SANDBOX_NETWORK=open is not one of: none, host");
    assertThatThrownBy(() -> SandboxNetwork.fromEnv(Map.of(SandboxNetwork.ENV, "host", SandboxNetwork.ENV_UPLINK, "eth0", SandboxNetwork.ENV_DNS, MD)))
        .hasMessageContaining("ALPHACORE_SANDBOX_DNS=169.254.169.254 is not a usable IPv4 resolver");
    assertThatThrownBy(() -> SandboxNetwork.fromEnv(Map.of(SandboxNetwork.ENV, "host", SandboxNetwork.ENV_UPLINK, "eth0; rm", SandboxNetwork.ENV_DNS,
        "1.1.1.1"))).hasMessageContaining("is not an interface name");
  }

  @Test
  void otherCloudsCanBeAllowedExplicitly() {
    NetPolicy p = SandboxNetwork.policy("*.googleapis.com, *.amazonaws.com,sts.example.org");
    assertThat(p.connectHosts()).containsExactly("*.googleapis.com", "*.amazonaws.com", "sts.example.org");
    assertThat(p.dnsDomains()).containsExactly("googleapis.com", "amazonaws.com", "sts.example.org");
    assertThat(p.proxyFilter()).contains("^([^.]+\\.)*amazonaws\\.com(:443)?$\n", "^sts\\.example\\.org(:443)?$\n");
    assertThat(SandboxNetwork.policy(null)).isEqualTo(NetPolicy.DEFAULT);
    assertThatThrownBy(() -> SandboxNetwork.policy("*")).hasMessageContaining("ALPHACORE_SANDBOX_ALLOW=*: bad");
    assertThatThrownBy(() -> SandboxNetwork.policy(" , ")).hasMessageContaining("is empty");
    SandboxNetwork n = SandboxNetwork.fromEnv(Map.of(SandboxNetwork.ENV, "host", SandboxNetwork.ENV_UPLINK, "ens4", SandboxNetwork.ENV_DNS, "8.8.8.8",
        SandboxNetwork.ENV_ALLOW, "*.amazonaws.com"));
    assertThat(n.describe()).isEqualTo("gateway via ens4, DNS 8.8.8.8, CONNECT *.amazonaws.com:443");
  }

  @Test
  void theResolverComesFromResolvConfSkippingWhatTheGatewayCannotReach() {
    assertThat(SandboxNetwork.resolverFrom("# x\nnameserver 127.0.0.53\nnameserver 169.254.169.254\nnameserver ::1\nnameserver 10.0.0.2\n", MD))
        .isEqualTo("10.0.0.2");
    // GCE's default: the metadata server is the resolver, which the gateway blocks
    assertThatThrownBy(() -> SandboxNetwork.resolverFrom("search google.internal\nnameserver 169.254.169.254\n", MD))
        .hasMessageContaining("set ALPHACORE_SANDBOX_DNS");
    assertThat(SandboxNetwork.usableResolver("300.1.1.1", MD)).isFalse();
  }

  @Test
  void oneGatewayPerHostStartedOnFirstUseAndReleasedOnClose(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path lock = tmp.resolve("gateway.lock");
    String tag = "s" + ProcessHandle.current().pid();
    SandboxNetwork first = new SandboxNetwork(tag, "test", () -> fakeUpstream(tag), NetPolicy.DEFAULT, lock);
    SandboxNetwork second = new SandboxNetwork(tag + "b", "test", () -> fakeUpstream(tag + "b"), NetPolicy.DEFAULT, lock);
    try {
      assertThat(Netns.exists("acgw-" + tag)).as("nothing starts before the first run").isFalse();
      try (RunNetwork a = first.attach("sn-a"); RunNetwork b = first.attach("sn-b")) {
        assertThat(Netns.exists("acgw-" + tag)).isTrue();
        assertThat(a.sandboxIp()).isNotEqualTo(b.sandboxIp());
        assertThatThrownBy(() -> second.attach("sn-c")).hasMessageContaining("another process runs the sandbox gateway on this host");
        assertThat(Netns.exists("acgw-" + tag + "b")).isFalse();
      }
      first.close();
      assertThat(Netns.exists("acgw-" + tag)).isFalse();
      try (RunNetwork c = second.attach("sn-c")) {
        assertThat(Netns.exists(c.namespace())).isTrue();
      }
    } finally {
      first.close();
      second.close();
    }
    assertThat(Netns.exists("acgw-" + tag + "b")).isFalse();
  }

  static Uplink fakeUpstream(String tag) {
    try {
      return new FakeUpstream(tag);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
