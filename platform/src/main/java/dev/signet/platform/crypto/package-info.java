/** Encryption at rest for the credentials the platform must keep across restarts (token-URL query strings). */
@NullMarked
package dev.signet.platform.crypto;

import org.jspecify.annotations.NullMarked;
