package dev.signet.platform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.signet.platform.token.TokenResult.FailureKind;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Token fetches over real IPv6 sockets (on {@code ::1} only). The build's default test run sets
 * {@code java.net.preferIPv4Stack=true}, where these skip; the {@code address-tests-ipv6} surefire execution runs the
 * address tests again without it.
 */
@Timeout(30)
class Ipv6LoopbackTest {
    private final MockWebServer server = new MockWebServer();
    private final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assumeFalse(Boolean.getBoolean("java.net.preferIPv4Stack"), "IPv4-only run: the IPv6 execution covers this");
        server.start(ipv6Loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** {@code ::1}, built from its bytes (no name lookup). */
    private static InetAddress ipv6Loopback() throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        return InetAddress.getByAddress(bytes);
    }

    private TokenFetcher fetcher(boolean allowLoopback, List<InetAddress> addresses) {
        return new TokenFetcher(
                TokenFetcherSettings.defaults(allowLoopback),
                null,
                MutableClock.fixed(),
                host -> {
                    if (!host.equals("tokens.example")) {
                        throw new UnknownHostException(host);
                    }
                    return addresses;
                },
                d -> {},
                endpoint -> {
                    connects.add(endpoint);
                    if (!endpoint.getAddress().isLoopbackAddress()) {
                        throw new AssertionError("a test tried to connect off loopback: " + endpoint);
                    }
                });
    }

    @Test
    void fetch_ipv6LoopbackLiteral_withLoopbackAllowed_reachesTheServerOverIpv6() throws Exception {
        server.enqueue(new MockResponse.Builder().body("zak-over-ipv6").build());

        TokenResult result = fetcher(true, List.of()).fetch(Secret.of("http://[::1]:" + server.getPort() + "/zak"));

        assertThat(result).isEqualTo(new TokenResult.Fetched(Secret.of("zak-over-ipv6")));
        assertThat(connects)
                .singleElement()
                .satisfies(c -> assertThat(c.getAddress().getHostAddress()).isIn("0:0:0:0:0:0:0:1", "::1"));
    }

    @Test
    void fetch_ipv6Loopback_withoutLoopbackAllowed_isRefusedWithoutConnecting() throws Exception {
        TokenResult literal = fetcher(false, List.of()).fetch(Secret.of("https://[::1]:" + server.getPort() + "/zak"));
        TokenResult named = fetcher(false, List.of(ipv6Loopback()))
                .fetch(Secret.of("https://tokens.example:" + server.getPort() + "/zak"));

        for (TokenResult result : List.of(literal, named)) {
            assertThat(result).isInstanceOfSatisfying(TokenResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
                assertThat(failed.reason()).contains("loopback address");
            });
        }
        assertThat(connects).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }
}
