package dev.signet.bench.websdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of one browser bot (chromedriver and the Chromium it started, with every Chromium child), and their
 * memory and CPU read from {@code /proc}.
 */
record ProcessTree(ProcessHandle root, List<ProcessHandle> members) {
    /** Every chromedriver this JVM started, each with its descendants. */
    static List<ProcessTree> chromedrivers() {
        List<ProcessTree> trees = new ArrayList<>();
        ProcessHandle.current()
                .children()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("chromedriver")).orElse(false))
                .forEach(p -> {
                    List<ProcessHandle> members = new ArrayList<>();
                    members.add(p);
                    p.descendants().forEach(members::add);
                    trees.add(new ProcessTree(p, List.copyOf(members)));
                });
        return trees;
    }

    /** Proportional set size in KiB, summed over the tree (shared pages split fairly between their users). */
    long pssKib() {
        return sum("Pss:");
    }

    /** Resident set size in KiB, summed over the tree (shared pages counted once per process). */
    long rssKib() {
        return sum("Rss:");
    }

    /** CPU time (user + system) used so far by the tree's live processes. */
    Duration cpu() {
        Duration total = Duration.ZERO;
        for (ProcessHandle p : members) {
            total = total.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    int size() {
        return members.size();
    }

    private long sum(String field) {
        long total = 0;
        for (ProcessHandle p : members) {
            try {
                for (String line : Files.readAllLines(
                        Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), StandardCharsets.UTF_8)) {
                    if (line.startsWith(field)) {
                        total += Long.parseLong(
                                line.substring(field.length()).replace("kB", "").strip());
                    }
                }
            } catch (NoSuchFileException e) {
                // the process ended between listing and reading: it holds no memory any more
            } catch (IOException e) {
                throw new IllegalStateException("cannot read /proc/" + p.pid() + "/smaps_rollup", e);
            }
        }
        return total;
    }
}
