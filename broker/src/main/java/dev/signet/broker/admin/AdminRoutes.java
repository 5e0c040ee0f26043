package dev.signet.broker.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.broker.auth.AdminAuth;
import dev.signet.broker.connect.ConnectLinks;
import dev.signet.broker.grants.Grant;
import dev.signet.broker.grants.GrantService;
import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.oauth.ZoomUserOAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator API, behind {@code Authorization: Bearer <admin secret>}; JSON in and out, errors as
 * {@code {"code","detail"}}:
 *
 * <ul>
 *   <li>{@code POST /admin/connect-links[?ttl=<seconds>]} → 201 {@code {"url","expires_at"}}: a signed connect link
 *       to hand to a user;
 *   <li>{@code GET /admin/connections} → 200 {@code {"connections":[{user_id, email, account_id, display_name, state,
 *       connected_at, last_refresh_at, access_expires_at, last_error}]}} — never a token;
 *   <li>{@code DELETE /admin/connections/{user id or email}} → revokes the grant at Zoom, then deletes it: 204; 404
 *       {@code user_not_connected}; 502 {@code zoom_error} (kept, so the operator can retry) when Zoom cannot be
 *       reached — a grant Zoom already refuses is deleted.
 * </ul>
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    private static final Duration MAX_LINK_TTL = Duration.ofDays(30);

    private final AdminAuth auth;
    private final GrantService grants;
    private final ConnectLinks links;
    private final ZoomUserOAuth oauth;
    private final BrokerMetrics metrics;
    private final Consumer<Secret> protect;
    private final Duration defaultLinkTtl;
    private final ObjectMapper json = new ObjectMapper();

    public AdminRoutes(
            AdminAuth auth,
            GrantService grants,
            ConnectLinks links,
            ZoomUserOAuth oauth,
            BrokerMetrics metrics,
            Consumer<Secret> protect,
            Duration defaultLinkTtl) {
        this.auth = auth;
        this.grants = grants;
        this.links = links;
        this.oauth = oauth;
        this.metrics = metrics;
        this.protect = protect;
        this.defaultLinkTtl = defaultLinkTtl;
    }

    public void register(RoutesConfig routes) {
        routes.post("/admin/connect-links", ctx -> guarded(ctx, this::createLink));
        routes.get("/admin/connections", ctx -> guarded(ctx, this::list));
        routes.delete("/admin/connections/{user}", ctx -> guarded(ctx, this::disconnect));
    }

    private void guarded(Context ctx, Consumer<Context> handler) {
        ctx.header("Cache-Control", "no-store");
        if (!auth.allows(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, "unauthorized", "an admin secret is required: Authorization: Bearer <secret>");
            return;
        }
        handler.accept(ctx);
    }

    private void createLink(Context ctx) {
        Duration ttl = defaultLinkTtl;
        @Nullable String text = ctx.queryParam("ttl");
        if (text != null) {
            if (!text.matches("[0-9]{1,8}")
                    || Long.parseLong(text) < 60
                    || Duration.ofSeconds(Long.parseLong(text)).compareTo(MAX_LINK_TTL) > 0) {
                error(ctx, 400, "invalid_request", "ttl must be seconds between 60 and " + MAX_LINK_TTL.toSeconds());
                return;
            }
            ttl = Duration.ofSeconds(Long.parseLong(text));
        }
        ConnectLinks.SignedLink link = links.create(ttl);
        protect.accept(link.signature());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", link.url().toString());
        body.put("expires_at", link.expiresAt().toString());
        send(ctx, 201, body);
    }

    private void list(Context ctx) {
        List<Map<String, @Nullable Object>> connections =
                grants.list().stream().map(AdminRoutes::view).toList();
        send(ctx, 200, Map.of("connections", connections));
    }

    private void disconnect(Context ctx) {
        String user = ctx.pathParam("user");
        Optional<Grant> grant = grants.find(user);
        if (grant.isEmpty()) {
            error(ctx, 404, "user_not_connected", "no connection for this Zoom user");
            return;
        }
        String userId = grant.get().userId();
        Optional<Secret> refresh = grants.refreshToken(userId);
        if (refresh.isPresent()) {
            try {
                oauth.revoke(refresh.get());
            } catch (ZoomOAuthException e) {
                // Zoom no longer knows the token (revoked, expired, used): nothing left to revoke.
                log.info("Zoom refused to revoke the grant of {} ({}); deleting it anyway", userId, e.getMessage());
            } catch (ZoomApiException e) {
                if (!e.isServerError() && !e.isRateLimited() && e.status() != 401) {
                    log.info("Zoom refused to revoke the grant of {} ({}); deleting it anyway", userId, e.getMessage());
                } else {
                    error(ctx, 502, "zoom_error", "revoking at Zoom failed, the connection is kept: " + e.getMessage());
                    return;
                }
            } catch (ZoomException e) {
                error(ctx, 502, "zoom_error", "revoking at Zoom failed, the connection is kept: " + e.getMessage());
                return;
            }
        }
        grants.delete(userId);
        metrics.grantEvent("operator_disconnected");
        ctx.status(204);
    }

    private static Map<String, @Nullable Object> view(Grant grant) {
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("user_id", grant.userId());
        view.put("email", grant.email());
        view.put("account_id", grant.accountId());
        view.put("display_name", grant.displayName());
        view.put("state", grant.state().wire());
        view.put("connected_at", grant.connectedAt().toString());
        view.put("last_refresh_at", grant.refreshedAt().toString());
        view.put("access_expires_at", grant.accessExpiresAt().toString());
        view.put("last_error", grant.lastError());
        return view;
    }

    private void error(Context ctx, int status, String code, String detail) {
        send(ctx, status, Map.of("code", code, "detail", detail));
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status);
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
