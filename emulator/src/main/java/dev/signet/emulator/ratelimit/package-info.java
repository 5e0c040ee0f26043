/** Zoom's per-account rate limits by category and plan. */
@NullMarked
package dev.signet.emulator.ratelimit;

import org.jspecify.annotations.NullMarked;
