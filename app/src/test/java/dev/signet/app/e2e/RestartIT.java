package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the platform mid-call, for real: the platform runs as a child JVM from the built jar
 * ({@code java -jar target/signet.jar platform}) on an H2 file database; the emulator and the broker run in this JVM.
 * After a forced kill a new child on the same data directory loses no bot, leaves none unfinished: the bot that was
 * in a still-running meeting rejoins with a freshly fetched ZAK, the one whose meeting ended meanwhile ends
 * {@code fatal} / {@code bot_errored} "platform restarted", and the scheduled one still joins.
 */
@Timeout(180)
class RestartIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dir;

    private @Nullable Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        Process running = child;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void forcedKillMidCall_newPlatformOnTheSameDataDir_losesNoBot_andRejoins() throws Exception {
        try (E2eStack stack = new E2eStack(dir.resolve("data"), E2eStack.Options.standard(), false);
                TokenServer tokens = new TokenServer(stack.zakUrl(null))) {
            URI[] base = {start(stack, "first")};
            Api api = new Api(stack.http, () -> base[0], E2eStack.API_KEY);

            Zoom.Meeting meeting = stack.zoom.create(true, false, null);
            stack.zoom.start(meeting.number());
            String inCall = api.createBot(meeting.joinUrl(), "Hard To Kill", tokens.url("/proxy"));
            api.awaitStatus(inCall, "in_call_not_recording");
            Zoom.Meeting ending = stack.zoom.started();
            String orphan = api.createBot(ending.joinUrl(), "Orphan", null);
            api.awaitStatus(orphan, "in_call_not_recording");
            Zoom.Meeting later = stack.zoom.started();
            ObjectNode body = Api.body(later.joinUrl(), "Scheduled", null);
            Instant joinAt = Clock.systemUTC().instant().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
            body.put("join_at", joinAt.toString());
            String scheduled = api.create(body).get("id").asText();
            assertThat(tokens.calls("/proxy")).isEqualTo(1);

            Process first = child();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            stack.zoom.end(ending.number());
            base[0] = start(stack, "second");

            JsonNode back = api.awaitStatus(inCall, "in_call_not_recording");
            assertThat(Api.codes(back)).as("%s", back.get("status_changes")).endsWith("in_call_not_recording");
            assertThat(Api.codes(back).stream().filter("joining_call"::equals).count())
                    .isEqualTo(2);
            assertThat(tokens.calls("/proxy")).as("a fresh ZAK for the rejoin").isEqualTo(2);
            JsonNode orphaned = api.awaitFatal(orphan, "bot_errored");
            assertThat(orphaned.get("message").asText()).isEqualTo("platform restarted");
            JsonNode scheduledBot = api.bot(scheduled);
            assertThat(Api.codes(scheduledBot)).startsWith("ready");

            api.awaitStatus(scheduled, "in_call_not_recording");
            for (String bot : List.of(inCall, scheduled)) {
                api.leaveCall(bot);
                api.awaitCallEnded(bot, "bot_received_leave_call");
            }
            Http.Reply all = api.call("GET", "/api/v1/bot/", null);
            assertThat(all.status()).isEqualTo(200);
            for (JsonNode bot : all.json().get("results")) {
                assertThat(Api.last(bot).get("code").asText()).isIn(Api.FINAL);
            }
            assertThat(all.json().get("results").size()).isEqualTo(3);

            Process second = child();
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS))
                    .as("SIGTERM stops the platform")
                    .isTrue();
        }
    }

    private Process child() {
        Process running = child;
        assertThat(running).isNotNull();
        return running;
    }

    /** Starts {@code signet platform} from the built jar; returns its API base URL once it listens. */
    private URI start(E2eStack stack, String name) throws IOException {
        Path jar = Path.of(System.getProperty("signet.jar", "target/signet.jar"));
        assertThat(jar).as("the built jar (run mvn package first)").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(), "-Xmx256m", "-Djava.net.preferIPv4Stack=true", "-jar", jar.toString(), "platform");
        builder.environment().keySet().removeIf(k -> k.startsWith("SIGNET_"));
        builder.environment().putAll(stack.platformEnv());
        builder.redirectError(dir.resolve(name + ".err").toFile());
        Process process = builder.start();
        child = process;
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                throw new IllegalStateException("the platform exited: " + Files.readString(dir.resolve(name + ".err")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            URI uri = listening.get(60, TimeUnit.SECONDS);
            // Keep draining stdout so the child never blocks on a full pipe.
            Thread.ofVirtual().start(() -> drain(out));
            return uri;
        } catch (Exception e) {
            throw new AssertionError(
                    "signet platform did not start: " + Files.readString(dir.resolve(name + ".err")), e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException e) {
            // the child is gone
        }
    }
}
