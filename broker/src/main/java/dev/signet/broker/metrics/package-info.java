/** Prometheus metrics of the broker and a metered HTTP client for calls to Zoom. */
@NullMarked
package dev.signet.broker.metrics;

import org.jspecify.annotations.NullMarked;
