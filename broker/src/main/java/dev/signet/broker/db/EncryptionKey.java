package dev.signet.broker.db;

import dev.signet.secrets.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The 32-byte key that seals stored grants: from the configuration (base64), or from a key file the broker generates
 * on first start. The file is created with mode {@code 0600} from the start (never written and then restricted) under
 * a temporary name, then linked into place, so a reader never sees a partial key and two starting brokers never
 * overwrite each other's key.
 */
public final class EncryptionKey {
    /** The key file's name inside the data directory. */
    public static final String FILE_NAME = "broker-grants.key";

    private final byte[] bytes;

    private EncryptionKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /**
     * Parses a base64 (standard or URL-safe) 32-byte key.
     *
     * @throws IllegalArgumentException naming {@code setting}, never the value
     */
    @SuppressWarnings("UnusedException") // the decoder's message may quote the key
    public static EncryptionKey parse(Secret base64, String setting) {
        byte[] key;
        try {
            String text = base64.reveal().strip();
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    setting + " must be base64 of 32 random bytes (openssl rand -base64 32)");
        }
        if (key.length != Sealer.KEY_BYTES) {
            throw new IllegalArgumentException(setting
                    + " must be base64 of 32 random bytes (openssl rand -base64 32), got " + key.length + " bytes");
        }
        return new EncryptionKey(key);
    }

    /**
     * Reads {@code dir}/{@value #FILE_NAME}, creating it with a fresh random key (mode 0600) when absent.
     *
     * @throws IllegalStateException when the file cannot be created or read, or holds no valid key
     */
    public static EncryptionKey loadOrCreate(Path dir, SecureRandom random) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                create(dir, file, random);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return parse(Secret.of(text.isEmpty() ? "-" : text), "the key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void create(Path dir, Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[Sealer.KEY_BYTES];
        random.nextBytes(key);
        byte[] suffix = new byte[6];
        random.nextBytes(suffix);
        Path temporary = dir.resolve(FILE_NAME + ".tmp-" + HexFormat.of().formatHex(suffix));
        try {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    temporary,
                    Base64.getEncoder().encodeToString(key) + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                // A hard link fails if the key file exists, so a broker starting at the same time keeps its key.
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                // The other broker's key wins; ours is discarded below.
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "EncryptionKey[***]";
    }
}
