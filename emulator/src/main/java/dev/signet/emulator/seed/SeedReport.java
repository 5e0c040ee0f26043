package dev.signet.emulator.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a standalone emulator prints at start: its base URLs and every seeded credential, so a person can point the
 * broker and the platform at it. Never used in-process: these lines hold secrets.
 */
public final class SeedReport {
    private SeedReport() {}

    /** The report lines for an emulator at {@code baseUrl} seeded with {@code seed}. */
    public static List<String> lines(Seed seed, String baseUrl) {
        List<String> out = new ArrayList<>();
        out.add("Zoom emulator listening on " + baseUrl);
        out.add("  OAuth base:     " + baseUrl + "   (SIGNET_ZOOM_OAUTH_URL)");
        out.add("  API base:       " + baseUrl + "/v2   (SIGNET_ZOOM_API_URL)");
        out.add("  Join protocol:  " + baseUrl + "/emulator/meetings/{number}/join   (SIGNET_EMULATOR_URL=" + baseUrl
                + ")");
        out.add("  Meetings page:  " + baseUrl + "/emulator/web/meetings");
        out.add("  Admin API:      " + baseUrl + "/emulator/admin/…");
        for (AccountSeed a : seed.accounts()) {
            out.add("");
            out.add(String.format(Locale.ROOT, "Account %s \"%s\" (%s plan)", a.id(), a.name(), a.plan()));
            for (S2sAppSeed s : a.s2sApps()) {
                out.add("  S2S OAuth app   account_id=" + a.id() + " client_id=" + s.clientId() + " client_secret="
                        + s.clientSecret().reveal());
            }
            for (OAuthAppSeed o : a.oauthApps()) {
                out.add("  User OAuth app  client_id=" + o.clientId() + " client_secret="
                        + o.clientSecret().reveal() + " redirect_uris=" + String.join(",", o.redirectUris())
                        + (o.eventUrl() == null ? "" : " event_url=" + o.eventUrl())
                        + (o.secretToken() == null
                                ? ""
                                : " secret_token=" + o.secretToken().reveal()));
            }
            for (SdkAppSeed k : a.sdkApps()) {
                out.add("  Meeting SDK app key=" + k.key() + " secret="
                        + k.secret().reveal() + (k.published() ? " (published)" : " (unpublished)"));
            }
            for (UserSeed u : a.users()) {
                out.add(String.format(
                        Locale.ROOT,
                        "  User            %s <%s> \"%s %s\"",
                        u.id(),
                        u.email(),
                        u.firstName(),
                        u.lastName()));
            }
            for (MeetingSeed m : a.meetings()) {
                out.add(String.format(
                        Locale.ROOT,
                        "  Meeting         %d \"%s\" host=%s%s",
                        m.id(),
                        m.topic(),
                        m.host(),
                        m.password() == null ? "" : " passcode=" + m.password()));
            }
        }
        return out;
    }
}
