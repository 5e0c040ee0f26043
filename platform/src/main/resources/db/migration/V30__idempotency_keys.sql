-- Idempotency-Key on POST and PATCH (docs/decisions/0019). Holds hashes and the first answer, never a request
-- body: a body may carry token URLs, an answer shows them redacted. Portable to H2 and PostgreSQL.

CREATE TABLE idempotency_keys (
    key_hash      VARCHAR(64)              NOT NULL PRIMARY KEY,  -- SHA-256 of (API key's hash, Idempotency-Key)
    request_hash  VARCHAR(64)              NOT NULL,              -- SHA-256 of (method, path, body)
    status        INTEGER,                                        -- null while the first request is in flight
    response      VARCHAR(1048576),
    claim_id      VARCHAR(36)              NOT NULL,              -- which request holds (or held) the key
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
