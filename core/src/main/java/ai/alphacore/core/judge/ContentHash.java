package ai.alphacore.core.judge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The object hash Cloud Storage reports: base64 of the MD5 of the content's UTF-8 bytes. */
public final class ContentHash {
  private ContentHash() {}

  public static String md5Base64(String content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
