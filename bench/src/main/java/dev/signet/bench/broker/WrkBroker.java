package dev.signet.bench.broker;

import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The broker under {@link WrkBench}, in a JVM of its own so that its CPU, JIT and garbage are its own: starts a broker
 * against the bench's fake Zoom, prints {@code listening <port>}, and stops when its standard input closes.
 *
 * <p>Arguments: the fake Zoom's OAuth base URL, its API base URL and the callback query secret.
 */
public final class WrkBroker {
    private WrkBroker() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: WrkBroker <oauth base> <api base> <query secret>");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Broker broker = Broker.start(BrokerConfig.fromEnvironment(Map.of(
                "SIGNET_BROKER_HOST", "127.0.0.1",
                "SIGNET_BROKER_PORT", "0",
                "SIGNET_ZOOM_OAUTH_URL", args[0],
                "SIGNET_ZOOM_API_URL", args[1],
                "SIGNET_ZOOM_ACCOUNT_ID", "bench-account",
                "SIGNET_ZOOM_CLIENT_ID", "bench-client",
                "SIGNET_ZOOM_CLIENT_SECRET", "bench-client-secret",
                "SIGNET_BROKER_ZAK_USERS", "bot@example.com",
                "SIGNET_BROKER_SECRETS", args[2])))) {
            out.println("listening " + broker.port());
            var _ = System.in.readAllBytes(); // until the bench closes our input
        }
    }
}
