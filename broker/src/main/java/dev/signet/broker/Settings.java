package dev.signet.broker;

import dev.signet.secrets.Secret;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code SIGNET_*} settings from an environment map, failing with one line that names the setting. */
final class Settings {
    private final Map<String, String> env;

    Settings(Map<String, String> env) {
        this.env = env;
    }

    Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(name + " is required but not set"));
    }

    int integer(String name, int fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value.get() + "'", e);
        }
    }

    Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }

    Duration millis(String name, long fallback) {
        return Duration.ofMillis(number(name, fallback));
    }

    private long number(String name, long fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got '" + value.get() + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value.get() + "'", e);
        }
    }

    /** A comma-separated list; empty when unset. Values are not echoed: the list may hold secrets. */
    List<String> list(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> items =
                Arrays.stream(value.get().split(",", -1)).map(String::trim).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(name + " has an empty item in its comma-separated list");
        }
        return items;
    }

    String url(String name, String fallback) {
        String value = optional(name).orElse(fallback);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an http or https URL with a host");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(name + " must not carry a query, fragment or user info");
            }
            return value;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL", e);
        }
    }

    @SuppressWarnings("UnusedException") // the cause's message might quote the secret
    static void requireWebhookSecret(Secret secret) {
        try {
            WebhookSecret.parse(secret.reveal());
        } catch (RuntimeException e) {
            // The parser's message might quote the value; name the setting only.
            throw new IllegalArgumentException(
                    "SIGNET_BROKER_WEBHOOK_SECRET must be a whsec_ secret (whsec_ followed by a base64 key)");
        }
    }
}
