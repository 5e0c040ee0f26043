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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
 * @param brokerAdminSecret the broker operators' bearer secret generated for this run (connect links, connections)
 */
public record DemoStack(
        EmulatorServer emulator,
        Broker broker,
        Platform platform,
        String apiKey,
        String brokerSecret,
        String brokerAdminSecret,
        Runnable stop)
        implements AutoCloseable {
    /** Where Zoom sends a user back after they approve Acme's app: the broker's OAuth callback. */
    static final String OAUTH_CALLBACK_PATH = "/connect/callback";

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
            brokerEnv.put("SIGNET_ZOOM_ACCOUNT_ID", DemoSeed.ACME_ACCOUNT_ID);
            brokerEnv.put("SIGNET_ZOOM_CLIENT_ID", DemoSeed.ACME_S2S_CLIENT_ID);
            brokerEnv.put("SIGNET_ZOOM_CLIENT_SECRET", DemoSeed.ACME_S2S_CLIENT_SECRET);
            brokerEnv.put("SIGNET_ZOOM_OAUTH_URL", emulator.oauthBase());
            brokerEnv.put("SIGNET_ZOOM_API_URL", emulator.apiBase());
            brokerEnv.put("SIGNET_BROKER_ZAK_USERS", DemoSeed.NOTETAKER_EMAIL + "," + DemoSeed.HOST_EMAIL);
            brokerEnv.put("SIGNET_BROKER_SECRETS", brokerSecret);
            brokerEnv.put("SIGNET_BROKER_WEBHOOK_SECRET", webhookSecret.encoded());
            // The OBF side: Acme's user-managed OAuth app, which users of other accounts connect to once.
            int brokerPort = ports.broker() == 0 ? freePort() : ports.broker();
            brokerEnv.put("SIGNET_BROKER_PORT", Integer.toString(brokerPort));
            brokerEnv.put("SIGNET_BROKER_OAUTH_CLIENT_ID", DemoSeed.ACME_OAUTH_CLIENT_ID);
            brokerEnv.put("SIGNET_BROKER_OAUTH_CLIENT_SECRET", DemoSeed.ACME_OAUTH_CLIENT_SECRET);
            brokerEnv.put("SIGNET_BROKER_OAUTH_REDIRECT_URL", "http://127.0.0.1:" + brokerPort + OAUTH_CALLBACK_PATH);
            String adminSecret = "admin_" + HexFormat.of().formatHex(bytes(random, 16));
            brokerEnv.put("SIGNET_BROKER_ADMIN_SECRETS", adminSecret);
            brokerEnv.put("SIGNET_BROKER_DATA_DIR", dataDir.resolve("broker").toString());
            // Zoom tells the broker when a user removes the app (app_deauthorized, signed with this token).
            String eventToken = HexFormat.of().formatHex(bytes(random, 16));
            brokerEnv.put("SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN", eventToken);
            subscribeToAppEvents(emulator, "http://127.0.0.1:" + brokerPort + "/zoom/events", eventToken);
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
            // A bot waiting for its OBF user retries every 2 s here (default 10 s), so the demo does not dawdle.
            platformEnv.put("SIGNET_OBF_RETRY_INTERVAL", "2s");
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
            return new DemoStack(
                    emulator, broker, platform, apiKey, brokerSecret, adminSecret, () -> closeAll(inOrder));
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

    /** The broker URL a bot's {@code zoom.obf_token_url} names: OBF tokens on behalf of {@code user}. */
    public String obfUrl(String user) {
        return broker.uri().toString().replaceAll("/$", "") + "/zoom/obf?token=" + brokerSecret + "&user=" + user;
    }

    @Override
    public void close() {
        stop.run();
    }

    /**
     * Points Acme's OAuth app's event subscription at the broker, as its Marketplace page would: the emulator then
     * posts Zoom's signed {@code app_deauthorized} event there when a user removes the app (its "Remove app" page).
     */
    private static void subscribeToAppEvents(EmulatorServer emulator, String eventUrl, String secretToken) {
        String seed = "{\"accounts\":[{\"id\":\"" + DemoSeed.ACME_ACCOUNT_ID + "\",\"name\":\"Acme\",\"plan\":\"pro\","
                + "\"oauth_apps\":[{\"client_id\":\"" + DemoSeed.ACME_OAUTH_CLIENT_ID + "\",\"client_secret\":\""
                + DemoSeed.ACME_OAUTH_CLIENT_SECRET
                + "\",\"redirect_uris\":[\"http://127.0.0.1\",\"http://localhost\"],"
                + "\"event_url\":\"" + eventUrl + "\",\"secret_token\":\"" + secretToken + "\"}]}]}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(emulator.baseUrl().replaceAll("/$", "") + "/emulator/admin/seed"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(seed))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the emulator refused the app's event subscription: "
                        + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator did not take the app's event subscription", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A free loopback port for the broker, which must know its own OAuth redirect URL before it starts (a port
     * taken between this and the broker's bind makes the demo fail to start, and say so).
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the broker", e);
        }
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
