package dev.signet.emulator.sdk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Serves the stand-in Meeting SDK for Web in the layout of the real SDK's {@code dist/} folder.
 *
 * <p>{@code GET /sdk/{version}/zoom-meeting-{version}.min.js} is the client view ({@code ZoomMtg}) and {@code GET
 * /sdk/{version}/lib/vendor/{react,react-dom,redux,redux-thunk,lodash,react-redux}.min.js} are empty stand-ins for
 * the vendor globals the real SDK needs, so a page that loads the real SDK from a base URL loads this one from
 * {@code <emulator>/sdk/{version}/} unchanged. {@code GET /sdk-fault/never-answers/{version}/…} serves an SDK whose
 * {@code join} never calls back (for join-watchdog tests). Everything is served with CORS and {@code
 * Cross-Origin-Resource-Policy: cross-origin}, because the page that loads it comes from another origin.
 */
public final class SdkRoutes {
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,40}");
    private static final Set<String> VENDOR =
            Set.of("react", "react-dom", "redux", "redux-thunk", "lodash", "react-redux");
    private static final Set<String> FAULTS = Set.of("never-answers");

    private final String template;

    public SdkRoutes() {
        this.template = resource("zoom-meeting.min.js");
    }

    /** Registers the routes on an emulator server's configuration. */
    public void register(RoutesConfig routes) {
        routes.get("/sdk/{version}/<file>", ctx -> serve(ctx, "none", ctx.pathParam("version"), ctx.pathParam("file")));
        routes.get(
                "/sdk-fault/{fault}/{version}/<file>",
                ctx -> serve(ctx, ctx.pathParam("fault"), ctx.pathParam("version"), ctx.pathParam("file")));
    }

    private void serve(Context ctx, String fault, String version, String file) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.header("Cache-Control", "no-store");
        String body = body(fault, version, file);
        if (body == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such SDK file: " + file);
            return;
        }
        ctx.contentType("application/javascript; charset=utf-8").result(body);
    }

    private @Nullable String body(String fault, String version, String file) {
        if (!VERSION.matcher(version).matches() || !(fault.equals("none") || FAULTS.contains(fault))) {
            return null;
        }
        if (file.equals("zoom-meeting-" + version + ".min.js")) {
            return template.replace("__SIGNET_SDK_VERSION__", version).replace("__SIGNET_SDK_FAULT__", fault);
        }
        if (file.startsWith("lib/vendor/") && file.endsWith(".min.js")) {
            String name = file.substring("lib/vendor/".length(), file.length() - ".min.js".length());
            if (VENDOR.contains(name)) {
                return "/* Signet emulator: stand-in for the Meeting SDK's lib/vendor/" + name
                        + ".min.js; the stand-in SDK needs no vendor library. */\n";
            }
        }
        return null;
    }

    private static String resource(String name) {
        try (InputStream in =
                Objects.requireNonNull(SdkRoutes.class.getResourceAsStream(name), () -> "missing resource " + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
