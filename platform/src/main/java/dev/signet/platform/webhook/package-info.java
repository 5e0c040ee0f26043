/** Status-change webhooks: the outbox table, the delivery worker with retries, and the operator routes. */
@NullMarked
package dev.signet.platform.webhook;

import org.jspecify.annotations.NullMarked;
