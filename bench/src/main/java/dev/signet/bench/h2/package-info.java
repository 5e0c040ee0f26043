/** What a durable commit costs on the embedded H2 database, next to PostgreSQL and the disk's own fsync rate. */
@NullMarked
package dev.signet.bench.h2;

import org.jspecify.annotations.NullMarked;
