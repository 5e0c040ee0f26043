package dev.signet.emulator.users;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.Plan;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.gateway.UserResolver;
import dev.signet.emulator.gateway.ZoomApi;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.http.Links;
import dev.signet.emulator.http.ZoomApiException;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.oauth.AccessToken;
import dev.signet.emulator.oauth.Scopes;
import dev.signet.emulator.ratelimit.Category;
import dev.signet.emulator.tokens.UserTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Zoom's {@code GET /v2/users/{userId}} and {@code GET /v2/users/{userId}/token}. */
public final class UserRoutes {
    private static final long MAX_TTL = 31_536_000L;
    private static final Duration DEFAULT_TTL = Duration.ofHours(2);

    private final ZoomApi api;
    private final UserResolver users;
    private final UserTokens tokens;
    private final MeetingStore meetings;
    private final Directory directory;
    private final Links links;
    private final Json json;

    public UserRoutes(
            ZoomApi api,
            UserResolver users,
            UserTokens tokens,
            MeetingStore meetings,
            Directory directory,
            Links links,
            Json json) {
        this.api = api;
        this.users = users;
        this.tokens = tokens;
        this.meetings = meetings;
        this.directory = directory;
        this.links = links;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        api.route(routes, "GET", "/v2/users/{userId}", Category.LIGHT, this::user);
        api.route(routes, "GET", "/v2/users/{userId}/token", Category.LIGHT, this::token);
    }

    private void user(Context ctx, AccessToken token) {
        Scopes.require(token, "user:read:user");
        User user = users.resolve(ctx.pathParam("userId"), token);
        boolean free = directory
                .findAccount(user.accountId())
                .map(a -> a.plan() == Plan.FREE)
                .orElse(true);
        String pic = user.picUrl() != null ? user.picUrl() : links.avatar(user.id());
        json.send(
                ctx,
                200,
                new UserView(
                        user.id(),
                        user.firstName(),
                        user.lastName(),
                        user.displayName(),
                        user.email(),
                        free ? 1 : 2,
                        "Member",
                        "UTC",
                        1,
                        pic,
                        "en-US",
                        "active",
                        user.accountId()));
    }

    private void token(Context ctx, AccessToken token) {
        String type = ctx.queryParam("type") == null ? "token" : String.valueOf(ctx.queryParam("type"));
        if (!type.equals("zak") && !type.equals("onbehalf") && !type.equals("token")) {
            throw ZoomApiException.validation("type", "Invalid field.");
        }
        Duration ttl = ttl(ctx.queryParam("ttl"));
        switch (type) {
            case "zak" -> Scopes.require(token, "user:read:zak", "user:read:token");
            case "onbehalf" -> {
                if (!token.userLevel()) {
                    throw new ZoomApiException(
                            400, 4711, "Invalid access token, does not contain scopes:[user:read:token].");
                }
                Scopes.require(token, "user:read:token");
            }
            default -> Scopes.require(token, "user:read:token");
        }
        User user = users.resolve(ctx.pathParam("userId"), token);
        String minted = switch (type) {
            case "zak" -> tokens.mintZak(user.id(), ttl);
            case "onbehalf" ->
                tokens.mintObf(user.id(), meetingId(ctx.queryParam("meeting_id")), token.clientId(), ttl);
            default -> tokens.mintLegacy(user.id(), ttl);
        };
        ctx.header("Cache-Control", "no-store");
        json.send(ctx, 200, new UserTokenView(minted));
    }

    private long meetingId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw ZoomApiException.validation("meeting_id", "meeting_id is required for type onbehalf.");
        }
        long id;
        try {
            id = Long.parseLong(text.replace(" ", ""));
        } catch (NumberFormatException e) {
            throw ZoomApiException.validation("meeting_id", "Invalid field.");
        }
        if (meetings.find(id).isEmpty()) {
            throw ZoomApiException.meetingNotFound(text);
        }
        return id;
    }

    private static Duration ttl(@Nullable String text) {
        if (text == null) {
            return DEFAULT_TTL;
        }
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ZoomApiException.validation("ttl", "Invalid field.");
        }
        if (seconds < 1 || seconds > MAX_TTL) {
            throw ZoomApiException.validation("ttl", "ttl must be between 1 and " + MAX_TTL + ".");
        }
        return Duration.ofSeconds(seconds);
    }
}
