/** The token broker: the server behind a bot's {@code zak_url}, with its composition root and configuration. */
@NullMarked
package dev.signet.broker;

import org.jspecify.annotations.NullMarked;
