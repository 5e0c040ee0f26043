-- Users' Zoom OAuth grants (one per Zoom user) and the connect flow's pending states.
-- Token columns hold AES-GCM sealed values bound to their table, column and row key; never plain text.

CREATE TABLE zoom_grants (
    zoom_user_id      VARCHAR(128)  NOT NULL PRIMARY KEY,
    email             VARCHAR(320)  NOT NULL,
    account_id        VARCHAR(128)  NOT NULL,
    display_name      VARCHAR(300)  NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    refresh_token     VARCHAR(4096) NOT NULL,
    access_token      VARCHAR(4096) NOT NULL,
    access_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    scope             VARCHAR(1000) NOT NULL,
    connected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error        VARCHAR(500)
);

CREATE INDEX zoom_grants_refreshed_at ON zoom_grants (refreshed_at);

-- The state itself is a credential: only its SHA-256 is kept.
CREATE TABLE connect_states (
    state_hash    VARCHAR(64)   NOT NULL PRIMARY KEY,
    code_verifier VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX connect_states_expires_at ON connect_states (expires_at);
