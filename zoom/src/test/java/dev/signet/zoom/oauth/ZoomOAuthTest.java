package dev.signet.zoom.oauth;

import static dev.signet.zoom.MockZoom.json;
import static dev.signet.zoom.MockZoom.oauthToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.MockZoom;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.http.ZoomExchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ZoomOAuthTest {
    private static final S2sCredentials CREDENTIALS =
            new S2sCredentials("acct id/1", "client-abc", new Secret("client-secret-XYZ"));

    private final MutableClock clock = MutableClock.fixed();
    private MockZoom zoom;
    private ZoomOAuth oauth;

    @BeforeEach
    void start() {
        zoom = MockZoom.start();
        oauth = new ZoomOAuth(MockZoom.http(), zoom.endpoints(), CREDENTIALS, clock);
    }

    @AfterEach
    void stop() {
        zoom.close();
    }

    @Test
    void accessToken_sendsBasicAuthAndFormBody() {
        zoom.enqueue(oauthToken("access-1", 3599));

        assertThat(oauth.accessToken().reveal()).isEqualTo("access-1");

        RecordedRequest request = zoom.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(request.getUrl().query()).isNull();
        String basic =
                Base64.getEncoder().encodeToString("client-abc:client-secret-XYZ".getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + basic);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(MockZoom.body(request)).isEqualTo("grant_type=account_credentials&account_id=acct+id%2F1");
    }

    @Test
    void accessToken_isCachedUntil60SecondsBeforeExpiry() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(oauthToken("access-2", 3600));

        assertThat(oauth.accessToken().reveal()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(3600 - 61));
        assertThat(oauth.accessToken().reveal()).isEqualTo("access-1");
        assertThat(zoom.requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(oauth.accessToken().reveal()).isEqualTo("access-2");
        assertThat(zoom.requestCount()).isEqualTo(2);
    }

    @Test
    void accessToken_shortLivedToken_refreshesAtHalfLife() {
        zoom.enqueue(oauthToken("access-1", 100));
        zoom.enqueue(oauthToken("access-2", 100));

        oauth.accessToken();
        clock.advance(Duration.ofSeconds(49));
        assertThat(oauth.accessToken().reveal()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(oauth.accessToken().reveal()).isEqualTo("access-2");
    }

    @Test
    void accessToken_earlyRefreshFails_keepsCurrentTokenUntilItExpires() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(503, "{\"code\":503,\"message\":\"busy\"}"));
        zoom.enqueue(json(503, "{\"code\":503,\"message\":\"busy\"}"));

        oauth.accessToken();
        clock.advance(Duration.ofSeconds(3560));
        assertThat(oauth.accessToken().reveal()).isEqualTo("access-1");

        clock.advance(Duration.ofSeconds(40));
        assertThatThrownBy(oauth::accessToken).isInstanceOf(ZoomApiException.class);
    }

    @Test
    void invalidate_currentToken_fetchesANewOne() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(oauthToken("access-2", 3600));

        Secret first = oauth.accessToken();
        oauth.invalidate(first);

        assertThat(oauth.accessToken().reveal()).isEqualTo("access-2");
    }

    @Test
    void invalidate_staleToken_keepsTheCurrentOne() {
        zoom.enqueue(oauthToken("access-1", 3600));

        oauth.accessToken();
        oauth.invalidate(new Secret("an-older-token"));

        assertThat(oauth.accessToken().reveal()).isEqualTo("access-1");
        assertThat(zoom.requestCount()).isEqualTo(1);
    }

    @Test
    void accessToken_invalidClient_throwsTypedErrorWithoutTheSecret() {
        zoom.enqueue(json(400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}"));

        assertThatThrownBy(oauth::accessToken)
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEmpty();
                    assertThat(e.error()).contains("invalid_client");
                    assertThat(e.isInvalidClient()).isTrue();
                    assertThat(e.zoomMessage()).isEqualTo("Invalid client_id or client_secret");
                    assertThat(e.trackingId()).isEqualTo("v=2.0;clid=us06;rid=TRACK-400");
                })
                .hasMessage("Zoom answered 400 (invalid_client): Invalid client_id or client_secret")
                .hasMessageNotContaining("client-secret-XYZ");
    }

    @Test
    void accessToken_rateLimited_isAnOAuthErrorCarryingRetryAfter() {
        zoom.enqueue(new MockResponse.Builder(json(429, "{\"code\":429,\"message\":\"Too many requests\"}"))
                .addHeader("Retry-After", "3")
                .build());

        assertThatThrownBy(oauth::accessToken).isInstanceOfSatisfying(ZoomOAuthException.class, e -> {
            assertThat(e.isRateLimited()).isTrue();
            assertThat(e.retryAfter()).contains(clock.instant().plusSeconds(3));
        });
    }

    @Test
    void exchangeListener_seesEveryCallWithItsStatus_andOnTokenSeesEachFetchedToken() {
        List<String> calls = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        ZoomOAuth observed = new ZoomOAuth(
                new ZoomExchange(
                        MockZoom.http(),
                        clock,
                        Duration.ofSeconds(10),
                        (uri, status) -> calls.add(uri.getPath() + " " + status)),
                zoom.endpoints(),
                CREDENTIALS,
                clock,
                token -> tokens.add(token.reveal()));
        zoom.enqueue(json(500, "{}"));
        zoom.enqueue(oauthToken("access-1", 3599));

        assertThatThrownBy(observed::accessToken).isInstanceOf(ZoomOAuthException.class);
        assertThat(observed.accessToken().reveal()).isEqualTo("access-1");
        assertThat(observed.accessToken().reveal()).isEqualTo("access-1");

        assertThat(calls).containsExactly("/oauth/token OptionalInt[500]", "/oauth/token OptionalInt[200]");
        assertThat(tokens).containsExactly("access-1");
    }

    @Test
    void accessToken_serverError_throwsApiException() {
        zoom.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html>Bad gateway</html>")
                .build());

        assertThatThrownBy(oauth::accessToken)
                .isInstanceOfSatisfying(
                        ZoomApiException.class,
                        e -> assertThat(e.isServerError()).isTrue())
                .hasMessage("Zoom answered 502.");
    }

    @Test
    void accessToken_malformedJson_throwsTransportExceptionWithoutTheBody() {
        zoom.enqueue(json(200, "{\"access_token\":\"leaky-token\", oops"));

        assertThatThrownBy(oauth::accessToken)
                .isInstanceOfSatisfying(
                        ZoomTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ZoomTransportException.Kind.MALFORMED))
                .hasMessageNotContaining("leaky-token")
                .hasNoCause();
    }

    @Test
    void accessToken_answerWithoutExpiry_isMalformed() {
        zoom.enqueue(json(200, "{\"access_token\":\"t\"}"));

        assertThatThrownBy(oauth::accessToken)
                .isInstanceOf(ZoomTransportException.class)
                .hasMessageContaining("expires_in");
    }

    @Test
    void accessToken_slowAnswer_timesOut() {
        oauth = new ZoomOAuth(MockZoom.http(), zoom.endpoints(), CREDENTIALS, clock, Duration.ofMillis(200));
        zoom.enqueue(new MockResponse.Builder(oauthToken("late", 3600))
                .headersDelay(2, TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(oauth::accessToken)
                .isInstanceOfSatisfying(
                        ZoomTransportException.class,
                        e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void accessToken_manyConcurrentCallers_shareOneTokenRequest() throws Exception {
        int callers = 50;
        CountDownLatch release = new CountDownLatch(1);
        zoom.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(20, TimeUnit.SECONDS);
                return oauthToken("shared-token", 3600);
            }
        });
        List<Future<Secret>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(oauth::accessToken));
            }
            // Everyone but the caller whose request is held must be parked on the in-flight request.
            await().atMost(Duration.ofSeconds(10)).until(() -> oauth.waitingCallers() == callers - 1);
            assertThat(zoom.requestCount()).isEqualTo(1);
            release.countDown();

            Set<String> tokens = ConcurrentHashMap.newKeySet();
            for (Future<Secret> result : results) {
                tokens.add(result.get(10, TimeUnit.SECONDS).reveal());
            }
            assertThat(tokens).containsExactly("shared-token");
        }
        assertThat(zoom.requestCount()).isEqualTo(1);
    }

    @Test
    void accessToken_concurrentCallers_shareTheFailure() throws Exception {
        int callers = 20;
        CountDownLatch release = new CountDownLatch(1);
        zoom.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(20, TimeUnit.SECONDS);
                return json(400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
            }
        });
        List<Future<Secret>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(oauth::accessToken));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> oauth.waitingCallers() == callers - 1);
            release.countDown();
            for (Future<Secret> result : results) {
                assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ZoomApiException.class);
            }
        }
        assertThat(zoom.requestCount()).isEqualTo(1);
    }

    @Test
    void accessToken_fetchingCallerInterrupted_waiterFetchesItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        zoom.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (requests.incrementAndGet() == 1) {
                    release.await(20, TimeUnit.SECONDS);
                }
                return oauthToken("token-" + requests.get(), 3600);
            }
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            AtomicReference<Thread> leaderThread = new AtomicReference<>();
            Future<Throwable> leader = pool.submit(() -> {
                leaderThread.set(Thread.currentThread());
                Throwable failure = catchThrowable(oauth::accessToken);
                return Thread.interrupted() ? failure : new AssertionError("interrupt flag not restored");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() == 1);
            Future<Secret> waiter = pool.submit(oauth::accessToken);
            await().atMost(Duration.ofSeconds(10)).until(() -> oauth.waitingCallers() == 1);

            java.util.Objects.requireNonNull(leaderThread.get()).interrupt();

            assertThat(leader.get(10, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(
                            ZoomTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(ZoomTransportException.Kind.INTERRUPTED));
            assertThat(waiter.get(10, TimeUnit.SECONDS).reveal()).isEqualTo("token-2");
        } finally {
            release.countDown();
        }
    }

    @Test
    void accessToken_afterFailure_triesAgain() {
        zoom.enqueue(json(500, "{}"));
        zoom.enqueue(oauthToken("access-2", 3600));

        assertThatThrownBy(oauth::accessToken).isInstanceOf(ZoomApiException.class);
        assertThat(oauth.accessToken().reveal()).isEqualTo("access-2");
    }

    @Test
    void credentials_rejectBlankFieldsAndColonInClientId() {
        Secret secret = new Secret("s");
        assertThatThrownBy(() -> new S2sCredentials(" ", "c", secret)).hasMessageContaining("accountId");
        assertThatThrownBy(() -> new S2sCredentials("a", "", secret)).hasMessageContaining("clientId");
        assertThatThrownBy(() -> new S2sCredentials("a", "c:d", secret)).hasMessageContaining("':'");
        assertThat(new S2sCredentials("a", "c", secret).toString())
                .doesNotContain("=s,")
                .contains("***");
    }
}
