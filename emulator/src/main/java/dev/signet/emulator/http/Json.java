package dev.signet.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** The emulator's one JSON mapper: snake_case names, as Zoom writes them; nulls are written. */
public final class Json {
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The configured mapper. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** {@code value} as JSON text. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses {@code text} as a {@code type}; throws {@link JsonProcessingException} on bad input. */
    public <T> T read(String text, Class<T> type) throws JsonProcessingException {
        return mapper.readValue(text, type);
    }

    /** Answers {@code status} with {@code body} as JSON. */
    public void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(write(body));
    }
}
