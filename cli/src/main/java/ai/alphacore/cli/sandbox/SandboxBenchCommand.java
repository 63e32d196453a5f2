package ai.alphacore.cli.sandbox;

import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.sandbox.backend.Backends;
import ai.alphacore.sandbox.backend.BwrapConfig;
import ai.alphacore.sandbox.backend.Health;
import ai.alphacore.sandbox.backend.QemuBackend;
import ai.alphacore.sandbox.backend.SandboxBackend;
import ai.alphacore.sandbox.guest.GuestArtifacts;
import ai.alphacore.sandbox.guest.GuestImageBuilder;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.sandbox.lint.LintPolicy;
import ai.alphacore.sandbox.network.GatewayNamespace;
import ai.alphacore.sandbox.network.NetPolicy;
import ai.alphacore.sandbox.network.Uplink;
import ai.alphacore.sandbox.refresh.RefreshOptions;
import ai.alphacore.sandbox.refresh.RefreshResult;
import ai.alphacore.sandbox.refresh.TerraformRefresh;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore sandbox bench}: start-to-verdict p50/p99 per backend and validations per minute. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Start-to-verdict time of a terraform_data workspace (intake, lint, init, refresh, judge) per backend:",
        "p50/p99 over --runs sequential runs, then validations per minute with --workers concurrent workers.",
        "Needs the real terraform (ALPHACORE_TERRAFORM, default /usr/local/bin/terraform). Targets: bwrap < 200 ms p50, qemu < 8 s p50."})
public final class SandboxBenchCommand implements Callable<Integer> {
  static final String STATE = "{\"version\":4,\"terraform_version\":\"1.11.4\",\"serial\":1,\"lineage\":\"bench\",\"outputs\":{},"
      + "\"resources\":[{\"mode\":\"managed\",\"type\":\"terraform_data\",\"name\":\"x\",\"provider\":\"provider[\\\"terraform.io/builtin/terraform\\\"]\","
      + "\"instances\":[{\"schema_version\":0,\"attributes\":{\"id\":\"ed9cb8fe-7e60-412f-ecfe-8c0bf649fa9e\",\"input\":{\"value\":\"hello\",\"type\":\"string\"},"
      + "\"output\":{\"value\":\"hello\",\"type\":\"string\"},\"triggers_replace\":null},\"sensitive_attributes\":[]}]}]}";
  static final String TASK = "{\"task_id\":\"bench\",\"invariants\":[{\"resource_type\":\"terraform_data\",\"match\":{\"values.input.value\":\"hello\"}}]}";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--backends", split = ",", defaultValue = "bwrap,qemu", description = "Backends to measure (default bwrap,qemu).")
  List<String> backends;

  @Option(names = "--runs", defaultValue = "20", description = "Sequential runs per backend (default 20).")
  int runs;

  @Option(names = "--workers", defaultValue = "2", description = "Concurrent workers for the throughput figure (default 2).")
  int workers;

  @Option(names = "--network", defaultValue = "none", paramLabel = "none|isolated", description = {"none: runs have no network;",
      "isolated: each run gets a fresh namespace on a gateway (DNS and proxy) that has no uplink, to measure the network's own cost."})
  String network;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path terraform = BwrapConfig.defaults().terraform();
    if (!Files.isExecutable(terraform)) {
      spec.commandLine().getErr().println("error: terraform not found at " + terraform + " (set ALPHACORE_TERRAFORM); the bench needs the real binary");
      return 2;
    }
    byte[] zip = zip();
    byte[] task = TASK.getBytes(StandardCharsets.UTF_8);
    out.printf("sandbox bench: terraform_data workspace, %d runs per backend, %d workers, %d cores, network %s%n", runs, workers,
        Runtime.getRuntime().availableProcessors(), network);
    if (!network.equals("none") && !network.equals("isolated")) {
      spec.commandLine().getErr().println("error: --network " + network + " is not one of: none, isolated");
      return 2;
    }
    Path tmp = null;
    GatewayNamespace gw = null;
    int rc = 0;
    try {
      if (network.equals("isolated")) gw = GatewayNamespace.start("b" + ProcessHandle.current().pid(), NetPolicy.DEFAULT, Uplink.isolated());
      for (String name : backends) {
        SandboxBackend b = Backends.byName(name);
        if (b instanceof QemuBackend) {
          // A guest built with this terraform, so the figures measure the real binary.
          tmp = Files.createTempDirectory("alphacore-bench");
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
          GuestArtifacts g = Files.isRegularFile(GuestArtifacts.in(GuestArtifacts.home()).kernel())
              ? GuestImageBuilder.busyboxIn(tmp, terraform) : GuestArtifacts.in(tmp);
          b = QemuBackend.withGuest(g);
        }
        Health h = b.health();
        if (!h.available()) {
          out.println(name + ": UNAVAILABLE: " + String.join("; ", h.problems()));
          rc = 1;
          continue;
        }
        RefreshOptions plain = RefreshOptions.of(b, () -> null).withJudge(JudgeMode.COMPAT)
            .withLint(new LintPolicy(Set.of("hashicorp/google", "hashicorp/terraform")));
        RefreshOptions o = gw == null ? plain : plain.withNetwork(gw::attach);
        TerraformRefresh.run(zip, task, o); // warm-up: JIT, page cache
        List<Long> ms = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          RefreshResult r = TerraformRefresh.run(zip, task, o);
          ms.add((System.nanoTime() - t0) / 1_000_000);
          if (!r.ok() || r.verdict() == null || !"pass".equals(r.verdict().status())) failures++;
        }
        Collections.sort(ms);
        long p50 = ms.get((ms.size() - 1) / 2);
        long p99 = ms.get(Math.max(0, (int) Math.ceil(ms.size() * 0.99) - 1));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long t0 = System.nanoTime();
        List<Future<RefreshResult>> fs = new ArrayList<>();
        for (int i = 0; i < runs; i++) fs.add(pool.submit(() -> TerraformRefresh.run(zip, task, o)));
        for (Future<RefreshResult> f : fs) if (!f.get().ok()) failures++;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        out.printf("%-6s network %-8s start-to-verdict p50 %6d ms  p99 %6d ms  min %6d  max %6d  | %d workers: %.1f validations/min  | failures %d%n",
            name, network, p50, p99, ms.get(0), ms.get(ms.size() - 1), workers, runs / elapsed * 60, failures);
        if (failures > 0) rc = 1;
      }
      out.println("firecracker: not measurable here (no VT-x, no binary). On a KVM host: alphacore sandbox bench --backends firecracker");
    } finally {
      if (gw != null) gw.close();
      if (tmp != null) Workspace.deleteTree(tmp);
      out.flush();
    }
    return rc;
  }

  static byte[] zip() throws java.io.IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry("main.tf"));
      z.write("resource \"terraform_data\" \"x\" {\n  input = \"hello\"\n}\n".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("terraform.tfstate"));
      z.write(STATE.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }
}
