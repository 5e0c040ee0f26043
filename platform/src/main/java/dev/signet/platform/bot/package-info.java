/** The bot API: validation, the bot record and its repository, and the store the runtime drives. */
@NullMarked
package dev.signet.platform.bot;

import org.jspecify.annotations.NullMarked;
