package dev.signet.platform.runtime;

/**
 * The {@link BotStore} stopped taking writes because the platform is shutting down. A bot that meets it stops
 * quietly: it keeps its last recorded status, and the next start recovers it (the restart rule).
 */
public final class StoreClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreClosedException() {
        super("the bot store is closed: the platform is shutting down", null, false, false);
    }
}
