-- Server-side sign-in sessions. The session cookie carries a random 256-bit token (protected by data protection);
-- only its SHA-256 hash is stored. A session is valid while it is not revoked, its absolute expiry has not passed,
-- it was seen within its idle timeout and its user is active. user_agent and address are a summary for a later
-- "active sessions" list.
CREATE TABLE sessions (
    id           UUID PRIMARY KEY,
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    user_id      UUID NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    idle_minutes INTEGER NOT NULL,
    revoked_at   TIMESTAMPTZ NULL,
    user_agent   VARCHAR(200) NULL,
    address      VARCHAR(64) NULL
);

CREATE INDEX ix_sessions_user ON sessions (user_id, revoked_at);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
