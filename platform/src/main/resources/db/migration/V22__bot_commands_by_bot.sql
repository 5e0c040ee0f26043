-- Deleting a bot (retention) cascades to its commands: without this index each deleted bot scans bot_commands
-- (docs/decisions/0018-retention-and-indexes.md). Portable to H2 (2.x) and PostgreSQL (13+).
CREATE INDEX bot_commands_bot ON bot_commands (bot_id);
