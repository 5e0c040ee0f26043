package dev.signet.emulator.http;

import java.util.Locale;

/** Escaping for server-rendered HTML: every value that enters a page goes through {@link #escape}. */
public final class Html {
    private Html() {}

    /** {@code text} safe inside element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete page with a title and a small stylesheet around {@code body} (already escaped HTML). */
    public static String page(String title, String body) {
        return page(title, body, 0);
    }

    /** The same page, reloading itself every {@code refreshSeconds} seconds (0: never). */
    public static String page(String title, String body, int refreshSeconds) {
        String refresh = refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">" : "";
        return String.format(Locale.ROOT, """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">%s<title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
                table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}
                img.avatar{width:32px;height:32px;border-radius:50%%;vertical-align:middle}
                .badge{background:#0b5cff;color:#fff;border-radius:.6rem;padding:.1rem .5rem;font-size:.8rem}
                .muted{color:#777}
                </style></head><body>
                %s
                </body></html>
                """, refresh, escape(title), body);
    }
}
