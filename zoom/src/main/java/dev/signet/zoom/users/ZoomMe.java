package dev.signet.zoom.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomEndpoints;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.ZoomTransportException.Kind;
import dev.signet.zoom.http.ZoomExchange;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Zoom's Users API as the signed-in user, with a user-level OAuth access token: who the user is ({@code GET
 * /users/me}) and on-behalf-of tokens ({@code GET /users/me/token?type=onbehalf&meeting_id=…}, scope
 * {@code user:read:token}). The caller passes the access token and handles 401 code 124 (refresh, then retry);
 * nothing is cached, and an OBF token is single-use, so every call mints a new one.
 */
public final class ZoomMe {
    private final ZoomExchange exchange;
    private final ZoomEndpoints endpoints;
    private final Clock clock;

    /**
     * @param timeout deadline for one call to Zoom
     */
    public ZoomMe(HttpClient http, ZoomEndpoints endpoints, Clock clock, Duration timeout) {
        this(new ZoomExchange(http, clock, timeout), endpoints, clock);
    }

    /** Calls Zoom through {@code exchange} (its timeout is the deadline of one call). */
    public ZoomMe(ZoomExchange exchange, ZoomEndpoints endpoints, Clock clock) {
        this.exchange = exchange;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /**
     * The user the access token belongs to.
     *
     * @throws dev.signet.zoom.ZoomException when Zoom refuses or does not answer
     */
    public SignedInUser me(Secret accessToken) {
        JsonNode body = get("/users/me", "GET /users/me", accessToken);
        String id = ZoomUsers.text(body, "id");
        String email = ZoomUsers.text(body, "email");
        if (id.isBlank() || email.isBlank()) {
            throw new ZoomTransportException(Kind.MALFORMED, "Zoom's /users/me answer has no id or email", null);
        }
        String name = ZoomUsers.text(body, "display_name").strip();
        if (name.isEmpty()) {
            name = (ZoomUsers.text(body, "first_name") + " " + ZoomUsers.text(body, "last_name")).strip();
        }
        return new SignedInUser(id, email, ZoomUsers.text(body, "account_id"), name.isEmpty() ? email : name);
    }

    /**
     * Mints a fresh on-behalf-of token for one meeting. {@link UserToken#expiresAt()} is a nominal two hours; Zoom
     * binds the token to the meeting and to one use.
     *
     * @param meetingId the meeting number, digits only
     * @throws dev.signet.zoom.ZoomException when Zoom refuses or does not answer
     */
    public UserToken onBehalfToken(Secret accessToken, String meetingId) {
        if (meetingId == null || !meetingId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("meetingId must be digits: " + meetingId);
        }
        Instant mintedAt = clock.instant();
        JsonNode body = get(
                "/users/me/token?type=" + TokenType.ONBEHALF.wire() + "&meeting_id=" + meetingId,
                "GET /users/me/token?type=onbehalf",
                accessToken);
        return new UserToken(Secret.of(ZoomUsers.validToken(body)), mintedAt, mintedAt.plus(ZoomUsers.DEFAULT_TTL));
    }

    private JsonNode get(String pathAndQuery, String what, Secret accessToken) {
        return exchange.send(
                HttpRequest.newBuilder(endpoints.api(pathAndQuery))
                        .header("Authorization", "Bearer " + accessToken.reveal())
                        .header("Accept", "application/json")
                        .GET(),
                what,
                List.of(accessToken.reveal()));
    }

    @Override
    public String toString() {
        return "ZoomMe[" + endpoints.apiBase() + "]";
    }
}
