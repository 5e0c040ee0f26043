/** The operator API: connect links, the list of connections, and disconnecting one. */
@NullMarked
package dev.signet.broker.admin;

import org.jspecify.annotations.NullMarked;
