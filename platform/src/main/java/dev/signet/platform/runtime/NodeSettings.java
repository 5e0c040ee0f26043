package dev.signet.platform.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How this node shares the database with other nodes.
 *
 * @param capacity the most bots this node runs at once ({@code SIGNET_NODE_CAPACITY}); {@link #UNLIMITED} for none
 * @param lease how long a node's lease lasts without a heartbeat ({@code SIGNET_NODE_LEASE}); after it, other nodes
 *     take its bots over. Set it at least as long as Zoom takes to drop a participant whose connection is gone, so
 *     a bot taken over is never in its meeting twice.
 * @param heartbeat how often the node renews its lease; a third of the lease or less
 * @param commandPoll how often the node looks for commands other nodes routed to it ({@code leave_call})
 */
public record NodeSettings(int capacity, Duration lease, Duration heartbeat, Duration commandPoll) {
    /** No limit on the bots a node runs. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** The default lease: takeover within about 25 s of a node's death. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(20);

    public NodeSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(commandPoll, "commandPoll");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        if (heartbeat.multipliedBy(3).compareTo(lease) > 0) {
            throw new IllegalArgumentException(
                    "the heartbeat (" + heartbeat + ") must be a third of the lease (" + lease + ") or less");
        }
    }

    /** {@code capacity} bots, the given lease, a heartbeat of a quarter of it and 250 ms command polls. */
    public static NodeSettings of(int capacity, Duration lease) {
        return new NodeSettings(capacity, lease, lease.dividedBy(4), Duration.ofMillis(250));
    }

    /** No capacity limit and the default lease. */
    public static NodeSettings defaults() {
        return of(UNLIMITED, DEFAULT_LEASE);
    }

    /**
     * The capacity for browser bots on this machine: a bot's Chromium needs 300–500 MB (docs/benchmarks.md), so one
     * bot per 500 MiB of the memory the JVM sees (the container's limit inside a container) after 1 GiB for the
     * platform itself; at least one.
     */
    public static int browserCapacity(long totalMemoryBytes) {
        long perBot = 500L * 1024 * 1024;
        long forBots = totalMemoryBytes - 1024L * 1024 * 1024;
        return (int) Math.max(1, Math.min(10_000, forBots / perBot));
    }

    /**
     * An automatic node id: the host name (a Kubernetes pod's name, from {@code HOSTNAME}; never resolved) and a
     * random suffix, so that a restarted process is a new node and two processes on one host never share an id.
     */
    public static String automaticId(
            @org.jspecify.annotations.Nullable String host, java.util.random.RandomGenerator random) {
        String clean =
                (host == null ? "" : host).replaceAll("[^A-Za-z0-9._-]", "").toLowerCase(java.util.Locale.ROOT);
        if (clean.isEmpty()) {
            clean = "node";
        }
        if (clean.length() > 100) {
            clean = clean.substring(0, 100);
        }
        return clean + "-" + java.util.HexFormat.of().toHexDigits(random.nextInt());
    }
}
