package dev.signet.app.demo;

import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.emulator.EmulatorConfig;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.platform.driver.websdk.SdkSource;
import dev.signet.platform.driver.websdk.WebSdkSettings;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three deployables wired as a bot owner would deploy them, in one process: the emulator stands in for Zoom, the
 * broker holds the Acme account's S2S app, and the platform reaches both over HTTP only.
 *
 * @param apiKey the platform API key generated for this run
 * @param brokerSecret the broker's query secret generated for this run
 */
public record DemoStack(
        EmulatorServer emulator, Broker broker, Platform platform, String apiKey, String brokerSecret, Runnable stop)
        implements AutoCloseable {

    /** Ports for each deployable (0 = any free port) and where the platform keeps its data. */
    public record Ports(int emulator, int broker, int platform) {}

    /** Starts the stack; {@code webhookUrl} (may be null) receives the platform's signed webhooks. */
    public static DemoStack start(
            Ports ports, Path dataDir, String driver, WebhookSecret webhookSecret, String webhookUrl, Clock clock) {
        SecureRandom random = new SecureRandom();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmulatorServer emulator = EmulatorServer.start(
                    EmulatorConfig.of(DemoSeed.seed(), clock).withPort(ports.emulator()));
            started.add(emulator);

            String brokerSecret = HexFormat.of().formatHex(bytes(random, 24));
            Map<String, String> brokerEnv = new TreeMap<>();
            brokerEnv.put("SIGNET_BROKER_HOST", "127.0.0.1");
            brokerEnv.put("SIGNET_BROKER_PORT", Integer.toString(ports.broker()));
            brokerEnv.put("SIGNET_ZOOM_ACCOUNT_ID", DemoSeed.ACME_ACCOUNT_ID);
            brokerEnv.put("SIGNET_ZOOM_CLIENT_ID", DemoSeed.ACME_S2S_CLIENT_ID);
            brokerEnv.put("SIGNET_ZOOM_CLIENT_SECRET", DemoSeed.ACME_S2S_CLIENT_SECRET);
            brokerEnv.put("SIGNET_ZOOM_OAUTH_URL", emulator.oauthBase());
            brokerEnv.put("SIGNET_ZOOM_API_URL", emulator.apiBase());
            brokerEnv.put("SIGNET_BROKER_ZAK_USERS", DemoSeed.NOTETAKER_EMAIL + "," + DemoSeed.HOST_EMAIL);
            brokerEnv.put("SIGNET_BROKER_SECRETS", brokerSecret);
            brokerEnv.put("SIGNET_BROKER_WEBHOOK_SECRET", webhookSecret.encoded());
            Broker broker = Broker.start(BrokerConfig.fromEnvironment(brokerEnv), clock);
            started.add(broker);

            String apiKey = "demo_" + HexFormat.of().formatHex(bytes(random, 16));
            Map<String, String> platformEnv = new TreeMap<>();
            platformEnv.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
            platformEnv.put("SIGNET_PLATFORM_PORT", Integer.toString(ports.platform()));
            platformEnv.put("SIGNET_API_KEYS", apiKey);
            platformEnv.put("SIGNET_DATA_DIR", dataDir.toString());
            platformEnv.put("SIGNET_WEBHOOK_URLS", webhookUrl);
            platformEnv.put("SIGNET_WEBHOOK_SECRET", webhookSecret.encoded());
            platformEnv.put("SIGNET_WEBHOOK_BACKOFF", "1s,2s,5s");
            platformEnv.put("SIGNET_DRIVER", driver);
            platformEnv.put("SIGNET_EMULATOR_URL", emulator.baseUrl());
            platformEnv.put("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS", "true");
            platformEnv.put("SIGNET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(bytes(random, 32)));
            platformEnv.put("SIGNET_ZOOM_SDK_KEY", DemoSeed.ACME_SDK_KEY);
            platformEnv.put("SIGNET_ZOOM_SDK_SECRET", DemoSeed.ACME_SDK_SECRET);
            if (driver.equals("websdk")) {
                // The emulator's stand-in SDK, laid out like the real dist/; the browser may reach loopback only.
                platformEnv.put(
                        "SIGNET_WEBSDK_BASE_URL", emulator.baseUrl() + "/sdk/" + SdkSource.DEFAULT_VERSION + "/");
                platformEnv.put("SIGNET_WEBSDK_CHROMIUM_ARGS", WebSdkSettings.LOOPBACK_ONLY);
            }
            Platform platform = Platform.start(PlatformConfig.fromEnvironment(platformEnv), clock);
            started.add(platform);
            List<AutoCloseable> inOrder = List.copyOf(started);
            return new DemoStack(emulator, broker, platform, apiKey, brokerSecret, () -> closeAll(inOrder));
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** The broker URL a bot's {@code zoom.zak_url} names, optionally for one user. */
    public String zakUrl(String user) {
        URI base = broker.uri();
        String url = base.toString().replaceAll("/$", "") + "/zoom/zak?token=" + brokerSecret;
        return user.isEmpty() ? url : url + "&user=" + user;
    }

    @Override
    public void close() {
        stop.run();
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // Keep closing the rest: one component failing to stop must not keep the others running.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
