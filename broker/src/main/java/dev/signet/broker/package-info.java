/** Signet's broker module. */
@NullMarked
package dev.signet.broker;

import org.jspecify.annotations.NullMarked;
