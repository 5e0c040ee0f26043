package dev.signet.bench.multinode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Formats results as the lines and the Markdown table docs/benchmarks.md carries. */
final class Report {
    private Report() {}

    static String line(RunResult r) {
        return String.format(
                Locale.ROOT,
                "%,d bots in %d meetings, created at %.0f/s in %s (join_at %s after the first request); after join_at:"
                        + " all dispatched %s, all in call %s; dispatch lag p50 %,d ms, p99 %,d ms, max %,d ms;"
                        + " held per node %s; kill: %s, %d bots on the killed node, first rejoin %s and all back in"
                        + " call %s after the kill, held per node then %s; in meetings %,d; duplicates %d at the end, %d at most during the"
                        + " takeover; extra joins %d; fatal %d; load %s",
                r.bots(),
                r.meetings(),
                r.createdPerSecond(),
                seconds(r.creationMs()),
                seconds(r.leadMs()),
                seconds(r.allDispatchedMs()),
                seconds(r.allInCallMs()),
                r.lagP50Ms(),
                r.lagP99Ms(),
                r.lagMaxMs(),
                r.shares(),
                r.kill(),
                r.killedNodeBots(),
                seconds(r.firstRejoinMs()),
                seconds(r.takeoverMs()),
                r.sharesAtEnd(),
                r.present(),
                r.finalDuplicates(),
                r.peakDuplicates(),
                r.extraJoins(),
                r.fatal(),
                r.load());
    }

    static String table(List<RunResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| bots | meetings | created/s | join_at → all dispatched | join_at → all in call"
                + " | dispatch lag p50 / p99 / max (ms) | held per node | kill | killed node's bots"
                + " | kill → first rejoin | kill → all back in call | held per node at the end | duplicates end / peak | extra joins | fatal"
                + " | load avg |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---|---:|---:|---:|---|\n");
        for (RunResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %d | %.0f | %s | %s | %,d / %,d / %,d | %s | %s | %,d | %s | %s | %s | %d / %d | %d | %d | %s |%n",
                    r.bots(),
                    r.meetings(),
                    r.createdPerSecond(),
                    seconds(r.allDispatchedMs()),
                    seconds(r.allInCallMs()),
                    r.lagP50Ms(),
                    r.lagP99Ms(),
                    r.lagMaxMs(),
                    shares(r.shares()),
                    r.kill(),
                    r.killedNodeBots(),
                    seconds(r.firstRejoinMs()),
                    seconds(r.takeoverMs()),
                    shares(r.sharesAtEnd()),
                    r.finalDuplicates(),
                    r.peakDuplicates(),
                    r.extraJoins(),
                    r.fatal(),
                    r.load()));
        }
        return out.toString();
    }

    private static String shares(Map<String, Integer> shares) {
        return shares.toString().replace("{", "").replace("}", "");
    }

    private static String seconds(@Nullable Long ms) {
        return ms == null ? "—" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
