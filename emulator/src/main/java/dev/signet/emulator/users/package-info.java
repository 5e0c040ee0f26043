/** Zoom's users API: user lookup and user tokens (ZAK, OBF). */
@NullMarked
package dev.signet.emulator.users;

import org.jspecify.annotations.NullMarked;
