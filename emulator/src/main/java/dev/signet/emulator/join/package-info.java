/** The emulator's join protocol: SDK signatures, join rules, host controls and participant event streams. */
@NullMarked
package dev.signet.emulator.join;

import org.jspecify.annotations.NullMarked;
