/** Signet's bench module. */
@NullMarked
package dev.signet.bench;

import org.jspecify.annotations.NullMarked;
