package dev.signet.emulator.seed;

import dev.signet.emulator.secret.Secret;
import java.util.List;

/**
 * The built-in demo seed and its credentials, stable across runs so that the demo, the docs and end-to-end tests
 * can name them. Acme (Pro) holds the host, the dedicated notetaker user, an S2S app, a user-level OAuth app, a
 * published and an unpublished SDK app and three meetings; Globex (Free) is another account for cross-account
 * tests.
 */
public final class DemoSeed {
    public static final String ACME_ACCOUNT_ID = "acme-account";
    public static final String ACME_S2S_CLIENT_ID = "acme-s2s-client";
    public static final String ACME_S2S_CLIENT_SECRET = "acme-s2s-secret-0123456789";
    public static final String ACME_OAUTH_CLIENT_ID = "acme-oauth-client";
    public static final String ACME_OAUTH_CLIENT_SECRET = "acme-oauth-secret-0123456789";
    public static final String ACME_SDK_KEY = "acme-sdk-key";
    public static final String ACME_SDK_SECRET = "acme-sdk-secret-0123456789abcdef";
    public static final String ACME_UNPUBLISHED_SDK_KEY = "acme-dev-sdk-key";
    public static final String ACME_UNPUBLISHED_SDK_SECRET = "acme-dev-sdk-secret-0123456789ab";
    public static final String HOST_USER_ID = "u-hana-host";
    public static final String HOST_EMAIL = "host@acme.example";
    public static final String NOTETAKER_USER_ID = "u-acme-notetaker";
    public static final String NOTETAKER_EMAIL = "notetaker@acme.example";
    /** A plain meeting of Acme's host, with a passcode. */
    public static final long ACME_MEETING = 81234567890L;

    public static final String ACME_MEETING_PASSCODE = "acme123";
    /** An Acme meeting that only signed-in users of {@code acme.example} may join. */
    public static final long ACME_SIGNED_IN_MEETING = 81234567891L;
    /** An Acme meeting with a waiting room. */
    public static final long ACME_WAITING_ROOM_MEETING = 81234567892L;

    public static final String GLOBEX_ACCOUNT_ID = "globex-account";
    public static final String GLOBEX_S2S_CLIENT_ID = "globex-s2s-client";
    public static final String GLOBEX_S2S_CLIENT_SECRET = "globex-s2s-secret-0123456789";
    public static final String GLOBEX_SDK_KEY = "globex-sdk-key";
    public static final String GLOBEX_SDK_SECRET = "globex-sdk-secret-0123456789abcd";
    public static final String GLOBEX_USER_ID = "u-gary-globex";
    public static final String GLOBEX_EMAIL = "gary@globex.example";
    /** A meeting of Globex, for cross-account joins. */
    public static final long GLOBEX_MEETING = 89876543210L;

    public static final String GLOBEX_MEETING_PASSCODE = "globex1";

    private DemoSeed() {}

    /** The demo seed. */
    public static Seed seed() {
        return new Seed(List.of(acme(), globex()));
    }

    private static AccountSeed acme() {
        return new AccountSeed(
                ACME_ACCOUNT_ID,
                "Acme",
                "pro",
                List.of(
                        new UserSeed(HOST_USER_ID, HOST_EMAIL, "Hana", "Host", null),
                        new UserSeed(NOTETAKER_USER_ID, NOTETAKER_EMAIL, "Acme", "Notetaker", null)),
                List.of(new S2sAppSeed(ACME_S2S_CLIENT_ID, Secret.of(ACME_S2S_CLIENT_SECRET), null)),
                List.of(new OAuthAppSeed(
                        ACME_OAUTH_CLIENT_ID,
                        Secret.of(ACME_OAUTH_CLIENT_SECRET),
                        List.of("http://127.0.0.1", "http://localhost"),
                        null)),
                List.of(
                        new SdkAppSeed(ACME_SDK_KEY, Secret.of(ACME_SDK_SECRET), true),
                        new SdkAppSeed(ACME_UNPUBLISHED_SDK_KEY, Secret.of(ACME_UNPUBLISHED_SDK_SECRET), false)),
                List.of(
                        new MeetingSeed(ACME_MEETING, HOST_USER_ID, "Acme weekly", ACME_MEETING_PASSCODE, null, null),
                        new MeetingSeed(
                                ACME_SIGNED_IN_MEETING,
                                HOST_USER_ID,
                                "Acme all-hands (signed-in users only)",
                                null,
                                new MeetingSeed.Settings(true, List.of("acme.example"), false, false),
                                null),
                        new MeetingSeed(
                                ACME_WAITING_ROOM_MEETING,
                                HOST_USER_ID,
                                "Acme interviews (waiting room)",
                                null,
                                new MeetingSeed.Settings(false, List.of(), true, false),
                                null)));
    }

    private static AccountSeed globex() {
        return new AccountSeed(
                GLOBEX_ACCOUNT_ID,
                "Globex",
                "free",
                List.of(new UserSeed(GLOBEX_USER_ID, GLOBEX_EMAIL, "Gary", "Globex", null)),
                List.of(new S2sAppSeed(GLOBEX_S2S_CLIENT_ID, Secret.of(GLOBEX_S2S_CLIENT_SECRET), null)),
                List.of(),
                List.of(new SdkAppSeed(GLOBEX_SDK_KEY, Secret.of(GLOBEX_SDK_SECRET), true)),
                List.of(new MeetingSeed(
                        GLOBEX_MEETING, GLOBEX_USER_ID, "Globex review", GLOBEX_MEETING_PASSCODE, null, null)));
    }
}
