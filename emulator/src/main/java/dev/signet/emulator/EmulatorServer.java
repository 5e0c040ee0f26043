package dev.signet.emulator;

import dev.signet.emulator.admin.AdminRoutes;
import dev.signet.emulator.deauth.Deauthorizer;
import dev.signet.emulator.deauth.EventNotifier;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.faults.FaultGate;
import dev.signet.emulator.faults.Faults;
import dev.signet.emulator.gateway.UserResolver;
import dev.signet.emulator.gateway.ZoomApi;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.http.Links;
import dev.signet.emulator.http.Plumbing;
import dev.signet.emulator.join.HostControls;
import dev.signet.emulator.join.HostRoutes;
import dev.signet.emulator.join.JoinRoutes;
import dev.signet.emulator.join.JoinService;
import dev.signet.emulator.join.People;
import dev.signet.emulator.join.SdkSignature;
import dev.signet.emulator.meetings.MeetingRoutes;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.meetings.MeetingViews;
import dev.signet.emulator.oauth.Authorizations;
import dev.signet.emulator.oauth.BearerAuth;
import dev.signet.emulator.oauth.Consent;
import dev.signet.emulator.oauth.Grants;
import dev.signet.emulator.oauth.OAuthRoutes;
import dev.signet.emulator.oauth.OAuthService;
import dev.signet.emulator.oauth.TokenStore;
import dev.signet.emulator.ratelimit.RateLimiter;
import dev.signet.emulator.sdk.SdkRoutes;
import dev.signet.emulator.secret.RandomTokens;
import dev.signet.emulator.seed.Seed;
import dev.signet.emulator.seed.SeedLoader;
import dev.signet.emulator.tokens.RecordingTokens;
import dev.signet.emulator.tokens.UserTokens;
import dev.signet.emulator.users.UserRoutes;
import dev.signet.emulator.web.AppsPage;
import dev.signet.emulator.web.Avatars;
import dev.signet.emulator.web.Pages;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The emulator's composition root: a local Zoom on one HTTP port. Start it in-process with {@link #start(Seed,
 * Clock)} (port 0, loopback; it prints nothing) and close it when done.
 */
public final class EmulatorServer implements AutoCloseable {
    private final Javalin javalin;
    private final MeetingStore meetings;
    private final JoinRoutes joinRoutes;
    private final EventNotifier notifier;
    private final ScheduledExecutorService sweeper;
    private final Seed seed;
    private final String baseUrl;

    private EmulatorServer(
            Javalin javalin,
            MeetingStore meetings,
            JoinRoutes joinRoutes,
            EventNotifier notifier,
            ScheduledExecutorService sweeper,
            Seed seed,
            String baseUrl) {
        this.javalin = javalin;
        this.meetings = meetings;
        this.joinRoutes = joinRoutes;
        this.notifier = notifier;
        this.sweeper = sweeper;
        this.seed = seed;
        this.baseUrl = baseUrl;
    }

    /** Starts an emulator with {@code seed} on a free loopback port. */
    public static EmulatorServer start(Seed seed, Clock clock) {
        return start(EmulatorConfig.of(seed, clock));
    }

    /** Starts an emulator as configured. */
    public static EmulatorServer start(EmulatorConfig config) {
        Clock clock = config.clock();
        Json json = new Json();
        RandomTokens random = new RandomTokens();
        Links links = new Links();
        Directory directory = new Directory();
        MeetingStore meetings = new MeetingStore(random, clock, config.disconnectGrace());
        SeedLoader loader = new SeedLoader(directory, meetings);
        loader.load(config.seed());
        TokenStore accessTokens = new TokenStore(random, clock);
        Grants grants = new Grants(random, clock);
        UserTokens userTokens = new UserTokens(random, clock);
        Faults faults = new Faults();
        FaultGate gate = new FaultGate(faults, config.pause());
        ZoomApi api =
                new ZoomApi(gate, new BearerAuth(accessTokens, directory), new RateLimiter(clock), directory, json);
        UserResolver resolver = new UserResolver(directory);
        MeetingViews views = new MeetingViews(directory, userTokens, config.webBase());
        People people = new People(random, links);
        RecordingTokens recordingTokens = new RecordingTokens(random, clock);
        JoinService join = new JoinService(
                meetings,
                directory,
                userTokens,
                recordingTokens,
                new SdkSignature(directory, json.mapper(), clock),
                people);
        Authorizations authorizations = new Authorizations(grants, accessTokens, userTokens);
        OAuthRoutes oauth = new OAuthRoutes(
                new OAuthService(directory, accessTokens, grants, authorizations, links),
                new Consent(directory, grants),
                json,
                gate);
        UserRoutes users = new UserRoutes(api, resolver, userTokens, meetings, directory, links, json);
        MeetingRoutes meetingRoutes =
                new MeetingRoutes(api, meetings, resolver, directory, views, recordingTokens, json);
        JoinRoutes joinRoutes = new JoinRoutes(join, meetings, json, config.pingInterval(), gate);
        HostRoutes hostRoutes = new HostRoutes(new HostControls(meetings, directory, people), views, json);
        EventNotifier notifier = new EventNotifier();
        Deauthorizer deauthorizer = new Deauthorizer(directory, authorizations, notifier, random, json, clock);
        AdminRoutes admin = new AdminRoutes(
                directory, meetings, loader, userTokens, accessTokens, grants, faults, deauthorizer, json);
        Javalin javalin = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = 1_000_000L;
            // Thousands of bots connect at once in scale tests: a deep accept queue instead of the JDK's 50.
            c.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setAcceptQueueSize(4096);
                return connector;
            });
            new Plumbing(json, random).register(c.routes);
            oauth.register(c.routes);
            users.register(c.routes);
            meetingRoutes.register(c.routes);
            joinRoutes.register(c.routes);
            hostRoutes.register(c.routes);
            admin.register(c.routes);
            new Avatars(directory).register(c.routes);
            new Pages(meetings, directory).register(c.routes);
            new AppsPage(authorizations, directory, deauthorizer).register(c.routes);
            new SdkRoutes().register(c.routes);
        });
        javalin.start();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        String baseUrl = "http://" + host + ":" + javalin.port();
        links.setBase(baseUrl);
        // Meetings catch up with the clock whenever they are looked at; between looks, a sweep every second lets the
        // participants whose clients went away leave (others' streams see participant_left without anyone asking).
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("emulator-disconnect-sweeper").factory());
        var _ = sweeper.scheduleWithFixedDelay(meetings::reapDisconnected, 1, 1, TimeUnit.SECONDS);
        return new EmulatorServer(javalin, meetings, joinRoutes, notifier, sweeper, config.seed(), baseUrl);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}: the OAuth base and the join protocol's base. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The OAuth base (an origin, like {@code https://zoom.us}). */
    public String oauthBase() {
        return baseUrl;
    }

    /** The REST API base including the version, like {@code https://api.zoom.us/v2}. */
    public String apiBase() {
        return baseUrl + "/v2";
    }

    public int port() {
        return javalin.port();
    }

    /** The seed the emulator started with (its credentials; {@link dev.signet.emulator.seed.DemoSeed} names the demo's). */
    public Seed seed() {
        return seed;
    }

    /** Closes every event stream and stops the server. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        meetings.closeStreams();
        try {
            joinRoutes.awaitStreamsClosed(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        javalin.stop();
        notifier.close();
    }
}
