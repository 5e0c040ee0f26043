package dev.signet.bench.multinode;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.bench.platform.Http;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * One size on a fresh cluster: creates the bots through the nodes' APIs round-robin with one {@code join_at}, waits
 * until all are in call (killing the node holding the most bots there, or once half are, per {@link KillMode}), waits until the
 * killed node's bots are back in call on the others, then counts duplicates in the emulator's meetings and reads
 * every bot's times from the database.
 */
final class SizeRun {
    static final int BOTS_PER_MEETING = 25;
    static final String NAME_PREFIX = "MN ";
    private static final int CLIENTS = 32;
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SWEEP = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When the node holding the most bots is killed. */
    enum KillMode {
        /** Once every bot is in call. */
        ALL_IN_CALL,
        /** Once half the bots are in call (the others still joining or not yet claimed). */
        HALF_IN_CALL,
        /** Never. */
        NONE
    }

    private final Http http;
    private final Cluster cluster;
    private final Ledger ledger;
    private final String apiKey;
    private final Clock clock;

    SizeRun(Http http, Cluster cluster, Ledger ledger, String apiKey, Clock clock) {
        this.http = http;
        this.cluster = cluster;
        this.ledger = ledger;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    RunResult run(int bots, KillMode mode, Duration lead, String loadAtStart) throws Exception {
        Meetings meetings =
                Meetings.seed(http, cluster.emulatorUrl(), (bots + BOTS_PER_MEETING - 1) / BOTS_PER_MEETING);
        Instant start = clock.instant();
        Instant joinAt = start.plus(lead).truncatedTo(ChronoUnit.MILLIS);
        create(bots, meetings.ids(), joinAt);
        Instant created = clock.instant();
        long creationMs = Duration.between(start, created).toMillis();
        System.out.printf(
                Locale.ROOT,
                "created %,d bots in %.1f s (%.0f/s); join_at is %.1f s after the first request%s%n",
                bots,
                creationMs / 1000.0,
                bots * 1000.0 / Math.max(1, creationMs),
                lead.toMillis() / 1000.0,
                created.isAfter(joinAt)
                        ? " — CREATION OVERRAN join_at: the dispatch times below are not clean, raise the lead"
                        : "");

        int killAfter = switch (mode) {
            case ALL_IN_CALL -> bots;
            case HALF_IN_CALL -> bots / 2;
            case NONE -> bots;
        };
        Instant deadline = joinAt.plus(DEADLINE);
        Ledger.Progress progress = ledger.progress();
        while (progress.inCall() + progress.fatal() < killAfter
                && clock.instant().isBefore(deadline)) {
            LockSupport.parkNanos(POLL.toNanos());
            progress = ledger.progress();
        }
        System.out.printf(Locale.ROOT, "at %s: %s%n", clock.instant(), progress);
        Map<String, Integer> shares = ledger.owners();

        List<String> victims = List.of();
        Instant killedAt = Instant.MAX;
        String victimName = "none";
        int peakDuplicates = 0;
        if (mode != KillMode.NONE) {
            // The node holding the most bots (the first on a tie): with no capacity limit, one claim takes up to 500.
            String victim = cluster.nodeIds().stream()
                    .max(Comparator.comparingInt((String n) -> shares.getOrDefault(n, 0))
                            .thenComparing(Comparator.reverseOrder()))
                    .orElseThrow();
            List<String> held = ledger.heldBy(victim);
            Instant at = clock.instant();
            cluster.kill(cluster.nodeIds().indexOf(victim));
            victims = held;
            killedAt = at;
            victimName = victim;
            System.out.printf(
                    Locale.ROOT, "SIGKILL %s at %s holding %,d bots; shares %s%n", victim, at, held.size(), shares);
            peakDuplicates = awaitWithSweeps(() -> ledger.inCallSince(held, at) >= held.size(), meetings, deadline);
        }
        // Then every bot in call (or fatal): with a kill at half, bots the killed node never claimed are still joining.
        peakDuplicates = Math.max(peakDuplicates, awaitWithSweeps(() -> ledger.settled() >= bots, meetings, deadline));
        Meetings.Presence presence = meetings.presence(NAME_PREFIX);
        peakDuplicates = Math.max(peakDuplicates, presence.duplicates().size());
        if (!presence.duplicates().isEmpty()) {
            System.out.printf(Locale.ROOT, "DUPLICATES (meeting/name=count): %s%n", presence.duplicates());
        }
        return result(
                bots,
                meetings,
                mode,
                victimName,
                creationMs,
                lead,
                joinAt,
                shares,
                victims,
                killedAt,
                presence,
                peakDuplicates,
                loadAtStart);
    }

    private RunResult result(
            int bots,
            Meetings meetings,
            KillMode mode,
            String victimName,
            long creationMs,
            Duration lead,
            Instant joinAt,
            Map<String, Integer> shares,
            List<String> victims,
            Instant killedAt,
            Meetings.Presence presence,
            int peakDuplicates,
            String loadAtStart)
            throws Exception {
        List<Ledger.BotTimes> times = ledger.bots();
        Set<String> victimIds = new HashSet<>(victims);
        List<Long> lags = new ArrayList<>();
        Instant lastDispatched = Instant.MIN;
        Instant lastInCall = Instant.MIN;
        Instant firstRejoin = Instant.MAX;
        Instant lastRejoined = Instant.MIN;
        int extraJoins = 0;
        int fatal = 0;
        List<String> notInCall = new ArrayList<>();
        for (Ledger.BotTimes bot : times) {
            if (!bot.firstJoining().equals(Instant.MAX)) {
                lags.add(Duration.between(joinAt, bot.firstJoining()).toMillis());
                lastDispatched = max(lastDispatched, bot.firstJoining());
            }
            lastInCall = max(lastInCall, bot.firstInCall());
            boolean victim = victimIds.contains(bot.id());
            if (victim) {
                firstRejoin = min(firstRejoin, bot.lastJoining());
                lastRejoined = max(lastRejoined, bot.lastInCall());
            }
            if (bot.joins() > (victim ? 2 : 1)) {
                extraJoins++;
                System.out.printf(
                        Locale.ROOT,
                        "EXTRA JOIN: bot %s (%s) joined %d times, now %s on %s%n",
                        bot.id(),
                        bot.name(),
                        bot.joins(),
                        bot.status(),
                        bot.owner());
            }
            if (bot.status().equals("fatal")) {
                fatal++;
                System.out.printf(Locale.ROOT, "FATAL: bot %s (%s) on %s%n", bot.id(), bot.name(), bot.owner());
            } else if (!bot.status().equals("in_call_not_recording")) {
                notInCall.add(bot.id() + " " + bot.status());
            }
        }
        if (!notInCall.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "NOT IN CALL at the end (%d): %s%n",
                    notInCall.size(),
                    notInCall.subList(0, Math.min(20, notInCall.size())));
        }
        if (!presence.duplicates().isEmpty()) {
            Set<String> victimNames = new HashSet<>();
            times.stream().filter(b -> victimIds.contains(b.id())).forEach(b -> victimNames.add(b.name()));
            long taken = presence.duplicates().keySet().stream()
                    .filter(k -> victimNames.contains(k.substring(k.indexOf('/') + 1)))
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "%d of the %d duplicated bots are bots the killed node held%n",
                    taken,
                    presence.duplicates().size());
        }
        List<Long> sorted = lags.stream().sorted().toList();
        boolean allDispatched = lags.size() == bots;
        boolean allInCall = times.stream().noneMatch(b -> b.firstInCall().equals(Instant.MAX));
        boolean allBack = !victims.isEmpty() && lastRejoined.isAfter(killedAt) && lastRejoined.isBefore(Instant.MAX);
        return new RunResult(
                bots,
                meetings.ids().size(),
                switch (mode) {
                    case ALL_IN_CALL -> victimName + " once all in call";
                    case HALF_IN_CALL -> victimName + " once half in call";
                    case NONE -> "none";
                },
                bots * 1000.0 / Math.max(1, creationMs),
                creationMs,
                lead.toMillis(),
                allDispatched ? Duration.between(joinAt, lastDispatched).toMillis() : null,
                allInCall ? Duration.between(joinAt, lastInCall).toMillis() : null,
                percentile(sorted, 50),
                percentile(sorted, 99),
                percentile(sorted, 100),
                shares,
                victims.size(),
                ledger.owners(),
                victims.isEmpty() || firstRejoin.equals(Instant.MAX)
                        ? null
                        : Duration.between(killedAt, firstRejoin).toMillis(),
                allBack ? Duration.between(killedAt, lastRejoined).toMillis() : null,
                presence.duplicates().size(),
                peakDuplicates,
                presence.present(),
                extraJoins,
                fatal,
                loadAtStart + " -> " + MultiNodeBench.loadAverage());
    }

    /** Creates the bots with {@link #CLIENTS} concurrent requests, bot {@code i} through node {@code i % 3}. */
    private void create(int bots, List<Long> meetings, Instant joinAt) throws Exception {
        int nodes = cluster.nodeIds().size();
        try (ExecutorService clients =
                Executors.newFixedThreadPool(CLIENTS, Thread.ofVirtual().factory())) {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < bots; i++) {
                String body = "{\"meeting_url\":\"https://zoom.us/j/" + meetings.get(i % meetings.size())
                        + "\",\"bot_name\":\"" + NAME_PREFIX + i + "\",\"join_at\":\"" + joinAt + "\"}";
                String url = cluster.apiUrl(i % nodes) + "/api/v1/bot/";
                created.add(clients.submit(() -> JSON.readTree(http.send("POST", url, body, apiKey, 201))
                        .path("id")
                        .asText()));
            }
            for (Future<String> future : created) {
                future.get();
            }
        }
    }

    /** Something the loop waits for. */
    private interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Waits until {@code done} holds or the deadline, reading every meeting's participants every {@link #SWEEP};
     * returns the most duplicates one sweep saw.
     */
    private int awaitWithSweeps(Condition done, Meetings meetings, Instant deadline) throws Exception {
        int peak = 0;
        Instant nextSweep = clock.instant();
        while (!done.holds() && clock.instant().isBefore(deadline)) {
            if (!clock.instant().isBefore(nextSweep)) {
                Map<String, Integer> duplicates = meetings.presence(NAME_PREFIX).duplicates();
                if (!duplicates.isEmpty()) {
                    System.out.printf(Locale.ROOT, "%s: in a meeting twice: %s%n", clock.instant(), duplicates);
                }
                peak = Math.max(peak, duplicates.size());
                nextSweep = clock.instant().plus(SWEEP);
            } else {
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
        return peak;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
