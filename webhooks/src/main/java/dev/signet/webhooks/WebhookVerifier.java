package dev.signet.webhooks;

import dev.signet.webhooks.Verification.Invalid;
import dev.signet.webhooks.Verification.Reason;
import dev.signet.webhooks.Verification.Valid;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Standard Webhooks headers: signature, timestamp tolerance and replay.
 *
 * <p>Checks run cheapest first and the replay guard last, so only authentic messages are remembered: a flood of
 * forged requests cannot push real ids out of the guard. Expected failures are {@link Invalid} values, never
 * exceptions. Thread-safe if the replay guard is (both built-in guards are).
 */
public final class WebhookVerifier {
    /** More digits than this cannot be a plausible unix time and could overflow; 18 digits is ~31 billion years. */
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private static final String V1_PREFIX = "v1,";

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;
    private final Clock clock;
    private final ReplayGuard replayGuard;

    /**
     * A verifier accepting a signature by any of {@code secrets} (several during rotation).
     *
     * @param tolerance how far the timestamp may lie from now, in either direction (Standard Webhooks suggests five
     *     minutes); use the same duration as the replay guard's window
     * @throws IllegalArgumentException if {@code secrets} is empty or {@code tolerance} is not positive
     */
    public WebhookVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock, ReplayGuard replayGuard) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook verifier needs at least one secret");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("webhook timestamp tolerance must be positive: " + tolerance);
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
        this.replayGuard = replayGuard;
    }

    /**
     * Verifies one message from its three header values (as received, {@code null} when absent) and its exact body.
     *
     * @param body the raw bytes received, before any parsing; empty for token callbacks
     */
    public Verification verify(
            @Nullable String id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (id == null
                || id.isBlank()
                || timestamp == null
                || timestamp.isBlank()
                || signature == null
                || signature.isBlank()) {
            return new Invalid(Reason.MISSING_HEADERS);
        }
        Optional<Instant> sent = parseTimestamp(timestamp);
        if (sent.isEmpty()) {
            return new Invalid(Reason.BAD_TIMESTAMP);
        }
        // Bounds derive from now, never from the sender's timestamp, which may sit next to Instant.MAX.
        Instant now = clock.instant();
        if (sent.get().isBefore(now.minus(tolerance))) {
            return new Invalid(Reason.TOO_OLD);
        }
        if (sent.get().isAfter(now.plus(tolerance))) {
            return new Invalid(Reason.TOO_NEW);
        }
        if (!anySignatureMatches(id, timestamp, signature, body)) {
            return new Invalid(Reason.NO_MATCHING_SIGNATURE);
        }
        if (!replayGuard.firstSeen(id, sent.get())) {
            return new Invalid(Reason.REPLAYED);
        }
        return new Valid(id);
    }

    /** Unix seconds as plain ASCII digits; signs, spaces, fractions and Unicode digits are all rejected. */
    private static Optional<Instant> parseTimestamp(String text) {
        if (text.length() > MAX_TIMESTAMP_DIGITS) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        long seconds = Long.parseLong(text);
        if (seconds > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    /**
     * Compares every {@code v1,} entry with the MAC under every secret, in constant time per comparison. Entries of
     * other versions (a future {@code v1a,} scheme) and undecodable entries are skipped, as the spec asks.
     */
    private boolean anySignatureMatches(String id, String timestamp, String header, byte[] body) {
        List<byte[]> expected = new ArrayList<>(secrets.size());
        for (WebhookSecret secret : secrets) {
            expected.add(HmacSha256.sign(secret, id, timestamp, body));
        }
        boolean matched = false;
        for (String entry : header.strip().split("\\s+", -1)) {
            if (!entry.startsWith(V1_PREFIX)) {
                continue;
            }
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(entry.substring(V1_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                continue; // not base64: cannot match; other entries still may
            }
            for (byte[] mac : expected) {
                // No early exit: the work done does not depend on which entry or secret matched.
                matched |= MessageDigest.isEqual(mac, candidate);
            }
        }
        return matched;
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + secrets.size() + ", tolerance=" + tolerance + ", replayGuard=" + replayGuard
                + "]";
    }
}
