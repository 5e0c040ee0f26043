/** {@code signet demo}: the emulator, the broker and the platform in one process, and three bots. */
@NullMarked
package dev.signet.app.demo;

import org.jspecify.annotations.NullMarked;
