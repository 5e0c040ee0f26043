package dev.signet.zoom.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.ZoomTransportException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One call to Zoom with a deadline: sends the request, returns the JSON object of a 2xx answer, and turns everything
 * else into a {@link ZoomApiException} or {@link ZoomTransportException}. Texts taken from Zoom's answer are cleaned
 * of control characters, shortened, and scrubbed of the secrets the caller names, so no token reaches a message.
 */
public final class ZoomExchange {
    /** Zoom's answers are tiny; anything bigger is not Zoom. */
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private static final int MAX_TEXT = 300;

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final Listener listener;
    // Jackson keeps its buffers per thread by default; on virtual threads (one per bot) each thread's buffers
    // stay as long as it lives, about 10 KiB a bot. One pool for the mapper instead.
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .build());

    /** Sees every call to Zoom as it ends (metrics count them): its URI and the HTTP status, empty when none came. */
    @FunctionalInterface
    public interface Listener {
        void called(URI uri, OptionalInt status);
    }

    /**
     * @param timeout deadline for the whole exchange, answer body included
     */
    public ZoomExchange(HttpClient http, Clock clock, Duration timeout) {
        this(http, clock, timeout, (uri, status) -> {});
    }

    /**
     * @param timeout deadline for the whole exchange, answer body included
     * @param listener told of every call as it ends
     */
    public ZoomExchange(HttpClient http, Clock clock, Duration timeout, Listener listener) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.listener = listener;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends {@code request} and returns the JSON object Zoom answered with.
     *
     * @param what names the call in messages (e.g. {@code "GET /users/{id}/token"}); must not contain a secret
     * @param secrets values that must never appear in a message, even if Zoom echoes them
     */
    public JsonNode send(HttpRequest.Builder request, String what, Collection<String> secrets) {
        HttpResponse<String> response = exchange(request.timeout(timeout).build(), what);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw apiError(response, secrets);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            // Never keep Jackson's exception: its message quotes the body, which may hold a token.
            throw new ZoomTransportException(
                    Kind.MALFORMED, "Zoom's answer to " + what + " is malformed: not JSON", null);
        }
        if (body == null || !body.isObject()) {
            throw new ZoomTransportException(
                    Kind.MALFORMED, "Zoom's answer to " + what + " is malformed: not a JSON object", null);
        }
        return body;
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(
                request, BodyHandlers.limiting(BodyHandlers.ofString(StandardCharsets.UTF_8), MAX_BODY_BYTES));
        OptionalInt status = OptionalInt.empty();
        try {
            HttpResponse<String> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            status = OptionalInt.of(response.statusCode());
            return response;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ZoomTransportException(Kind.INTERRUPTED, "Interrupted while calling Zoom: " + what, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(what, cause);
            }
            throw new ZoomTransportException(
                    Kind.NETWORK, "No usable answer from Zoom to " + what + ": " + describe(cause), cause);
        } finally {
            listener.called(request.uri(), status);
        }
    }

    /** The exception's type and message; the JDK's transport messages name hosts and limits, never headers. */
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + clean(message, List.of()) + ")");
    }

    private ZoomTransportException timedOut(String what, Throwable cause) {
        return new ZoomTransportException(Kind.TIMEOUT, "Zoom did not answer " + what + " within " + timeout, cause);
    }

    private ZoomApiException apiError(HttpResponse<String> response, Collection<String> secrets) {
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException notJson) {
            // An error page from a proxy: keep the status, drop the body.
        }
        OptionalInt code = OptionalInt.empty();
        String message = "";
        String error = null;
        if (body != null && body.isObject()) {
            JsonNode codeNode = body.get("code");
            if (codeNode != null && codeNode.canConvertToInt()) {
                code = OptionalInt.of(codeNode.asInt());
            }
            message = clean(text(body, "message"), secrets);
            if (message.isEmpty()) {
                message = clean(text(body, "reason"), secrets);
            }
            String errorName = clean(text(body, "error"), secrets);
            error = errorName.isEmpty() ? null : errorName;
        }
        var headers = response.headers();
        return new ZoomApiException(
                response.statusCode(),
                code,
                error,
                message,
                header(response, "x-zm-trackingid", secrets),
                RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock),
                header(response, "X-RateLimit-Type", secrets),
                header(response, "X-RateLimit-Category", secrets));
    }

    private static @Nullable String header(HttpResponse<?> response, String name, Collection<String> secrets) {
        String value = clean(response.headers().firstValue(name).orElse(""), secrets);
        return value.isEmpty() ? null : value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isValueNode() ? node.asText() : "";
    }

    /** Printable, short, and free of the caller's secrets. */
    static String clean(String text, Collection<String> secrets) {
        String cleaned = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                cleaned = cleaned.replace(secret, "***");
            }
        }
        StringBuilder out = new StringBuilder(Math.min(cleaned.length(), MAX_TEXT));
        cleaned.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .limit(MAX_TEXT)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
