/** Callback authentication: query-string secrets and Standard Webhooks signatures over an empty body. */
@NullMarked
package dev.signet.broker.auth;

import org.jspecify.annotations.NullMarked;
