/**
 * The platform's scale benchmark: 1,000 to 10,000 bots created through the API join meetings of an emulator in its
 * own process, anonymously (the baseline) and signed in with ZAKs from the broker.
 */
@NullMarked
package dev.signet.bench.platform;

import org.jspecify.annotations.NullMarked;
