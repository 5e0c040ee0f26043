/** The {@code emulator} meeting driver, which speaks the Signet emulator's HTTP join protocol and event stream. */
@NullMarked
package dev.signet.platform.driver.emulator;

import org.jspecify.annotations.NullMarked;
