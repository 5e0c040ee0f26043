/** Zoom Server-to-Server OAuth: access tokens for the Zoom REST API, cached and refreshed single-flight. */
@NullMarked
package dev.signet.zoom.oauth;

import org.jspecify.annotations.NullMarked;
