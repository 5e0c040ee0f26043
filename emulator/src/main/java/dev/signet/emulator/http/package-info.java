/** HTTP plumbing: JSON, error mapping, CORS and Zoom's tracking-id header. */
@NullMarked
package dev.signet.emulator.http;

import org.jspecify.annotations.NullMarked;
