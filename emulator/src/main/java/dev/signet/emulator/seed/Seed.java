package dev.signet.emulator.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The emulator's seed data: accounts with their users, apps and meetings (format in the module README). */
public record Seed(List<AccountSeed> accounts) {
    public Seed(@Nullable List<AccountSeed> accounts) {
        this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** The built-in demo seed ({@link DemoSeed} names its credentials). */
    public static Seed demo() {
        return DemoSeed.seed();
    }

    /** A seed with no data. */
    public static Seed empty() {
        return new Seed(List.of());
    }

    /** Parses a JSON seed; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Seed fromJson(String json) {
        return parse(configure(JsonMapper.builder()).build(), json, "JSON");
    }

    /** Parses a YAML seed; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Seed fromYaml(String yaml) {
        return parse(configure(YAMLMapper.builder()).build(), yaml, "YAML");
    }

    /** Reads a seed file: YAML when it ends {@code .yaml} or {@code .yml}, else JSON. */
    public static Seed load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? fromYaml(text) : fromJson(text);
    }

    /** The account with this id. */
    public Optional<AccountSeed> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
            B configure(B builder) {
        return builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static Seed parse(ObjectMapper mapper, String text, String format) {
        try {
            return mapper.readValue(text, Seed.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(
                    "invalid " + format + " seed: "
                            + String.valueOf(cause.getMessage())
                                    .lines()
                                    .findFirst()
                                    .orElse(""),
                    e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("invalid " + format + " seed", e);
        }
    }
}
