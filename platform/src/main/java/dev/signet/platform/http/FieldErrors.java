package dev.signet.platform.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation messages per field so that one response names every bad field at once. */
public final class FieldErrors {
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** Records that {@code field} is bad, and why. */
    public void add(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a {@link ValidationException} if any field was bad. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
            throw new ValidationException(copy);
        }
    }
}
