package dev.signet.bench.emulator;

import dev.signet.zoom.sdk.SdkCredentials;
import dev.signet.zoom.sdk.SdkSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills one started meeting with {@code size} SDK joins from {@code clients} concurrent clients; each joined
 * participant opens its event stream at once, so every join fans out to everyone already there.
 */
final class MeetingLoad implements AutoCloseable {
    private static final Pattern PARTICIPANT_ID = Pattern.compile("\"participant_id\":\"([^\"]+)\"");

    /** What one filled meeting measured. */
    record Result(int size, double joinsPerSecond, double p50Millis, double p99Millis, double deliveredSeconds) {}

    private final String baseUrl;
    private final HttpClient http;
    private final SdkSigner signer;
    private final List<SseStream> streams = new ArrayList<>();

    MeetingLoad(String baseUrl, HttpClient http, SdkCredentials sdk) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.signer = new SdkSigner(sdk, Clock.systemUTC());
    }

    /** Starts meeting {@code id}, joins {@code size} participants and waits until every stream saw everyone. */
    Result fill(long id, int size, int clients) throws Exception {
        post("/emulator/meetings/" + id + "/start", "{}", 200);
        String signature = signer.sign(Long.toString(id), 0).reveal();
        int everyone = size + 1; // the host is in the meeting too
        CountDownLatch delivered = new CountDownLatch(size);
        ConcurrentLinkedQueue<SseStream> opened = new ConcurrentLinkedQueue<>();
        long[] latencies = new long[size];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        String body = "{\"signature\":\"" + signature + "\",\"display_name\":\"bot " + i + "\"}";
                        String answer = post("/emulator/meetings/" + id + "/join", body, 200);
                        latencies[i] = System.nanoTime() - t0;
                        Matcher m = PARTICIPANT_ID.matcher(answer);
                        if (!m.find()) {
                            throw new IllegalStateException("no participant_id in " + answer);
                        }
                        opened.add(SseStream.open(baseUrl, m.group(1), everyone, delivered));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double joinSeconds = (System.nanoTime() - start) / 1e9;
        streams.addAll(opened);
        if (!delivered.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(delivered.getCount() + " streams of meeting " + id + " missed events");
        }
        double deliveredSeconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(
                size,
                size / joinSeconds,
                latencies[size / 2] / 1e6,
                latencies[Math.min(size - 1, (int) Math.ceil(size * 0.99) - 1)] / 1e6,
                deliveredSeconds);
    }

    /** Ends meeting {@code id} for everyone. */
    void end(long id) throws IOException, InterruptedException {
        post("/emulator/meetings/" + id + "/end", "{}", 204);
    }

    int openStreams() {
        return streams.size();
    }

    @Override
    public void close() throws IOException {
        for (SseStream s : streams) {
            s.close();
        }
        streams.clear();
    }

    private String post(String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
