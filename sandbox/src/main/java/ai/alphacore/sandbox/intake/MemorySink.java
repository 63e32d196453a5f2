package ai.alphacore.sandbox.intake;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Keeps the extracted workspace in memory (bounded by the zip limits): no disk, no escape. */
public final class MemorySink implements ExtractSink {
  private final Set<String> directories = new LinkedHashSet<>();
  private final Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();

  @Override
  public void directory(String path) {
    directories.add(path);
  }

  @Override
  public OutputStream file(String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (files.putIfAbsent(path, out) != null) throw new IllegalStateException("file written twice: " + path);
    return out;
  }

  Set<String> directories() {
    return directories;
  }

  Map<String, byte[]> files() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    files.forEach((k, v) -> m.put(k, v.toByteArray()));
    return m;
  }
}
