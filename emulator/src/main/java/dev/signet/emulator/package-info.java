/** A local Zoom for development, tests and the demo; {@link dev.signet.emulator.EmulatorServer} starts it. */
@NullMarked
package dev.signet.emulator;

import org.jspecify.annotations.NullMarked;
