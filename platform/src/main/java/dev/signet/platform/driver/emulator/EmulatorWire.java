package dev.signet.platform.driver.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingParticipant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The emulator join protocol's JSON shapes (emulator/README.md): the join body and participant data. */
final class EmulatorWire {
    private EmulatorWire() {}

    /** The body of {@code POST /emulator/meetings/{n}/join}; the only place the attempt's credentials are revealed. */
    static Map<String, Object> joinBody(JoinRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sdk_key", request.sdkKey());
        body.put("signature", request.sdkSignature().reveal());
        body.put("display_name", request.displayName());
        body.put("role", request.role());
        if (request.password() != null) {
            body.put("passcode", request.password());
        }
        if (request.zak() != null) {
            body.put("zak", request.zak().reveal());
        }
        if (request.obfToken() != null) {
            body.put("obf_token", request.obfToken().reveal());
        }
        if (request.recordingToken() != null) {
            body.put("recording_token", request.recordingToken().reveal());
        }
        if (request.userEmail() != null) {
            body.put("email", request.userEmail());
        }
        if (request.tk() != null) {
            body.put("tk", request.tk());
        }
        return body;
    }

    /** A {@code participant_joined} / {@code participant_left} data object; {@code selfId} is this session's id. */
    static MeetingParticipant participant(JsonNode node, @Nullable String selfId) {
        String id = node.path("participant_id").asText("");
        return new MeetingParticipant(
                id,
                node.path("display_name").asText(""),
                text(node, "email"),
                text(node, "avatar_url"),
                node.path("signed_in").asBoolean(false),
                "host".equals(node.path("role").asText()),
                id.equals(selfId));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
