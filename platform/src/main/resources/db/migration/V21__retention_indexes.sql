-- Indexes for retention (docs/decisions/0018-retention-and-indexes.md,
-- checked by QueryPlanPostgresTest). Portable to H2 (2.x) and PostgreSQL (13+).

-- Retention: finished bots and delivered webhooks, oldest first.
CREATE INDEX bots_status_updated ON bots (status, updated_at);
CREATE INDEX webhook_deliveries_status_updated ON webhook_deliveries (status, updated_at);
