/** Seed data: the JSON/YAML seed format, the built-in demo seed and loading it into the emulator. */
@NullMarked
package dev.signet.emulator.seed;

import org.jspecify.annotations.NullMarked;
