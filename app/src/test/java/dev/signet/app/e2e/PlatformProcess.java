package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code signet platform} in a child JVM from the built jar ({@code target/signet.jar}): a platform node that a test
 * can kill ({@code SIGKILL}), stop ({@code SIGTERM}) or freeze ({@code SIGSTOP}/{@code SIGCONT}).
 */
final class PlatformProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    final String name;
    final Process process;
    final URI baseUrl;
    final Path log;

    private PlatformProcess(String name, Process process, URI baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts a node with {@code env} (its SIGNET_* variables only); returns once its API listens. */
    static PlatformProcess start(String name, Map<String, String> env, Path dir) throws IOException {
        Path jar = Path.of(System.getProperty("signet.jar", "target/signet.jar"));
        assertThat(jar).as("the built jar (run mvn package first)").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(), "-Xmx256m", "-Djava.net.preferIPv4Stack=true", "-jar", jar.toString(), "platform");
        builder.environment().keySet().removeIf(k -> k.startsWith("SIGNET_"));
        builder.environment().putAll(env);
        Path log = dir.resolve(name + ".err");
        builder.redirectError(log.toFile());
        Process process = builder.start();
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
                throw new IllegalStateException("the platform exited: " + Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            URI uri = listening.get(90, TimeUnit.SECONDS);
            Thread.ofVirtual().start(() -> drain(out)); // never let the child block on a full pipe
            return new PlatformProcess(name, process, uri, log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("signet platform " + name + " did not start: " + Files.readString(log), e);
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM: the node drains, then exits. */
    void terminate() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as(name + " stops on SIGTERM")
                .isTrue();
    }

    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
