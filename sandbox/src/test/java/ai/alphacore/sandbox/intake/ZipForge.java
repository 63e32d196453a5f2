package ai.alphacore.sandbox.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes ZIPs byte by byte so tests can make every header lie. */
final class ZipForge {
  static final class Entry {
    byte[] name;
    byte[] data = new byte[0];
    int method = 8;
    Long declaredSize;
    Long declaredCompressedSize;
    Long crc;
    long externalAttrs;
    int flags = 0x800;
    byte[] localName;
    Integer localOffsetOf;
    int madeBy = 3 << 8 | 20;
    byte[] rawCompressed;

    Entry stored() {
      method = 0;
      return this;
    }

    Entry mode(int unixMode) {
      externalAttrs = ((long) unixMode) << 16;
      return this;
    }

    Entry declared(long size) {
      declaredSize = size;
      return this;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private Long eocdCount;

  Entry add(String name, byte[] data) {
    return add(name.getBytes(StandardCharsets.UTF_8), data);
  }

  Entry add(String name, String text) {
    return add(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Entry add(byte[] name, byte[] data) {
    Entry e = new Entry();
    e.name = name;
    e.data = data;
    entries.add(e);
    return e;
  }

  Entry dir(String name) {
    Entry e = add(name.endsWith("/") ? name : name + "/", new byte[0]);
    e.method = 0;
    e.externalAttrs = (0040755L << 16) | 0x10;
    return e;
  }

  ZipForge eocdCount(long n) {
    eocdCount = n;
    return this;
  }

  static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    while (!d.finished()) out.write(buf, 0, d.deflate(buf));
    d.end();
    return out.toByteArray();
  }

  byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] offsets = new long[entries.size()];
    byte[][] comp = new byte[entries.size()][];
    long[] crcs = new long[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      comp[i] = e.rawCompressed != null ? e.rawCompressed : e.method == 8 ? deflate(e.data) : e.data;
      CRC32 c = new CRC32();
      c.update(e.data);
      crcs[i] = e.crc != null ? e.crc : c.getValue();
      if (e.localOffsetOf != null) continue;
      offsets[i] = out.size();
      byte[] ln = e.localName != null ? e.localName : e.name;
      le32(out, 0x04034b50);
      le16(out, 20);
      le16(out, e.flags);
      le16(out, e.method);
      le32(out, 0);
      le32(out, crcs[i]);
      le32(out, e.declaredCompressedSize != null ? e.declaredCompressedSize : comp[i].length);
      le32(out, e.declaredSize != null ? e.declaredSize : e.data.length);
      le16(out, ln.length);
      le16(out, 0);
      out.writeBytes(ln);
      out.writeBytes(comp[i]);
    }
    long cdStart = out.size();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      long off = e.localOffsetOf != null ? offsets[e.localOffsetOf] : offsets[i];
      int src = e.localOffsetOf != null ? e.localOffsetOf : i;
      le32(out, 0x02014b50);
      le16(out, e.madeBy);
      le16(out, 20);
      le16(out, e.flags);
      le16(out, e.method);
      le32(out, 0);
      le32(out, crcs[i]);
      le32(out, e.declaredCompressedSize != null ? e.declaredCompressedSize : comp[src].length);
      le32(out, e.declaredSize != null ? e.declaredSize : e.data.length);
      le16(out, e.name.length);
      le16(out, 0);
      le16(out, 0);
      le16(out, 0);
      le16(out, 0);
      le32(out, e.externalAttrs);
      le32(out, off);
      out.writeBytes(e.name);
    }
    long cdSize = out.size() - cdStart;
    long n = eocdCount != null ? eocdCount : entries.size();
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, (int) Math.min(n, 0xffff));
    le16(out, (int) Math.min(n, 0xffff));
    le32(out, cdSize);
    le32(out, cdStart);
    le16(out, 0);
    return out.toByteArray();
  }

  private static void le16(ByteArrayOutputStream o, long v) {
    o.write((int) v & 0xff);
    o.write((int) (v >>> 8) & 0xff);
  }

  private static void le32(ByteArrayOutputStream o, long v) {
    le16(o, v & 0xffff);
    le16(o, (v >>> 16) & 0xffff);
  }
}
