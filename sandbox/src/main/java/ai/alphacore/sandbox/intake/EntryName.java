package ai.alphacore.sandbox.intake;

import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.SandboxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An entry name decoded strictly as UTF-8 and normalised to "a/b/c" (no ".", no empty parts). */
record EntryName(String raw, String path, boolean directory) {

  static EntryName parse(byte[] rawBytes, ZipLimits limits) throws SandboxException {
    String raw;
    try {
      raw = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(rawBytes)).toString();
    } catch (CharacterCodingException e) {
      String shown = new String(rawBytes, StandardCharsets.UTF_8);
      throw new SandboxException(SandboxError.BAD_NAME_ENCODING, shown, "Refusing zip entry with a non-UTF-8 name: " + shown);
    }
    if (raw.isEmpty()) throw new SandboxException(SandboxError.EMPTY_NAME, raw, "Refusing zip entry with an empty name");
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new SandboxException(SandboxError.BAD_NAME_ENCODING, raw,
            "Refusing zip entry with a control character in its name: " + printable(raw));
      }
    }
    if (raw.length() > limits.maxNameLength()) {
      throw new SandboxException(SandboxError.NAME_TOO_LONG, raw, "Refusing zip entry with an over-long name: " + raw.substring(0, 80) + "...");
    }
    // The reference's rule: absolute, or any ".." component. Backslashes are ordinary characters.
    if (raw.startsWith("/")) throw unsafe(raw);
    boolean dir = raw.endsWith("/");
    List<String> parts = new ArrayList<>();
    for (String c : raw.split("/")) {
      if (c.equals("..")) throw unsafe(raw);
      if (c.isEmpty() || c.equals(".")) continue;
      if (c.length() > limits.maxComponentLength()) {
        throw new SandboxException(SandboxError.NAME_TOO_LONG, raw, "Refusing zip entry with an over-long name component: " + raw);
      }
      parts.add(c);
    }
    if (parts.size() > limits.maxDepth()) {
      throw new SandboxException(SandboxError.NAME_TOO_LONG, raw, "Refusing zip entry nested too deep: " + raw);
    }
    if (parts.isEmpty() && !dir) throw unsafe(raw);
    return new EntryName(raw, String.join("/", parts), dir);
  }

  private static SandboxException unsafe(String raw) {
    return new SandboxException(SandboxError.UNSAFE_PATH, raw, "Refusing unsafe zip entry: " + raw);
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }
}
