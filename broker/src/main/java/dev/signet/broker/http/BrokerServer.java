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
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's HTTP server: Javalin (Jetty selectors on platform threads, request work that may block on virtual
 * threads) with {@code /healthz}, {@code /readyz}, {@code /metrics}, the
 * feature routes it is given, and one error mapping that never shows a stack trace.
 */
public final class BrokerServer {
    private static final Logger log = LoggerFactory.getLogger(BrokerServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    /** One acceptor: connections are long-lived (keep-alive), accepting is rare. A constant for now, not a setting. */
    private static final int ACCEPTORS = 1;
    /**
     * Selector threads, which also answer a held ZAK: one per core of our 2-core machines (Jetty's default is half
     * the cores). A constant for now, not a setting.
     */
    private static final int SELECTORS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final int MAX_PLATFORM_THREADS = 32;
    private static final int MIN_PLATFORM_THREADS = 4;

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
            config.jetty.threadPool = threadPool();
            config.jetty.addConnector((server, http) -> connector(server, http, host, port));
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
        return app.start();
    }

    /**
     * Platform threads for Jetty's acceptor and selectors, virtual threads for everything that may block. Javalin's
     * own virtual-thread pool would run the selectors on virtual threads too, while the hot path answers on the
     * selector thread itself (ZakRoutes) and needs no hand-off to another thread
     * (docs/decisions/0013-broker-zak-on-the-selector-thread.md; measured together with that change, not alone).
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS);
        pool.setName("broker-http");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("broker-http-v"));
        return pool;
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TEXT);
        ctx.result(body);
    }
}
