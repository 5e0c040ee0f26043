/** Standard Webhooks signing and verification: HMAC-SHA256 signatures, timestamp tolerance and replay protection. */
@NullMarked
package dev.signet.webhooks;

import org.jspecify.annotations.NullMarked;
