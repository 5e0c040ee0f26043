package dev.signet.secrets.settings;

import dev.signet.secrets.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How a setting's text becomes a value. A parser throws {@link IllegalArgumentException} with a rule ("must be …")
 * that {@link SettingValues} puts after the variable's name; no message ever quotes the value, which may be secret.
 *
 * @param label what {@code --help} shows as the flag's parameter ({@code PORT}, {@code DURATION}, …)
 * @param parser text (stripped, never blank) to value
 * @param <T> the value's type
 */
public record SettingType<T>(String label, Parser<T> parser) {
    /** Text to value; throws {@link IllegalArgumentException} with a rule, never quoting the text. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    /** Parses {@code text}; see {@link Parser}. */
    public T parse(String text) {
        return parser.parse(text);
    }

    /** This type, refusing values that fail {@code ok} with {@code rule} (e.g. "must be more than 0"). */
    public SettingType<T> where(Predicate<? super T> ok, String rule) {
        return new SettingType<>(label, text -> {
            T value = parser.parse(text);
            if (!ok.test(value)) {
                throw new IllegalArgumentException(rule);
            }
            return value;
        });
    }

    /** Any type: {@code parser} throws {@link IllegalArgumentException} with a rule. */
    public static <T> SettingType<T> of(String label, Parser<T> parser) {
        return new SettingType<>(label, parser);
    }

    /** Plain text. */
    public static SettingType<String> text(String label) {
        return new SettingType<>(label, text -> text);
    }

    /** A credential. */
    public static SettingType<Secret> secret(String label) {
        return new SettingType<>(label, Secret::new);
    }

    /** Comma-separated items of {@code item}, stripped; an empty item is refused (a stray comma is a mistake). */
    public static <T> SettingType<List<T>> listOf(SettingType<T> item, String label) {
        return new SettingType<>(
                label,
                text -> Arrays.stream(text.split(",", -1))
                        .map(String::strip)
                        .map(part -> {
                            if (part.isEmpty()) {
                                throw new IllegalArgumentException(
                                        "must not have an empty item in its comma-separated list");
                            }
                            return item.parse(part);
                        })
                        .toList());
    }

    /** Comma-separated text items. */
    public static SettingType<List<String>> list(String label) {
        return listOf(text(label), label);
    }

    /** Comma-separated credentials. */
    public static SettingType<List<Secret>> secrets(String label) {
        return listOf(secret(label), label);
    }

    /** A whole number from {@code min} to {@code max}. */
    @SuppressWarnings("UnusedException") // the cause quotes the text
    public static SettingType<Integer> integer(String label, int min, int max) {
        String rule = "must be a whole number from " + min + " to " + max;
        return new SettingType<>(label, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(rule);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(rule);
            }
            return value;
        });
    }

    /** {@code true}/{@code yes}/{@code 1} or {@code false}/{@code no}/{@code 0}. */
    public static SettingType<Boolean> bool() {
        return new SettingType<>("BOOL", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    /** A duration ({@link Durations}); a bare number counts {@code bare} units. */
    public static SettingType<Duration> duration(ChronoUnit bare) {
        return new SettingType<>("DURATION", text -> Durations.parse(text, bare));
    }

    /** Comma-separated durations ({@link Durations}); a bare number counts {@code bare} units. */
    public static SettingType<List<Duration>> durations(ChronoUnit bare) {
        return listOf(duration(bare), "DURATIONS");
    }

    /** An {@code http} or {@code https} URL with a host. */
    public static SettingType<URI> url() {
        return new SettingType<>("URL", SettingType::httpUrl);
    }

    /** Comma-separated {@code http} or {@code https} URLs with hosts. */
    public static SettingType<List<URI>> urls() {
        return listOf(url(), "URLS");
    }

    /** A file or folder. */
    public static SettingType<Path> path(String label) {
        return new SettingType<>(label, Path::of);
    }

    @SuppressWarnings("UnusedException") // the cause quotes the text
    private static URI httpUrl(String text) {
        @Nullable URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("must hold http or https URLs with a host");
        }
        return uri;
    }
}
