package dev.signet.broker.metrics;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that counts every call to Zoom by endpoint and status, so the metrics show what Zoom actually
 * saw (cached OAuth tokens and reused ZAKs make no call).
 */
public final class MeteredHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final BrokerMetrics metrics;

    /** Wraps {@code delegate}, reporting to {@code metrics}. */
    public MeteredHttpClient(HttpClient delegate, BrokerMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    /** Names the Zoom endpoint of {@code uri}: {@code oauth_token}, {@code user_token} or {@code other}. */
    static String endpoint(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.endsWith("/oauth/token")) {
            return "oauth_token";
        }
        if (path.contains("/users/") && path.endsWith("/token")) {
            return "user_token";
        }
        return "other";
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String endpoint = endpoint(request.uri());
        try {
            HttpResponse<T> response = delegate.send(request, handler);
            metrics.zoomCall(endpoint, Integer.toString(response.statusCode()));
            return response;
        } catch (IOException | InterruptedException | RuntimeException e) {
            metrics.zoomCall(endpoint, "error");
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return observe(request, delegate.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return observe(request, delegate.sendAsync(request, handler, pushPromiseHandler));
    }

    private <T> CompletableFuture<HttpResponse<T>> observe(
            HttpRequest request, CompletableFuture<HttpResponse<T>> future) {
        String endpoint = endpoint(request.uri());
        return future.whenComplete((response, failure) ->
                metrics.zoomCall(endpoint, failure == null ? Integer.toString(response.statusCode()) : "error"));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void shutdownNow() {
        delegate.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return delegate.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
