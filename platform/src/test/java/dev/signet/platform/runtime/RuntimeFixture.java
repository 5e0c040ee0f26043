package dev.signet.platform.runtime;

import dev.signet.platform.token.AddressResolver;
import dev.signet.platform.token.TokenFetcher;
import dev.signet.platform.token.TokenFetcherSettings;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.sdk.SdkCredentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

/** The runtime under test with its fakes: scripted driver, in-memory store, mutable clock, loopback token server. */
final class RuntimeFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final SdkCredentials SDK = new SdkCredentials("sdk-key", Secret.of("sdk-secret-0123456789abcdef"));
    static final RuntimeSettings SETTINGS = new RuntimeSettings(
            Duration.ofMillis(20),
            10,
            SDK,
            Duration.ofSeconds(60),
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));

    final MutableClock clock = MutableClock.at(T0);
    final InMemoryBotStore store = new InMemoryBotStore();
    final ScriptedDriver driver = new ScriptedDriver(clock);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MockWebServer tokenServer = new MockWebServer();
    private final TokenFetcher tokens;
    final BotRuntime runtime;

    RuntimeFixture() throws Exception {
        tokenServer.start(InetAddress.getLoopbackAddress(), 0);
        AddressResolver noDns = host -> {
            throw new UnknownHostException("tests resolve no names: " + host);
        };
        tokens = new TokenFetcher(TokenFetcherSettings.defaults(true), null, clock, noDns, duration -> {});
        runtime = newRuntime();
    }

    /** Another runtime on the same store, driver and clock: a restarted platform. */
    BotRuntime newRuntime() {
        return new BotRuntime(store, new SoloCluster(store), driver, tokens, SETTINGS, clock, meters, clock::advance);
    }

    /** A new bot in {@code status} (dispatched unless {@code ready}), added to the store. */
    RunnableBot bot(String status, @Nullable Secret zakUrl, AutomaticLeave leave, @Nullable Instant joinAt) {
        return bot("Notetaker", status, zakUrl, leave, joinAt);
    }

    RunnableBot bot(
            String name, String status, @Nullable Secret zakUrl, AutomaticLeave leave, @Nullable Instant joinAt) {
        RunnableBot bot = new RunnableBot(
                UUID.randomUUID(),
                name,
                "81234567890",
                "pwd.1",
                null,
                JoinCredentials.zak(zakUrl),
                leave,
                joinAt,
                status);
        store.add(bot, clock.instant());
        return bot;
    }

    /** A new ready bot with {@code credentials}, added to the store. */
    RunnableBot bot(JoinCredentials credentials, AutomaticLeave leave) {
        RunnableBot bot = new RunnableBot(
                UUID.randomUUID(),
                "Notetaker",
                "81234567890",
                "pwd.1",
                null,
                credentials,
                leave,
                null,
                BotStatus.READY);
        store.add(bot, clock.instant());
        return bot;
    }

    /** A token URL on the fixture's loopback token server at {@code path}, with a query secret. */
    Secret tokenUrl(String path) {
        return Secret.of("http://127.0.0.1:" + tokenServer.getPort() + path + "?token=query-secret");
    }

    RunnableBot bot() {
        return bot(BotStatus.READY, null, AutomaticLeave.DEFAULTS, null);
    }

    RunnableBot botWithZak() {
        return bot(BotStatus.READY, zakUrl(), AutomaticLeave.DEFAULTS, null);
    }

    Secret zakUrl() {
        return Secret.of("http://127.0.0.1:" + tokenServer.getPort() + "/zak?token=query-secret");
    }

    double counter(String name, String kind, String outcome) {
        var counter =
                meters.find(name).tag("kind", kind).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    double counter(String name, String outcome) {
        var counter = meters.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        runtime.close();
        tokenServer.close();
    }
}
