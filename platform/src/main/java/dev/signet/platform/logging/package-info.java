/** A logging guard that keeps the platform's secrets out of every log line, including Jetty's wire-level output. */
@NullMarked
package dev.signet.platform.logging;

import org.jspecify.annotations.NullMarked;
