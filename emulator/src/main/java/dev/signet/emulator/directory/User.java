package dev.signet.emulator.directory;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A Zoom user of one account; {@code picUrl} overrides the emulator's generated avatar when set. */
public record User(
        String id,
        String accountId,
        String email,
        String firstName,
        String lastName,
        @Nullable String picUrl) {
    public User {
        Names.require("user id", id);
        Names.require("user account_id", accountId);
        Names.require("user email", email);
        if (email.indexOf('@') < 1 || email.indexOf('@') != email.lastIndexOf('@')) {
            throw new IllegalArgumentException("user email must look like name@domain");
        }
    }

    /** First and last name, as Zoom shows the user. */
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }

    /** The part of the email after {@code @}, lowercase. */
    public String emailDomain() {
        return email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
