package dev.signet.bench.emulator;

import dev.signet.secrets.Secret;
import dev.signet.zoom.sdk.SdkCredentials;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * The emulator benchmark. {@code signet emulator} runs as its own process (this class path, {@code --port 0},
 * {@code --seed} a generated file); this JVM is the load. It prints, per meeting size, the rate at which SDK joins
 * into one started meeting are admitted (each participant opening its event stream at once, so every join fans out to
 * everyone present), then the emulator's heap after GC, platform threads and RSS before and with {@code streams}
 * open event streams (meetings of 1,000).
 *
 * <p>Arguments (all optional): {@code sizes} (comma-separated, default {@code 100,500,1000}), {@code streams}
 * (default {@code 10000}), {@code clients} (concurrent joiners, default 32). System property
 * {@code bench.emulatorJvmArgs} adds JVM options to the emulator (e.g. {@code -XX:StartFlightRecording=...}).
 */
public final class EmulatorBench {
    private static final String SDK_KEY = "bench-sdk-key";
    private static final String SDK_SECRET = "bench-sdk-secret-0123456789abcdef";
    private static final long WARM_UP = 83_000_000_000L;
    private static final long JOINS = 81_000_000_000L;
    private static final long STREAMS = 82_000_000_000L;
    private static final int STREAM_MEETING = 1_000;
    /**
     * Warm-up meetings filled before the measured phases, so the JIT has done most of its work on the join and stream
     * paths (C2 still compiles, tapering off, through the measured phases: its CPU is printed apart):
     * with one meeting of 500 (the first version) C2 was still a third of the emulator's CPU in the first measured
     * phase, and four fills of 1,000 in a row cost 4.2, 2.9, 2.4 and 2.0 ms of emulator CPU a join.
     */
    private static final int WARM_UP_MEETINGS = 3;

    private static final int WARM_UP_JOINS = 1_000;

    private EmulatorBench() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,500,1000").split(",", -1))
                .mapToInt(Integer::parseInt)
                .toArray();
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int streamMeetings = (streams + STREAM_MEETING - 1) / STREAM_MEETING;
        PrintStream out = System.out;
        Path seed = Files.createTempFile("signet-emulator-bench", ".json");
        Files.writeString(seed, seed(sizes, streamMeetings), StandardCharsets.UTF_8);
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx2g"));
        String extra = System.getProperty("bench.emulatorJvmArgs", "");
        if (!extra.isBlank()) {
            jvmArgs.addAll(Arrays.asList(extra.trim().split("\\s+", -1)));
        }
        SdkCredentials sdk = new SdkCredentials(SDK_KEY, Secret.of(SDK_SECRET));
        try (EmulatorProcess emulator = EmulatorProcess.start(seed, jvmArgs);
                HttpClient http = HttpClient.newBuilder()
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build()) {
            out.printf(
                    Locale.ROOT,
                    "emulator %s (own process, -Xmx2g), %d concurrent joiners, %d cores, load average %s%n",
                    emulator.baseUrl(),
                    clients,
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            for (int m = 0; m < WARM_UP_MEETINGS; m++) {
                try (MeetingLoad warmUp = new MeetingLoad(emulator.baseUrl(), http, sdk)) {
                    warmUp.fill(WARM_UP + m, WARM_UP_JOINS, clients);
                    warmUp.end(WARM_UP + m);
                }
            }
            out.println();
            out.println("| participants | joins/s | join p50 (ms) | join p99 (ms) | all events delivered (s) |"
                    + " emulator CPU per join (ms) | of which JIT (ms) | joins/s per emulator core |"
                    + " load generator CPU per join (ms) |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int size : sizes) {
                try (MeetingLoad load = new MeetingLoad(emulator.baseUrl(), http, sdk)) {
                    double cpuBefore = emulator.cpuSeconds();
                    double jitBefore = emulator.jitCpuSeconds();
                    double loadCpuBefore = ownCpuSeconds();
                    MeetingLoad.Result r = load.fill(JOINS + size, size, clients);
                    double cpuPerJoin = (emulator.cpuSeconds() - cpuBefore) / size;
                    double jitPerJoin = (emulator.jitCpuSeconds() - jitBefore) / size;
                    double loadCpuPerJoin = (ownCpuSeconds() - loadCpuBefore) / size;
                    out.printf(
                            Locale.ROOT,
                            "| %,d | %.0f | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f | %.2f |%n",
                            r.size(),
                            r.joinsPerSecond(),
                            r.p50Millis(),
                            r.p99Millis(),
                            r.deliveredSeconds(),
                            cpuPerJoin * 1000,
                            jitPerJoin * 1000,
                            1 / cpuPerJoin,
                            loadCpuPerJoin * 1000);
                    load.end(JOINS + size);
                }
            }
            streams(out, emulator, http, sdk, streams, streamMeetings, clients);
        }
        out.printf(Locale.ROOT, "%nload average at the end %s%n", loadAverage());
        Files.deleteIfExists(seed);
    }

    private static void streams(
            PrintStream out,
            EmulatorProcess emulator,
            HttpClient http,
            SdkCredentials sdk,
            int streams,
            int meetings,
            int clients)
            throws Exception {
        double heapBefore = emulator.heapAfterGcMib();
        long threadsBefore = emulator.platformThreads();
        double rssBefore = emulator.rssMib();
        long start = System.nanoTime();
        try (MeetingLoad load = new MeetingLoad(emulator.baseUrl(), http, sdk)) {
            for (int m = 0; m < meetings; m++) {
                load.fill(STREAMS + m, Math.min(STREAM_MEETING, streams - m * STREAM_MEETING), clients);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double heapWith = emulator.heapAfterGcMib();
            long threadsWith = emulator.platformThreads();
            double rssWith = emulator.rssMib();
            out.println();
            out.printf(
                    Locale.ROOT,
                    "%,d open event streams (%d meetings of up to %,d), filled in %.1f s%n",
                    load.openStreams(),
                    meetings,
                    STREAM_MEETING,
                    seconds);
            out.println("| emulator | before | with the streams | per stream |");
            out.println("|---|---:|---:|---:|");
            out.printf(
                    Locale.ROOT,
                    "| heap after GC (MiB) | %.1f | %.1f | %.1f KiB |%n",
                    heapBefore,
                    heapWith,
                    (heapWith - heapBefore) * 1024 / load.openStreams());
            out.printf(
                    Locale.ROOT,
                    "| RSS (MiB) | %.1f | %.1f | %.1f KiB |%n",
                    rssBefore,
                    rssWith,
                    (rssWith - rssBefore) * 1024 / load.openStreams());
            out.printf(Locale.ROOT, "| platform threads | %d | %d | |%n", threadsBefore, threadsWith);
            for (int m = 0; m < meetings; m++) {
                load.end(STREAMS + m);
            }
        }
    }

    /** CPU time (user + system) this JVM, the load generator, used so far, in seconds. */
    private static double ownCpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElseThrow(() -> new IllegalStateException("no CPU time for this process"))
                        .toNanos()
                / 1e9;
    }

    /** The machine's load averages (1, 5, 15 min): other work on the machine skews every figure here. */
    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String seed(int[] sizes, int streamMeetings) {
        List<String> meetings = new ArrayList<>();
        for (int m = 0; m < WARM_UP_MEETINGS; m++) {
            meetings.add(meeting(WARM_UP + m, WARM_UP_JOINS));
        }
        for (int size : sizes) {
            meetings.add(meeting(JOINS + size, size));
        }
        for (int m = 0; m < streamMeetings; m++) {
            meetings.add(meeting(STREAMS + m, STREAM_MEETING));
        }
        return String.format(Locale.ROOT, """
                {"accounts":[{"id":"bench-account","name":"Bench","plan":"business",
                 "users":[{"id":"u-bench-host","email":"host@bench.example","first_name":"Bench","last_name":"Host"}],
                 "sdk_apps":[{"key":"%s","secret":"%s","published":true}],
                 "meetings":[%s]}]}
                """, SDK_KEY, SDK_SECRET, String.join(",", meetings));
    }

    private static String meeting(long id, int participants) {
        return "{\"id\":" + id + ",\"host\":\"u-bench-host\",\"topic\":\"" + participants
                + " participants\",\"capacity\":" + (participants + 1) + "}";
    }
}
