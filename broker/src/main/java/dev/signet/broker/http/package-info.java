/** HTTP plumbing: the Javalin server, operational routes and error mapping. */
@NullMarked
package dev.signet.broker.http;

import org.jspecify.annotations.NullMarked;
