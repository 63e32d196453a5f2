package ai.alphacore.bittensor.metadata;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.scale.ScaleReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime metadata V14/V15, decoded far enough to look up pallet and call indices, call
 * argument types, storage hashers, the transaction extension list and runtime APIs at run time.
 */
public final class RuntimeMetadata {
  private static final long MAGIC = 0x6174656dL; // "meta" little-endian

  public enum Hasher { BLAKE2_128, BLAKE2_256, BLAKE2_128_CONCAT, TWOX_128, TWOX_256, TWOX_64_CONCAT, IDENTITY }

  /** A type in the portable registry (only what we need to reason about it). */
  public record Type(int id, List<String> path, String kind, List<Field> fields, List<Variant> variants, int elementType, long arrayLen, String primitive, List<Integer> tuple) {
    /** True when values of this type encode to zero bytes (unit structs, empty tuples). */
    public boolean isZeroSized(Map<Integer, Type> all) {
      return switch (kind) {
        case "composite" -> fields.stream().allMatch(f -> all.get(f.type()).isZeroSized(all));
        case "tuple" -> tuple.stream().allMatch(t -> all.get(t).isZeroSized(all));
        case "array" -> arrayLen == 0;
        default -> false;
      };
    }
  }

  public record Field(String name, int type, String typeName) {}

  public record Variant(String name, int index, List<Field> fields) {}

  public record StorageEntry(String name, boolean optional, List<Hasher> hashers, int keyType, int valueType, byte[] defaultValue) {}

  public record Pallet(String name, int index, Optional<Integer> callType, String storagePrefix, Map<String, StorageEntry> storage, Map<String, byte[]> constants) {}

  public record Extension(String identifier, int extraType, int implicitType) {}

  public record ApiMethod(String api, String name, List<Field> inputs, int output) {}

  private final int version;
  private final Map<Integer, Type> types;
  private final Map<String, Pallet> pallets;
  private final List<Extension> extensions;
  private final int extrinsicVersion;
  private final Map<String, ApiMethod> apis;

  private RuntimeMetadata(int version, Map<Integer, Type> types, Map<String, Pallet> pallets, List<Extension> extensions, int extrinsicVersion, Map<String, ApiMethod> apis) {
    this.version = version;
    this.types = types;
    this.pallets = pallets;
    this.extensions = extensions;
    this.extrinsicVersion = extrinsicVersion;
    this.apis = apis;
  }

  public int version() { return version; }
  public Map<Integer, Type> types() { return types; }
  public Map<String, Pallet> pallets() { return pallets; }
  public List<Extension> extensions() { return extensions; }
  public int extrinsicVersion() { return extrinsicVersion; }
  public Map<String, ApiMethod> apis() { return apis; }

  public Pallet pallet(String name) {
    Pallet p = pallets.get(name);
    if (p == null) throw new BittensorException(Code.METADATA, "pallet " + name + " not in runtime metadata");
    return p;
  }

  /** [pallet index, call index] and the argument fields of {@code pallet.call}. */
  public record CallInfo(int palletIndex, int callIndex, List<Field> args) {}

  public CallInfo call(String palletName, String callName) {
    Pallet p = pallet(palletName);
    Type t = types.get(p.callType().orElseThrow(() -> new BittensorException(Code.METADATA, palletName + " has no calls")));
    for (Variant v : t.variants()) if (v.name().equals(callName)) return new CallInfo(p.index(), v.index(), v.fields());
    throw new BittensorException(Code.METADATA, "call " + palletName + "." + callName + " not in runtime metadata");
  }

  public StorageEntry storage(String palletName, String item) {
    StorageEntry e = pallet(palletName).storage().get(item);
    if (e == null) throw new BittensorException(Code.METADATA, "storage " + palletName + "." + item + " not in runtime metadata");
    return e;
  }

  /** Decodes {@code state_call("Metadata_metadata_at_version", 0x0f000000)}: Option<Vec<u8>>. */
  public static RuntimeMetadata fromMetadataAtVersionResult(byte[] result) {
    ScaleReader r = new ScaleReader(result);
    if (!r.option()) throw new BittensorException(Code.METADATA, "runtime has no metadata at that version");
    byte[] inner = r.bytes();
    return decode(inner);
  }

  /** Decodes RuntimeMetadataPrefixed ("meta" + version + body); V14 and V15. */
  public static RuntimeMetadata decode(byte[] prefixed) {
    ScaleReader r = new ScaleReader(prefixed);
    if (r.u32() != MAGIC) throw new BittensorException(Code.METADATA, "metadata magic 'meta' missing");
    int v = r.u8();
    if (v != 14 && v != 15) throw new BittensorException(Code.METADATA, "unsupported metadata version " + v);
    Map<Integer, Type> types = readTypes(r);
    int nPallets = r.length(1);
    Map<String, Pallet> pallets = new HashMap<>();
    for (int i = 0; i < nPallets; i++) {
      Pallet p = readPallet(r, v);
      pallets.put(p.name(), p);
    }
    List<Extension> exts = new ArrayList<>();
    int exVersion;
    if (v == 15) {
      exVersion = r.u8();
      r.compact(); // address
      r.compact(); // call
      r.compact(); // signature
      r.compact(); // extra
    } else {
      r.compact(); // extrinsic type
      exVersion = r.u8();
    }
    int nExt = r.length(1);
    for (int i = 0; i < nExt; i++) exts.add(new Extension(r.string(), (int) r.compact(), (int) r.compact()));
    r.compact(); // runtime type
    Map<String, ApiMethod> apis = new HashMap<>();
    if (v == 15) {
      int nApis = r.length(1);
      for (int i = 0; i < nApis; i++) {
        String api = r.string();
        int nm = r.length(1);
        for (int j = 0; j < nm; j++) {
          String m = r.string();
          int ni = r.length(1);
          List<Field> inputs = new ArrayList<>();
          for (int k = 0; k < ni; k++) inputs.add(new Field(r.string(), (int) r.compact(), null));
          int out = (int) r.compact();
          docs(r);
          apis.put(api + "_" + m, new ApiMethod(api, m, inputs, out));
        }
        docs(r);
      }
      // outer enums and custom metadata follow; nothing we need.
    }
    return new RuntimeMetadata(v, types, pallets, List.copyOf(exts), exVersion, apis);
  }

  private static Map<Integer, Type> readTypes(ScaleReader r) {
    int n = r.length(1);
    Map<Integer, Type> out = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int id = (int) r.compact();
      int np = r.length(1);
      List<String> path = new ArrayList<>();
      for (int j = 0; j < np; j++) path.add(r.string());
      int nParams = r.length(1);
      for (int j = 0; j < nParams; j++) {
        r.string();
        if (r.option()) r.compact();
      }
      int tag = r.u8();
      Type t;
      switch (tag) {
        case 0 -> t = new Type(id, path, "composite", fields(r), List.of(), -1, 0, null, List.of());
        case 1 -> {
          int nv = r.length(1);
          List<Variant> vs = new ArrayList<>();
          for (int j = 0; j < nv; j++) {
            String name = r.string();
            List<Field> fs = fields(r);
            int idx = r.u8();
            docs(r);
            vs.add(new Variant(name, idx, fs));
          }
          t = new Type(id, path, "variant", List.of(), vs, -1, 0, null, List.of());
        }
        case 2 -> t = new Type(id, path, "sequence", List.of(), List.of(), (int) r.compact(), 0, null, List.of());
        case 3 -> {
          long len = r.u32();
          t = new Type(id, path, "array", List.of(), List.of(), (int) r.compact(), len, null, List.of());
        }
        case 4 -> {
          int nt = r.length(1);
          List<Integer> ts = new ArrayList<>();
          for (int j = 0; j < nt; j++) ts.add((int) r.compact());
          t = new Type(id, path, "tuple", List.of(), List.of(), -1, 0, null, ts);
        }
        case 5 -> t = new Type(id, path, "primitive", List.of(), List.of(), -1, 0, primitive(r.u8()), List.of());
        case 6 -> t = new Type(id, path, "compact", List.of(), List.of(), (int) r.compact(), 0, null, List.of());
        case 7 -> {
          r.compact();
          r.compact();
          t = new Type(id, path, "bitsequence", List.of(), List.of(), -1, 0, null, List.of());
        }
        default -> throw new BittensorException(Code.METADATA, "unknown TypeDef tag " + tag);
      }
      docs(r);
      out.put(id, t);
    }
    return out;
  }

  private static String primitive(int p) {
    String[] names = {"bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "u256", "i8", "i16", "i32", "i64", "i128", "i256"};
    if (p >= names.length) throw new BittensorException(Code.METADATA, "unknown primitive " + p);
    return names[p];
  }

  private static List<Field> fields(ScaleReader r) {
    int n = r.length(1);
    List<Field> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = r.option() ? r.string() : null;
      int ty = (int) r.compact();
      String tn = r.option() ? r.string() : null;
      docs(r);
      fs.add(new Field(name, ty, tn));
    }
    return fs;
  }

  private static void docs(ScaleReader r) {
    int n = r.length(1);
    for (int i = 0; i < n; i++) r.string();
  }

  private static Pallet readPallet(ScaleReader r, int v) {
    String name = r.string();
    String prefix = null;
    Map<String, StorageEntry> storage = new HashMap<>();
    if (r.option()) {
      prefix = r.string();
      int n = r.length(1);
      for (int i = 0; i < n; i++) {
        String item = r.string();
        int modifier = r.u8();
        int kind = r.u8();
        List<Hasher> hashers = new ArrayList<>();
        int key = -1;
        int value;
        if (kind == 0) {
          value = (int) r.compact();
        } else if (kind == 1) {
          int nh = r.length(1);
          for (int j = 0; j < nh; j++) {
            int h = r.u8();
            if (h >= Hasher.values().length) throw new BittensorException(Code.METADATA, "unknown hasher " + h);
            hashers.add(Hasher.values()[h]);
          }
          key = (int) r.compact();
          value = (int) r.compact();
        } else {
          throw new BittensorException(Code.METADATA, "unknown storage entry type " + kind);
        }
        byte[] def = r.bytes();
        docs(r);
        storage.put(item, new StorageEntry(item, modifier == 0, List.copyOf(hashers), key, value, def));
      }
    }
    Optional<Integer> calls = r.option() ? Optional.of((int) r.compact()) : Optional.empty();
    if (r.option()) r.compact(); // event
    Map<String, byte[]> constants = new HashMap<>();
    int nc = r.length(1);
    for (int i = 0; i < nc; i++) {
      String cn = r.string();
      r.compact();
      byte[] val = r.bytes();
      docs(r);
      constants.put(cn, val);
    }
    if (r.option()) r.compact(); // error
    int index = r.u8();
    if (v == 15) docs(r);
    return new Pallet(name, index, calls, prefix, storage, constants);
  }
}
