-- Server-side sign-in sessions. The session cookie carries a random 256-bit token (protected by data protection);
-- only its SHA-256 hash is stored. A session is valid while it is not revoked, its absolute expiry has not passed,
-- it was seen within its idle timeout and its user is active. user_agent and address are a summary for a later
-- "active sessions" list.
CREATE TABLE sessions (
    id           UNIQUEIDENTIFIER PRIMARY KEY,
    token_hash   NVARCHAR(64) NOT NULL UNIQUE,
    user_id      UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    created_at   DATETIMEOFFSET NOT NULL,
    last_seen_at DATETIMEOFFSET NOT NULL,
    expires_at   DATETIMEOFFSET NOT NULL,
    idle_minutes INT NOT NULL,
    revoked_at   DATETIMEOFFSET NULL,
    user_agent   NVARCHAR(200) NULL,
    address      NVARCHAR(64) NULL
);

CREATE INDEX ix_sessions_user ON sessions (user_id, revoked_at);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
