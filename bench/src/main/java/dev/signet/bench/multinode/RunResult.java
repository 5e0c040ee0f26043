package dev.signet.bench.multinode;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One size's numbers. Times are milliseconds; a time that never came (not every bot got there) is null. Node shares
 * are the unfinished bots each node held just before the kill (or once all were in call, without a kill), and at the
 * end.
 */
record RunResult(
        int bots,
        int meetings,
        String kill,
        double createdPerSecond,
        long creationMs,
        long leadMs,
        @Nullable Long allDispatchedMs,
        @Nullable Long allInCallMs,
        long lagP50Ms,
        long lagP99Ms,
        long lagMaxMs,
        Map<String, Integer> shares,
        int killedNodeBots,
        Map<String, Integer> sharesAtEnd,
        @Nullable Long firstRejoinMs,
        @Nullable Long takeoverMs,
        int finalDuplicates,
        int peakDuplicates,
        int present,
        int extraJoins,
        int fatal,
        String load) {}
