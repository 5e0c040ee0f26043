package dev.signet.platform.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers), {@code /readyz} (the database answers) and Prometheus {@code /metrics}. */
public final class OpsRoutes {
    private final JsonCodec json;
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final List<Runnable> beforeScrape;

    /** @param beforeScrape refresh the gauges that are read from the database, once per scrape */
    public OpsRoutes(
            JsonCodec json, BooleanSupplier ready, PrometheusMeterRegistry registry, Runnable... beforeScrape) {
        this.json = json;
        this.ready = ready;
        this.registry = registry;
        this.beforeScrape = List.of(beforeScrape);
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> json.send(ctx, 200, Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            boolean up = ready.getAsBoolean();
            json.send(ctx, up ? 200 : 503, Map.of("status", up ? "ready" : "database unavailable"));
        });
        routes.get("/metrics", ctx -> {
            beforeScrape.forEach(Runnable::run);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }
}
