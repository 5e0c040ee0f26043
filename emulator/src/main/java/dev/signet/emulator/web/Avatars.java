package dev.signet.emulator.web;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Html;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;

/** Generated SVG avatars ({@code /emulator/avatars/{userId}.svg}): initials on a colour derived from the id. */
public final class Avatars {
    private static final String[] COLOURS = {"#0b5cff", "#e8590c", "#2b8a3e", "#862e9c", "#c2255c", "#1098ad"};

    private final Directory directory;

    public Avatars(Directory directory) {
        this.directory = directory;
    }

    public void register(RoutesConfig routes) {
        routes.get("/emulator/avatars/{file}", this::avatar);
    }

    private void avatar(Context ctx) {
        String file = ctx.pathParam("file");
        String id = file.endsWith(".svg") ? file.substring(0, file.length() - 4) : file;
        User user = directory.findUser(id).orElseThrow(() -> EmulatorException.notFound("user " + id));
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("image/svg+xml").result(svg(user));
    }

    static String svg(User user) {
        String colour = COLOURS[Math.floorMod(user.id().hashCode(), COLOURS.length)];
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">\
                <circle cx="64" cy="64" r="64" fill="%s"/>\
                <text x="64" y="78" font-family="sans-serif" font-size="44" fill="#fff" text-anchor="middle">%s</text>\
                </svg>
                """, colour, Html.escape(initials(user)));
    }

    private static String initials(User user) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {user.firstName(), user.lastName()}) {
            if (!part.isBlank()) {
                out.appendCodePoint(part.strip().codePointAt(0));
            }
        }
        return out.isEmpty() ? "?" : out.toString().toUpperCase(Locale.ROOT);
    }
}
