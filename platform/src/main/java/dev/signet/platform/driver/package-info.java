/** The seam between the bot runtime and a Zoom meeting: {@link dev.signet.platform.driver.MeetingDriver}. */
@NullMarked
package dev.signet.platform.driver;

import org.jspecify.annotations.NullMarked;
