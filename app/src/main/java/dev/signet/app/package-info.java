/** Signet's app module. */
@NullMarked
package dev.signet.app;

import org.jspecify.annotations.NullMarked;
