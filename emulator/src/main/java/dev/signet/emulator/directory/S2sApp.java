package dev.signet.emulator.directory;

import dev.signet.emulator.secret.Secret;
import java.util.Set;

/** A Server-to-Server OAuth app of one account, with the scopes its tokens carry. */
public record S2sApp(String clientId, Secret clientSecret, String accountId, Set<String> scopes) {
    /** What a new S2S app may do unless its seed lists scopes. */
    public static final Set<String> DEFAULT_SCOPES = Set.of(
            "user:read:user:admin",
            "user:read:token:admin",
            "user:read:zak:admin",
            "meeting:read:meeting:admin",
            "meeting:write:meeting:admin",
            "meeting:update:meeting:admin",
            "meeting:delete:meeting:admin",
            "meeting:update:status:admin",
            "meeting:read:local_recording_token:admin");

    public S2sApp {
        Names.require("s2s client_id", clientId);
        Names.require("s2s account_id", accountId);
        scopes = Set.copyOf(scopes);
    }
}
