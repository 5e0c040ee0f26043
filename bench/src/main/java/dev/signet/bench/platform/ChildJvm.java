package dev.signet.bench.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code signet} deployable ({@code java -jar signet.jar <command>}) as a child JVM, so its heap and CPU are its
 * own and not the platform's; its heap is read with {@code jcmd}.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap.*used (\\d+)K");

    private final String name;
    private final Process process;
    private final String url;

    private ChildJvm(String name, Process process, String url) {
        this.name = name;
        this.process = process;
        this.url = url;
    }

    /**
     * Starts {@code java jvmArgs -jar jar command args} with {@code env} added to this process's environment, and waits
     * until a line of its standard output matches {@code ready}, whose first group is the URL it listens on.
     */
    public static ChildJvm start(
            Path jar, String command, List<String> jvmArgs, List<String> args, Map<String, String> env, Pattern ready)
            throws IOException {
        return start(jar, command, jvmArgs, args, env, ready, null);
    }

    /**
     * Like {@link #start(Path, String, List, List, Map, Pattern)}, but when {@code log} is not null the child's standard
     * error goes to that file instead of this process's, and the child sees none of this process's {@code SIGNET_*}
     * variables (only those in {@code env}).
     */
    public static ChildJvm start(
            Path jar,
            String command,
            List<String> jvmArgs,
            List<String> args,
            Map<String, String> env,
            Pattern ready,
            @Nullable Path log)
            throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmArgs);
        line.add("-jar");
        line.add(jar.toString());
        line.add(command);
        line.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectError(
                        log == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.to(log.toFile()));
        if (log != null) {
            builder.environment().keySet().removeIf(k -> k.startsWith("SIGNET_"));
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String text = out.readLine(); text != null; text = out.readLine()) {
            Matcher m = ready.matcher(text);
            if (m.find()) {
                Thread.ofVirtual().name("drain-" + command).start(() -> drain(out));
                return new ChildJvm(command, process, m.group(1));
            }
        }
        throw new IllegalStateException(
                "signet " + command + " exited with " + exitCode(process) + " before listening");
    }

    /** The base URL the child printed when it was ready. */
    public String url() {
        return url;
    }

    /** CPU time the child has used so far, all its threads (what the kernel reports for the process). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Heap in use after a full GC, in MiB (G1). */
    public long heapAfterGcMib() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no G1 heap line in jcmd GC.heap_info of signet " + name);
        }
        return Long.parseLong(m.group(1)) >> 10;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "jcmd %s on signet %s failed: %s", command, name, text));
        }
        return text;
    }

    /** SIGKILL: the child dies at once, as a crashed machine would; returns once it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("signet " + name + " still alive 30 s after SIGKILL");
        }
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (the deployable stops in order), then SIGKILL after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the seed report and anything else the child prints; read so its pipe never fills
            }
        } catch (IOException e) {
            // the child stopped; nothing left to read
        }
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
