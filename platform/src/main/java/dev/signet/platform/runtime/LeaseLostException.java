package dev.signet.platform.runtime;

/**
 * This node no longer holds the bot: its lease expired and another node took the bot over (or the node handed it
 * back). A bot that meets it stops at once without writing anything more: it leaves its meeting and keeps the
 * status the new holder goes on from.
 */
public final class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException() {
        super("this node no longer holds the bot", null, false, false);
    }
}
