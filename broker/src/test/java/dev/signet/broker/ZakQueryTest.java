package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ZAK route reads its two parameters from the raw query, on the selector thread; other paths still answer. */
@Timeout(60)
class ZakQueryTest {
    @Test
    void zak_withBadPercentEncoding_returns400NamingTheQuery() throws IOException {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            // Java's HTTP client refuses to send a malformed escape, so this request goes over a plain socket.
            String answer = rawGet(fixture, "/zoom/zak?token=" + Fixture.SECRET + "&user=%zz");

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("query string");
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("cache-control: no-store");
        }
    }

    private static String rawGet(Fixture fixture, String pathAndQuery) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), fixture.broker.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void zak_withEncodedUserAndOtherParameters_answersThatUser() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String zak = fixture.zak("&x=1&user=" + Fixture.BOB.replace("@", "%40") + "&user=ignored");

            assertThat(fixture.owner(zak)).isEqualTo(Fixture.BOB);
        }
    }

    @Test
    void otherPaths_stillReachJavalin_afterTheHotPath() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            fixture.zak();

            assertThat(fixture.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(fixture.get("/no-such-path").statusCode()).isEqualTo(404);
            assertThat(fixture.send("POST", "/zoom/zak?token=" + Fixture.SECRET)
                            .headers()
                            .firstValue("Allow"))
                    .hasValue("GET");
        }
    }
}
