-- The dashboard's sign-in sessions (decision 0021), in the database so that any platform replica can answer a
-- signed-in request. Only a SHA-256 hash of the session id is kept: the id itself lives only in the browser's
-- HttpOnly cookie, so a read of this table signs nobody in.

CREATE TABLE dashboard_sessions (
    id_hash     VARCHAR(64)              NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX dashboard_sessions_expires_at ON dashboard_sessions (expires_at);
