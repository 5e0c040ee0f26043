package dev.signet.emulator.seed;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A seeded user; without {@code pic_url} the user gets the emulator's generated avatar. */
public record UserSeed(
        String id,
        String email,
        String firstName,
        String lastName,
        @Nullable String picUrl) {
    public UserSeed(
            String id, String email, @Nullable String firstName, @Nullable String lastName, @Nullable String picUrl) {
        this.id = Objects.requireNonNull(id, "user id is required");
        this.email = Objects.requireNonNull(email, "user email is required");
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
        this.picUrl = picUrl;
    }
}
