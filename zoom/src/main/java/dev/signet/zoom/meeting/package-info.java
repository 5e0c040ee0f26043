/** Parsing Zoom meeting links into meeting numbers, passcodes and registration tokens. */
@NullMarked
package dev.signet.zoom.meeting;

import org.jspecify.annotations.NullMarked;
