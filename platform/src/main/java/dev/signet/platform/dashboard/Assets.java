package dev.signet.platform.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The dashboard's stylesheet, script and icon, served from the jar (nothing from a CDN). */
final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> files;

    Assets() {
        this.files = Map.of(
                "dashboard.css", read("dashboard.css"),
                "dashboard.js", read("dashboard.js"),
                "favicon.svg", read("favicon.svg"));
    }

    void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = files.get(name);
        String type = TYPES.get(name);
        if (body == null || type == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found.");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(type).result(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard asset " + name, e);
        }
    }
}
