/** Signet's platform module. */
@NullMarked
package dev.signet.platform;

import org.jspecify.annotations.NullMarked;
