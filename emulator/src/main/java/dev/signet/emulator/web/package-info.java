/** Server-rendered pages for people: meetings, participants and generated avatars. */
@NullMarked
package dev.signet.emulator.web;

import org.jspecify.annotations.NullMarked;
