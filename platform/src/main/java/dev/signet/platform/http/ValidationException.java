package dev.signet.platform.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad client input: becomes 400 with {@code {"<field>": ["<message>", …]}}, the Django REST framework shape
 * Recall's clients parse.
 */
public final class ValidationException extends RuntimeException {
    private final Map<String, List<String>> errors;

    public ValidationException(Map<String, List<String>> errors) {
        super("invalid fields: " + errors.keySet());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** One bad field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, List.of(message)));
    }

    /** The bad fields, each with its messages. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
