-- Issue 17 (request pipeline): authentication caches sessions and API keys in memory (Security/AuthCache.cs) and trusts a
-- cached entry only while this revision is the one it was read at. Every change to what authentication reads raises it, by
-- triggers, so it holds for every write path and every instance on the database: a session ended or changed, a user's
-- role, name, address, password state or deactivation, a grant given or taken, an API key revoked or removed. The new
-- revision becomes visible with the commit of the change that raised it, never before.
CREATE TABLE auth_revision (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO auth_revision (id, revision) VALUES (1, 0);

CREATE FUNCTION auth_revision_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE auth_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER auth_revision_sessions AFTER UPDATE OF token_hash, user_id, expires_at, idle_minutes, revoked_at OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION auth_revision_raise();
CREATE TRIGGER auth_revision_users AFTER UPDATE OF id, email, display_name, role, is_active, must_change_password OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION auth_revision_raise();
CREATE TRIGGER auth_revision_api_keys AFTER UPDATE OF id, name, role, key_hash, revoked_at, rate_limit_per_minute OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION auth_revision_raise();
CREATE TRIGGER auth_revision_role_grants AFTER INSERT OR UPDATE OR DELETE ON role_grants
    FOR EACH ROW EXECUTE FUNCTION auth_revision_raise();
