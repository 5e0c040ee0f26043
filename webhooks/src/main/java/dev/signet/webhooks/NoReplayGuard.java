package dev.signet.webhooks;

import java.time.Instant;

/** The guard of {@link ReplayGuard#none()}: every id is new. */
final class NoReplayGuard implements ReplayGuard {
    @Override
    public boolean firstSeen(String id, Instant at) {
        return true;
    }

    @Override
    public String toString() {
        return "ReplayGuard.none()";
    }
}
