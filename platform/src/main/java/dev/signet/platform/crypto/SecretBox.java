package dev.signet.platform.crypto;

import dev.signet.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts short secrets with AES-256-GCM under a list of keys: the first seals, every one opens (key rotation).
 *
 * <p>A sealed value is {@code v2:} followed by base64 of a 4-byte key id (a hash of the key, so the right key is
 * found without trying them all), a random 12-byte nonce and the ciphertext with its 16-byte tag. The value's
 * {@link Binding} (table, column, row) is the associated data: a value copied to another row or column does not
 * open. Values of the first format, {@code v1:} (nonce and ciphertext, no associated data, one key), still open
 * with any of the keys; {@link #needsReseal} tells them, and values under an older key, apart for {@link Reseal}.
 */
public final class SecretBox {
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private final List<Key> keys;
    private final SecureRandom random;

    /** One key and its id (the first bytes of a hash of it). */
    private static final class Key {
        private final SecretKey key;
        private final byte[] id;

        Key(SecretKey key, byte[] id) {
            this.key = key;
            this.id = id.clone();
        }

        SecretKey key() {
            return key;
        }

        byte[] id() {
            return id;
        }
    }

    private SecretBox(List<Key> keys, SecureRandom random) {
        this.keys = List.copyOf(keys);
        this.random = random;
    }

    /**
     * A box for one base64-encoded 32-byte key, or a comma-separated list of them: the first seals new values, all of
     * them open (rotation: put the new key first, run {@code signet platform reseal}, then drop the old one).
     *
     * @throws IllegalArgumentException when a key is not base64 or not 32 bytes; the message never contains a key
     */
    public static SecretBox of(Secret base64Keys, SecureRandom random) {
        List<String> texts = keyTexts(base64Keys);
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            byte[] key = decode(texts.get(i), texts.size() == 1 ? "encryption key" : "encryption key " + (i + 1));
            keys.add(new Key(new SecretKeySpec(key, "AES"), keyId(key)));
        }
        return new SecretBox(keys, random);
    }

    /**
     * The keys of a key list as text, each stripped, for the log guard (a list is registered key by key).
     *
     * @throws IllegalArgumentException when an entry is empty
     */
    public static List<String> keyTexts(Secret base64Keys) {
        String[] parts = base64Keys.reveal().split(",", -1);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String text = parts[i].strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(
                        "encryption key " + (i + 1) + " of " + parts.length + " is empty (keys are comma-separated)");
            }
            texts.add(text);
        }
        return List.copyOf(texts);
    }

    private static byte[] decode(String text, String name) {
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    name + " must be " + KEY_BYTES + " bytes (base64), got " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("signet-key-id\0".getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha.digest(key), KEY_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** A fresh random key, base64-encoded, for the demo and for first start-up. */
    public static Secret generateKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Secret.of(Base64.getEncoder().encodeToString(key));
    }

    /** How many keys open values (the first of them seals). */
    public int keyCount() {
        return keys.size();
    }

    /** Encrypts {@code plain} under the first key, bound to {@code where}; every call uses a fresh nonce. */
    public String seal(Secret plain, Binding where) {
        Key key = keys.getFirst();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(where.associatedData());
            byte[] sealed = cipher.doFinal(plain.reveal().getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(KEY_ID_BYTES + NONCE_BYTES + sealed.length);
            out.put(key.id()).put(nonce).put(sealed);
            return V2 + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} for {@code where}, or a value of the first format (which has no
     * binding).
     *
     * @throws IllegalArgumentException when the value is malformed, was sealed under a key not in the list, or was
     *     sealed for another place (copied between rows or columns) or tampered with
     */
    public Secret open(String sealed, Binding where) {
        if (sealed.startsWith(V1)) {
            return openV1(bytes(sealed, V1));
        }
        if (!sealed.startsWith(V2)) {
            throw new IllegalArgumentException("sealed value has an unknown format");
        }
        byte[] bytes = bytes(sealed, V2);
        if (bytes.length <= KEY_ID_BYTES + NONCE_BYTES) {
            throw new IllegalArgumentException("sealed value is too short");
        }
        Key key = keyFor(bytes);
        if (key == null) {
            throw new IllegalArgumentException("sealed value was sealed with a key that is not among the configured"
                    + " encryption keys (SIGNET_ENCRYPTION_KEY)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, bytes, KEY_ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(where.associatedData());
            int offset = KEY_ID_BYTES + NONCE_BYTES;
            return text(cipher.doFinal(bytes, offset, bytes.length - offset));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "sealed value does not open for " + where.table() + "." + where.column()
                            + " of this row (tampered with, or copied from another row or column)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Whether {@code sealed} should be sealed again: it has the first format (no binding) or was sealed under a key
     * other than the first.
     */
    public boolean needsReseal(String sealed) {
        if (!sealed.startsWith(V2)) {
            return true;
        }
        byte[] bytes = bytes(sealed, V2);
        return bytes.length < KEY_ID_BYTES
                || !Arrays.equals(bytes, 0, KEY_ID_BYTES, keys.getFirst().id(), 0, KEY_ID_BYTES);
    }

    private Secret openV1(byte[] bytes) {
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("sealed value is too short");
        }
        for (Key key : keys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
                return text(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
            } catch (AEADBadTagException e) {
                // sealed under another key of the list, or tampered with: try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is unavailable", e);
            }
        }
        throw new IllegalArgumentException("sealed value does not open with any configured encryption key");
    }

    private @Nullable Key keyFor(byte[] bytes) {
        for (Key key : keys) {
            if (Arrays.equals(bytes, 0, KEY_ID_BYTES, key.id(), 0, KEY_ID_BYTES)) {
                return key;
            }
        }
        return null;
    }

    private static byte[] bytes(String sealed, String prefix) {
        try {
            return Base64.getDecoder().decode(sealed.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value is not base64", e);
        }
    }

    private static Secret text(byte[] plain) {
        return Secret.of(new String(plain, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SecretBox[***]";
    }
}
