package dev.signet.broker.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void sealedValue_opensOnlyInItsOwnTableColumnAndRow() {
        Sealer sealer = Sealer.of(EncryptionKey.loadOrCreate(dir, random), random);
        String sealed = sealer.seal(Secret.of("refresh-token-1"), "zoom_grants", "refresh_token", "u-ann");

        assertThat(sealed).startsWith("v1:").doesNotContain("refresh-token-1");
        assertThat(sealer.open(sealed, "zoom_grants", "refresh_token", "u-ann").reveal())
                .isEqualTo("refresh-token-1");
        assertThatThrownBy(() -> sealer.open(sealed, "zoom_grants", "refresh_token", "u-ben"))
                .hasMessageContaining("does not open")
                .hasMessageNotContaining("refresh-token-1");
        assertThatThrownBy(() -> sealer.open(sealed, "zoom_grants", "access_token", "u-ann"))
                .hasMessageContaining("does not open");
        assertThat(sealer.seal(Secret.of("refresh-token-1"), "zoom_grants", "refresh_token", "u-ann"))
                .isNotEqualTo(sealed);
    }

    @Test
    void anotherKey_doesNotOpen() {
        Sealer one = Sealer.of(EncryptionKey.loadOrCreate(dir.resolve("a"), random), random);
        Sealer two = Sealer.of(EncryptionKey.loadOrCreate(dir.resolve("b"), random), random);

        String sealed = one.seal(Secret.of("x-token"), "t", "c", "r");

        assertThatThrownBy(() -> two.open(sealed, "t", "c", "r")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyFile_isCreated0600OnceAndReadAfterwards() throws Exception {
        Sealer first = Sealer.of(EncryptionKey.loadOrCreate(dir, random), random);
        String sealed = first.seal(Secret.of("kept"), "t", "c", "r");

        Path file = dir.resolve(EncryptionKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
        Sealer again = Sealer.of(EncryptionKey.loadOrCreate(dir, random), random);
        assertThat(again.open(sealed, "t", "c", "r").reveal()).isEqualTo("kept");
    }
}
