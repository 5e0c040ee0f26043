package dev.signet.bench.platform;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One phase's numbers.
 *
 * @param allInCall from the first creation request to the last bot's recorded {@code in_call_not_recording}; null
 *     when not every bot got there
 * @param p50Ms creation ({@code ready}) to {@code in_call_not_recording}, as the platform recorded them
 * @param heapAfterGcMib the bench JVM's heap after a full GC with every bot of the phase in call (the platform, plus
 *     the few MiB of the harness measured before the platform started)
 * @param emulatorHeapMib the emulator child's heap after a full GC at the same moment
 * @param duplicateWebhooks webhooks received again under a {@code webhook-id} already received
 * @param fatalReasons the phase's fatal bots by {@code sub_code: message}
 * @param peakPendingWrites the most bot writes waiting for the database, sampled every 100 ms
 * @param load the one-minute load average before and after the phase
 * @param benchCpuSeconds CPU this JVM (the platform and the harness's API clients and webhook receiver) used from the
 *     first creation until every bot was in call or fatal
 * @param emulatorCpuSeconds the emulator child's CPU over the same span
 * @param brokerCpuSeconds the broker child's CPU over the same span
 * @param spanSeconds that span's wall-clock length
 */
record PhaseResult(
        String label,
        int bots,
        int meetings,
        double createPerSecond,
        @Nullable Duration allInCall,
        int inCall,
        int fatal,
        long p50Ms,
        long p99Ms,
        long maxMs,
        long heapAfterGcMib,
        long emulatorHeapMib,
        int webhooks,
        int duplicateWebhooks,
        Map<String, Integer> fatalReasons,
        long peakPendingWrites,
        double zoomCalls,
        String load,
        double benchCpuSeconds,
        double emulatorCpuSeconds,
        double brokerCpuSeconds,
        double spanSeconds) {}
