package ai.alphacore.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.sandbox.backend.Procs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gateway whose owner died without closing it (kill -9) is replaced cleanly by the next start. */
class GatewayRestartTest {
  @Test
  void theNextStartKillsTheOrphanedDaemonsAndRebuildsTheNamespace() throws Exception {
    String tag = "r" + ProcessHandle.current().pid();
    GatewayNamespace crashed = GatewayNamespace.start(tag, NetPolicy.DEFAULT, Uplink.isolated());
    List<Long> orphans = Netns.pids("acgw-" + tag);
    assertThat(orphans).as("dnsmasq and tinyproxy run in the gateway").hasSizeGreaterThanOrEqualTo(2);
    // crashed.close() is not called before the next start: that is the crash. (It runs at the end, to free its files.)
    try (GatewayNamespace next = GatewayNamespace.start(tag, NetPolicy.DEFAULT, Uplink.isolated()); RunNetwork run = next.attach("restart")) {
      for (long pid : orphans) assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("orphan " + pid).isFalse();
      assertThat(Netns.pids("acgw-" + tag)).doesNotContainAnyElementsOf(orphans).hasSizeGreaterThanOrEqualTo(2);
      assertThat(Procs.quiet(Duration.ofSeconds(10), "ip", "netns", "exec", run.namespace(), "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
          "--max-time", "5", "-x", run.proxyUrl(), "http://example.com/").output()).as("the new proxy answers (and filters)").isEqualTo("403");
    } finally {
      crashed.close();
    }
    assertThat(Netns.exists("acgw-" + tag)).isFalse();
  }
}
