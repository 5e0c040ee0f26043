/** A logging guard that keeps live secrets out of every log line, including Jetty's wire-level debug output. */
@NullMarked
package dev.signet.broker.logging;

import org.jspecify.annotations.NullMarked;
