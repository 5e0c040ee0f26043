package dev.signet.broker.connect;

/** The plain HTML pages people see at the end of (or instead of) a connect flow. */
final class Pages {
    private Pages() {}

    static String page(String title, String... paragraphs) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>");
        html.append(escape(title))
                .append("</title><style>body{font-family:system-ui,sans-serif;max-width:40em;")
                .append("margin:4em auto;padding:0 1em;line-height:1.5;color:#222}h1{font-size:1.5em}</style>")
                .append("</head><body><h1>")
                .append(escape(title))
                .append("</h1>\n");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
