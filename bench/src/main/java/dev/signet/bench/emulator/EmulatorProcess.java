package dev.signet.bench.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code signet emulator} as a child JVM (the same class path as this one), so its heap and threads are measured
 * apart from the load generator's; read with {@code jcmd}.
 */
final class EmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Zoom emulator listening on (http://\\S+)");
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap.*used (\\d+)K");
    private static final Pattern LIVE_THREADS = Pattern.compile("java\\.threads\\.live=(\\d+)");

    private final Process process;
    private final String baseUrl;

    private EmulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code signet emulator --port 0 --seed seedFile} with {@code jvmArgs} and waits for its base URL. */
    static EmulatorProcess start(Path seedFile, List<String> jvmArgs) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.signet.app.Main",
                "emulator",
                "--port",
                "0",
                "--seed",
                seedFile.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> drain(out));
                return new EmulatorProcess(process, m.group(1));
            }
        }
        throw new IllegalStateException("signet emulator exited with " + waitFor(process) + " before listening");
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Heap in use after a full GC, in MiB. */
    double heapAfterGcMib() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no G1 heap line in jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    /** Live platform threads (virtual threads are not counted by the JVM's thread counter). */
    long platformThreads() throws IOException, InterruptedException {
        Matcher m = LIVE_THREADS.matcher(jcmd("PerfCounter.print"));
        if (!m.find()) {
            throw new IllegalStateException("no java.threads.live in jcmd PerfCounter.print");
        }
        return Long.parseLong(m.group(1));
    }

    /** CPU time (user + system) the emulator used so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle()
                        .info()
                        .totalCpuDuration()
                        .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + process.pid()))
                        .toNanos()
                / 1e9;
    }

    /**
     * CPU time (user + system) the emulator's JIT compiler threads used so far, in seconds, from
     * {@code /proc/<pid>/task/<tid>/stat} at clock-tick resolution (100 Hz): part of {@link #cpuSeconds()} that is
     * warm-up, not joins.
     */
    double jitCpuSeconds() throws IOException {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] fields = stat.substring(close + 2).split(" ", -1);
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                }
            }
        }
        return ticks / 100.0;
    }

    /** The process's resident set size in MiB. */
    double rssMib() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").strip()) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + process.pid());
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "jcmd %s failed: %s", command, text));
        }
        return text;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: the emulator closes its streams and stops in order (a JFR recording is dumped)
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
                // the seed report and anything else the emulator prints
            }
        } catch (IOException e) {
            // the emulator stopped
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
