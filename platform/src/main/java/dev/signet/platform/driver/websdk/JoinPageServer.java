package dev.signet.platform.driver.websdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The local web server of the {@code websdk} driver: serves the join page, its bridge and (for {@link
 * SdkSource.LocalAssets}) the SDK's {@code dist/} folder, on 127.0.0.1 and an ephemeral port.
 *
 * <p>It is the driver's own small server, independent of the platform's API server, so that the page's origin is
 * loopback-only and never exposed. With cross-origin isolation on, every response carries COOP/COEP (and CORP, so
 * that the page may load its own assets).
 */
final class JoinPageServer implements AutoCloseable {
    static final String PAGE_PATH = "/websdk/join.html";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "application/javascript; charset=utf-8"),
            Map.entry("mjs", "application/javascript; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"));

    private final Javalin server;
    private final JoinPage page;
    private final boolean isolated;
    private final @Nullable Path assets;

    JoinPageServer(SdkSource sdk, boolean crossOriginIsolation) {
        this.page = new JoinPage(sdk, new ObjectMapper());
        this.isolated = crossOriginIsolation;
        this.assets = sdk instanceof SdkSource.LocalAssets local
                ? local.dist().toAbsolutePath().normalize()
                : null;
        this.server = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.routes.before(this::headers);
            config.routes.get(PAGE_PATH, ctx -> ctx.html(page.html()));
            config.routes.get("/websdk/bridge.js", ctx -> send(ctx, "js", page.bridge()));
            config.routes.get("/websdk/leave.html", ctx -> ctx.html(page.leave()));
            config.routes.get(SdkSource.ASSETS_PATH + "<file>", this::asset);
        });
        server.start("127.0.0.1", 0);
    }

    /** The join page's URL: loopback, no query, no credential. */
    URI pageUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + PAGE_PATH);
    }

    private void headers(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        if (isolated) {
            ctx.header("Cross-Origin-Opener-Policy", "same-origin");
            ctx.header("Cross-Origin-Embedder-Policy", "require-corp");
            ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        }
    }

    private void asset(Context ctx) throws IOException {
        Path root = assets;
        String file = ctx.pathParam("file");
        if (root == null || file.contains("..") || file.startsWith("/")) {
            ctx.status(404).result("not found");
            return;
        }
        Path path = root.resolve(file).normalize();
        if (!path.startsWith(root) || !Files.isRegularFile(path)) {
            ctx.status(404).result("not found");
            return;
        }
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        try (InputStream in = Files.newInputStream(path)) {
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SDK asset " + file, e);
        }
    }

    private static void send(Context ctx, String extension, String body) {
        ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream"))
                .result(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
