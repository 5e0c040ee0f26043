package dev.signet.platform.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * The platform's Javalin server on virtual threads: every path answers with and without its trailing slash,
 * {@code /api/*} requires an API key, and every error is JSON.
 */
public final class HttpServer implements AutoCloseable {
    /** The request attribute naming the caller's API key ({@link ApiKeys#identify}), set once authenticated. */
    public static final String API_KEY_ID = "signet.apiKeyId";

    /** The OpenAPI document's path: under {@code /api/} but readable without a key. */
    public static final String OPENAPI_PATH = "/api/openapi.json";

    private final Javalin javalin;
    private final String host;

    private HttpServer(Javalin javalin, String host) {
        this.javalin = javalin;
        this.host = host;
    }

    /**
     * Starts the server; {@code port} 0 picks a free port.
     *
     * @param routes each feature's route registration
     */
    public static HttpServer start(
            String host, int port, JsonCodec json, ApiKeys keys, List<Consumer<RoutesConfig>> routes) {
        ErrorMapping errors = new ErrorMapping(json);
        Javalin javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.router.ignoreTrailingSlashes = true;
            config.router.treatMultipleSlashesAsSingleSlash = true;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            errors.install(config.routes);
            // A java.lang.Error (e.g. a missing class) still answers JSON 500 with an id, never a stack trace.
            config.router.javaLangErrorHandler((response, error) -> errors.fatal(response, error));
            config.routes.before("/api/*", ctx -> authenticate(ctx, keys));
            routes.forEach(group -> group.accept(config.routes));
        });
        javalin.start();
        return new HttpServer(javalin, host);
    }

    private static void authenticate(Context ctx, ApiKeys keys) {
        if (ctx.path().equals(OPENAPI_PATH) || ctx.path().equals(OPENAPI_PATH + "/")) {
            return; // the API's own description is public
        }
        String keyId = keys.identify(ctx.header("Authorization"));
        if (keyId != null) {
            ctx.attribute(API_KEY_ID, keyId);
        } else {
            ctx.header("WWW-Authenticate", "Token");
            throw new ApiException(
                    401, "authentication_failed", "Missing or invalid API key: send Authorization: Token <key>.");
        }
    }

    /** The port the server listens on (the chosen one when started on port 0). */
    public int port() {
        return javalin.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080} (loopback when listening on every address). */
    public URI baseUrl() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port());
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
