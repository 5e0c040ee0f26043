/** The broker's grant database (H2 file or PostgreSQL, Flyway-migrated, used through Jdbi) and the sealing of the credentials stored in it. */
@NullMarked
package dev.signet.broker.db;

import org.jspecify.annotations.NullMarked;
