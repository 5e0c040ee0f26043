/** Opaque credentials: the redacting Secret type and random token generation. */
@NullMarked
package dev.signet.emulator.secret;

import org.jspecify.annotations.NullMarked;
