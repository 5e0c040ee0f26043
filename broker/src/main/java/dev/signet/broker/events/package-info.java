/** Zoom's webhook events for the user OAuth app: signature verification, URL validation and app deauthorization. */
@NullMarked
package dev.signet.broker.events;

import org.jspecify.annotations.NullMarked;
