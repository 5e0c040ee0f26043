package dev.signet.emulator.seed;

import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.OAuthApp;
import dev.signet.emulator.directory.Plan;
import dev.signet.emulator.directory.S2sApp;
import dev.signet.emulator.directory.SdkApp;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.meetings.Capacity;
import dev.signet.emulator.meetings.MeetingSchedule;
import dev.signet.emulator.meetings.MeetingSettings;
import dev.signet.emulator.meetings.MeetingSpec;
import dev.signet.emulator.meetings.MeetingStore;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Loads seed data into the directory and the meeting store (at start and through the admin API). */
public final class SeedLoader {
    private final Directory directory;
    private final MeetingStore meetings;

    public SeedLoader(Directory directory, MeetingStore meetings) {
        this.directory = directory;
        this.meetings = meetings;
    }

    /** Adds everything in {@code seed}; an existing account is updated, existing users or meetings are errors. */
    public void load(Seed seed) {
        for (AccountSeed a : seed.accounts()) {
            Plan plan = Plan.parse(a.plan());
            boolean blocked =
                    directory.findAccount(a.id()).map(Account::blocked).orElse(false);
            directory.putAccount(new Account(a.id(), a.name(), plan, blocked));
            for (UserSeed u : a.users()) {
                directory.addUser(new User(u.id(), a.id(), u.email(), u.firstName(), u.lastName(), u.picUrl()));
            }
            for (S2sAppSeed s : a.s2sApps()) {
                directory.putS2sApp(
                        new S2sApp(s.clientId(), s.clientSecret(), a.id(), scopes(s.scopes(), S2sApp.DEFAULT_SCOPES)));
            }
            for (OAuthAppSeed o : a.oauthApps()) {
                directory.putOAuthApp(new OAuthApp(
                        o.clientId(),
                        o.clientSecret(),
                        a.id(),
                        o.redirectUris(),
                        scopes(o.scopes(), OAuthApp.DEFAULT_SCOPES),
                        OAuthApp.eventUrl(o.eventUrl()),
                        o.secretToken()));
            }
            for (SdkAppSeed k : a.sdkApps()) {
                directory.putSdkApp(new SdkApp(k.key(), k.secret(), a.id(), k.published()));
            }
            for (MeetingSeed m : a.meetings()) {
                meetings.create(meeting(a.id(), plan, m));
            }
        }
    }

    private MeetingSpec meeting(String accountId, Plan plan, MeetingSeed m) {
        User host = directory
                .findUser(m.host())
                .filter(u -> u.accountId().equals(accountId))
                .orElseThrow(() -> new IllegalArgumentException(
                        "meeting " + m.id() + ": host " + m.host() + " is not a user of account " + accountId));
        MeetingSeed.Settings s = m.settings();
        MeetingSettings settings = s == null
                ? MeetingSettings.DEFAULTS
                : new MeetingSettings(
                        Boolean.TRUE.equals(s.meetingAuthentication()),
                        s.authenticationDomains() == null ? List.of() : s.authenticationDomains(),
                        Boolean.TRUE.equals(s.waitingRoom()),
                        Boolean.TRUE.equals(s.joinBeforeHost()));
        int capacity = m.capacity() == null ? Capacity.of(plan) : m.capacity();
        return new MeetingSpec(
                m.id(), accountId, host.id(), MeetingSchedule.of(m.topic()), m.password(), settings, capacity);
    }

    private static Set<String> scopes(@Nullable List<String> seeded, Set<String> defaults) {
        return seeded == null ? defaults : Set.copyOf(seeded);
    }
}
