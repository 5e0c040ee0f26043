/** The secret value type, which never prints its value, and the log guard that keeps registered secrets out of logs. */
@NullMarked
package dev.signet.secrets;

import org.jspecify.annotations.NullMarked;
