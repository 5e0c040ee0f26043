-- The last batch of bot writes each status-writer lane of each node committed (docs/decisions/0011, 0023). A node
-- writes through several lanes (a bot's writes always through the same one), so the mark is per (node, lane). When a
-- COMMIT's answer is lost, the lane reads its mark before retrying, so a batch is never written twice.
-- Additive (decision 0023): bot_write_marks (V23, one row per node) stays for nodes of the previous version during a
-- rolling upgrade; a later migration drops it.
-- Portable to H2 (2.x) and PostgreSQL (13+).
CREATE TABLE bot_write_lane_marks (
    node      VARCHAR(128) NOT NULL,
    lane      INTEGER      NOT NULL,
    batch_id  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (node, lane)
);
