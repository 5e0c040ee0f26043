package dev.signet.zoom.users;

import static dev.signet.zoom.MockZoom.json;
import static dev.signet.zoom.MockZoom.oauthToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.MockZoom;
import dev.signet.zoom.oauth.S2sCredentials;
import dev.signet.zoom.oauth.ZoomOAuth;
import dev.signet.zoom.sdk.SdkCredentials;
import dev.signet.zoom.sdk.SdkSigner;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Runs every failure path with Zoom echoing secrets back, and scans messages, toStrings and logs for them. */
@Timeout(30)
class NoLeakTest {
    private static final String CLIENT_SECRET = "CLIENT-SECRET-q9w8e7";
    private static final String ACCESS_1 = "ACCESS-TOKEN-ONE-a1b2c3";
    private static final String ACCESS_2 = "ACCESS-TOKEN-TWO-d4e5f6";
    private static final String ZAK = "ZAK-TOKEN-z9y8x7";
    private static final String SDK_SECRET = "SDK-SECRET-m1n2b3";
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS_1, ACCESS_2, ZAK, SDK_SECRET);

    private final MutableClock clock = MutableClock.fixed();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger zoomLogger = (Logger) LoggerFactory.getLogger("dev.signet.zoom");
    private @Nullable Level previousLevel;
    private MockZoom zoom;
    private ZoomUsers users;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        previousLevel = zoomLogger.getLevel();
        zoomLogger.setLevel(Level.TRACE);
        logs.start();
        zoomLogger.addAppender(logs);
        zoom = MockZoom.start();
        ZoomOAuth oauth = new ZoomOAuth(
                MockZoom.http(), zoom.endpoints(), new S2sCredentials("acct", "cid", new Secret(CLIENT_SECRET)), clock);
        users = new ZoomUsers(MockZoom.http(), zoom.endpoints(), oauth, clock);
        seen.add(oauth.toString());
        seen.add(users.toString());
    }

    @AfterEach
    void stop() {
        zoomLogger.detachAppender(logs);
        zoomLogger.setLevel(previousLevel);
        zoom.close();
    }

    private void record(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            seen.add(String.valueOf(t.getMessage()));
            seen.add(t.toString());
        }
    }

    @Test
    void noSecretReachesAMessageAToStringOrALog() {
        // OAuth refuses and quotes the client secret back.
        zoom.enqueue(json(400, "{\"reason\":\"bad secret " + CLIENT_SECRET + "\",\"error\":\"invalid_client\"}"));
        record(catchThrowable(() -> users.token("u@example.com", TokenType.ZAK, null, null)));

        // OAuth answers malformed JSON containing the token.
        zoom.enqueue(json(200, "{\"access_token\":\"" + ACCESS_1 + "\",,}"));
        record(catchThrowable(() -> users.token("u@example.com", TokenType.ZAK, null, null)));

        // Zoom refuses the token, quoting it in the message and the tracking id, twice.
        zoom.enqueue(oauthToken(ACCESS_1, 3600));
        zoom.enqueue(new MockResponse.Builder(
                        json(401, "{\"code\":124,\"message\":\"Invalid access token " + ACCESS_1 + "\"}"))
                .setHeader("x-zm-trackingid", "rid=" + ACCESS_1)
                .build());
        zoom.enqueue(oauthToken(ACCESS_2, 3600));
        zoom.enqueue(json(401, "{\"code\":124,\"message\":\"Invalid access token " + ACCESS_2 + "\"}"));
        zoom.enqueue(oauthToken(ACCESS_2, 3600));
        record(catchThrowable(() -> users.token("u@example.com", TokenType.ZAK, null, null)));

        // A token answer that is malformed (has a space) and one that is fine.
        zoom.enqueue(json(200, "{\"token\":\"" + ZAK + " extra\"}"));
        record(catchThrowable(() -> users.token("u@example.com", TokenType.ZAK, null, null)));
        zoom.enqueue(json(200, "{\"token\":\"" + ZAK + "\"}"));
        UserToken token = users.token("u@example.com", TokenType.ZAK, null, null);
        assertThat(token.token().reveal()).isEqualTo(ZAK);
        seen.add(token.toString());

        SdkCredentials sdk = new SdkCredentials("key", new Secret(SDK_SECRET));
        seen.add(sdk.toString());
        seen.add(new SdkSigner(sdk, clock).sign("123456789", 0).toString());
        seen.add(new S2sCredentials("acct", "cid", new Secret(CLIENT_SECRET)).toString());
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));

        assertThat(logs.list).isNotEmpty();
        assertThat(seen).hasSizeGreaterThan(10);
        for (String text : seen) {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
