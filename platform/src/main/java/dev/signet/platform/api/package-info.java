/**
 * What API integrators rely on besides the endpoints: {@code Idempotency-Key}, per-key rate limits and the
 * OpenAPI document, each a guard around every feature's routes.
 */
@NullMarked
package dev.signet.platform.api;

import org.jspecify.annotations.NullMarked;
