package dev.signet.platform.bot;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.http.MalformedJsonException;
import dev.signet.platform.http.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzes the bot API's request parsing as the routes run it: a body is malformed JSON (400 {@code parse_error}),
 * a validation failure naming fields (400), or a valid create/update request. Any other exception would be a 500
 * and fails the run. See fuzz/README.md.
 */
class BotRequestFuzzTest {
    static final JsonCodec JSON = new JsonCodec();
    static final BotRequestParser PARSER = new BotRequestParser(
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), new TokenUrls(true));

    @FuzzTest(maxDuration = "30s")
    void createAndUpdate_answer400OrAValidRequest(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body); // what the routes call
        } catch (MalformedJsonException malformed) {
            return; // 400 parse_error
        }
        try {
            PARSER.create(node);
        } catch (ValidationException invalid) {
            // 400 naming the fields
        }
        try {
            PARSER.update(node);
        } catch (ValidationException invalid) {
            // 400 naming the fields
        }
    }
}
