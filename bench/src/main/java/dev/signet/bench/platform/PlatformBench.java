package dev.signet.bench.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.app.demo.DemoStack;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.webhooks.WebhookSecret;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * 1,000 bots created through the platform's API join emulator meetings that only signed-in users may enter, each
 * with a ZAK fetched from the broker before its join. The baseline, run first in the same process, is the same
 * number of bots without {@code zak_url} joining meetings open to anyone: the ratio is what signed-in joins cost.
 *
 * <p>Run: {@code java -cp bench/target/… dev.signet.bench.platform.PlatformBench [bots] [meetings]} or with the exec
 * plugin (see docs/benchmarks.md). Everything runs in this one JVM, so heap and threads include the emulator and the
 * broker too.
 */
public final class PlatformBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CREATORS = 32;

    private PlatformBench() {}

    public static void main(String[] args) throws Exception {
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int meetings = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .setLevel(Level.WARN);
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger("dev.signet")
                .setLevel(Level.WARN);
        Clock clock = Clock.systemUTC();
        AtomicInteger webhooks = new AtomicInteger();
        Javalin inbox = Javalin.create(config -> {
                    config.concurrency.useVirtualThreads = true;
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.routes.post("/webhooks", ctx -> {
                        webhooks.incrementAndGet();
                        ctx.status(204);
                    });
                })
                .start("127.0.0.1", 0);
        WebhookSecret secret = WebhookSecret.generate(new java.security.SecureRandom());
        try (DemoStack stack = DemoStack.start(
                new DemoStack.Ports(0, 0, 0),
                Files.createTempDirectory("signet-bench-"),
                "emulator",
                secret,
                "http://127.0.0.1:" + inbox.port() + "/webhooks",
                clock)) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Bench bench = new Bench(stack, http, clock);
            System.out.printf(
                    Locale.ROOT,
                    "Signet platform benchmark: %d bots over %d meetings, %d creators, %d cores%n",
                    bots,
                    meetings,
                    CREATORS,
                    Runtime.getRuntime().availableProcessors());
            List<Long> open = bench.seedMeetings(8_300_000_000L, meetings, false);
            List<Long> signedIn = bench.seedMeetings(8_400_000_000L, meetings, true);
            List<Long> warmUp = bench.seedMeetings(8_200_000_000L, meetings, true);

            // Warm the JIT and the pools on both paths first, so neither measured phase pays for it.
            Phase warm = bench.run("warm-up (not compared): signed-in bots", Math.max(1, bots / 5), warmUp, true);
            bench.leaveAll(warm.botIds());

            Phase baseline = bench.run("baseline: anonymous bots, open meetings", bots, open, false);
            bench.leaveAll(baseline.botIds());
            double zoomBefore = bench.brokerZoomCalls();
            Phase zak = bench.run("signed in: zak_url -> broker -> ZAK, sign-in-only meetings", bots, signedIn, true);
            double zoomCalls = bench.brokerZoomCalls() - zoomBefore;
            bench.leaveAll(zak.botIds());

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "Zoom calls by the broker during the signed-in phase: %.0f (for %d ZAK fetches)%n",
                    zoomCalls,
                    bots);
            System.out.printf(
                    Locale.ROOT,
                    "ratio signed-in / baseline: p50 %.2f, p99 %.2f, creation throughput %.2f%n",
                    (double) zak.p50() / Math.max(1L, baseline.p50()),
                    (double) zak.p99() / Math.max(1L, baseline.p99()),
                    zak.createRate() / baseline.createRate());
            System.out.printf(Locale.ROOT, "webhooks received: %d%n", webhooks.get());
        } finally {
            inbox.stop();
        }
    }

    /** One phase's numbers; latencies in milliseconds. */
    record Phase(List<String> botIds, double createRate, long p50, long p99, long max, Duration allInCall) {}

    private static final class Bench {
        private final DemoStack stack;
        private final HttpClient http;
        private final Clock clock;

        Bench(DemoStack stack, HttpClient http, Clock clock) {
            this.stack = stack;
            this.http = http;
            this.clock = clock;
        }

        List<Long> seedMeetings(long firstId, int count, boolean signedInOnly) throws Exception {
            StringBuilder meetings = new StringBuilder();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                ids.add(id);
                meetings.append(i == 0 ? "" : ",")
                        .append("{\"id\":")
                        .append(id)
                        .append(",\"host\":\"")
                        .append(DemoSeed.HOST_EMAIL)
                        .append("\",\"topic\":\"bench ")
                        .append(id)
                        .append("\",\"capacity\":300,\"settings\":{\"meeting_authentication\":")
                        .append(signedInOnly)
                        .append(",\"waiting_room\":false,\"join_before_host\":false}}");
            }
            String seed = "{\"accounts\":[{\"id\":\"" + DemoSeed.ACME_ACCOUNT_ID
                    + "\",\"name\":\"Acme\",\"plan\":\"business\",\"meetings\":[" + meetings + "]}]}";
            send("POST", stack.emulator().baseUrl() + "/emulator/admin/seed", seed, false, 0);
            for (long id : ids) {
                send("POST", stack.emulator().baseUrl() + "/emulator/meetings/" + id + "/start", "{}", false, 0);
            }
            return ids;
        }

        Phase run(String title, int bots, List<Long> meetings, boolean withZak) throws Exception {
            System.out.println();
            System.out.println("== " + title);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            Instant start = clock.instant();
            List<String> ids = new ArrayList<>();
            try (ExecutorService creators =
                    Executors.newFixedThreadPool(CREATORS, Thread.ofVirtual().factory())) {
                List<Future<String>> created = new ArrayList<>();
                for (int i = 0; i < bots; i++) {
                    long meeting = meetings.get(i % meetings.size());
                    String zak = withZak ? ",\"zoom\":{\"zak_url\":\"" + stack.zakUrl("") + "\"}" : "";
                    String body = "{\"meeting_url\":\"https://zoom.us/j/" + meeting + "\",\"bot_name\":\"Bench " + i
                            + "\"" + zak + "}";
                    created.add(creators.submit(() -> JSON.readTree(send("POST", api("/api/v1/bot/"), body, true, 201))
                            .path("id")
                            .asText()));
                }
                for (Future<String> future : created) {
                    ids.add(future.get());
                }
            }
            Duration creation = Duration.between(start, clock.instant());
            double createRate = bots / (creation.toNanos() / 1e9);
            System.out.printf(
                    Locale.ROOT, "created %d bots in %d ms: %.0f bots/s%n", bots, creation.toMillis(), createRate);

            int inCall = 0;
            long peakHeap = 0;
            int peakThreads = 0;
            Instant deadline = start.plus(Duration.ofMinutes(3));
            List<Long> latencies = new ArrayList<>();
            while (clock.instant().isBefore(deadline)) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                peakThreads = Math.max(
                        peakThreads, ManagementFactory.getThreadMXBean().getThreadCount());
                inCall = countInCall(ids);
                if (inCall == bots) {
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
            Duration allInCall = Duration.between(start, clock.instant());
            System.gc();
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            int fatal = 0;
            for (String id : ids) {
                JsonNode changes = JSON.readTree(send("GET", api("/api/v1/bot/" + id + "/"), null, true, 200))
                        .path("status_changes");
                Instant created = null;
                for (JsonNode change : changes) {
                    Instant at = Instant.parse(change.path("created_at").asText());
                    if (created == null) {
                        created = at;
                    }
                    if (change.path("code").asText().equals("in_call_not_recording")) {
                        latencies.add(Duration.between(created, at).toMillis());
                        break;
                    }
                    if (change.path("code").asText().equals("fatal")) {
                        fatal++;
                    }
                }
            }
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long p50 = percentile(sorted, 50);
            long p99 = percentile(sorted, 99);
            long max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
            System.out.printf(
                    Locale.ROOT,
                    "in call: %d of %d (fatal %d); all in call %d ms after the first creation%n",
                    inCall,
                    bots,
                    fatal,
                    allInCall.toMillis());
            System.out.printf(
                    Locale.ROOT, "creation -> in_call_not_recording: p50 %d ms, p99 %d ms, max %d ms%n", p50, p99, max);
            System.out.printf(
                    Locale.ROOT,
                    "heap: peak used %d MB, after GC with all in call %d MB; live threads (platform) peak %d%n",
                    peakHeap >> 20,
                    heapAfterGc >> 20,
                    peakThreads);
            return new Phase(ids, createRate, p50, p99, max, allInCall);
        }

        void leaveAll(List<String> ids) throws Exception {
            try (ExecutorService workers =
                    Executors.newFixedThreadPool(CREATORS, Thread.ofVirtual().factory())) {
                List<Future<String>> left = new ArrayList<>();
                for (String id : ids) {
                    left.add(workers.submit(
                            () -> send("POST", api("/api/v1/bot/" + id + "/leave_call/"), "{}", true, -1)));
                }
                for (Future<String> future : left) {
                    future.get();
                }
            }
        }

        double brokerZoomCalls() throws Exception {
            String metrics =
                    send("GET", stack.broker().uri().resolve("/metrics").toString(), null, false, 200);
            Matcher m = Pattern.compile("(?m)^signet_broker_zoom_calls_total\\{[^}]*} ([0-9.eE+]+)$")
                    .matcher(metrics);
            double total = 0;
            while (m.find()) {
                total += Double.parseDouble(m.group(1));
            }
            return total;
        }

        private int countInCall(List<String> ids) throws Exception {
            int count = 0;
            @Nullable String next = api("/api/v1/bot/?status=in_call_not_recording");
            while (next != null) {
                JsonNode page = JSON.readTree(send("GET", next, null, true, 200));
                count += page.path("results").size();
                next = page.path("next").isTextual() ? page.path("next").asText() : null;
            }
            return Math.min(count, ids.size());
        }

        private String api(String path) {
            return stack.platform().baseUrl().toString().replaceAll("/$", "") + path;
        }

        private String send(String method, String url, @Nullable String body, boolean auth, int expected)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (auth) {
                request.header("Authorization", "Token " + stack.apiKey());
            }
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean ok =
                    expected < 0 || (expected == 0 ? response.statusCode() < 300 : response.statusCode() == expected);
            if (!ok) {
                throw new IllegalStateException(method + " " + URI.create(url).getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
