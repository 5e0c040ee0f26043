/**
 * The many-nodes benchmark (decision 0023): thousands of bots with one {@code join_at} on three platform nodes that
 * share one PostgreSQL schema, one node killed mid-run, its bots taken over by the others.
 */
@NullMarked
package dev.signet.bench.multinode;

import org.jspecify.annotations.NullMarked;
