/** Signet's webhooks module. */
@NullMarked
package dev.signet.webhooks;

import org.jspecify.annotations.NullMarked;
