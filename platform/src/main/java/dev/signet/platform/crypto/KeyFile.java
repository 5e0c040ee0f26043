package dev.signet.platform.crypto;

import dev.signet.secrets.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the encryption key comes from when none is configured: a file generated once into the data directory. */
public final class KeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    /** The key file's name in the data directory. */
    public static final String NAME = "encryption.key";

    private KeyFile() {}

    /**
     * The configured key (or key list); without one, the key in {@code dataDir/encryption.key}, generated on first
     * use. The file is created owner-only ({@code 0600}) under a temporary name, written and synced, then linked to
     * its name, which fails if another process got there first (then that process's key is read): the key is never on
     * disk with other permissions, and a key once written is never replaced.
     *
     * @throws UncheckedIOException when the file can be neither read nor created
     */
    public static Secret resolve(@Nullable Secret configured, Path dataDir, SecureRandom random) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(dataDir);
            Secret key = SecretBox.generateKey(random);
            if (!publish(dataDir, file, key)) {
                return read(file);
            }
            LOG.warn("SIGNET_ENCRYPTION_KEY is not set: generated one in {}; set it explicitly in production", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key in " + dataDir, e);
        }
    }

    /** Writes {@code key} to {@code file} atomically; {@code false} when the file appeared meanwhile. */
    private static boolean publish(Path dataDir, Path file, Secret key) throws IOException {
        boolean posix = dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dataDir, ".encryption.key-", ".tmp", ownerOnly);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key.reveal().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.createLink(file, temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(file)) {
                    return false;
                }
                // No hard links here: an atomic rename (which would replace a file that appeared just now).
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Secret read(Path file) throws IOException {
        return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    }
}
