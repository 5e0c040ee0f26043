package dev.signet.zoom.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomEndpoints;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.ZoomTransportException.Kind;
import dev.signet.zoom.http.ZoomExchange;
import dev.signet.zoom.oauth.TokenSource;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoom's Users API: mints user tokens ({@code GET /users/{userId}/token}, always with {@code type}) and reads users.
 * Access tokens come from a {@link TokenSource}; when Zoom refuses one (401, code 124) it is dropped and the call is
 * retried once with a fresh one.
 */
public final class ZoomUsers {
    /** Default deadline for one call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Zoom's default token life when no ttl is asked for. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(2);

    /** Zoom's maximum ttl. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private static final int MAX_TOKEN_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(ZoomUsers.class);

    private final ZoomExchange exchange;
    private final ZoomEndpoints endpoints;
    private final TokenSource tokens;
    private final Clock clock;

    public ZoomUsers(HttpClient http, ZoomEndpoints endpoints, TokenSource tokens, Clock clock) {
        this(http, endpoints, tokens, clock, DEFAULT_TIMEOUT);
    }

    /**
     * @param timeout deadline for one call to Zoom
     */
    public ZoomUsers(HttpClient http, ZoomEndpoints endpoints, TokenSource tokens, Clock clock, Duration timeout) {
        this(new ZoomExchange(http, clock, timeout), endpoints, tokens, clock);
    }

    /** Calls Zoom through {@code exchange} (its timeout is the deadline of one call). */
    public ZoomUsers(ZoomExchange exchange, ZoomEndpoints endpoints, TokenSource tokens, Clock clock) {
        this.exchange = exchange;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Mints a user token.
     *
     * @param userId Zoom user id or email
     * @param type {@code zak} or {@code onbehalf}
     * @param ttl life to ask for (1 s to 365 days); null for Zoom's default of 2 h
     * @param meetingId the meeting an OBF token is for (required for {@link TokenType#ONBEHALF})
     * @throws dev.signet.zoom.ZoomException when Zoom refuses or does not answer
     */
    public UserToken token(String userId, TokenType type, @Nullable Duration ttl, @Nullable String meetingId) {
        requireUser(userId);
        if (ttl != null && (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0)) {
            throw new IllegalArgumentException("ttl must be between 1 s and 31536000 s: " + ttl);
        }
        if (meetingId != null && !meetingId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("meetingId must be digits: " + meetingId);
        }
        if (type == TokenType.ONBEHALF && meetingId == null) {
            throw new IllegalArgumentException("an onbehalf token needs a meetingId");
        }
        StringBuilder path = new StringBuilder("/users/")
                .append(segment(userId))
                .append("/token?type=")
                .append(type.wire());
        if (ttl != null) {
            path.append("&ttl=").append(ttl.toSeconds());
        }
        if (meetingId != null) {
            path.append("&meeting_id=").append(meetingId);
        }
        Instant mintedAt = clock.instant();
        JsonNode body = call(path.toString(), "GET /users/{userId}/token?type=" + type.wire());
        Secret token = new Secret(validToken(body));
        LOG.debug("Zoom minted a {} token for {}", type.wire(), userId);
        return new UserToken(token, mintedAt, mintedAt.plus(ttl == null ? DEFAULT_TTL : ttl));
    }

    /**
     * Reads a user.
     *
     * @param userId Zoom user id or email
     */
    public ZoomUser user(String userId) {
        requireUser(userId);
        JsonNode body = call("/users/" + segment(userId), "GET /users/{userId}");
        String id = text(body, "id");
        String email = text(body, "email");
        if (id.isBlank() || email.isBlank()) {
            throw new ZoomTransportException(Kind.MALFORMED, "Zoom's user answer has no id or email", null);
        }
        String name = text(body, "display_name").strip();
        if (name.isEmpty()) {
            name = (text(body, "first_name") + " " + text(body, "last_name")).strip();
        }
        String pic = text(body, "pic_url");
        return new ZoomUser(id, email, name.isEmpty() ? email : name, pic.isBlank() ? null : pic);
    }

    /** Calls Zoom with an access token; on 401/124 drops it and tries once more with a new one. */
    private JsonNode call(String pathAndQuery, String what) {
        Function<Secret, JsonNode> once = access -> exchange.send(
                HttpRequest.newBuilder(endpoints.api(pathAndQuery))
                        .header("Authorization", "Bearer " + access.reveal())
                        .header("Accept", "application/json")
                        .GET(),
                what,
                List.of(access.reveal()));
        Secret access = tokens.accessToken();
        try {
            return once.apply(access);
        } catch (ZoomApiException e) {
            if (!e.isInvalidAccessToken()) {
                throw e;
            }
            LOG.debug("Zoom refused the access token ({}); retrying once with a new one", e.zoomMessage());
            tokens.invalidate(access);
        }
        Secret fresh = tokens.accessToken();
        try {
            return once.apply(fresh);
        } catch (ZoomApiException e) {
            if (e.isInvalidAccessToken()) {
                // No second retry, but do not hand the refused token to the next caller either.
                tokens.invalidate(fresh);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "ZoomUsers[" + endpoints.apiBase() + "]";
    }

    static String validToken(JsonNode body) {
        String token = text(body, "token");
        if (token.isEmpty()
                || token.length() > MAX_TOKEN_LENGTH
                || !token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ZoomTransportException(
                    Kind.MALFORMED, "Zoom's token answer is malformed: expected printable ASCII up to 512 chars", null);
        }
        return token;
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() ? node.asText() : "";
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }

    /** A path segment: URL-encoded, with spaces as %20 rather than the form encoding's '+'. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
