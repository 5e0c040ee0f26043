/** The emulator benchmark: joins per second into one large meeting and the cost of many open event streams. */
@NullMarked
package dev.signet.bench.emulator;

import org.jspecify.annotations.NullMarked;
