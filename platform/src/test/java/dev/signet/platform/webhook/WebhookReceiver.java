package dev.signet.platform.webhook;

import io.javalin.Javalin;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real webhook receiver on a loopback port: records every request and answers with scripted statuses. */
final class WebhookReceiver implements AutoCloseable {
    /** One received request. */
    record Received(String id, String timestamp, String signature, String text) {
        byte[] body() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Javalin server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();
    volatile int fallbackStatus = 200;
    volatile boolean hang;
    /** Answer with headers at once and a body that takes seconds to arrive. */
    volatile boolean trickle;
    /** Requests being handled now, and the most at once. */
    final AtomicInteger inFlight = new AtomicInteger();

    final AtomicInteger maxInFlight = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    /** When set, each request waits for one permit of {@link #admit}, so a test frees slots one at a time. */
    volatile boolean oneByOne;

    final Semaphore admit = new Semaphore(0);

    WebhookReceiver() {
        server = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = 0;
                    config.routes.post("/hook", ctx -> {
                        int now = inFlight.incrementAndGet();
                        maxInFlight.accumulateAndGet(now, Math::max);
                        try {
                            handle(ctx);
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    });
                })
                .start();
    }

    private void handle(io.javalin.http.Context ctx) throws Exception {
        received.add(new Received(
                String.valueOf(ctx.header("webhook-id")),
                String.valueOf(ctx.header("webhook-timestamp")),
                String.valueOf(ctx.header("webhook-signature")),
                new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8)));
        if (hang) {
            release.await(30, TimeUnit.SECONDS);
        }
        if (oneByOne && !admit.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no permit within 30 s");
        }
        Integer status = scripted.poll();
        ctx.status(status == null ? fallbackStatus : status);
        if (trickle) {
            // Headers at once, then the body a byte at a time for three seconds.
            ctx.header("Content-Type", "text/plain");
            OutputStream out = ctx.res().getOutputStream();
            for (int i = 0; i < 30; i++) {
                out.write('.');
                out.flush();
                Thread.sleep(100);
            }
        }
    }

    /** The hook URL, with a query secret that must never be shown. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/hook?token=receiver-secret");
    }

    List<Received> forBot(String botId) {
        return received.stream().filter(r -> r.text().contains(botId)).toList();
    }

    Map<String, Object> summary() {
        return Map.of("received", received.size());
    }

    @Override
    public void close() {
        release.countDown();
        admit.release(10_000);
        server.stop();
    }
}
