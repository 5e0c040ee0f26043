/** HTTP plumbing: the Javalin server, JSON encoding, API-key authentication and the one error mapping. */
@NullMarked
package dev.signet.platform.http;

import org.jspecify.annotations.NullMarked;
