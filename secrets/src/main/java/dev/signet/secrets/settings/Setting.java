package dev.signet.secrets.settings;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One setting of a deployable, declared once: everything the environment reader, {@code --help} and the README tables
 * need. Declare it with {@link #of}, {@link #required} or {@link #optional}; read it with {@link SettingValues}.
 *
 * @param env the environment variable ({@code SIGNET_…})
 * @param flag the command-line flag ({@code --…}) that overrides the variable
 * @param type how the text becomes a value
 * @param defaultValue the text used when the variable is unset (parsed like a given value), or null
 * @param required whether start-up fails when the variable is unset
 * @param shownDefault what the docs show as the default when there is no {@code defaultValue} (markdown)
 * @param doc one line: what the setting means (markdown, lower case, no final period)
 * @param <T> the value's type
 */
public record Setting<T>(
        String env,
        String flag,
        SettingType<T> type,
        @Nullable String defaultValue,
        boolean required,
        String shownDefault,
        String doc) {
    private static final Pattern ENV = Pattern.compile("SIGNET_[A-Z0-9_]+");
    private static final Pattern FLAG = Pattern.compile("--[a-z0-9-]+");
    /** What the docs show for an optional setting without a default. */
    public static final String NONE = "—";

    /** Checks the declaration, and that the default parses, so a bad one fails when its class loads. */
    public Setting {
        Objects.requireNonNull(type, "type");
        check(ENV.matcher(env).matches(), "environment variable " + env + " must look like SIGNET_NAME");
        check(FLAG.matcher(flag).matches(), env + ": flag " + flag + " must look like --name");
        check(!doc.isBlank() && doc.indexOf('\n') < 0 && !doc.endsWith("."), env + ": doc must be one line, no period");
        check(!(required && defaultValue != null), env + ": a required setting has no default");
        if (defaultValue != null) {
            type.parse(defaultValue);
        }
    }

    /** A setting with a default. */
    public static <T> Setting<T> of(String env, String flag, SettingType<T> type, String defaultValue, String doc) {
        return new Setting<>(env, flag, type, defaultValue, false, "`" + defaultValue + "`", doc);
    }

    /** A setting start-up cannot do without. */
    public static <T> Setting<T> required(String env, String flag, SettingType<T> type, String doc) {
        return new Setting<>(env, flag, type, null, true, "required", doc);
    }

    /** A setting that may stay unset; the docs show {@link #NONE} as its default. */
    public static <T> Setting<T> optional(String env, String flag, SettingType<T> type, String doc) {
        return optional(env, flag, type, NONE, doc);
    }

    /** A setting that may stay unset, meaning what {@code shownDefault} says (e.g. "H2 file in the data dir"). */
    public static <T> Setting<T> optional(
            String env, String flag, SettingType<T> type, String shownDefault, String doc) {
        return new Setting<>(env, flag, type, null, false, shownDefault, doc);
    }

    /** The flag's description in {@code --help}: the doc, the variable and the default. */
    public String help() {
        String shown = shownDefault.replace("`", "");
        String tail = required ? " (required)" : shownDefault.equals(NONE) ? "" : ", default " + shown;
        return doc.replace("`", "") + ". Env " + env + tail + ".";
    }

    /** The setting's row in a README table ({@link SettingsTable}). */
    String markdownRow() {
        return "| `" + env + "` | `" + flag + "` | " + shownDefault.replace("|", "\\|") + " | "
                + doc.replace("|", "\\|") + " |";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
