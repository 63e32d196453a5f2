package ai.alphacore.neurons.miner.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The submission archive: the workspace files at the ZIP root, with fixed timestamps (reproducible bytes). */
public final class WorkspaceZip {
  private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01, the ZIP epoch

  private WorkspaceZip() {}

  public static byte[] of(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : new LinkedHashMap<>(files).entrySet()) {
        ZipEntry e = new ZipEntry(f.getKey());
        e.setLastModifiedTime(EPOCH);
        zip.putNextEntry(e);
        zip.write(f.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
