-- Issue 17 (request pipeline): authentication caches sessions and API keys in memory (Security/AuthCache.cs) and trusts a
-- cached entry only while this revision is the one it was read at. Every change to what authentication reads raises it, by
-- triggers, so it holds for every write path and every instance on the database: a session ended or changed, a user's
-- role, name, address, password state or deactivation, a grant given or taken, an API key revoked or removed.
CREATE TABLE auth_revision (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO auth_revision (id, revision) VALUES (1, 0);

CREATE TRIGGER auth_revision_sessions_update AFTER UPDATE OF token_hash, user_id, expires_at, idle_minutes, revoked_at ON sessions
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_sessions_delete AFTER DELETE ON sessions
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_users_update AFTER UPDATE OF id, email, display_name, role, is_active, must_change_password ON users
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_users_delete AFTER DELETE ON users
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_api_keys_update AFTER UPDATE OF id, name, role, key_hash, revoked_at, rate_limit_per_minute ON api_keys
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_api_keys_delete AFTER DELETE ON api_keys
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_role_grants_insert AFTER INSERT ON role_grants
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_role_grants_update AFTER UPDATE ON role_grants
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER auth_revision_role_grants_delete AFTER DELETE ON role_grants
BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
