package dev.signet.zoom.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomEndpoints;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.ZoomTransportException.Kind;
import dev.signet.zoom.http.ZoomExchange;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoom Server-to-Server OAuth: fetches an account access token with the app's credentials, caches it, and refreshes
 * it 60 s before it expires. However many threads ask at once, at most one token request is in flight; the others
 * wait for it and share its token or its failure. Zoom's error answers to the token request are
 * {@link ZoomOAuthException}s, so callers tell an OAuth failure from a refusal of the REST call it was for.
 */
public final class ZoomOAuth implements TokenSource {
    /** Default deadline for one token request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How long before expiry a token is replaced. */
    static final Duration REFRESH_EARLY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ZoomOAuth.class);

    private final ZoomExchange exchange;
    private final ZoomEndpoints endpoints;
    private final S2sCredentials credentials;
    private final Clock clock;
    private final Consumer<Secret> onToken;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger waiting = new AtomicInteger();
    private @Nullable Cached current;
    private @Nullable CompletableFuture<Cached> inFlight;

    private record Cached(Secret token, Instant refreshAt, Instant expiresAt) {}

    public ZoomOAuth(HttpClient http, ZoomEndpoints endpoints, S2sCredentials credentials, Clock clock) {
        this(http, endpoints, credentials, clock, DEFAULT_TIMEOUT);
    }

    /**
     * @param timeout deadline for one token request
     */
    public ZoomOAuth(
            HttpClient http, ZoomEndpoints endpoints, S2sCredentials credentials, Clock clock, Duration timeout) {
        this(new ZoomExchange(http, clock, timeout), endpoints, credentials, clock, token -> {});
    }

    /**
     * @param exchange calls Zoom (its timeout is the deadline of one token request)
     * @param onToken sees every access token fetched (a log guard learns it)
     */
    public ZoomOAuth(
            ZoomExchange exchange,
            ZoomEndpoints endpoints,
            S2sCredentials credentials,
            Clock clock,
            Consumer<Secret> onToken) {
        this.exchange = exchange;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.clock = clock;
        this.onToken = onToken;
    }

    @Override
    public Secret accessToken() {
        CompletableFuture<Cached> flight;
        boolean leader = false;
        lock.lock();
        try {
            Cached cached = current;
            if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
                return cached.token();
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = inFlight;
        } finally {
            lock.unlock();
        }
        if (leader) {
            return lead(flight).token();
        }
        Cached shared = await(flight);
        // Null: the caller fetching for everyone was interrupted, which is no failure of ours; ask again.
        return shared != null ? shared.token() : accessToken();
    }

    @Override
    public void invalidate(Secret token) {
        lock.lock();
        try {
            if (current != null && current.token().equals(token)) {
                current = null;
                LOG.debug("Dropped the Zoom access token Zoom refused");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Fetches a token for everyone waiting on {@code flight}. */
    private Cached lead(CompletableFuture<Cached> flight) {
        Cached fresh;
        try {
            fresh = fetch();
        } catch (RuntimeException | Error e) {
            Cached stillValid = clearFlight(null);
            flight.completeExceptionally(e);
            if (stillValid != null && e instanceof ZoomException) {
                // The early refresh failed, but the current token has life left: keep using it.
                LOG.warn(
                        "Refreshing the Zoom access token failed; using the current one until it expires: {}",
                        e.getMessage());
                return stillValid;
            }
            throw e;
        }
        clearFlight(fresh);
        flight.complete(fresh);
        return fresh;
    }

    /** Ends the flight; stores {@code fresh} if given. Returns the current token if it is still unexpired. */
    private @Nullable Cached clearFlight(@Nullable Cached fresh) {
        lock.lock();
        try {
            inFlight = null;
            if (fresh != null) {
                current = fresh;
            }
            Cached cached = current;
            return cached != null && clock.instant().isBefore(cached.expiresAt()) ? cached : null;
        } finally {
            lock.unlock();
        }
    }

    private @Nullable Cached await(CompletableFuture<Cached> flight) {
        waiting.incrementAndGet();
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoomTransportException(Kind.INTERRUPTED, "Interrupted while waiting for a Zoom access token", e);
        } catch (ExecutionException e) {
            Cached stillValid = validCurrent();
            if (stillValid != null) {
                return stillValid;
            }
            if (e.getCause() instanceof ZoomTransportException failure && failure.kind() == Kind.INTERRUPTED) {
                return null;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ZoomTransportException(Kind.NETWORK, "Fetching a Zoom access token failed", e.getCause());
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many callers are waiting for another caller's token request (lets tests prove single-flight). */
    int waitingCallers() {
        return waiting.get();
    }

    private @Nullable Cached validCurrent() {
        lock.lock();
        try {
            Cached cached = current;
            return cached != null && clock.instant().isBefore(cached.expiresAt()) ? cached : null;
        } finally {
            lock.unlock();
        }
    }

    private Cached fetch() {
        Instant requestedAt = clock.instant();
        String basic = credentials.basicCredentials().reveal();
        String form = "grant_type=account_credentials&account_id="
                + URLEncoder.encode(credentials.accountId(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints.oauthTokenUri())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = exchange.send(
                    request,
                    "POST /oauth/token",
                    List.of(credentials.clientSecret().reveal(), basic));
        } catch (ZoomApiException e) {
            throw new ZoomOAuthException(e);
        }
        JsonNode token = body.get("access_token");
        JsonNode expiresIn = body.get("expires_in");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw malformed("no access_token");
        }
        if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            throw malformed("no positive expires_in");
        }
        Duration life = Duration.ofSeconds(expiresIn.asLong());
        Duration early = life.compareTo(REFRESH_EARLY.multipliedBy(2)) > 0 ? REFRESH_EARLY : life.dividedBy(2);
        LOG.debug("Fetched a Zoom access token valid for {}", life);
        Secret fetched = new Secret(token.asText());
        onToken.accept(fetched);
        return new Cached(fetched, requestedAt.plus(life).minus(early), requestedAt.plus(life));
    }

    @Override
    public String toString() {
        return "ZoomOAuth[" + endpoints.oauthBase() + ", account " + credentials.accountId() + ", client "
                + credentials.clientId() + "]";
    }

    private static ZoomTransportException malformed(String what) {
        return new ZoomTransportException(Kind.MALFORMED, "Zoom's OAuth answer is malformed: " + what, null);
    }
}
