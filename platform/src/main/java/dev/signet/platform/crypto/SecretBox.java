package dev.signet.platform.crypto;

import dev.signet.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts short secrets with AES-256-GCM under one configured key.
 *
 * <p>A sealed value is {@code v1:} followed by base64 of a random 12-byte nonce and the ciphertext with its
 * 16-byte tag. The version prefix leaves room for key rotation.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final SecureRandom random;

    private SecretBox(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /**
     * A box for a base64-encoded 32-byte key (standard or URL-safe alphabet).
     *
     * @throws IllegalArgumentException when the key is not base64 or not 32 bytes; the message never contains it
     */
    public static SecretBox of(Secret base64Key, SecureRandom random) {
        byte[] key;
        try {
            String text = base64Key.reveal().trim();
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "encryption key must be " + KEY_BYTES + " bytes (base64), got " + key.length + " bytes");
        }
        return new SecretBox(key, random);
    }

    /** A fresh random key, base64-encoded, for the demo and for first start-up. */
    public static Secret generateKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Secret.of(Base64.getEncoder().encodeToString(key));
    }

    /** Encrypts {@code plain}; every call uses a fresh nonce. */
    public String seal(Secret plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.reveal().getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length);
            out.put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal}.
     *
     * @throws IllegalArgumentException when the value is malformed or was sealed under another key
     */
    public Secret open(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("sealed value has an unknown format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value is not base64", e);
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("sealed value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed value does not open with the configured encryption key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[***]";
    }
}
