/** The platform's scale benchmark: 1,000 bots created through the API join emulator meetings with ZAKs. */
@NullMarked
package dev.signet.bench.platform;

import org.jspecify.annotations.NullMarked;
