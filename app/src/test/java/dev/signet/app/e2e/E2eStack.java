package dev.signet.app.e2e;

import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.emulator.EmulatorConfig;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.webhooks.WebhookSecret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Emulator, broker and platform in this JVM, on loopback ports, wired over HTTP exactly as {@code signet demo} wires
 * them; the platform can be stopped and started again on the same database.
 */
final class E2eStack implements AutoCloseable {
    static final String API_KEY = "e2e_api_key_5f1c9b0a7d3e";
    static final String BROKER_SECRET = "e2e-broker-secret-8c2f4a6b1d";
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ENCRYPTION_KEY = "q0q1q2q3q4q5q6q7q8q9r0r1r2r3r4r5r6r7r8r9s0s=";

    /** What a test varies; {@code platformEnv} entries override the platform's defaults here. */
    record Options(
            Map<String, String> platformEnv, Map<String, String> brokerEnv, UnaryOperator<EmulatorConfig> emulator) {
        Options(Map<String, String> platformEnv, Map<String, String> brokerEnv) {
            this(platformEnv, brokerEnv, UnaryOperator.identity());
        }

        static Options standard() {
            return new Options(Map.of(), Map.of());
        }

        /** The emulator's configuration changed by {@code change} (e.g. a shorter disconnect grace). */
        Options emulator(UnaryOperator<EmulatorConfig> change) {
            return new Options(platformEnv, brokerEnv, change);
        }

        Options platform(String name, String value) {
            Map<String, String> env = new HashMap<>(platformEnv);
            env.put(name, value);
            return new Options(Map.copyOf(env), brokerEnv, emulator);
        }

        Options broker(String name, String value) {
            Map<String, String> env = new HashMap<>(brokerEnv);
            env.put(name, value);
            return new Options(platformEnv, Map.copyOf(env), emulator);
        }

        Options database(String jdbcUrl) {
            return platform("SIGNET_DATABASE_URL", jdbcUrl);
        }

        Options webhooks(String url, String backoff) {
            return platform("SIGNET_WEBHOOK_URLS", url).platform("SIGNET_WEBHOOK_BACKOFF", backoff);
        }
    }

    final Http http = new Http();
    final EmulatorServer emulator;
    final Broker broker;
    final Zoom zoom;
    final Api api;
    private final Map<String, String> platformEnv;
    private @Nullable Platform platform;

    E2eStack(Path dataDir, Options options) {
        this(dataDir, options, true);
    }

    /** A stack whose platform runs in this JVM only when {@code inProcessPlatform} (else a test runs it). */
    E2eStack(Path dataDir, Options options, boolean inProcessPlatform) {
        Clock clock = Clock.systemUTC();
        emulator = EmulatorServer.start(options.emulator().apply(EmulatorConfig.of(DemoSeed.seed(), clock)));
        try {
            Map<String, String> brokerEnv = new TreeMap<>();
            brokerEnv.put("SIGNET_BROKER_HOST", "127.0.0.1");
            brokerEnv.put("SIGNET_BROKER_PORT", "0");
            brokerEnv.put("SIGNET_ZOOM_ACCOUNT_ID", DemoSeed.ACME_ACCOUNT_ID);
            brokerEnv.put("SIGNET_ZOOM_CLIENT_ID", DemoSeed.ACME_S2S_CLIENT_ID);
            brokerEnv.put("SIGNET_ZOOM_CLIENT_SECRET", DemoSeed.ACME_S2S_CLIENT_SECRET);
            brokerEnv.put("SIGNET_ZOOM_OAUTH_URL", emulator.oauthBase());
            brokerEnv.put("SIGNET_ZOOM_API_URL", emulator.apiBase());
            brokerEnv.put("SIGNET_BROKER_ZAK_USERS", DemoSeed.NOTETAKER_EMAIL + "," + DemoSeed.HOST_EMAIL);
            brokerEnv.put("SIGNET_BROKER_SECRETS", BROKER_SECRET);
            brokerEnv.put("SIGNET_BROKER_WEBHOOK_SECRET", WEBHOOK_SECRET);
            brokerEnv.putAll(options.brokerEnv());
            broker = Broker.start(BrokerConfig.fromEnvironment(brokerEnv), clock);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        Map<String, String> env = new TreeMap<>();
        env.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
        env.put("SIGNET_PLATFORM_PORT", "0");
        env.put("SIGNET_API_KEYS", API_KEY);
        env.put("SIGNET_DATA_DIR", dataDir.toString());
        env.put("SIGNET_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("SIGNET_DRIVER", "emulator");
        env.put("SIGNET_EMULATOR_URL", emulator.baseUrl());
        env.put("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS", "true");
        env.put("SIGNET_ENCRYPTION_KEY", ENCRYPTION_KEY);
        env.put("SIGNET_ZOOM_SDK_KEY", DemoSeed.ACME_SDK_KEY);
        env.put("SIGNET_ZOOM_SDK_SECRET", DemoSeed.ACME_SDK_SECRET);
        env.putAll(options.platformEnv());
        platformEnv = Map.copyOf(env);
        zoom = new Zoom(emulator, http);
        api = new Api(new Http(), () -> platform().baseUrl(), API_KEY);
        try {
            if (inProcessPlatform) {
                startPlatform();
            }
        } catch (RuntimeException e) {
            broker.close();
            emulator.close();
            throw e;
        }
    }

    /** The platform's environment, for a child JVM. */
    Map<String, String> platformEnv() {
        return platformEnv;
    }

    Platform platform() {
        Platform running = platform;
        if (running == null) {
            throw new IllegalStateException("the platform is stopped");
        }
        return running;
    }

    void startPlatform() {
        if (platform != null) {
            throw new IllegalStateException("the platform is already running");
        }
        PlatformConfig config = PlatformConfig.fromEnvironment(platformEnv);
        platform = Platform.start(config, Clock.systemUTC());
    }

    /** Closes the platform as SIGTERM would: bots leave their calls but keep their status. */
    void stopPlatform() {
        Platform running = platform();
        platform = null;
        running.close();
    }

    /** A {@code zak_url} straight to the broker, optionally for one user. */
    String zakUrl(@Nullable String user) {
        String url = broker.uri().toString().replaceAll("/$", "") + "/zoom/zak?token=" + BROKER_SECRET;
        return user == null ? url : url + "&user=" + user;
    }

    static WebhookSecret webhookSecret() {
        return WebhookSecret.parse(WEBHOOK_SECRET);
    }

    @Override
    public void close() {
        try {
            if (platform != null) {
                stopPlatform();
            }
        } finally {
            try {
                broker.close();
            } finally {
                emulator.close();
            }
        }
    }
}
