package dev.signet.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.token.TokenResult.FailureKind;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookSigner;
import dev.signet.webhooks.WebhookVerifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TokenFetcherTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ZAK = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ6YWsiOiJ0ZXN0In0.c2lnbmF0dXJl";

    private final MutableClock clock = MutableClock.fixed();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();
    private final TokenFetcherSettings settings = new TokenFetcherSettings(
            true,
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            3,
            Duration.ofMillis(250),
            Duration.ofSeconds(15),
            4096);

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TokenFetcher fetcher(TokenFetcherSettings settings, Map<String, List<InetAddress>> names) {
        AddressResolver resolver = host -> {
            List<InetAddress> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException("tests resolve only their own names: " + host);
            }
            return addresses;
        };
        return new TokenFetcher(
                settings,
                new WebhookSigner(List.of(WebhookSecret.parse(SECRET))),
                clock,
                resolver,
                duration -> {
                    pauses.add(duration);
                    clock.advance(duration);
                },
                endpoint -> {
                    connects.add(endpoint);
                    if (!endpoint.getAddress().isLoopbackAddress()) {
                        throw new AssertionError("a test tried to connect off loopback: " + endpoint);
                    }
                });
    }

    private TokenFetcher fetcher() {
        return fetcher(settings, Map.of());
    }

    private Secret url() {
        return Secret.of("http://127.0.0.1:" + server.getPort() + "/zak?user=notetaker&token=query-secret");
    }

    private void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private static TokenResult.Failed failed(TokenResult result, FailureKind kind) {
        assertThat(result).isInstanceOf(TokenResult.Failed.class);
        TokenResult.Failed failed = (TokenResult.Failed) result;
        assertThat(failed.kind()).as(failed.reason()).isEqualTo(kind);
        assertThat(failed.reason())
                .doesNotContain("query-secret")
                .doesNotContain("/zak")
                .doesNotContain(ZAK);
        return failed;
    }

    @Test
    void fetch_200_returnsTrimmedTokenAndSendsSignedEmptyBodyGet() throws Exception {
        enqueue(200, ZAK + "\r\n");

        TokenResult result = fetcher().fetch(url());

        assertThat(result).isEqualTo(new TokenResult.Fetched(Secret.of(ZAK)));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/zak?user=notetaker&token=query-secret");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        WebhookVerifier verifier = new WebhookVerifier(
                List.of(WebhookSecret.parse(SECRET)), Duration.ofMinutes(5), clock, ReplayGuard.none());
        Verification verification = verifier.verify(
                request.getHeaders().get("webhook-id"),
                request.getHeaders().get("webhook-timestamp"),
                request.getHeaders().get("webhook-signature"),
                new byte[0]);
        assertThat(verification).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void fetch_htmlContentTypeWithTokenBody_isAccepted() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body(ZAK)
                .build());

        assertThat(fetcher().fetch(url())).isEqualTo(new TokenResult.Fetched(Secret.of(ZAK)));
    }

    @Test
    void fetch_htmlPage_isBadBody() {
        enqueue(200, "<!doctype html><html><body>Sign in</body></html>");

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_BODY).reason())
                .contains("answered 200");
    }

    @Test
    void fetch_markupWithoutSpaces_isBadBody() {
        enqueue(200, "<html>" + ZAK + "</html>");

        failed(fetcher().fetch(url()), FailureKind.BAD_BODY);
    }

    @Test
    void fetch_emptyBody_isBadBody() {
        enqueue(200, "  \n");

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_BODY).reason())
                .contains("empty");
    }

    @Test
    void fetch_innerWhitespace_isBadBody() {
        enqueue(200, "abc def");

        failed(fetcher().fetch(url()), FailureKind.BAD_BODY);
    }

    @Test
    void fetch_jsonBody_isBadBody() {
        enqueue(200, "{\"token\": \"" + ZAK + "\"}");

        failed(fetcher().fetch(url()), FailureKind.BAD_BODY);
    }

    @Test
    void fetch_tokenLongerThan512_isBadBody() {
        enqueue(200, "a".repeat(513));

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_BODY).reason())
                .contains("512");
    }

    @Test
    void fetch_tokenOf512_isAccepted() {
        enqueue(200, "a".repeat(512));

        assertThat(fetcher().fetch(url())).isInstanceOf(TokenResult.Fetched.class);
    }

    @Test
    void fetch_oversizedBody_isBadBodyWithoutReadingItAll() {
        enqueue(200, "a".repeat(1_000_000));

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_BODY).reason())
                .contains("4096 bytes");
    }

    @Test
    void fetch_401_failsWithoutRetry() {
        enqueue(401, "bad secret");

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_STATUS).reason())
                .contains("answered 401");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fetch_404_failsWithoutRetry() {
        enqueue(404, "");

        assertThat(failed(fetcher().fetch(url()), FailureKind.NOT_FOUND).reason())
                .contains("answered 404");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fetch_500ThenOk_retriesWithBackoffAndFreshWebhookIds() throws Exception {
        enqueue(500, "oops");
        enqueue(503, "busy");
        enqueue(200, ZAK);

        assertThat(fetcher().fetch(url())).isEqualTo(new TokenResult.Fetched(Secret.of(ZAK)));

        assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        List<String> ids = List.of(
                server.takeRequest().getHeaders().get("webhook-id"),
                server.takeRequest().getHeaders().get("webhook-id"),
                server.takeRequest().getHeaders().get("webhook-id"));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("msg_"));
    }

    @Test
    void fetch_500Always_failsAfterMaxAttempts() {
        enqueue(500, "");
        enqueue(500, "");
        enqueue(500, "");

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_STATUS).reason())
                .contains("after 3 attempts");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void fetch_429WithRetryAfter_waitsThatLong() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3")
                .build());
        enqueue(200, ZAK);

        assertThat(fetcher().fetch(url())).isInstanceOf(TokenResult.Fetched.class);
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void fetch_busyWithRetryAfter_isRetriedWithinTheBudgetWithoutUsingUpAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(i % 2 == 0 ? 503 : 429)
                    .setHeader("Retry-After", "1")
                    .build());
        }
        enqueue(200, ZAK);

        assertThat(fetcher().fetch(url())).isInstanceOf(TokenResult.Fetched.class);
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(pauses).hasSize(5).allMatch(Duration.ofSeconds(1)::equals);
    }

    @Test
    void fetch_busyWithRetryAfterPastTheBudget_fails() {
        for (int i = 0; i < 40; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .setHeader("Retry-After", "1")
                    .build());
        }

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_STATUS).reason())
                .contains("budget");
        assertThat(Duration.ofSeconds(pauses.size())).isLessThanOrEqualTo(settings.budget());
    }

    @Test
    void fetch_429RetryAfterBeyondBudget_failsAtOnce() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .build());

        assertThat(failed(fetcher().fetch(url()), FailureKind.BAD_STATUS).reason())
                .contains("budget");
        assertThat(pauses).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fetch_redirect_isNotFollowed() {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://169.254.169.254/latest/meta-data/")
                .build());

        failed(fetcher().fetch(url()), FailureKind.REDIRECT);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(connects).allMatch(endpoint -> endpoint.getAddress().isLoopbackAddress());
    }

    @Test
    void fetch_serverNeverAnswers_timesOutAfterRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body(ZAK)
                    .headersDelay(5, TimeUnit.SECONDS)
                    .build());
        }

        assertThat(failed(fetcher().fetch(url()), FailureKind.TIMEOUT).reason()).contains("timed out");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void fetch_slowBody_timesOut() {
        TokenFetcherSettings once = new TokenFetcherSettings(
                true,
                Duration.ofSeconds(2),
                Duration.ofMillis(500),
                1,
                Duration.ofMillis(250),
                Duration.ofSeconds(15),
                4096);
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(ZAK)
                .throttleBody(1, 100, TimeUnit.MILLISECONDS)
                .build());

        failed(fetcher(once, Map.of()).fetch(url()), FailureKind.TIMEOUT);
    }

    @Test
    void fetch_connectionRefused_isNetworkFailure() throws Exception {
        int port = server.getPort();
        server.close();

        TokenResult result = fetcher().fetch(Secret.of("http://127.0.0.1:" + port + "/zak?token=query-secret"));

        failed(result, FailureKind.NETWORK);
    }

    @Test
    void fetch_plainHttpWithoutLoopbackFlag_isRejectedBeforeAnyConnect() {
        TokenFetcherSettings strict = TokenFetcherSettings.defaults(false);

        TokenResult result = fetcher(strict, Map.of()).fetch(url());

        assertThat(failed(result, FailureKind.INVALID_URL).reason()).contains("not https");
        assertThat(server.getRequestCount()).isZero();
        assertThat(connects).isEmpty();
    }

    @Test
    void fetch_notAnHttpUrl_isInvalid() {
        failed(fetcher().fetch(Secret.of("ftp://example.com/zak")), FailureKind.INVALID_URL);
        failed(fetcher().fetch(Secret.of("not a url")), FailureKind.INVALID_URL);
    }

    @Test
    void fetch_hostNameResolvedByInjectedResolver_connectsToTheCheckedAddress() {
        enqueue(200, ZAK);
        TokenFetcher fetcher = fetcher(settings, Map.of("broker.test", List.of(InetAddress.getLoopbackAddress())));

        TokenResult result = fetcher.fetch(Secret.of("http://broker.test:" + server.getPort() + "/zak"));

        assertThat(result).isInstanceOf(TokenResult.Fetched.class);
        assertThat(connects).extracting(InetSocketAddress::getAddress).containsOnly(InetAddress.getLoopbackAddress());
    }

    @Test
    void fetch_unknownHost_isNetworkFailure() {
        failed(fetcher().fetch(Secret.of("https://nowhere.test/zak?token=query-secret")), FailureKind.NETWORK);
        assertThat(connects).isEmpty();
    }
}
