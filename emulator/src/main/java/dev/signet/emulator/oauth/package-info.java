/** Zoom OAuth: account credentials, user authorization with consent, access and refresh tokens. */
@NullMarked
package dev.signet.emulator.oauth;

import org.jspecify.annotations.NullMarked;
