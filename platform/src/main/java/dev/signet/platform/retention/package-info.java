/** Retention: finished bots with their history, and delivered webhooks, deleted in small batches once old enough. */
@NullMarked
package dev.signet.platform.retention;

import org.jspecify.annotations.NullMarked;
