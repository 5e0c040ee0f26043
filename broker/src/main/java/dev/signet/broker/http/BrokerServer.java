package dev.signet.broker.http;

import dev.signet.broker.metrics.BrokerMetrics;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's HTTP server: Javalin on virtual threads with {@code /healthz}, {@code /readyz}, {@code /metrics}, the
 * feature routes it is given, and one error mapping that never shows a stack trace.
 */
public final class BrokerServer {
    private static final Logger log = LoggerFactory.getLogger(BrokerServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private BrokerServer() {}

    /**
     * Starts a server.
     *
     * @param host address to bind
     * @param port port, 0 for any free one
     * @param front a Jetty handler that answers its own paths before Javalin (the hot path) and passes the rest on
     * @param routes adds the feature routes
     * @param ready whether the broker can hand out tokens
     * @param readiness why (not), in a few secret-free words
     */
    public static Javalin start(
            String host,
            int port,
            Handler.Wrapper front,
            Consumer<RoutesConfig> routes,
            BrokerMetrics metrics,
            BooleanSupplier ready,
            Supplier<String> readiness) {
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> server.insertHandler(front));
            config.routes.get("/healthz", ctx -> text(ctx, 200, "ok"));
            config.routes.get("/readyz", ctx -> {
                boolean isReady = ready.getAsBoolean();
                text(ctx, isReady ? 200 : 503, (isReady ? "ready: " : "not ready: ") + readiness.get());
            });
            config.routes.get("/metrics", ctx -> {
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
                ctx.result(metrics.scrape());
            });
            routes.accept(config.routes);
            config.routes.exception(Exception.class, (e, ctx) -> {
                String id = UUID.randomUUID().toString();
                log.error("request {} failed (error id {})", ctx.path(), id, e);
                text(ctx, 500, "internal error; error id " + id);
            });
        });
        return app.start(host, port);
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TEXT);
        ctx.result(body);
    }
}
