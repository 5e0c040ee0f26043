/** ZAK minting, reuse, single-flight, user pool and failover, and the /zoom routes that serve them. */
@NullMarked
package dev.signet.broker.zak;

import org.jspecify.annotations.NullMarked;
