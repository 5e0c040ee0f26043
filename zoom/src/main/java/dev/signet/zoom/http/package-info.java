/** Plumbing shared by the Zoom REST clients: one request with a timeout, error mapping and Retry-After parsing. */
@NullMarked
package dev.signet.zoom.http;

import org.jspecify.annotations.NullMarked;
