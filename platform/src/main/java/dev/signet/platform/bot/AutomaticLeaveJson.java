package dev.signet.platform.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.http.FieldErrors;
import dev.signet.platform.runtime.AutomaticLeave;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recall's {@code automatic_leave} object in whole seconds: {@code waiting_room_timeout},
 * {@code noone_joined_timeout} and {@code everyone_left_timeout}, the last either {@code {timeout,
 * activate_after}} or a plain integer. Missing fields take Recall's defaults.
 */
final class AutomaticLeaveJson {
    static final String FIELD = "automatic_leave";
    private static final long MAX_SECONDS = 7 * 24 * 3600;

    private AutomaticLeaveJson() {}

    static @Nullable AutomaticLeave parse(JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            return AutomaticLeave.DEFAULTS;
        }
        if (!node.isObject()) {
            errors.add(FIELD, "Must be an object.");
            return null;
        }
        AutomaticLeave d = AutomaticLeave.DEFAULTS;
        Duration waiting =
                seconds(node.get("waiting_room_timeout"), "waiting_room_timeout", 1, d.waitingRoomTimeout(), errors);
        Duration noone =
                seconds(node.get("noone_joined_timeout"), "noone_joined_timeout", 1, d.nooneJoinedTimeout(), errors);
        Duration everyone = d.everyoneLeftTimeout();
        Duration activate = d.everyoneLeftActivateAfter();
        JsonNode left = node.get("everyone_left_timeout");
        if (left != null && !left.isNull()) {
            if (left.isObject()) {
                everyone = seconds(left.get("timeout"), "everyone_left_timeout.timeout", 1, everyone, errors);
                activate = seconds(
                        left.get("activate_after"), "everyone_left_timeout.activate_after", 0, activate, errors);
            } else if (left.isIntegralNumber()) {
                everyone = seconds(left, "everyone_left_timeout", 1, everyone, errors);
            } else {
                errors.add(
                        FIELD, "everyone_left_timeout must be a whole number of seconds or {timeout, activate_after}.");
                everyone = null;
            }
        }
        if (waiting == null || noone == null || everyone == null || activate == null) {
            return null;
        }
        return new AutomaticLeave(waiting, noone, everyone, activate);
    }

    private static @Nullable Duration seconds(
            @Nullable JsonNode node, String name, long min, Duration fallback, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            errors.add(FIELD, name + " must be a whole number of seconds.");
            return null;
        }
        long value = node.asLong();
        if (value < min || value > MAX_SECONDS) {
            errors.add(FIELD, name + " must be between " + min + " and " + MAX_SECONDS + " seconds.");
            return null;
        }
        return Duration.ofSeconds(value);
    }

    /** The object as stored and shown (always the full form). */
    static Map<String, Object> toJson(AutomaticLeave leave) {
        Map<String, Object> everyone = new LinkedHashMap<>();
        everyone.put("timeout", leave.everyoneLeftTimeout().toSeconds());
        everyone.put("activate_after", leave.everyoneLeftActivateAfter().toSeconds());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("waiting_room_timeout", leave.waitingRoomTimeout().toSeconds());
        out.put("noone_joined_timeout", leave.nooneJoinedTimeout().toSeconds());
        out.put("everyone_left_timeout", everyone);
        return out;
    }
}
