/**
 * Zoom OAuth: Server-to-Server access tokens (cached, refreshed single-flight) and user-level OAuth for a General app
 * (authorize URL with PKCE, code exchange, rotating refresh, revocation).
 */
@NullMarked
package dev.signet.zoom.oauth;

import org.jspecify.annotations.NullMarked;
