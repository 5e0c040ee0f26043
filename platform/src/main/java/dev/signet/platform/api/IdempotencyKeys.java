package dev.signet.platform.api;

import dev.signet.platform.http.ApiException;
import dev.signet.platform.http.HttpServer;
import dev.signet.platform.http.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on {@code POST} and {@code PATCH}, as Recall honours it: the same key with the same
 * request within the key's life answers the first answer again (status and body); while the first request is
 * in flight, 409; the same key with another request, 422. A key is scoped by the API key that sent it. Only
 * hashes and the first answer are stored (answers show token URLs redacted), so keys hold across restarts and
 * across nodes sharing one database; docs/decisions/0019.
 */
final class IdempotencyKeys {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY = 255;
    private static final String CLAIM = "signet.idempotencyClaim";
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotencyRepository repository;
    private final Clock clock;
    private final Duration ttl;
    private final Duration inFlightLease;

    IdempotencyKeys(IdempotencyRepository repository, Clock clock, Duration ttl, Duration inFlightLease) {
        this.repository = repository;
        this.clock = clock;
        this.ttl = ttl;
        this.inFlightLease = inFlightLease;
    }

    private record Claim(String keyHash, String claimId) {}

    /** Before the endpoint: claims the key, or answers from it and skips the endpoint. */
    void before(Context ctx) {
        HandlerType method = ctx.method();
        if (!method.equals(HandlerType.POST) && !method.equals(HandlerType.PATCH)) {
            return;
        }
        String key = ctx.header(HEADER);
        if (key == null) {
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ValidationException.of(HEADER, "Must be 1 to " + MAX_KEY + " printable ASCII characters.");
        }
        String apiKey = ctx.attribute(HttpServer.API_KEY_ID);
        if (apiKey == null) {
            throw new IllegalStateException("idempotency runs after authentication");
        }
        String keyHash = sha256(utf8(apiKey), utf8(key));
        String requestHash = sha256(utf8(method.name()), utf8(normalized(ctx.path())), ctx.bodyAsBytes());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String claimId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            if (repository.claim(keyHash, requestHash, claimId, now, now.plus(ttl))) {
                ctx.attribute(CLAIM, new Claim(keyHash, claimId));
                return;
            }
            Optional<IdempotencyRepository.Entry> found = repository.find(keyHash);
            if (found.isEmpty()) {
                continue; // expired and swept between the two statements: claim again
            }
            IdempotencyRepository.Entry entry = found.get();
            boolean expired = !entry.expiresAt().isAfter(now);
            boolean abandoned = entry.status() == null && entry.claimedAt().isBefore(now.minus(inFlightLease));
            if (expired || abandoned) {
                if (repository.takeOver(keyHash, requestHash, claimId, now.minus(inFlightLease), now, now.plus(ttl))) {
                    ctx.attribute(CLAIM, new Claim(keyHash, claimId));
                    return;
                }
                continue;
            }
            if (!entry.requestHash().equals(requestHash)) {
                throw new ApiException(
                        422,
                        "idempotency_key_reused",
                        "This Idempotency-Key was already used with another request (method, path or body);"
                                + " use a new key for a new request.");
            }
            Integer status = entry.status();
            if (status == null) {
                ctx.header("Retry-After", "1");
                throw new ApiException(
                        409,
                        "idempotency_key_in_flight",
                        "A request with this Idempotency-Key is still in progress; retry after it has answered.");
            }
            ctx.status(status).header(REPLAYED, "true");
            String response = entry.response();
            if (response != null && !response.isEmpty()) {
                ctx.contentType("application/json").result(response);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        throw new ApiException(
                409, "idempotency_key_in_flight", "The Idempotency-Key is contended; retry the request.");
    }

    /** After the endpoint (and the error mapping): stores the answer, or gives the key back after a 5xx. */
    void after(Context ctx) {
        Claim claim = ctx.attribute(CLAIM);
        if (claim == null) {
            return;
        }
        int status = ctx.statusCode();
        try {
            if (status >= 500) {
                repository.release(claim.keyHash(), claim.claimId());
            } else {
                String body = ctx.result();
                repository.finish(claim.keyHash(), claim.claimId(), status, body == null ? "" : body);
            }
        } catch (RuntimeException e) {
            // The answer still goes out; the key stays in flight until its lease runs out, then a retry runs.
            LOG.warn("could not record an idempotency key's answer ({}): {}", status, e.toString());
        }
    }

    /** {@code /api/v1/bot} and {@code /api/v1/bot/} are one endpoint, and so are doubled slashes. */
    static String normalized(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] bytes : parts) {
                // Length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike.
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
