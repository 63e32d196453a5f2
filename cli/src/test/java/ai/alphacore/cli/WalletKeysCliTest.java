package ai.alphacore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WalletKeysCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  static Result run(String... args) {
    CommandLine cl = Cli.newCommandLine(new Main());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void deriveFromSeedAndMnemonic() throws Exception {
    Result r = run("keys", "derive", "--seed", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("public_key").asText()).isEqualTo("44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f");
    assertThat(r.json().get("ss58").asText()).isEqualTo("5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu");
    Result m = run("keys", "derive", "--mnemonic", "bottom drive obey lake curtain smoke basket hold race lonely fit walk", "--path", "//Alice");
    assertThat(m.code()).isZero();
    assertThat(m.json().get("ss58").asText()).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
  }

  @Test
  void deriveBadInputExits2WithoutStackTrace() {
    for (String[] args : new String[][] {
        {"keys", "derive", "--seed", "abcd"},
        {"keys", "derive", "--seed", "zz"},
        {"keys", "derive", "--mnemonic", "not a real mnemonic at all"},
        {"keys", "derive"},
        {"keys", "derive", "--seed", "00".repeat(32), "--path", "/soft"}}) {
      Result r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ");
    }
  }

  @Test
  void verifyExitCodes() {
    String msg = "313733353638393630303132333435363738392e3544636a56555346517355534644434d464e53465952774259677961374245636f4134374635706b706869384e586e752e354567776a723362664b686f504d5148785833487a674a4348596f3862484e786458694e48474c6158686a68756f71432e36633765326134652d303030302d313166302d383030302d3032343261633132303030322e61376666633666386266316564373636353163313437353661303631643636326635383066663464653433623439666138326438306134623830663834333461";
    String sig = "0x8265c621ff3108129edd85ba091c31fefcde683bd2d0624ee61a4396eeb39162659baa27115d91f1e6855a97edcad83112b075e4cf42722c82b0d655ca33be82";
    String a = "5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu";
    String b = "5Egwjr3bfKhoPMQHxX3HzgJCHYo8bHNxdXiNHGLaXhjhuoqC";
    assertThat(run("keys", "verify", "--address", a, "--message-hex", msg, "--signature-hex", sig).code()).isZero();
    assertThat(run("keys", "verify", "--address", b, "--message-hex", msg, "--signature-hex", sig).code()).isEqualTo(1);
    assertThat(run("keys", "verify", "--address", a, "--message-hex", msg + "00", "--signature-hex", sig).code()).isEqualTo(1);
    assertThat(run("keys", "verify", "--address", a + "x", "--message-hex", msg, "--signature-hex", sig).code()).isEqualTo(2);
    assertThat(run("keys", "verify", "--address", a, "--message-hex", "xyz", "--signature-hex", sig).code()).isEqualTo(2);
    assertThat(run("keys", "verify", "--address", a, "--message-hex", msg, "--signature-hex", "0x1234").code()).isEqualTo(2);
  }

  @Test
  void walletNewShowList(@TempDir Path tmp) throws Exception {
    Result n = run("wallet", "new", "--wallet.path", tmp.toString(), "--wallet.name", "v", "--wallet.hotkey", "h", "--no-password");
    assertThat(n.code()).as(n.err()).isZero();
    String hot = n.json().get("hotkey_ss58").asText();
    assertThat(n.out()).doesNotContain("secretPhrase").doesNotContain("privateKey");
    Result s = run("wallet", "show", "--wallet.path", tmp.toString(), "--wallet.name", "v", "--wallet.hotkey", "h");
    assertThat(s.code()).isZero();
    assertThat(s.json().get("hotkey_ss58").asText()).isEqualTo(hot);
    assertThat(s.json().get("coldkey_ss58").asText()).isEqualTo(n.json().get("coldkey_ss58").asText());
    Result l = run("wallet", "list", "--wallet.path", tmp.toString());
    assertThat(l.code()).isZero();
    assertThat(l.json().get(0).get("hotkeys").get(0).get("ss58").asText()).isEqualTo(hot);
    Result again = run("wallet", "new", "--wallet.path", tmp.toString(), "--wallet.name", "v", "--wallet.hotkey", "h", "--no-password");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    Result missing = run("wallet", "show", "--wallet.path", tmp.toString(), "--wallet.name", "nope");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(run("wallet", "new", "--wallet.path", tmp.toString()).code()).isEqualTo(2);
  }

  @Test
  void showsTheSharedExampleWallet() throws Exception {
    String v = System.getProperty("alphacore.vectors");
    assertThat(v).as("alphacore.vectors system property").isNotBlank();
    Result s = run("wallet", "show", "--wallet.path", Path.of(v, "bittensor", "wallet").toString(),
        "--wallet.name", "test-wallet", "--wallet.hotkey", "test-hotkey");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.json().get("hotkey_ss58").asText()).isEqualTo("5En9yui2pEYUnVqyjvtztiXXJoVYfh5NAQWUA8B7ri9HF8kh");
    assertThat(s.json().get("coldkey_ss58").asText()).isEqualTo("5EnAtj415Xo1uFFed31tAGfHa31N5oEvqne8iZRNKMrEND3c");
  }
}
