package dev.signet.bench.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Formats phase results as the lines and the Markdown table docs/benchmarks.md carries. */
final class Report {
    private Report() {}

    static String line(PhaseResult r) {
        return String.format(
                Locale.ROOT,
                "in call %d of %d, fatal %d; all in call %s after the first creation; creation -> in call p50 %d ms,"
                        + " p99 %d ms, max %d ms; %.0f bots/s created; platform heap after GC %d MiB (emulator %d"
                        + " MiB); webhooks %d (duplicate ids %d); peak pending writes %d; Zoom calls %.0f; load %s; CPU until all in"
                        + " call: bench JVM %.1f s, emulator %.1f s, broker %.1f s in %.1f s (%.2f ms a bot)%s",
                r.inCall(),
                r.bots(),
                r.fatal(),
                allInCall(r),
                r.p50Ms(),
                r.p99Ms(),
                r.maxMs(),
                r.createPerSecond(),
                r.heapAfterGcMib(),
                r.emulatorHeapMib(),
                r.webhooks(),
                r.duplicateWebhooks(),
                r.peakPendingWrites(),
                r.zoomCalls(),
                r.load(),
                r.benchCpuSeconds(),
                r.emulatorCpuSeconds(),
                r.brokerCpuSeconds(),
                r.spanSeconds(),
                cpuPerBotMs(r),
                r.fatalReasons().isEmpty() ? "" : "; fatal by reason " + r.fatalReasons());
    }

    /** The table; heap per bot is the heap above {@code idleHeapMib} (measured with no bot running) per bot. */
    static String table(List<PhaseResult> results, long idleHeapMib) {
        StringBuilder out = new StringBuilder();
        out.append("| bots | phase | meetings | created/s | all in call after first creation | in call | fatal"
                + " | creation -> in call p50 / p99 / max (ms) | platform heap after GC (MiB) | KiB per bot above idle"
                + " | emulator heap (MiB) | webhooks | peak pending writes | CPU s: bench JVM / emulator / broker | CPU ms a bot"
                + " | load avg |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (PhaseResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %d | %.0f | %s | %,d | %d | %,d / %,d / %,d | %d | %.0f | %d | %,d | %,d | %.1f / %.1f /"
                            + " %.1f | %.2f | %s |%n",
                    r.bots(),
                    r.label(),
                    r.meetings(),
                    r.createPerSecond(),
                    allInCall(r),
                    r.inCall(),
                    r.fatal(),
                    r.p50Ms(),
                    r.p99Ms(),
                    r.maxMs(),
                    r.heapAfterGcMib(),
                    (r.heapAfterGcMib() - idleHeapMib) * 1024.0 / r.bots(),
                    r.emulatorHeapMib(),
                    r.webhooks(),
                    r.peakPendingWrites(),
                    r.benchCpuSeconds(),
                    r.emulatorCpuSeconds(),
                    r.brokerCpuSeconds(),
                    cpuPerBotMs(r),
                    r.load()));
        }
        return out.toString();
    }

    /** All three processes' CPU until every bot was in call, per bot. */
    private static double cpuPerBotMs(PhaseResult r) {
        return (r.benchCpuSeconds() + r.emulatorCpuSeconds() + r.brokerCpuSeconds()) * 1000.0 / r.bots();
    }

    private static String allInCall(PhaseResult r) {
        Duration all = r.allInCall();
        return all == null ? "not all" : String.format(Locale.ROOT, "%.1f s", all.toMillis() / 1000.0);
    }
}
