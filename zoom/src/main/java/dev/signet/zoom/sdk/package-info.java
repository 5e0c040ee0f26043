/** Zoom Meeting SDK signatures (JWT HS256). */
@NullMarked
package dev.signet.zoom.sdk;

import org.jspecify.annotations.NullMarked;
