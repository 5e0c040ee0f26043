package dev.signet.platform.driver.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A tiny stand-in for the emulator's join protocol (emulator/README.md) on a loopback port: scripted join answers,
 * event streams the test writes to, and a record of leaves.
 */
final class FakeEmulator implements AutoCloseable {
    static final String CLOSE = "\u0000close";

    private final HttpServer server;
    final List<String> joinBodies = new CopyOnWriteArrayList<>();
    final List<String> leaves = new CopyOnWriteArrayList<>();
    private final Map<String, BlockingQueue<String>> streams = new ConcurrentHashMap<>();
    private volatile int joinStatus = 200;
    private volatile String joinAnswer = "";
    private volatile int eventsStatus = 200;
    private volatile CountDownLatch joinGate = new CountDownLatch(0);

    FakeEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/emulator/meetings/", this::join);
        server.createContext("/emulator/participants/", this::participant);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next joins answer 200 with participant {@code id} in {@code status}. */
    void admits(String id, String status) {
        joinStatus = 200;
        joinAnswer = "{\"participant_id\":\"" + id + "\",\"status\":\"" + status + "\",\"role\":\"attendee\","
                + "\"signed_in_as\":null,\"events_url\":\"/emulator/participants/" + id + "/events\","
                + "\"leave_url\":\"/emulator/participants/" + id + "/leave\"}";
    }

    void answers(int status, String body) {
        joinStatus = status;
        joinAnswer = body;
    }

    /** Holds join answers until the returned latch is counted down. */
    CountDownLatch holdJoins() {
        joinGate = new CountDownLatch(1);
        return joinGate;
    }

    void eventsAnswer(int status) {
        eventsStatus = status;
    }

    /** Writes one event to {@code participant}'s stream. */
    void send(String participant, String event, String data) {
        stream(participant).add("event: " + event + "\ndata: " + data + "\n\n");
    }

    void sendRaw(String participant, String text) {
        stream(participant).add(text);
    }

    void closeStream(String participant) {
        stream(participant).add(CLOSE);
    }

    private BlockingQueue<String> stream(String participant) {
        return streams.computeIfAbsent(participant, id -> new LinkedBlockingQueue<>());
    }

    private void join(HttpExchange exchange) throws IOException {
        joinBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            joinGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = joinAnswer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(joinStatus, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void participant(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/emulator/participants/".length());
        String id = path.substring(0, path.indexOf('/'));
        if (path.endsWith("/leave")) {
            leaves.add(id);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        if (eventsStatus != 200) {
            exchange.sendResponseHeaders(eventsStatus, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                String chunk = stream(id).take();
                if (chunk.equals(CLOSE)) {
                    return;
                }
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() {
        streams.values().forEach(queue -> queue.add(CLOSE));
        server.stop(0);
    }
}
