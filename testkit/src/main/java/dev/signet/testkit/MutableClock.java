package dev.signet.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link Clock} that tests move by hand, so time-dependent code is tested without sleeping. */
public final class MutableClock extends Clock {
    /** Shared by clocks made with {@link #withZone}, so they move together. */
    private static final class Cell {
        private volatile Instant now;

        Cell(Instant now) {
            this.now = now;
        }
    }

    private final Cell cell;
    private final ZoneId zone;

    private MutableClock(Cell cell, ZoneId zone) {
        this.cell = cell;
        this.zone = zone;
    }

    /** A clock standing still at {@code start}, in UTC. */
    public static MutableClock at(Instant start) {
        return new MutableClock(new Cell(start), ZoneOffset.UTC);
    }

    /** A clock standing still at 2026-01-01T00:00:00Z. */
    public static MutableClock fixed() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration duration) {
        synchronized (cell) {
            cell.now = cell.now.plus(duration);
        }
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        cell.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(cell, zone);
    }

    @Override
    public Instant instant() {
        return cell.now;
    }
}
