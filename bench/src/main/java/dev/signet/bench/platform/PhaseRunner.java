package dev.signet.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.platform.Platform;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs one phase: seeds and starts its meetings in the emulator, creates its bots through the API (32 concurrent
 * clients), waits until each is in call or fatal, measures, then makes them leave and waits until they are done.
 */
final class PhaseRunner {
    static final int BOTS_PER_MEETING = 25;
    private static final int CLIENTS = 32;
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ZOOM_CALLS = Pattern.compile("(?m)^signet_broker_zoom_calls_total\\{[^}]*} (\\S+)$");

    private final Http http;
    private final Platform platform;
    private final String apiKey;
    private final String emulatorUrl;
    private final ChildJvm emulator;
    private final ChildJvm broker;
    private final String brokerUrl;
    private final WebhookInbox inbox;
    private final Clock clock;
    private long nextMeeting = 8_100_000_000L;

    PhaseRunner(
            Http http,
            Platform platform,
            String apiKey,
            ChildJvm emulator,
            ChildJvm broker,
            WebhookInbox inbox,
            Clock clock) {
        this.http = http;
        this.platform = platform;
        this.apiKey = apiKey;
        this.emulatorUrl = emulator.url().replaceAll("/$", "");
        this.emulator = emulator;
        this.broker = broker;
        this.brokerUrl = broker.url().replaceAll("/$", "");
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Runs {@code bots} bots, signed in through {@code zakUrl} into sign-in-only meetings, or anonymous when null;
     * {@code key} (URL-safe) tags the phase's bots.
     */
    PhaseResult run(String label, String key, int bots, @Nullable String zakUrl) throws Exception {
        String tag = key + "-" + bots;
        List<Long> meetings = seedMeetings((bots + BOTS_PER_MEETING - 1) / BOTS_PER_MEETING, zakUrl != null);
        WebhookInbox.Tally tally = inbox.tally(tag);
        Gauge pending = platform.meters().get("signet.store.pending.writes").gauge();
        double zoomBefore = zoomCalls();
        String loadBefore = loadAverage();
        System.out.printf(
                Locale.ROOT, "%n== %s: %d bots in %d meetings (load %s)%n", label, bots, meetings.size(), loadBefore);

        Cpu cpuBefore = cpu();
        Instant start = clock.instant();
        List<String> ids = create(tag, bots, meetings, zakUrl);
        Duration creation = Duration.between(start, clock.instant());
        System.out.printf(Locale.ROOT, "created in %.1f s%n", creation.toNanos() / 1e9);

        long peakPending = 0;
        Instant deadline = start.plus(DEADLINE);
        while (tally.inCall().size() + tally.fatal().size() < bots
                && clock.instant().isBefore(deadline)) {
            peakPending = Math.max(peakPending, (long) pending.value());
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        Cpu cpuUsed = cpu().minus(cpuBefore);
        Duration wall = Duration.between(start, clock.instant());
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long emulatorHeap = emulator.heapAfterGcMib();

        Latencies latencies = latencies(tag, start);
        leave(ids);
        while (tally.done().size() + tally.fatal().size() < bots
                && clock.instant().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        PhaseResult result = new PhaseResult(
                label,
                bots,
                meetings.size(),
                bots / (creation.toNanos() / 1e9),
                latencies.inCall() == bots ? latencies.lastInCall() : null,
                latencies.inCall(),
                latencies.fatal(),
                percentile(latencies.sortedMs(), 50),
                percentile(latencies.sortedMs(), 99),
                percentile(latencies.sortedMs(), 100),
                heap,
                emulatorHeap,
                tally.webhooks().get(),
                tally.duplicates().get(),
                latencies.fatalReasons(),
                peakPending,
                zoomCalls() - zoomBefore,
                loadBefore + " -> " + loadAverage(),
                cpuUsed.bench().toMillis() / 1000.0,
                cpuUsed.emulator().toMillis() / 1000.0,
                cpuUsed.broker().toMillis() / 1000.0,
                wall.toMillis() / 1000.0);
        System.out.println(Report.line(result));
        return result;
    }

    /** CPU time used so far by this JVM (the platform and the harness), the emulator and the broker. */
    private record Cpu(Duration bench, Duration emulator, Duration broker) {
        Cpu minus(Cpu before) {
            return new Cpu(bench.minus(before.bench), emulator.minus(before.emulator), broker.minus(before.broker));
        }
    }

    private Cpu cpu() {
        Duration self = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        return new Cpu(self, emulator.cpu(), broker.cpu());
    }

    private List<String> create(String tag, int bots, List<Long> meetings, @Nullable String zakUrl) throws Exception {
        String zoom = zakUrl == null ? "" : ",\"zoom\":{\"zak_url\":\"" + zakUrl + "\"}";
        List<String> ids = new ArrayList<>();
        try (ExecutorService clients =
                Executors.newFixedThreadPool(CLIENTS, Thread.ofVirtual().factory())) {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < bots; i++) {
                String body = "{\"meeting_url\":\"https://zoom.us/j/" + meetings.get(i % meetings.size())
                        + "\",\"bot_name\":\"Bench " + i + "\",\"metadata\":{\"phase\":\"" + tag + "\"}" + zoom + "}";
                created.add(
                        clients.submit(() -> JSON.readTree(http.send("POST", api("/api/v1/bot/"), body, apiKey, 201))
                                .path("id")
                                .asText()));
            }
            for (Future<String> future : created) {
                ids.add(future.get());
            }
        }
        return ids;
    }

    /** What the platform recorded for the phase's bots, read page by page through the API. */
    private record Latencies(
            int inCall, int fatal, Map<String, Integer> fatalReasons, List<Long> sortedMs, Duration lastInCall) {}

    private Latencies latencies(String tag, Instant start) throws Exception {
        List<Long> ms = new ArrayList<>();
        int fatal = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        Instant last = start;
        @Nullable String next = api("/api/v1/bot/?page_size=100&metadata__phase=" + tag);
        while (next != null) {
            JsonNode page = JSON.readTree(http.send("GET", next, null, apiKey, 200));
            for (JsonNode bot : page.path("results")) {
                @Nullable Instant created = null;
                for (JsonNode change : bot.path("status_changes")) {
                    Instant at = Instant.parse(change.path("created_at").asText());
                    created = created == null ? at : created;
                    String code = change.path("code").asText();
                    if (code.equals("in_call_not_recording")) {
                        ms.add(Duration.between(created, at).toMillis());
                        last = at.isAfter(last) ? at : last;
                        break;
                    }
                    if (code.equals("fatal")) {
                        fatal++;
                        String message = change.path("message").asText("");
                        reasons.merge(
                                change.path("sub_code").asText("") + ": "
                                        + message.substring(0, Math.min(message.length(), 120)),
                                1,
                                Integer::sum);
                    }
                }
            }
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        }
        List<Long> sorted = ms.stream().sorted().toList();
        return new Latencies(sorted.size(), fatal, reasons, sorted, Duration.between(start, last));
    }

    private void leave(List<String> ids) throws Exception {
        try (ExecutorService clients =
                Executors.newFixedThreadPool(CLIENTS, Thread.ofVirtual().factory())) {
            List<Future<String>> left = new ArrayList<>();
            for (String id : ids) {
                left.add(clients.submit(
                        () -> http.send("POST", api("/api/v1/bot/" + id + "/leave_call/"), "{}", apiKey, Http.ANY)));
            }
            for (Future<String> future : left) {
                future.get();
            }
        }
    }

    private List<Long> seedMeetings(int count, boolean signedInOnly) throws Exception {
        StringBuilder meetings = new StringBuilder();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = nextMeeting++;
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
        http.send("POST", emulatorUrl + "/emulator/admin/seed", seed, null, Http.SUCCESS);
        for (long id : ids) {
            http.send("POST", emulatorUrl + "/emulator/meetings/" + id + "/start", "{}", null, Http.SUCCESS);
        }
        return ids;
    }

    private double zoomCalls() throws IOException, InterruptedException {
        Matcher m = ZOOM_CALLS.matcher(http.send("GET", brokerUrl + "/metrics", null, null, 200));
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private String api(String path) {
        return platform.baseUrl().toString().replaceAll("/$", "") + path;
    }

    static String loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8);
            return text.substring(0, text.indexOf(' '));
        } catch (IOException e) {
            return "?";
        }
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
