package dev.signet.broker.zak;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where ZAK work runs; the broker owns both and shuts them down.
 *
 * @param mints runs calls to Zoom, one virtual thread each
 * @param scheduler times background refreshes and start-up retries
 */
public record ZakThreads(ExecutorService mints, ScheduledExecutorService scheduler) {}
