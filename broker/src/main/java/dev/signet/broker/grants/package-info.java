/** Users' Zoom OAuth grants: encrypted storage, refresh single-flight per grant across threads and replicas, and background refresh of idle grants. */
@NullMarked
package dev.signet.broker.grants;

import org.jspecify.annotations.NullMarked;
