-- Issue 17 (request pipeline): authentication caches sessions and API keys in memory (Security/AuthCache.cs) and trusts a
-- cached entry only while this revision is the one it was read at. Every change to what authentication reads raises it, by
-- triggers, so it holds for every write path and every instance on the database: a session ended or changed, a user's
-- role, name, address, password state or deactivation, a grant given or taken, an API key revoked or removed.
CREATE TABLE auth_revision (
    id       INT NOT NULL PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO auth_revision (id, revision) VALUES (1, 0);
GO
CREATE TRIGGER auth_revision_sessions ON sessions AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) AND (NOT EXISTS (SELECT 1 FROM inserted)
        OR UPDATE(token_hash) OR UPDATE(user_id) OR UPDATE(expires_at) OR UPDATE(idle_minutes) OR UPDATE(revoked_at))
        UPDATE auth_revision SET revision = revision + 1 WHERE id = 1;
END
GO
CREATE TRIGGER auth_revision_users ON users AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) AND (NOT EXISTS (SELECT 1 FROM inserted)
        OR UPDATE(email) OR UPDATE(display_name) OR UPDATE(role) OR UPDATE(is_active) OR UPDATE(must_change_password))
        UPDATE auth_revision SET revision = revision + 1 WHERE id = 1;
END
GO
CREATE TRIGGER auth_revision_api_keys ON api_keys AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) AND (NOT EXISTS (SELECT 1 FROM inserted)
        OR UPDATE(name) OR UPDATE(role) OR UPDATE(key_hash) OR UPDATE(revoked_at) OR UPDATE(rate_limit_per_minute))
        UPDATE auth_revision SET revision = revision + 1 WHERE id = 1;
END
GO
CREATE TRIGGER auth_revision_role_grants ON role_grants AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM deleted)
        UPDATE auth_revision SET revision = revision + 1 WHERE id = 1;
END
GO
