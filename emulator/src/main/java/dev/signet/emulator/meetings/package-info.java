/** Meetings: Zoom's meetings REST API and the live meeting state with participants and events. */
@NullMarked
package dev.signet.emulator.meetings;

import org.jspecify.annotations.NullMarked;
