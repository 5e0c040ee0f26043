package dev.signet.broker.auth;

import dev.signet.secrets.Secret;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a token callback is authentic: a query-string secret equal to one of the configured ones (compared in
 * constant time, every secret checked), or Standard Webhooks headers signed over an empty body (with a replay guard).
 * Either evidence suffices; with neither the caller gets a bare 401.
 */
public final class CallbackAuth {
    private static final byte[] EMPTY_BODY = new byte[0];

    private final List<byte[]> secrets;
    private final @Nullable WebhookVerifier verifier;

    /**
     * Accepts any of {@code querySecrets} and, when {@code verifier} is not null, a valid signature.
     *
     * @param querySecrets the active query secrets (several during a rotation)
     * @param verifier verifies {@code webhook-*} headers, or null when callbacks are not signed
     */
    public CallbackAuth(List<Secret> querySecrets, @Nullable WebhookVerifier verifier) {
        this.secrets = querySecrets.stream()
                .map(s -> s.reveal().getBytes(StandardCharsets.UTF_8))
                .toList();
        this.verifier = verifier;
    }

    /**
     * Whether the callback is authentic.
     *
     * @param querySecret the value of the secret query parameter, or null when absent
     * @param id the {@code webhook-id} header, or null
     * @param timestamp the {@code webhook-timestamp} header, or null
     * @param signature the {@code webhook-signature} header, or null
     */
    public boolean allows(
            @Nullable String querySecret, @Nullable String id, @Nullable String timestamp, @Nullable String signature) {
        // An unencoded '+' in the secret arrives as a space after query decoding; secrets never contain spaces.
        if (querySecret != null && matchesQuerySecret(querySecret.replace(' ', '+'))) {
            return true;
        }
        if (verifier == null || (id == null && timestamp == null && signature == null)) {
            return false;
        }
        return switch (verifier.verify(id, timestamp, signature, EMPTY_BODY)) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> false;
        };
    }

    /**
     * Compares against every configured secret in constant time. {@link MessageDigest#isEqual} with the configured
     * secret first takes a time that depends only on that secret's length, never on the presented value, so no digest
     * is hashed per request.
     */
    private boolean matchesQuerySecret(String candidate) {
        byte[] presented = candidate.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] expected : secrets) {
            match |= MessageDigest.isEqual(expected, presented);
        }
        return match;
    }
}
