package dev.signet.emulator;

import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.signet.emulator.seed.DemoSeed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * With every logger at TRACE, no credential the emulator handles reaches a log line of its own or of Javalin.
 * Jetty's HTTP parser logs raw request headers (Authorization included) at DEBUG, so its lines are left out here:
 * a deployment caps {@code org.eclipse.jetty} at INFO, as the app's logging configuration does.
 */
@Timeout(30)
class LeakTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Fixture f;

    @BeforeEach
    void start() {
        logger.setLevel(Level.TRACE);
        appender.start();
        logger.addAppender(appender);
        f = Fixture.demo();
    }

    @AfterEach
    void stop() {
        f.close();
        logger.detachAppender(appender);
        logger.setLevel(Level.WARN);
    }

    @Test
    void credentials_neverLogged() {
        List<String> secrets = new ArrayList<>(List.of(
                DemoSeed.ACME_S2S_CLIENT_SECRET,
                DemoSeed.ACME_SDK_SECRET,
                DemoSeed.ACME_OAUTH_CLIENT_SECRET,
                DemoSeed.ACME_MEETING_PASSCODE));
        String access = f.acmeToken();
        String zak = f.zak(DemoSeed.NOTETAKER_USER_ID);
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);
        String host = f.startAsHost(DemoSeed.ACME_MEETING);
        String obf = f.obf(DemoSeed.HOST_USER_ID, DemoSeed.ACME_MEETING);
        String signature = f.acmeSignature(DemoSeed.ACME_MEETING, 0);
        secrets.addAll(List.of(access, zak, grant.accessToken(), grant.refreshToken(), obf, signature));
        f.join(DemoSeed.ACME_MEETING, "signature", signature, "display_name", "Bot", "passcode", "wrong", "zak", zak);
        String recording = Fixture.json(f.http.get(
                        "/v2/meetings/" + DemoSeed.ACME_MEETING + "/jointoken/local_recording",
                        "Authorization",
                        "Bearer " + access))
                .get("token")
                .asText();
        secrets.add(recording);
        f.join(
                DemoSeed.ACME_MEETING,
                "signature",
                signature,
                "display_name",
                "Bot",
                "passcode",
                DemoSeed.ACME_MEETING_PASSCODE,
                "recording_token",
                recording);
        Fixture.UserGrant revoked = f.authorize(DemoSeed.NOTETAKER_USER_ID);
        secrets.addAll(List.of(revoked.accessToken(), revoked.refreshToken()));
        f.http.postForm(
                "/oauth/revoke",
                "token=" + revoked.refreshToken(),
                "Authorization",
                TestHttp.basic(DemoSeed.ACME_OAUTH_CLIENT_ID, DemoSeed.ACME_OAUTH_CLIENT_SECRET));
        f.http.postForm("/oauth/revoke", "token=" + revoked.accessToken());
        f.http.postJson(
                "/emulator/admin/users/" + DemoSeed.HOST_USER_ID + "/deauthorize?client_id="
                        + DemoSeed.ACME_OAUTH_CLIENT_ID,
                "");
        assertThat(f.http.get("/emulator/web/meetings/" + DemoSeed.ACME_MEETING).body())
                .doesNotContain(recording);
        assertThat(f.http.get("/emulator/web/apps").body()).doesNotContain(revoked.accessToken());
        f.join(DemoSeed.ACME_MEETING, "signature", signature, "display_name", "Bot", "obf_token", obf, "zak", zak);
        f.http.postJson("/emulator/meetings/" + DemoSeed.ACME_MEETING + "/join", "{\"zak\":\"" + zak + "\"");
        f.http.get("/v2/users/me/token?type=zak", "Authorization", "Bearer " + access);
        f.http.postForm("/oauth/token", "grant_type=refresh_token&refresh_token=" + grant.refreshToken());
        f.http.postJson("/emulator/participants/" + host + "/leave", "");
        assertThat(json(f.http.get("/emulator/meetings/" + DemoSeed.ACME_MEETING))
                        .toString())
                .doesNotContain(DemoSeed.ACME_MEETING_PASSCODE);

        List<ILoggingEvent> events = List.copyOf(appender.list);
        assertThat(events).as("TRACE logging captured something").isNotEmpty();
        for (ILoggingEvent event : events) {
            if (event.getLoggerName().startsWith("org.eclipse.jetty")) {
                continue;
            }
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
