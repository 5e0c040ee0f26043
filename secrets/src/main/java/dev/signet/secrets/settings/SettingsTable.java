package dev.signet.secrets.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The README tables of settings, rendered from the declarations. A README holds each table between
 * {@code <!-- settings:NAME -->} and {@code <!-- /settings:NAME -->}; a module's test calls {@link #mismatch} so the
 * docs and the model cannot drift apart.
 */
public final class SettingsTable {
    /** Set this system property to {@code true} ({@code mvn … -Dsignet.updateDocs=true}) to rewrite stale tables. */
    public static final String UPDATE = "signet.updateDocs";

    private SettingsTable() {}

    /** The markdown table of {@code settings}, in their order, with a trailing newline. */
    public static String render(List<? extends Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| variable | flag | default | meaning |\n|---|---|---|---|\n");
        settings.forEach(s -> table.append(s.markdownRow()).append('\n'));
        return table.toString();
    }

    /**
     * Empty when {@code file}'s table {@code name} is {@link #render}{@code (settings)}; otherwise what to do about it.
     * With the {@link #UPDATE} property set, a stale table is rewritten in place (and reported once more).
     */
    public static Optional<String> mismatch(Path file, String name, List<? extends Setting<?>> settings)
            throws IOException {
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        String open = "<!-- settings:" + name + " -->\n";
        String close = "<!-- /settings:" + name + " -->";
        int start = markdown.indexOf(open);
        int end = markdown.indexOf(close);
        if (start < 0 || end < start) {
            return Optional.of(file + " has no " + open.strip() + " … " + close + " markers");
        }
        String expected = render(settings);
        if (markdown.substring(start + open.length(), end).equals(expected)) {
            return Optional.empty();
        }
        if (Boolean.getBoolean(UPDATE)) {
            String updated = markdown.substring(0, start + open.length()) + expected + markdown.substring(end);
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        }
        return Optional.of(file + ": the " + name + " table differs from the declared settings; rerun with -D" + UPDATE
                + "=true to rewrite it, or paste:\n" + expected);
    }
}
