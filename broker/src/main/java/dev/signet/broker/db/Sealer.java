package dev.signet.broker.db;

import dev.signet.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credentials for storage with AES-256-GCM, binding each value to where it lives: the associated data is
 * {@code table/column/rowKey}, so a sealed value copied into another row or column does not open.
 *
 * <p>A sealed value is {@code v1:} followed by base64 of a random 12-byte nonce and the ciphertext with its 16-byte
 * tag; the version prefix leaves room for key rotation.
 */
public final class Sealer {
    /** Key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    Sealer(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an encryption key is " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** A sealer for {@code key} (the {@link EncryptionKey} of the configuration or of the key file). */
    public static Sealer of(EncryptionKey key, SecureRandom random) {
        return new Sealer(key.bytes(), random);
    }

    /** Encrypts {@code plain} for {@code table.column} of the row {@code rowKey}; every call uses a fresh nonce. */
    public String seal(Secret plain, String table, String column, String rowKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(table, column, rowKey));
            byte[] sealed = cipher.doFinal(plain.reveal().getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Decrypts a value sealed for the same table, column and row.
     *
     * @throws IllegalStateException when the value is malformed, was sealed for another place, or under another key;
     *     the message names the place, never the value
     */
    public Secret open(String sealed, String table, String column, String rowKey) {
        String where = table + "." + column;
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("a sealed value in " + where + " has an unknown format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value in " + where + " is not base64", e);
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("a sealed value in " + where + " is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associated(table, column, rowKey));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "a sealed value in " + where
                            + " does not open: another encryption key, or the value was moved from another row",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] associated(String table, String column, String rowKey) {
        return ("signet-broker/v1/" + table + "/" + column + "/" + rowKey).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Sealer[***]";
    }
}
