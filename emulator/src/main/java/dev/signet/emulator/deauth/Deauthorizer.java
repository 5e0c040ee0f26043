package dev.signet.emulator.deauth;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.OAuthApp;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.oauth.Authorizations;
import dev.signet.emulator.secret.RandomTokens;
import dev.signet.emulator.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A user removes an app: the emulator deletes their grant (tokens included) and posts Zoom's {@code
 * app_deauthorized} event to the app's event URL, on the caller's thread, so the caller learns the receiver's answer.
 */
public final class Deauthorizer {
    /** What happened: who removed which app, when, and what the app's endpoint answered. */
    public record Outcome(User user, OAuthApp app, Instant at, Delivery delivery) {}

    private static final DateTimeFormatter ZOOM_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Directory directory;
    private final Authorizations authorizations;
    private final EventNotifier notifier;
    private final RandomTokens random;
    private final Json json;
    private final Clock clock;

    public Deauthorizer(
            Directory directory,
            Authorizations authorizations,
            EventNotifier notifier,
            RandomTokens random,
            Json json,
            Clock clock) {
        this.directory = directory;
        this.authorizations = authorizations;
        this.notifier = notifier;
        this.random = random;
        this.json = json;
        this.clock = clock;
    }

    /** Removes app {@code clientId} for user {@code userIdOrEmail}; 404 for unknowns, 409 when never authorized. */
    public Outcome deauthorize(String userIdOrEmail, String clientId) {
        User user = directory
                .findUser(userIdOrEmail)
                .orElseThrow(() -> EmulatorException.notFound("user " + userIdOrEmail));
        OAuthApp app = directory
                .findOAuthApp(clientId)
                .orElseThrow(() -> EmulatorException.notFound("user-level OAuth app " + clientId));
        if (authorizations.deauthorize(app.clientId(), user.id()).isEmpty()) {
            throw EmulatorException.conflict("user " + user.id() + " has not authorized app " + app.clientId());
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        URI eventUrl = app.eventUrl();
        Secret secretToken = app.secretToken();
        Delivery delivery = eventUrl == null || secretToken == null
                ? Delivery.notConfigured()
                : notifier.post(eventUrl, secretToken, json.write(event(user, app, at)), at);
        return new Outcome(user, app, at, delivery);
    }

    /** Zoom's {@code app_deauthorized} event body, fields in Zoom's order. */
    private Map<String, Object> event(User user, OAuthApp app, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", user.accountId());
        payload.put("user_id", user.id());
        // Zoom's own opaque value (once meant for its retired Data Compliance API); receivers verify the headers.
        payload.put("signature", random.hex(32));
        payload.put("deauthorization_time", ZOOM_TIME.format(at));
        payload.put("client_id", app.clientId());
        payload.put("user_data_retention", "false");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "app_deauthorized");
        body.put("event_ts", at.toEpochMilli());
        body.put("payload", payload);
        return body;
    }

    /** The time as Zoom writes it in events, e.g. {@code 2019-06-17T13:52:28.632Z}. */
    public static String zoomTime(Instant at) {
        return ZOOM_TIME.format(at);
    }
}
