package dev.signet.platform.runtime;

import java.util.Objects;
import java.util.UUID;

/** A bot this node has just claimed ({@link BotStore#claim}): read and claimed in one step. */
public sealed interface Claimed {
    /** The claimed bot's id. */
    UUID id();

    /**
     * A bot to run. {@code handedOver} when it was dispatched before (by a node that stopped, drained or lost its
     * lease, or by this node before a restart): the restart rule decides how it goes on.
     */
    record Bot(RunnableBot bot, boolean handedOver) implements Claimed {
        public Bot {
            Objects.requireNonNull(bot, "bot");
        }

        @Override
        public UUID id() {
            return bot.id();
        }
    }

    /**
     * A bot whose stored values cannot be opened (a replaced encryption key, a corrupt value): it ends {@code fatal}
     * / {@code bot_errored} with {@code reason} instead of stopping the scheduler.
     */
    record Unreadable(UUID id, String reason) implements Claimed {
        public Unreadable {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
