package dev.signet.platform.token;

import dev.signet.platform.time.Pause;
import dev.signet.platform.token.TokenResult.FailureKind;
import dev.signet.secrets.Secret;
import dev.signet.webhooks.SignedHeaders;
import dev.signet.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a token from a token URL ({@code zak_url}) the SSRF-safe way of CONTRACTS.md §3: https only (plain http
 * only to loopback when allowed), public addresses only and the connection made to the very address checked, no
 * redirects, connect and total timeouts, a capped body judged by its content, retries with backoff on network
 * errors, 5xx and 429 ({@code Retry-After}) within a budget, and Standard Webhooks headers on every attempt.
 *
 * <p>Failure reasons name the URL's origin at most, never its path, query or the token. Thread-safe.
 */
public final class TokenFetcher {
    private static final Logger log = LoggerFactory.getLogger(TokenFetcher.class);
    private static final byte[] EMPTY = new byte[0];

    private final TokenFetcherSettings settings;
    private final @Nullable WebhookSigner signer;
    private final Clock clock;
    private final Pause pause;
    private final OkHttpClient httpsClient;
    private final OkHttpClient httpClient;

    /** A fetcher; tests inject a resolver that maps names to any address, and a pause that moves their clock. */
    public TokenFetcher(
            TokenFetcherSettings settings,
            @Nullable WebhookSigner signer,
            Clock clock,
            AddressResolver resolver,
            Pause pause) {
        this(settings, signer, clock, resolver, pause, endpoint -> {});
    }

    TokenFetcher(
            TokenFetcherSettings settings,
            @Nullable WebhookSigner signer,
            Clock clock,
            AddressResolver resolver,
            Pause pause,
            Consumer<InetSocketAddress> onConnect) {
        this.settings = settings;
        this.signer = signer;
        this.clock = clock;
        this.pause = pause;
        this.httpsClient = client(resolver, new AddressPolicy(settings.allowLoopback(), false), onConnect);
        this.httpClient = client(resolver, new AddressPolicy(true, true), onConnect);
    }

    private OkHttpClient client(AddressResolver resolver, AddressPolicy policy, Consumer<InetSocketAddress> onConnect) {
        return new OkHttpClient.Builder()
                .dns(new GuardedDns(resolver, policy))
                .socketFactory(new GuardedSocketFactory(policy, onConnect))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.callTimeout())
                .writeTimeout(settings.callTimeout())
                .callTimeout(settings.callTimeout())
                .build();
    }

    /** GETs {@code url} (query preserved) and returns the token in its body, or why it failed. */
    public TokenResult fetch(Secret url) {
        return fetch(url, Map.of());
    }

    /**
     * GETs {@code url} with {@code appended} added to its query (CONTRACTS.md §3: {@code meeting_id} and {@code
     * bot_id} for OBF and join-token URLs; the existing query is kept) and returns the token in its body.
     */
    public TokenResult fetch(Secret url, Map<String, String> appended) {
        HttpUrl parsed = HttpUrl.parse(url.reveal());
        if (parsed == null) {
            return new TokenResult.Failed(FailureKind.INVALID_URL, "the token URL is not an http(s) URL");
        }
        if (!appended.isEmpty()) {
            HttpUrl.Builder builder = parsed.newBuilder();
            appended.forEach(builder::addQueryParameter);
            parsed = builder.build();
        }
        String origin = parsed.scheme() + "://" + parsed.host()
                + (parsed.port() == HttpUrl.defaultPort(parsed.scheme()) ? "" : ":" + parsed.port());
        boolean plain = parsed.scheme().equals("http");
        if (plain && !settings.allowLoopback()) {
            return new TokenResult.Failed(FailureKind.INVALID_URL, "token URL " + origin + " is not https");
        }
        TokenResult result = fetch(plain ? httpClient : httpsClient, parsed, origin);
        if (result instanceof TokenResult.Failed failed) {
            log.info("token fetch from {} failed: {}", origin, failed.reason());
        }
        return result;
    }

    private TokenResult fetch(OkHttpClient client, HttpUrl url, String origin) {
        Instant started = clock.instant();
        // An answer with Retry-After (a busy server, e.g. a broker waiting out Zoom's rate limit) asks for patience,
        // not a verdict: it is retried as asked within the budget without using up an attempt. Load never kills a bot.
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(client, url, origin);
            if (outcome.result() != null) {
                return outcome.result();
            }
            TokenResult.Failed failure = new TokenResult.Failed(outcome.kind(), outcome.reason());
            Duration retryAfter = outcome.retryAfter();
            if (retryAfter == null && ++failures >= settings.maxAttempts()) {
                return withSuffix(failure, " (after " + attempt + " attempts)");
            }
            Duration wait = retryAfter != null
                    ? max(retryAfter, settings.initialBackoff())
                    : settings.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
            Duration spent = Duration.between(started, clock.instant());
            if (spent.plus(wait).compareTo(settings.budget()) > 0) {
                return withSuffix(
                        failure, " (retry budget of " + settings.budget().toSeconds() + " s exhausted)");
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return withSuffix(failure, " (interrupted)");
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Attempt attempt(OkHttpClient client, HttpUrl url, String origin) {
        Request.Builder request = new Request.Builder()
                .url(url)
                .get()
                .header("User-Agent", "Signet")
                .header("Accept", "text/plain");
        if (signer != null) {
            SignedHeaders headers =
                    signer.sign("msg_" + UUID.randomUUID().toString().replace("-", ""), clock.instant(), EMPTY);
            headers.asMap().forEach(request::header);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            return judge(response, origin);
        } catch (BlockedAddressException e) {
            return Attempt.done(
                    new TokenResult.Failed(FailureKind.BLOCKED_ADDRESS, "token URL " + origin + ": " + e.getMessage()));
        } catch (InterruptedIOException e) {
            return Attempt.retry(FailureKind.TIMEOUT, "token URL " + origin + " timed out", null);
        } catch (UnknownHostException e) {
            return Attempt.retry(FailureKind.NETWORK, "token URL " + origin + ": host not found", null);
        } catch (IOException e) {
            BlockedAddressException blocked = blockedCause(e);
            if (blocked != null) {
                return Attempt.done(new TokenResult.Failed(
                        FailureKind.BLOCKED_ADDRESS, "token URL " + origin + ": " + blocked.getMessage()));
            }
            return Attempt.retry(
                    FailureKind.NETWORK,
                    "token URL " + origin + ": " + e.getClass().getSimpleName(),
                    null);
        }
    }

    private Attempt judge(Response response, String origin) throws IOException {
        int status = response.code();
        String answered = "token URL " + origin + " answered " + status;
        if (status >= 300 && status < 400) {
            return Attempt.done(
                    new TokenResult.Failed(FailureKind.REDIRECT, answered + " (redirects are not followed)"));
        }
        if (status == 429 || status >= 500) {
            return Attempt.retry(FailureKind.BAD_STATUS, answered, retryAfter(response.header("Retry-After")));
        }
        if (status == 404) {
            return Attempt.done(new TokenResult.Failed(FailureKind.NOT_FOUND, answered));
        }
        if (status != 200) {
            return Attempt.done(new TokenResult.Failed(FailureKind.BAD_STATUS, answered));
        }
        byte[] body = response.body().byteStream().readNBytes(settings.maxBodyBytes() + 1);
        if (body.length > settings.maxBodyBytes()) {
            return Attempt.done(new TokenResult.Failed(
                    FailureKind.BAD_BODY, answered + " with a body over " + settings.maxBodyBytes() + " bytes"));
        }
        String problem = TokenBody.problem(body);
        if (problem != null) {
            return Attempt.done(new TokenResult.Failed(FailureKind.BAD_BODY, answered + " but " + problem));
        }
        return Attempt.done(new TokenResult.Fetched(Secret.of(TokenBody.token(body))));
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || !header.strip().matches("[0-9]{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    private static @Nullable BlockedAddressException blockedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlockedAddressException blocked) {
                return blocked;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof BlockedAddressException blocked) {
                    return blocked;
                }
            }
        }
        return null;
    }

    private static TokenResult.Failed withSuffix(TokenResult.Failed failure, String suffix) {
        return new TokenResult.Failed(failure.kind(), failure.reason() + suffix);
    }

    /** One attempt: a final result, or a retryable failure. */
    private record Attempt(
            @Nullable TokenResult result,
            FailureKind kind,
            String reason,
            @Nullable Duration retryAfter) {
        static Attempt done(TokenResult result) {
            return new Attempt(result, FailureKind.NETWORK, "", null);
        }

        static Attempt retry(FailureKind kind, String reason, @Nullable Duration retryAfter) {
            return new Attempt(null, kind, reason, retryAfter);
        }
    }
}
