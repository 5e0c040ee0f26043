/** Fault injection: added latency and scripted failures of endpoints. */
@NullMarked
package dev.signet.emulator.faults;

import org.jspecify.annotations.NullMarked;
