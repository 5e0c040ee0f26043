/** Accounts, users and apps: who exists in the emulated Zoom. */
@NullMarked
package dev.signet.emulator.directory;

import org.jspecify.annotations.NullMarked;
