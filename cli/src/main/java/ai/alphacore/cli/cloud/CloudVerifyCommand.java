package ai.alphacore.cli.cloud;

import ai.alphacore.cli.Cli;
import ai.alphacore.cloud.CloudError;
import ai.alphacore.cloud.auth.StaticTokenSource;
import ai.alphacore.cloud.auth.TokenSource;
import ai.alphacore.cloud.auth.Tokens;
import ai.alphacore.cloud.gcp.GcpEndpoints;
import ai.alphacore.cloud.gcp.GcpHttp;
import ai.alphacore.cloud.verify.Fault;
import ai.alphacore.cloud.verify.GcpVerifier;
import ai.alphacore.cloud.verify.VerificationJson;
import ai.alphacore.cloud.verify.VerificationResult;
import ai.alphacore.cloud.verify.VerifyRequest;
import ai.alphacore.core.judge.JudgeMode;
import ai.alphacore.core.judge.Verdict;
import ai.alphacore.core.report.ReportWriter;
import ai.alphacore.core.task.TaskFormatException;
import ai.alphacore.core.task.TaskReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphacore cloud verify}: judge the state rebuilt from live GCP reads. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the state a task's invariants check from live Google Cloud reads and judge it.",
      "The miner's terraform.tfstate only names candidate resources; their attributes come from the cloud.",
      "Credentials, first found: --creds, --token-file, --token, $GOOGLE_OAUTH_ACCESS_TOKEN, $GOOGLE_APPLICATION_CREDENTIALS.",
      "Exit codes: 0 pass, 1 fail, 2 bad input or usage, 3 validator fault (our token, rate limits,",
      "Google errors, timeouts: retry later, do not score)."
    })
public final class CloudVerifyCommand implements Callable<Integer> {
  /** Reads failed on our side; the submission must be retried, not scored. */
  public static final int EXIT_VALIDATOR_FAULT = 3;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MAX_STATE = 32L << 20;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--task", required = true, paramLabel = "FILE", description = "The task JSON (TaskSpec or {\"task\": ...}).")
  Path task;

  @Option(names = "--state", required = true, paramLabel = "FILE", description = "The miner's terraform.tfstate (used only for resource ids).")
  Path state;

  @Option(names = "--project", paramLabel = "ID",
      description = "The project the miner registered. Default: the one project the state names (fine by hand; a service must always pass it).")
  String project;

  @Option(names = "--nonce", paramLabel = "N", description = "Per-miner nonce: resources of labelled types (and their children) must carry label acore_nonce=N.")
  String nonce;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Send every API call to this base URL (e.g. cloudsim's http://127.0.0.1:8089). Default: Google's official endpoints.")
  URI endpoint;

  static final class Credentials {
    @Option(names = "--creds", paramLabel = "FILE", description = "Service-account JSON key; read-only tokens are minted and refreshed from it.")
    Path creds;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding an OAuth access token (first line).")
    Path tokenFile;

    @Option(names = "--token", paramLabel = "TOKEN", description = "An access token. Visible to other users in the process list: prefer --token-file or the environment.")
    String token;
  }

  @ArgGroup(exclusive = true)
  Credentials credentials;

  @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|strict", description = "Judge mode (default: compat).")
  String mode;

  @Option(names = "--json", description = "Print the judge's JSON report plus a \"verification\" object.")
  boolean json;

  @Option(names = "--rebuilt-state", paramLabel = "FILE", description = "Also write the rebuilt terraform.tfstate here.")
  Path rebuiltOut;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      JudgeMode m = JudgeMode.parse(mode);
      JsonNode taskJson = new TaskReader().readTree(task);
      byte[] stateBytes = readState(state);
      String p = project != null ? project : GcpVerifier.projectNamedBy(stateBytes).orElseThrow(() -> new CloudError(CloudError.Code.BAD_PROJECT,
          "the state does not name exactly one project; pass --project"));
      TokenSource tokens = tokens(err);
      GcpEndpoints endpoints = endpoint == null ? GcpEndpoints.official() : GcpEndpoints.single(endpoint);
      GcpVerifier verifier = new GcpVerifier(new GcpHttp(endpoints, tokens));
      VerificationResult r = verifier.verify(taskJson, stateBytes, new VerifyRequest(p, nonce, m));
      if (rebuiltOut != null) Files.write(rebuiltOut, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(r.rebuiltState()));
      if (json) {
        out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(VerificationJson.toJson(r, verifier.name(), p)));
      } else {
        if (r.verdict() != null) out.print(ReportWriter.forFormat("text").write(r.verdict()));
        for (Fault f : r.faults()) {
          out.println((f.party() == Fault.Party.MINER ? "not counted: " : "VALIDATOR FAULT: ") + f.code() + " " + f.resource() + " " + f.message());
        }
        out.println("verified " + p + " from live reads: " + r.apiCalls() + " API calls in " + r.elapsed().toMillis() + " ms");
      }
      out.flush();
      if (r.status() == VerificationResult.Status.VALIDATOR_FAULT) {
        err.println("alphacore cloud verify: validator fault: " + r.validatorFaults().get(0).code() + ": " + r.validatorFaults().get(0).message());
        return EXIT_VALIDATOR_FAULT;
      }
      Verdict v = r.verdict();
      if (Verdict.ERROR.equals(v.status()) || (v.mode() == JudgeMode.STRICT && v.error() != null)) {
        if (v.error() != null) err.println("alphacore cloud verify: " + v.error().code() + ": " + v.error().message());
        return Cli.EXIT_USAGE;
      }
      return Verdict.PASS.equals(v.status()) ? 0 : 1;
    } catch (CloudError e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    } catch (TaskFormatException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
  }

  private TokenSource tokens(PrintWriter err) {
    if (credentials != null && credentials.creds != null) return Tokens.fromKeyFile(credentials.creds);
    if (credentials != null && credentials.tokenFile != null) return Tokens.fromTokenFile(credentials.tokenFile);
    if (credentials != null && credentials.token != null) {
      err.println("warning: a token on the command line is visible to other users (ps); prefer --token-file or $GOOGLE_OAUTH_ACCESS_TOKEN");
      return new StaticTokenSource(credentials.token, "--token");
    }
    return Tokens.fromEnvironment(System.getenv());
  }

  private static byte[] readState(Path p) throws IOException {
    try {
      if (Files.size(p) > MAX_STATE) throw new CloudError(CloudError.Code.BAD_REQUEST, "state file " + p + " is larger than 32 MiB");
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new CloudError(CloudError.Code.BAD_REQUEST, "state file not found: " + p);
    }
  }
}
