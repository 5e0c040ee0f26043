/** On-behalf-of tokens: GET /zoom/obf mints a fresh OBF token with the grant of the user named. */
@NullMarked
package dev.signet.broker.obf;

import org.jspecify.annotations.NullMarked;
