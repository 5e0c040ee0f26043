/** The connect flow: an operator-protected link sends a user to Zoom's consent page and stores the grant Zoom returns. */
@NullMarked
package dev.signet.broker.connect;

import org.jspecify.annotations.NullMarked;
