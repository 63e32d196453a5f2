package ai.alphacore.sandbox.intake;

import ai.alphacore.sandbox.SandboxError;
import ai.alphacore.sandbox.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts an untrusted ZIP under {@link ZipLimits}, sanitizing as it goes (validation.md
 * 4.3-4.4). Limits are enforced on bytes actually decompressed, not on what headers declare;
 * the first violation aborts with a {@link SandboxException} naming the rule and the entry.
 * Thread-safe.
 */
public final class SafeZipExtractor {
  private static final int STORED = 0;
  private static final int DEFLATED = 8;
  private static final int HEAD = 512;

  private final ZipLimits limits;

  public SafeZipExtractor(ZipLimits limits) {
    this.limits = limits;
  }

  public ZipLimits limits() {
    return limits;
  }

  /** Extracts into memory: the usual path, since state verification needs no disk. */
  public Workspace extract(byte[] zip) throws SandboxException {
    MemorySink sink = new MemorySink();
    ExtractionReport r = extract(zip, sink);
    return new Workspace(sink.files(), List.copyOf(sink.directories()), r);
  }

  public Workspace extract(Path zip) throws SandboxException {
    MemorySink sink = new MemorySink();
    ExtractionReport r = extract(zip, sink);
    return new Workspace(sink.files(), List.copyOf(sink.directories()), r);
  }

  public ExtractionReport extract(byte[] zip, ExtractSink sink) throws SandboxException {
    if (zip.length > limits.maxArchiveBytes()) throw archiveTooLarge(zip.length);
    return run(ByteSource.of(zip), sink);
  }

  public ExtractionReport extract(Path zip, ExtractSink sink) throws SandboxException {
    try (ByteSource src = ByteSource.of(zip)) {
      if (src.size() > limits.maxArchiveBytes()) throw archiveTooLarge(src.size());
      return run(src, sink);
    } catch (IOException e) {
      throw new SandboxException(SandboxError.IO, null, "Cannot read the submission: " + e.getMessage(), e);
    }
  }

  private SandboxException archiveTooLarge(long n) {
    return new SandboxException(SandboxError.TOO_LARGE, null,
        "Refusing zip: archive is " + n + " bytes, over the limit (" + limits.maxArchiveBytes() + " bytes).");
  }

  private ExtractionReport run(ByteSource src, ExtractSink sink) throws SandboxException {
    try {
      long declaredCount = ZipStructure.declaredEntryCount(src);
      if (declaredCount > limits.maxEntries()) throw tooMany();
      ZipFile zf;
      try {
        zf = ZipFile.builder().setSeekableByteChannel(src.newChannel()).setCharset(StandardCharsets.UTF_8)
            .setUseUnicodeExtraFields(false).get();
      } catch (IOException | RuntimeException e) {
        throw new SandboxException(SandboxError.CORRUPT, null, "Corrupt zip: " + describe(e), e);
      }
      try (zf) {
        return new Run(src, sink, zf, declaredCount).extractAll();
      }
    } catch (IOException e) {
      throw new SandboxException(SandboxError.IO, null, "Cannot read the submission: " + e.getMessage(), e);
    }
  }

  private SandboxException tooMany() {
    return new SandboxException(SandboxError.TOO_MANY_ENTRIES, null,
        "Refusing zip: file count exceeds limit (" + limits.maxEntries() + ").");
  }

  private SandboxException tooLarge() {
    return new SandboxException(SandboxError.TOO_LARGE, null,
        "Refusing zip: extracted size exceeds limit (" + limits.maxTotalBytes() + " bytes).");
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** The state of one extraction. */
  private final class Run {
    private final ByteSource src;
    private final ExtractSink sink;
    private final ZipFile zf;
    private final long declaredCount;
    /** Case-folded path -> (path, is directory). */
    private final Map<String, Node> nodes = new HashMap<>();
    private final List<String> kept = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final List<String> dirs = new ArrayList<>();
    private final List<long[]> spans = new ArrayList<>();
    private final byte[] buf = new byte[64 * 1024];
    private long total;
    private long totalCompressed;

    Run(ByteSource src, ExtractSink sink, ZipFile zf, long declaredCount) {
      this.src = src;
      this.sink = sink;
      this.zf = zf;
      this.declaredCount = declaredCount;
    }

    ExtractionReport extractAll() throws SandboxException, IOException {
      List<ZipArchiveEntry> entries = new ArrayList<>();
      long declaredTotal = 0;
      for (Enumeration<ZipArchiveEntry> en = zf.getEntries(); en.hasMoreElements(); ) {
        ZipArchiveEntry e = en.nextElement();
        entries.add(e);
        if (entries.size() > limits.maxEntries()) throw tooMany();
        if (e.getSize() > 0) declaredTotal += e.getSize();
      }
      if (entries.size() != declaredCount) {
        throw new SandboxException(SandboxError.LYING_HEADER, null, "Refusing zip: the end record announces "
            + declaredCount + " entries but the central directory holds " + entries.size() + ".");
      }
      if (declaredTotal > limits.maxTotalBytes()) throw tooLarge();
      for (ZipArchiveEntry e : entries) entry(e);
      checkOverlaps();
      return new ExtractionReport(entries.size(), total, List.copyOf(kept), List.copyOf(dropped), List.copyOf(dirs));
    }

    private void entry(ZipArchiveEntry e) throws SandboxException, IOException {
      EntryName name = EntryName.parse(e.getRawName(), limits);
      String raw = name.raw();
      int type = (int) ((e.getExternalAttributes() >>> 16) & 0xF000);
      if (type == 0xA000) throw new SandboxException(SandboxError.SYMLINK, raw, "Refusing symlink entry in archive: " + raw);
      if (type == 0x2000 || type == 0x6000 || type == 0x1000 || type == 0xC000) {
        throw new SandboxException(SandboxError.SPECIAL_FILE, raw, "Refusing device, FIFO or socket entry in archive: " + raw);
      }
      if (e.getGeneralPurposeBit().usesEncryption()) {
        throw new SandboxException(SandboxError.ENCRYPTED, raw, "Refusing encrypted zip entry: " + raw);
      }
      if (e.getMethod() != STORED && e.getMethod() != DEFLATED) {
        throw new SandboxException(SandboxError.UNSUPPORTED_METHOD, raw,
            "Refusing zip entry with compression method " + e.getMethod() + " (only stored and deflated): " + raw);
      }
      checkLocalHeader(e, raw);
      if (name.directory()) {
        if (e.getSize() > 0) {
          throw new SandboxException(SandboxError.LYING_HEADER, raw, "Refusing directory entry that carries data: " + raw);
        }
        if (!name.path().isEmpty()) claim(name.path(), raw, true, true);
        return;
      }
      claim(name.path(), raw, false, true);
      read(e, name);
    }

    /** Registers a path and its parents: no duplicates, no case collisions, files never parents. */
    private void claim(String path, String raw, boolean dir, boolean explicit) throws SandboxException, IOException {
      int slash = path.lastIndexOf('/');
      if (slash > 0) claim(path.substring(0, slash), raw, true, false);
      String key = fold(path);
      Node prev = nodes.get(key);
      if (prev != null) {
        if (!prev.path.equals(path)) {
          throw new SandboxException(SandboxError.CASE_COLLISION, raw,
              "Refusing zip entries whose names differ only by case: " + prev.path + " and " + path);
        }
        if (prev.dir != dir) {
          throw new SandboxException(SandboxError.PATH_CONFLICT, raw,
              "Refusing zip entry that is both a file and a directory: " + path);
        }
        if (!dir || (explicit && prev.explicit)) {
          throw new SandboxException(SandboxError.DUPLICATE_NAME, raw, "Refusing duplicate zip entry: " + raw);
        }
        if (explicit) nodes.put(key, new Node(path, true, true));
        return;
      }
      nodes.put(key, new Node(path, dir, explicit));
      if (dir && Sanitizer.keepsDirectory(path)) {
        try {
          sink.directory(path);
        } catch (IOException ex) {
          throw sinkFailure(raw, ex);
        }
        dirs.add(path);
      }
    }

    private String fold(String path) {
      if (!limits.rejectCaseCollisions()) return path;
      return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private void checkLocalHeader(ZipArchiveEntry e, String raw) throws SandboxException, IOException {
      ZipStructure.LocalHeader lh = ZipStructure.localHeader(src, e.getLocalHeaderOffset(), raw);
      if (!Arrays.equals(lh.name(), e.getRawName())) {
        throw new SandboxException(SandboxError.LYING_HEADER, raw,
            "Refusing zip entry whose local and central headers name different files: " + raw);
      }
      if (lh.method() != e.getMethod() || ((lh.flags() & 1) != 0) != e.getGeneralPurposeBit().usesEncryption()) {
        throw new SandboxException(SandboxError.LYING_HEADER, raw,
            "Refusing zip entry whose local and central headers disagree: " + raw);
      }
      boolean descriptor = (lh.flags() & 8) != 0;
      boolean zip64 = lh.size() == 0xffffffffL || lh.compressedSize() == 0xffffffffL;
      if (!descriptor && !zip64
          && (lh.crc() != e.getCrc() || lh.size() != e.getSize() || lh.compressedSize() != e.getCompressedSize())) {
        throw new SandboxException(SandboxError.LYING_HEADER, raw,
            "Refusing zip entry whose local and central headers disagree on size or CRC: " + raw);
      }
      long end = lh.dataOffset() + Math.max(0, e.getCompressedSize());
      if (end > src.size()) {
        throw new SandboxException(SandboxError.CORRUPT, raw, "Corrupt zip: entry data runs past the end of the file: " + raw);
      }
      spans.add(new long[] {e.getLocalHeaderOffset(), end, spans.size()});
    }

    /** Overlapping entries are how the densest zip bombs reuse one compressed payload. */
    private void checkOverlaps() throws SandboxException {
      spans.sort((a, b) -> Long.compare(a[0], b[0]));
      for (int i = 1; i < spans.size(); i++) {
        if (spans.get(i)[0] < spans.get(i - 1)[1]) {
          throw new SandboxException(SandboxError.LYING_HEADER, null, "Refusing zip whose entries overlap (a zip bomb).");
        }
      }
    }

    private void read(ZipArchiveEntry e, EntryName name) throws SandboxException, IOException {
      String raw = name.raw();
      boolean keep = Sanitizer.keepsFile(name.path());
      long declared = e.getSize();
      long compressed = Math.max(1, e.getCompressedSize());
      totalCompressed += compressed;
      CRC32 crc = new CRC32();
      long n = 0;
      byte[] head = new byte[HEAD];
      int headLen = 0;
      OutputStream out = null;
      try (InputStream in = zf.getInputStream(e)) {
        while (true) {
          int r;
          try {
            r = in.read(buf);
          } catch (IOException | RuntimeException ex) {
            throw new SandboxException(SandboxError.CORRUPT, raw, "Corrupt zip entry " + raw + ": " + describe(ex), ex);
          }
          if (r < 0) break;
          n += r;
          total += r;
          if (declared >= 0 && n > declared) throw lying(raw, declared, "more");
          if (total > limits.maxTotalBytes()) throw tooLarge();
          if (n > limits.ratioGraceBytes() && n > limits.maxRatio() * compressed) throw ratio(raw);
          if (total > limits.ratioGraceBytes() && total > limits.maxRatio() * totalCompressed) throw ratio(raw);
          crc.update(buf, 0, r);
          int off = 0;
          if (headLen < HEAD) {
            int take = Math.min(HEAD - headLen, r);
            System.arraycopy(buf, 0, head, headLen, take);
            headLen += take;
            off = take;
            if (headLen < HEAD) continue;
            checkNested(head, headLen, raw);
            out = open(keep, name.path(), raw);
            write(out, head, headLen, raw);
          }
          if (off < r) write(out, buf, r - off, off, raw);
        }
        if (headLen < HEAD) {
          checkNested(head, headLen, raw);
          out = open(keep, name.path(), raw);
          write(out, head, headLen, raw);
        }
      } catch (IOException ex) {
        throw new SandboxException(SandboxError.CORRUPT, raw, "Corrupt zip entry " + raw + ": " + describe(ex), ex);
      } finally {
        if (out != null) {
          try {
            out.close();
          } catch (IOException ex) {
            throw sinkFailure(raw, ex);
          }
        }
      }
      if (declared >= 0 && n != declared) throw lying(raw, declared, "fewer");
      if (crc.getValue() != e.getCrc()) {
        throw new SandboxException(SandboxError.CRC_MISMATCH, raw, "Bad CRC-32 for file '" + raw + "'");
      }
      (keep ? kept : dropped).add(name.path());
    }

    private OutputStream open(boolean keep, String path, String raw) throws SandboxException {
      if (!keep) return OutputStream.nullOutputStream();
      try {
        return sink.file(path);
      } catch (IOException ex) {
        throw sinkFailure(raw, ex);
      }
    }

    private void write(OutputStream out, byte[] b, int len, String raw) throws SandboxException {
      write(out, b, len, 0, raw);
    }

    private void write(OutputStream out, byte[] b, int len, int off, String raw) throws SandboxException {
      try {
        out.write(b, off, len);
      } catch (IOException ex) {
        throw sinkFailure(raw, ex);
      }
    }

    private SandboxException lying(String raw, long declared, String which) {
      return new SandboxException(SandboxError.LYING_HEADER, raw,
          "Refusing zip entry whose data holds " + which + " bytes than its header declares (" + declared + "): " + raw);
    }

    private SandboxException ratio(String raw) {
      return new SandboxException(SandboxError.RATIO_EXCEEDED, raw,
          "Refusing zip: compression ratio exceeds limit (" + (long) limits.maxRatio() + ":1) at " + raw + " (zip bomb).");
    }

    private SandboxException sinkFailure(String raw, IOException ex) {
      if (ex.getMessage() != null && ex.getMessage().startsWith("path escapes")) {
        return new SandboxException(SandboxError.PATH_TRAVERSAL, raw, "Refusing path traversal attempt: " + raw, ex);
      }
      return new SandboxException(SandboxError.IO, raw, "Cannot write the workspace: " + describe(ex), ex);
    }
  }

  private record Node(String path, boolean dir, boolean explicit) {}

  /** Archive signatures refused inside a submission: zip, gzip, bzip2, xz, 7z, zstd, rar, tar. */
  static void checkNested(byte[] h, int len, String raw) throws SandboxException {
    if (NestedArchive.detect(h, len) != null) {
      throw new SandboxException(SandboxError.NESTED_ARCHIVE, raw,
          "Refusing nested archive (" + NestedArchive.detect(h, len) + ") in zip entry: " + raw);
    }
  }

  /** Extracts into {@code target} (which must not exist) via a temp dir and one atomic move. */
  public ExtractionReport extractToDirectory(Path zip, Path target) throws SandboxException {
    Workspace w = extract(zip);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      w.materialize(target);
    } catch (IOException e) {
      throw new SandboxException(SandboxError.IO, null, "Cannot write the workspace: " + describe(e), e);
    }
    return w.report();
  }
}
