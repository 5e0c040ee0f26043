package dev.signet.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks HTTP exchanges against the committed OpenAPI 3.1 document ({@code openapi/platform.json}) with
 * networknt's JSON Schema validator (the OpenAPI 3.1 dialect). Every answer must be one the document lists for
 * its operation and status, with a body that matches; a request the platform accepted (2xx) must match the
 * document's request body. A path or method the document does not list must answer a JSON error.
 * {@link ApiClient} runs every exchange of every API test through it.
 */
public final class OpenApiContract {
    static final String RESOURCE = "openapi/platform.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    }

    /** The platform's document, loaded once per test JVM. */
    public static OpenApiContract platform() {
        return Holder.PLATFORM;
    }

    private static final class Holder {
        static final OpenApiContract PLATFORM = load();

        private static OpenApiContract load() {
            try (InputStream in = Objects.requireNonNull(
                    OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE)) {
                return new OpenApiContract(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The document as a tree. */
    public JsonNode document() {
        return document;
    }

    /**
     * The ways an exchange breaks the contract (empty when it keeps it).
     *
     * @param uri the request's URI (path and query)
     * @param contentType the answer's {@code Content-Type}
     * @param headers the answer's headers, names in lower case
     */
    public List<String> violations(
            String method,
            URI uri,
            @Nullable String requestBody,
            int status,
            String contentType,
            Map<String, List<String>> headers,
            String responseBody) {
        List<String> out = new ArrayList<>();
        String where = method + " " + uri.getPath() + " → " + status;
        String found = template(uri.getPath());
        String template = found == null ? "/undocumented" : found;
        JsonNode operation = document.at(pointer("paths", template, method.toLowerCase(Locale.ROOT)));
        if (operation.isMissingNode()) {
            // Not a documented operation: only a JSON error may answer it (unknown path, wrong method, no key).
            if (status < 400) {
                out.add(where + ": undocumented operation answered " + status);
            } else {
                out.addAll(validate(where, "#/components/schemas/Error", responseBody));
            }
            return out;
        }
        String responsePointer =
                pointer("paths", template, method.toLowerCase(Locale.ROOT), "responses", Integer.toString(status));
        JsonNode response = document.at(responsePointer);
        if (response.isMissingNode()) {
            out.add(where + ": status not documented for this operation (body " + abbreviate(responseBody) + ")");
            return out;
        }
        response = resolve(response);
        JsonNode content = response.get("content");
        if (content == null) {
            if (!responseBody.isEmpty()) {
                out.add(where + ": documented without a body, answered " + abbreviate(responseBody));
            }
        } else if (content.has("application/json")) {
            if (!contentType.startsWith("application/json")) {
                out.add(where + ": Content-Type " + contentType + ", documented application/json");
            }
            out.addAll(validate(where, "#" + responsePointer + "/content/application~1json/schema", responseBody));
        }
        JsonNode documentedHeaders = response.get("headers");
        if (documentedHeaders != null) {
            for (Map.Entry<String, JsonNode> header : documentedHeaders.properties()) {
                boolean required = header.getValue().path("required").asBoolean(false);
                if (required && !headers.containsKey(header.getKey().toLowerCase(Locale.ROOT))) {
                    out.add(where + ": missing documented header " + header.getKey());
                }
            }
        }
        if (status >= 200 && status < 300) {
            JsonNode body = operation.at("/requestBody/content/application~1json/schema");
            if (!body.isMissingNode()) {
                String bodyPointer = pointer("paths", template, method.toLowerCase(Locale.ROOT))
                        + "/requestBody/content/application~1json/schema";
                if (requestBody == null || requestBody.isEmpty()) {
                    if (operation.at("/requestBody/required").asBoolean(false)) {
                        out.add(where + ": accepted a request without its required body");
                    }
                } else {
                    out.addAll(validate(where + " (request)", "#" + bodyPointer, requestBody));
                }
            }
        }
        return out;
    }

    /** Validates {@code json} against the schema at {@code fragment} of the document. */
    public List<String> validate(String where, String fragment, String json) {
        Schema schema = schemas.computeIfAbsent(
                fragment, f -> registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + f)));
        List<String> out = new ArrayList<>();
        try {
            for (Error error : schema.validate(json, InputFormat.JSON)) {
                out.add(where + ": " + error.getMessage() + " in " + abbreviate(json));
            }
        } catch (RuntimeException e) {
            out.add(where + ": not JSON (" + e.getClass().getSimpleName() + "): " + abbreviate(json));
        }
        return out;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asText().substring(1));
    }

    /** The document's path template for a concrete path, trailing slashes and doubled slashes ignored. */
    @Nullable
    String template(String path) {
        String[] actual = trimmed(path).split("/", -1);
        for (Iterator<String> it = document.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String[] parts = trimmed(template).split("/", -1);
            if (parts.length != actual.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < parts.length && match; i++) {
                match = parts[i].startsWith("{") ? !actual[i].isEmpty() : parts[i].equals(actual[i]);
            }
            if (match) {
                return template;
            }
        }
        return null;
    }

    private static String trimmed(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String pointer(String... tokens) {
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
