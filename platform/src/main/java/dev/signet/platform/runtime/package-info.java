/** The bot runtime: scheduler, per-bot state machine and its runner, and the Zoom join-outcome table. */
@NullMarked
package dev.signet.platform.runtime;

import org.jspecify.annotations.NullMarked;
