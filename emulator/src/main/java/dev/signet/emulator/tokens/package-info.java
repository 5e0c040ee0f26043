/** User tokens: ZAKs, OBF tokens and legacy tokens, minted, verified, used up and revoked. */
@NullMarked
package dev.signet.emulator.tokens;

import org.jspecify.annotations.NullMarked;
