package dev.signet.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads request bodies and writes JSON responses with one {@link ObjectMapper}: snake_case properties, nulls
 * kept (Recall's clients expect {@code "sub_code": null}).
 */
public final class JsonCodec {
    static final String WROTE_JSON = "signet.wroteJson";

    private final ObjectMapper mapper;

    public JsonCodec() {
        // One buffer pool for the mapper: Jackson's default keeps buffers per thread, and on virtual threads (one per
        // request and per bot) they would stay as long as each thread lives.
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                        .build())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The mapper, for code that stores JSON columns. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * The request body as a JSON tree.
     *
     * @throws MalformedJsonException when the body is empty or not JSON; its message names only the position
     */
    public JsonNode readTree(Context ctx) {
        return readTree(ctx.bodyAsBytes());
    }

    /**
     * A request body as a JSON tree.
     *
     * @throws MalformedJsonException when the body is empty, not JSON or not decodable text (e.g. a body starting
     *     with NUL bytes, which Jackson reads as UTF-32); its message names only the position
     */
    public JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw new MalformedJsonException("Request body is empty; expected a JSON object.");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new MalformedJsonException("Malformed JSON" + where + ".");
        } catch (IOException e) {
            // The body is already in memory: the only I/O failure left is text that does not decode.
            throw new MalformedJsonException("Malformed JSON: the body is not UTF-8 text.");
        }
    }

    /** Writes {@code body} as JSON with {@code status}. */
    public void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
            ctx.attribute(WROTE_JSON, true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }

    /** Encodes a value to a JSON string (for JSON columns and webhook payloads). */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Decodes a JSON string that this platform wrote itself (a JSON column). */
    public JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed at " + e.getLocation(), e);
        }
    }
}
