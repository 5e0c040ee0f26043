/** The admin API: seed data at run time, fault injection, plan changes, blocking and sign-out. */
@NullMarked
package dev.signet.emulator.admin;

import org.jspecify.annotations.NullMarked;
