package dev.signet.emulator.faults;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Optional;

/** Registers routes so that scripted faults apply to them before their handler runs. */
public final class FaultGate {
    private final Faults faults;
    private final Pause pause;

    public FaultGate(Faults faults, Pause pause) {
        this.faults = faults;
        this.pause = pause;
    }

    /** Registers {@code handler} for {@code method} (GET, POST, PUT, PATCH, DELETE) and {@code path}, gated. */
    public void route(RoutesConfig routes, String method, String path, Handler handler) {
        String endpoint = method + " " + path;
        Handler gated = ctx -> {
            if (!intercepted(ctx, endpoint)) {
                handler.handle(ctx);
            }
        };
        switch (method) {
            case "GET" -> routes.get(path, gated);
            case "POST" -> routes.post(path, gated);
            case "PUT" -> routes.put(path, gated);
            case "PATCH" -> routes.patch(path, gated);
            case "DELETE" -> routes.delete(path, gated);
            default -> throw new IllegalArgumentException("unsupported method " + method);
        }
    }

    private boolean intercepted(Context ctx, String endpoint) throws InterruptedException {
        Duration delay = faults.latency(endpoint);
        if (!delay.isZero()) {
            pause.pause(delay);
        }
        Optional<Faults.Failure> failure = faults.take(endpoint);
        failure.ifPresent(f -> {
            f.headers().forEach(ctx::header);
            ctx.status(f.status()).contentType(f.contentType()).result(f.body());
        });
        return failure.isPresent();
    }
}
