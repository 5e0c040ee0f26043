package dev.signet.app.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Prints the demo's story as a readable timeline: seconds since start, then what happened. */
final class Timeline {
    private final PrintWriter out;
    private final Clock clock;
    private final Instant start;

    Timeline(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    /** A heading for one scenario. */
    synchronized void section(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** One event on the timeline. */
    synchronized void event(String text) {
        double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        out.println(String.format(Locale.ROOT, "  %6.2fs  %s", seconds, text));
        out.flush();
    }

    /** A line with no timestamp (URLs, explanations). */
    synchronized void note(String text) {
        out.println("           " + text);
        out.flush();
    }
}
