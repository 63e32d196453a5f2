package ai.alphacore.bittensor.wallet;

import ai.alphacore.bittensor.BittensorException;
import ai.alphacore.bittensor.BittensorException.Code;
import ai.alphacore.bittensor.crypto.Bip39;
import ai.alphacore.bittensor.crypto.Sr25519;
import ai.alphacore.bittensor.crypto.Sr25519Keypair;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Bittensor wallet on disk: {@code <path>/<name>/coldkey}, {@code coldkeypub.txt},
 * {@code hotkeys/<hotkey>} and {@code hotkeys/<hotkey>pub.txt}. Files are written mode 0600.
 */
public final class Wallet {
  private final Path root;
  private final String name;
  private final String hotkey;
  private final Sr25519 sr;

  /** Summary of one wallet for listings; public data only. */
  public record Info(String name, Optional<String> coldkeySs58, List<HotkeyInfo> hotkeys) {}

  public record HotkeyInfo(String name, Optional<String> ss58) {}

  /** What {@link #create} made; the mnemonics are returned to the caller and never logged. */
  public record Created(Wallet wallet, String coldkeySs58, String hotkeySs58, boolean coldkeyEncrypted) {}

  public Wallet(Path root, String name, String hotkey, Sr25519 sr) {
    checkName(name, "wallet name");
    checkName(hotkey, "hotkey name");
    this.root = root;
    this.name = name;
    this.hotkey = hotkey;
    this.sr = sr;
  }

  public static Path defaultPath() {
    return Path.of(System.getProperty("user.home"), ".bittensor", "wallets");
  }

  /** Expands a leading {@code ~} as btwallet does. */
  public static Path expand(String path) {
    if (path.equals("~")) return Path.of(System.getProperty("user.home"));
    if (path.startsWith("~/")) return Path.of(System.getProperty("user.home"), path.substring(2));
    return Path.of(path);
  }

  public String name() {
    return name;
  }

  public String hotkeyName() {
    return hotkey;
  }

  public Path dir() {
    return root.resolve(name);
  }

  public Path coldkeyFile() {
    return dir().resolve("coldkey");
  }

  public Path coldkeypubFile() {
    return dir().resolve("coldkeypub.txt");
  }

  public Path hotkeyFile() {
    return dir().resolve("hotkeys").resolve(hotkey);
  }

  public Path hotkeypubFile() {
    return dir().resolve("hotkeys").resolve(hotkey + "pub.txt");
  }

  /** The hotkey keypair (unencrypted hotkey file, as neurons use). */
  public Sr25519Keypair hotkey() {
    return requireSecret(Keyfile.parse(read(hotkeyFile()), sr), hotkeyFile());
  }

  /** The hotkey keypair from an encrypted or plain file. */
  public Sr25519Keypair hotkey(byte[] password) {
    return requireSecret(Keyfile.parse(decryptIfNeeded(read(hotkeyFile()), password), sr), hotkeyFile());
  }

  public String hotkeySs58() {
    Path pub = hotkeypubFile();
    if (Files.exists(pub)) return Keyfile.parse(read(pub), sr).ss58Address();
    return Keyfile.parse(read(hotkeyFile()), sr).ss58Address();
  }

  public String coldkeySs58() {
    return Keyfile.parse(read(coldkeypubFile()), sr).ss58Address();
  }

  /** Decrypts the coldkey (Argon2i with 512 MiB: takes seconds and needs that much heap). */
  public Sr25519Keypair coldkey(byte[] password) {
    return requireSecret(Keyfile.parse(decryptIfNeeded(read(coldkeyFile()), password), sr), coldkeyFile());
  }

  private static byte[] decryptIfNeeded(byte[] data, byte[] password) {
    if (!NaclKeyfileCrypto.isNacl(data)) return data;
    if (password == null) throw new BittensorException(Code.WALLET_ENCRYPTED, "keyfile is encrypted; a password is needed");
    return NaclKeyfileCrypto.decrypt(data, password);
  }

  private static Sr25519Keypair requireSecret(Keyfile.Contents c, Path file) {
    return c.keypair().orElseThrow(
        () -> new BittensorException(Code.WALLET_BAD_KEYFILE, "keyfile has no secret: " + file));
  }

  /**
   * Creates a wallet with fresh coldkey and hotkey mnemonics. The coldkey is encrypted when a
   * password is given. Refuses to overwrite an existing key.
   */
  public static Created create(
      Path root, String name, String hotkey, byte[] coldkeyPasswordOrNull, Sr25519 sr, SecureRandom random) {
    Wallet w = new Wallet(root, name, hotkey, sr);
    String hotkeySs58;
    String coldSs58;
    if (Files.exists(w.hotkeyFile()))
      throw new BittensorException(Code.WALLET_EXISTS, "hotkey already exists: " + w.hotkeyFile());
    boolean hasCold = Files.exists(w.coldkeypubFile());
    if (hasCold) {
      coldSs58 = w.coldkeySs58();
    } else {
      String coldWords = Bip39.generate(12, random);
      byte[] coldMini = Bip39.miniSecret(coldWords, "");
      Sr25519Keypair cold = sr.fromMiniSecret(coldMini);
      byte[] plain = Keyfile.write(cold, coldWords, coldMini);
      byte[] file = coldkeyPasswordOrNull == null ? plain : NaclKeyfileCrypto.encrypt(plain, coldkeyPasswordOrNull, random);
      writeSecure(w.coldkeyFile(), file);
      writeSecure(w.coldkeypubFile(), Keyfile.writePublic(cold.publicKey()));
      coldSs58 = ai.alphacore.bittensor.ss58.Ss58.encode(cold.publicKey());
    }
    String hotWords = Bip39.generate(12, random);
    byte[] hotMini = Bip39.miniSecret(hotWords, "");
    Sr25519Keypair hot = sr.fromMiniSecret(hotMini);
    writeSecure(w.hotkeyFile(), Keyfile.write(hot, hotWords, hotMini));
    writeSecure(w.hotkeypubFile(), Keyfile.writePublic(hot.publicKey()));
    hotkeySs58 = ai.alphacore.bittensor.ss58.Ss58.encode(hot.publicKey());
    return new Created(w, coldSs58, hotkeySs58, !hasCold && coldkeyPasswordOrNull != null);
  }

  /** Writes a hotkey keyfile from a known keypair (e.g. derived test keys). */
  public void writeHotkey(Sr25519Keypair kp, String mnemonicOrNull, byte[] miniSecretOrNull) {
    if (Files.exists(hotkeyFile()))
      throw new BittensorException(Code.WALLET_EXISTS, "hotkey already exists: " + hotkeyFile());
    writeSecure(hotkeyFile(), Keyfile.write(kp, mnemonicOrNull, miniSecretOrNull));
    writeSecure(hotkeypubFile(), Keyfile.writePublic(kp.publicKey()));
  }

  /** Every wallet under {@code root}, public information only. */
  public static List<Info> list(Path root, Sr25519 sr) {
    List<Info> out = new ArrayList<>();
    if (!Files.isDirectory(root)) return out;
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        Optional<String> cold = safeSs58(d.resolve("coldkeypub.txt"), sr);
        List<HotkeyInfo> hks = new ArrayList<>();
        Path hd = d.resolve("hotkeys");
        if (Files.isDirectory(hd)) {
          try (Stream<Path> hs = Files.list(hd)) {
            for (Path h : hs.filter(Files::isRegularFile).sorted().toList()) {
              String fn = h.getFileName().toString();
              if (fn.endsWith("pub.txt")) continue;
              Path pub = hd.resolve(fn + "pub.txt");
              Optional<String> ss = Files.exists(pub) ? safeSs58(pub, sr) : safeSs58(h, sr);
              hks.add(new HotkeyInfo(fn, ss));
            }
          }
        }
        out.add(new Info(d.getFileName().toString(), cold, hks));
      }
    } catch (IOException e) {
      throw new BittensorException(Code.WALLET_IO, "cannot list wallets in " + root + ": " + e.getMessage());
    }
    return out;
  }

  private static Optional<String> safeSs58(Path f, Sr25519 sr) {
    if (!Files.isRegularFile(f)) return Optional.empty();
    try {
      return Optional.of(Keyfile.parse(Files.readAllBytes(f), sr).ss58Address());
    } catch (IOException | BittensorException e) {
      return Optional.empty();
    }
  }

  static byte[] read(Path f) {
    if (!Files.isRegularFile(f)) throw new BittensorException(Code.WALLET_NOT_FOUND, "keyfile not found: " + f);
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new BittensorException(Code.WALLET_IO, "cannot read " + f + ": " + e.getMessage());
    }
  }

  /** Atomic write of a new file with mode 0600 (parent directories 0700). */
  static void writeSecure(Path f, byte[] data) {
    try {
      Path parent = f.toAbsolutePath().getParent();
      createDirs(parent);
      Path tmp = Files.createTempFile(parent, ".tmp-", "");
      try {
        setMode(tmp, "rw-------");
        Files.write(tmp, data);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      setMode(f, "rw-------");
    } catch (FileAlreadyExistsException e) {
      throw new BittensorException(Code.WALLET_EXISTS, "file already exists: " + f);
    } catch (IOException e) {
      throw new BittensorException(Code.WALLET_IO, "cannot write " + f + ": " + e.getMessage());
    }
  }

  private static void createDirs(Path d) throws IOException {
    if (Files.isDirectory(d)) return;
    createDirs(d.getParent());
    Files.createDirectory(d);
    setMode(d, "rwx------");
  }

  private static void setMode(Path p, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException e) {
      // Non-POSIX file system: nothing finer to set.
    }
  }

  private static void checkName(String s, String what) {
    if (s == null || s.isEmpty() || s.contains("/") || s.contains("\\") || s.equals(".") || s.equals("..") || s.contains("\0"))
      throw new BittensorException(Code.WALLET_BAD_KEYFILE, what + " is not a valid file name: " + s);
  }
}
