package dev.signet.platform.token;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TokenFetcher} calls token URLs.
 *
 * @param allowLoopback allow loopback addresses, and plain {@code http} to them (development and tests only)
 * @param connectTimeout the connect timeout of one attempt
 * @param callTimeout the total timeout of one attempt (connect, request, whole body)
 * @param maxAttempts attempts in total, retries included (network errors, 5xx and 429 are retried)
 * @param initialBackoff the wait before the first retry; doubles for each further retry
 * @param budget the most time one fetch may spend, waits included; a retry that would exceed it is not made
 * @param maxBodyBytes the largest body read; a longer body fails the fetch
 */
public record TokenFetcherSettings(
        boolean allowLoopback,
        Duration connectTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration budget,
        int maxBodyBytes) {
    public TokenFetcherSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(budget, "budget");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxBodyBytes < 512) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 512, was " + maxBodyBytes);
        }
    }

    /** 2 s connect, 5 s per attempt, 3 attempts from 250 ms backoff within 15 s, 4 KB bodies. */
    public static TokenFetcherSettings defaults(boolean allowLoopback) {
        return new TokenFetcherSettings(
                allowLoopback,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(250),
                Duration.ofSeconds(15),
                4096);
    }
}
