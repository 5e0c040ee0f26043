package dev.signet.platform.bot;

import dev.signet.platform.runtime.StatusChange;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of a {@code bot.<code>} webhook in Recall's v1.11 shape, written with snake_case names:
 * {@code {"event", "data": {"data": {code, sub_code, updated_at}, "bot": {id, metadata}}}}.
 */
record StatusWebhook(String event, Data data) {
    record Data(Status data, BotRef bot) {}

    record Status(String code, @Nullable String subCode, String updatedAt) {}

    record BotRef(String id, Map<String, String> metadata) {}

    static StatusWebhook of(UUID botId, Map<String, String> metadata, StatusChange change) {
        return new StatusWebhook(
                "bot." + change.code(),
                new Data(
                        new Status(
                                change.code(),
                                change.subCode(),
                                change.createdAt().toString()),
                        new BotRef(botId.toString(), metadata)));
    }
}
