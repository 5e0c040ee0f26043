/** Signet's zoom module. */
@NullMarked
package dev.signet.zoom;

import org.jspecify.annotations.NullMarked;
