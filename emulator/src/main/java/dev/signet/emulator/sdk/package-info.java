/** The stand-in Meeting SDK for Web that the emulator serves to browser drivers, and its routes. */
@NullMarked
package dev.signet.emulator.sdk;

import org.jspecify.annotations.NullMarked;
