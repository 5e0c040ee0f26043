-- The last batch of bot writes each node's status writer committed (docs/decisions/0011, 0023). When a COMMIT's
-- answer is lost (the connection broke after the database committed), the writer reads its mark before retrying,
-- so a batch is never written twice (no duplicate status change, no second webhook under a new id).
-- Portable to H2 (2.x) and PostgreSQL (13+).
CREATE TABLE bot_write_marks (
    node      VARCHAR(128) NOT NULL PRIMARY KEY,
    batch_id  VARCHAR(36)  NOT NULL
);
