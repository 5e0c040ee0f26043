/** Signet's emulator module. */
@NullMarked
package dev.signet.emulator;

import org.jspecify.annotations.NullMarked;
