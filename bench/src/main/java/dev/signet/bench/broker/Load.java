package dev.signet.bench.broker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop load: {@code connections} virtual threads, each sending GETs back to back for {@code duration}. Each
 * worker's first request is the cold start, reported apart from the steady state.
 */
final class Load {
    private Load() {}

    /** What one run measured; latencies in microseconds, sorted. */
    @SuppressWarnings("ArrayRecordComponent") // private to the benchmark; the arrays are never changed once built
    record Result(
            int requests, int successes, long[] coldMicros, long[] steadyMicros, Duration elapsed, int zoomCalls) {
        double throughput() {
            return successes / (elapsed.toNanos() / 1e9);
        }

        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // one worker's samples, handed over once
    private record Worker(int requests, int successes, long cold, long[] steady) {}

    static Result run(URI uri, int connections, Duration duration, SlowZoom zoom) throws Exception {
        int zoomBefore = zoom.mintCalls();
        try (HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Worker>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(workers.submit(() -> work(client, request, end)));
            }
            List<Worker> done = new ArrayList<>();
            for (Future<Worker> future : futures) {
                done.add(future.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long[] cold = done.stream().mapToLong(Worker::cold).sorted().toArray();
            long[] steady = done.stream()
                    .flatMapToLong(w -> Arrays.stream(w.steady()))
                    .sorted()
                    .toArray();
            return new Result(
                    done.stream().mapToInt(Worker::requests).sum(),
                    done.stream().mapToInt(Worker::successes).sum(),
                    cold,
                    steady,
                    elapsed,
                    zoom.mintCalls() - zoomBefore);
        }
    }

    private static Worker work(HttpClient client, HttpRequest request, long end) throws InterruptedException {
        long[] steady = new long[1024];
        int count = 0;
        int requests = 0;
        int successes = 0;
        long cold = -1;
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            boolean ok;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                ok = response.statusCode() == 200 && !response.body().isEmpty();
            } catch (IOException e) {
                ok = false;
            }
            long micros = (System.nanoTime() - sent) / 1_000;
            requests++;
            if (ok) {
                successes++;
            }
            if (cold < 0) {
                cold = micros;
            } else {
                if (count == steady.length) {
                    steady = Arrays.copyOf(steady, count * 2);
                }
                steady[count++] = micros;
            }
        }
        return new Worker(requests, successes, Math.max(cold, 0), Arrays.copyOf(steady, count));
    }
}
