package ai.alphacore.sandbox.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestArtifactsTest {
  @Test
  void imagesFromAnOlderLayoutAreRefusedWithTheCommandThatRebuildsThem(@TempDir Path home) throws Exception {
    GuestArtifacts a = GuestArtifacts.in(home);
    Files.createDirectories(a.modules());
    Files.writeString(a.kernel(), "k");
    Files.createDirectories(a.initramfs().getParent());
    Files.writeString(a.initramfs(), "i");
    Files.writeString(a.rootfs(), "r");
    assertThat(a.layout()).isEqualTo(1); // no stamp: built before the guest network existed
    assertThat(String.join("\n", a.problems())).contains("are layout 1, this alphacore needs layout " + GuestArtifacts.LAYOUT,
        "run alphacore sandbox setup");
    Files.writeString(a.layoutStamp(), GuestArtifacts.LAYOUT + "\n");
    assertThat(a.problems()).isEmpty();
  }
}
