package dev.signet.emulator.seed;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One account of a seed, with everything that belongs to it. */
public record AccountSeed(
        String id,
        String name,
        String plan,
        List<UserSeed> users,
        List<S2sAppSeed> s2sApps,
        List<OAuthAppSeed> oauthApps,
        List<SdkAppSeed> sdkApps,
        List<MeetingSeed> meetings) {
    public AccountSeed(
            String id,
            @Nullable String name,
            @Nullable String plan,
            @Nullable List<UserSeed> users,
            @Nullable List<S2sAppSeed> s2sApps,
            @Nullable List<OAuthAppSeed> oauthApps,
            @Nullable List<SdkAppSeed> sdkApps,
            @Nullable List<MeetingSeed> meetings) {
        this.id = Objects.requireNonNull(id, "account id is required");
        this.name = name == null ? id : name;
        this.plan = plan == null ? "pro" : plan;
        this.users = copy(users);
        this.s2sApps = copy(s2sApps);
        this.oauthApps = copy(oauthApps);
        this.sdkApps = copy(sdkApps);
        this.meetings = copy(meetings);
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
