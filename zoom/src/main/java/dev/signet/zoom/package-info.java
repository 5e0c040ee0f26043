/** A small Zoom client library: OAuth, user tokens, typed Zoom errors, meeting links and SDK signatures. */
@NullMarked
package dev.signet.zoom;

import org.jspecify.annotations.NullMarked;
