-- Webhook endpoints sealed at rest, batched claims and the indexes of the outbox's queries
-- (docs/decisions/0017-webhook-delivery-claims-and-caps.md). Portable to H2 (2.x) and PostgreSQL (13+).

-- The endpoint URL sealed with the platform's key (SecretBox, bound to the row); `endpoint` keeps only its redacted
-- form (query values replaced), for listing and for grouping deliveries by receiver.
ALTER TABLE webhook_deliveries ADD COLUMN endpoint_sealed VARCHAR(8000);
-- TRUE on the rows written before this migration, whose `endpoint` is still the plain URL, until they are sealed.
ALTER TABLE webhook_deliveries ADD COLUMN endpoint_plain BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE webhook_deliveries SET endpoint_plain = TRUE;
CREATE INDEX webhook_deliveries_plain ON webhook_deliveries (endpoint_plain);
-- Who holds the row for the attempt in flight: set by a claim, cleared when the attempt's outcome is recorded. An
-- outcome is recorded only by the claim that still holds the row.
ALTER TABLE webhook_deliveries ADD COLUMN claim_id VARCHAR(64);

-- Claims: due rows of one endpoint, oldest first.
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (status, endpoint, next_attempt_at);
-- The operator list (newest first, optionally by status) and one bot's deliveries.
CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at, id);
CREATE INDEX webhook_deliveries_status_created ON webhook_deliveries (status, created_at, id);
CREATE INDEX webhook_deliveries_bot ON webhook_deliveries (bot_id, created_at, id);
