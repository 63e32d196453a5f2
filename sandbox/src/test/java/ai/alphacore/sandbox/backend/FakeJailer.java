package ai.alphacore.sandbox.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Firecracker's jailer and VMM, for orchestration tests on hosts without KVM. It
 * takes the jailer's arguments, serves the API on the chroot's socket, and on InstanceStart does
 * what the guest would: reads the token from the secret drive and the state from the workspace
 * image (debugfs, no mount), and writes the runner's results as a tar stream onto the results
 * drive. What it saw goes to a JSON record (argument 0); the token itself never does.
 */
public final class FakeJailer {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] a) throws Exception {
    Path record = Path.of(a[0]);
    List<String> argv = List.of(a).subList(1, a.length);
    Path chroot = Path.of(opt(argv, "--chroot-base-dir"), Path.of(opt(argv, "--exec-file")).getFileName().toString(), opt(argv, "--id"), "root");
    ObjectNode rec = JSON.createObjectNode();
    ArrayNode av = rec.putArray("argv");
    argv.forEach(av::add);
    CountDownLatch started = new CountDownLatch(1);
    try (FakeFirecrackerApi api = new FakeFirecrackerApi(chroot.resolve("run/fc.sock"))) {
      api.onStart = () -> {
        try {
          guest(chroot, opt(argv, "--netns"), rec);
        } catch (Exception e) {
          rec.put("guest_error", e.toString());
        }
        started.countDown();
      };
      api.start();
      if (!started.await(60, TimeUnit.SECONDS)) rec.put("guest_error", "never started");
      ArrayNode calls = rec.putArray("calls");
      for (FakeFirecrackerApi.Call c : api.calls) {
        ObjectNode o = calls.addObject().put("method", c.method()).put("path", c.path());
        if (c.body() != null) o.set("body", c.body());
      }
    }
    Files.writeString(record, rec.toPrettyString());
  }

  private static String opt(List<String> argv, String name) {
    int i = argv.indexOf(name);
    return i < 0 || i + 1 >= argv.size() ? null : argv.get(i + 1);
  }

  private static void guest(Path chroot, String netns, ObjectNode rec) throws Exception {
    ObjectNode files = rec.putObject("files");
    for (String f : List.of("vmlinux", "initramfs.cpio.gz", "rootfs.ext4", "workspace.ext4", "results.img", "secret.img")) {
      Path p = chroot.resolve(f);
      files.putObject(f).put("uid", (int) Files.getAttribute(p, "unix:uid")).put("ino", Files.getAttribute(p, "unix:ino").toString())
          .put("mode", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
    }
    byte[] secret = Files.readAllBytes(chroot.resolve("secret.img"));
    int n = 0;
    while (n < secret.length && secret[n] != '\n' && secret[n] != 0) n++;
    Process debugfs = new ProcessBuilder("debugfs", "-R", "cat /terraform.tfstate", chroot.resolve("workspace.ext4").toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] state = debugfs.getInputStream().readAllBytes();
    debugfs.waitFor();
    String refresh = "token_len=" + n + "\n";
    if (netns != null) {
      Process ip = new ProcessBuilder("nsenter", "--net=" + netns, "ip", "-d", "link", "show", "tap0").redirectErrorStream(true).start();
      String tap = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ip.waitFor();
      rec.put("tap", tap);
    }
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    entry(tar, "exit", "0\n".getBytes(StandardCharsets.US_ASCII));
    entry(tar, "stages", "init 0 1.00 1.20\nrefresh 0 1.20 1.50\n".getBytes(StandardCharsets.US_ASCII));
    entry(tar, "init.log", "Terraform has been successfully initialized! (fake jailer)\n".getBytes(StandardCharsets.US_ASCII));
    entry(tar, "refresh.log", refresh.getBytes(StandardCharsets.US_ASCII));
    entry(tar, "terraform.tfstate", state);
    tar.write(new byte[1024]);
    try (RandomAccessFile f = new RandomAccessFile(chroot.resolve("results.img").toFile(), "rw")) {
      f.write(tar.toByteArray());
    }
  }

  /** One ustar entry, as busybox tar writes it for the runner's results. */
  private static void entry(ByteArrayOutputStream out, String name, byte[] data) throws IOException {
    byte[] h = new byte[512];
    put(h, 0, "./" + name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", data.length));
    put(h, 136, String.format("%011o", 0));
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    int sum = 0;
    for (byte b : h) sum += b & 0xff;
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    out.write(h);
    out.write(data);
    out.write(new byte[(512 - data.length % 512) % 512]);
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }
}
