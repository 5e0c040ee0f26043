package dev.signet.secrets.settings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployable's settings read from its environment (or any map using the variables' names): every declared setting
 * parsed once, at start-up, so a bad one stops it with one line naming the variable (never quoting the value).
 */
public final class SettingValues {
    private final Map<String, Object> values;
    private final Map<String, Boolean> given;

    private SettingValues(Map<String, Object> values, Map<String, Boolean> given) {
        this.values = values;
        this.given = given;
    }

    /**
     * Reads {@code declared} from {@code env}; unset and blank variables take their defaults.
     *
     * @throws IllegalArgumentException naming the first missing required or malformed variable
     */
    @SuppressWarnings("UnusedException") // see the catch
    public static SettingValues read(List<? extends Setting<?>> declared, Map<String, String> env) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Boolean> given = new LinkedHashMap<>();
        for (Setting<?> setting : declared) {
            String text = env.get(setting.env());
            String chosen = text == null || text.isBlank() ? null : text.strip();
            given.put(setting.env(), chosen != null);
            if (chosen == null && setting.required()) {
                throw new IllegalArgumentException(setting.env() + " is required but not set (" + setting.doc() + ")");
            }
            chosen = chosen == null ? setting.defaultValue() : chosen;
            if (chosen != null) {
                try {
                    values.put(setting.env(), setting.type().parse(chosen));
                } catch (IllegalArgumentException e) {
                    // Not chained: a custom parser's cause might quote the value, which may be a secret.
                    throw new IllegalArgumentException(setting.env() + " " + e.getMessage());
                }
            }
        }
        return new SettingValues(values, given);
    }

    /** The value given, or the default; for a setting without a default use {@link #find}. */
    @SuppressWarnings("unchecked") // stored by read() from this setting's own type
    public <T> T get(Setting<T> setting) {
        Object value = values.get(declared(setting));
        if (value == null) {
            throw new IllegalStateException(setting.env() + " has no default: read it with find()");
        }
        return (T) value;
    }

    /** The value given, or the default; empty when the setting is unset and has none. */
    @SuppressWarnings("unchecked") // stored by read() from this setting's own type
    public <T> Optional<T> find(Setting<T> setting) {
        return Optional.ofNullable((T) values.get(declared(setting)));
    }

    /** Whether the variable was given (not blank), as opposed to defaulted. */
    public boolean isSet(Setting<?> setting) {
        return Boolean.TRUE.equals(given.get(declared(setting)));
    }

    private String declared(Setting<?> setting) {
        if (!given.containsKey(setting.env())) {
            throw new IllegalStateException(setting.env() + " is not among the settings read");
        }
        return setting.env();
    }
}
