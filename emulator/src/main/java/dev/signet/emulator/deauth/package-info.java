/** Users removing apps: Zoom's app deauthorization and its signed {@code app_deauthorized} event. */
@NullMarked
package dev.signet.emulator.deauth;

import org.jspecify.annotations.NullMarked;
