/** Persistence plumbing: the connection pool, Flyway migrations and Jdbi, for H2 and PostgreSQL alike. */
@NullMarked
package dev.signet.platform.db;

import org.jspecify.annotations.NullMarked;
