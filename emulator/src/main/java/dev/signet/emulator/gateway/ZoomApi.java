package dev.signet.emulator.gateway;

import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.faults.FaultGate;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.http.ZoomApiException;
import dev.signet.emulator.oauth.AccessToken;
import dev.signet.emulator.oauth.BearerAuth;
import dev.signet.emulator.ratelimit.Category;
import dev.signet.emulator.ratelimit.Decision;
import dev.signet.emulator.ratelimit.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers Zoom REST routes behind the pipeline every call passes: scripted faults, bearer authentication (401
 * code 124), then the account's rate limit for the route's category (429 with Zoom's headers).
 */
public final class ZoomApi {
    /** A Zoom REST handler, called with the caller's authenticated grant. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, AccessToken token) throws Exception;
    }

    private final FaultGate gate;
    private final BearerAuth auth;
    private final RateLimiter limiter;
    private final Directory directory;
    private final Json json;

    public ZoomApi(FaultGate gate, BearerAuth auth, RateLimiter limiter, Directory directory, Json json) {
        this.gate = gate;
        this.auth = auth;
        this.limiter = limiter;
        this.directory = directory;
        this.json = json;
    }

    /** Registers a Zoom REST route. */
    public void route(RoutesConfig routes, String method, String path, Category category, Handler handler) {
        gate.route(routes, method, path, ctx -> {
            AccessToken token = auth.authenticate(ctx.header("Authorization"));
            Account account = directory.findAccount(token.accountId()).orElseThrow(ZoomApiException::invalidToken);
            switch (limiter.acquire(account.id(), account.plan(), category)) {
                case Decision.Allowed() -> handler.handle(ctx, token);
                case Decision.Limited limited -> refuse(ctx, limited);
            }
        });
    }

    private void refuse(Context ctx, Decision.Limited limited) {
        ctx.header("X-RateLimit-Category", limited.category().wire());
        ctx.header("X-RateLimit-Type", limited.type());
        ctx.header("X-RateLimit-Limit", Integer.toString(limited.limit()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(limited.remaining()));
        ctx.header("Retry-After", limited.retryAfter());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 429);
        body.put("message", limited.message());
        json.send(ctx, 429, body);
    }
}
