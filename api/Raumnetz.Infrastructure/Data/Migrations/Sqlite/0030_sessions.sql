-- Server-side sign-in sessions. The session cookie carries a random 256-bit token (protected by data protection);
-- only its SHA-256 hash is stored. A session is valid while it is not revoked, its absolute expiry has not passed,
-- it was seen within its idle timeout and its user is active. user_agent and address are a summary for a later
-- "active sessions" list. Ids and instants in the one text form of SqliteText (see 0022).
CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      TEXT NOT NULL REFERENCES users (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    idle_minutes INTEGER NOT NULL,
    revoked_at   TEXT NULL,
    user_agent   TEXT NULL,
    address      TEXT NULL
);

CREATE INDEX ix_sessions_user ON sessions (user_id, revoked_at);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
