/** The pipeline every Zoom REST call passes: faults, bearer authentication, rate limits. */
@NullMarked
package dev.signet.emulator.gateway;

import org.jspecify.annotations.NullMarked;
