/** Zoom user tokens (ZAK, on-behalf-of) and user lookups over the Zoom REST API. */
@NullMarked
package dev.signet.zoom.users;

import org.jspecify.annotations.NullMarked;
