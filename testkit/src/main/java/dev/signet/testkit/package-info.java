/** Signet's testkit module. */
@NullMarked
package dev.signet.testkit;

import org.jspecify.annotations.NullMarked;
