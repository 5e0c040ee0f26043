/** The broker's Prometheus metrics. */
@NullMarked
package dev.signet.broker.metrics;

import org.jspecify.annotations.NullMarked;
