package dev.signet.platform.crypto;

import dev.signet.secrets.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the encryption key comes from when none is configured: a file generated once into the data directory. */
public final class KeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    private KeyFile() {}

    /**
     * The configured key; without one, the key in {@code dataDir/encryption.key}, generated (owner-only) on first use.
     *
     * @throws UncheckedIOException when the file can be neither read nor created
     */
    public static Secret resolve(@Nullable Secret configured, Path dataDir, SecureRandom random) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Files.createDirectories(dataDir);
            Secret key = SecretBox.generateKey(random);
            Files.writeString(file, key.reveal(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("no POSIX permissions for the generated key file");
            }
            LOG.warn("SIGNET_ENCRYPTION_KEY is not set: generated one in {}; set it explicitly in production", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key in " + dataDir, e);
        }
    }
}
