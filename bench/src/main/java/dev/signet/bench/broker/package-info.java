/** The token broker's load benchmark: the broker against a naive mint-per-request handler and a constant handler. */
@NullMarked
package dev.signet.bench.broker;

import org.jspecify.annotations.NullMarked;
