-- Account management (issue 15, accounts): an administrator can set a one-time password that must be changed at the
-- next sign-in (must_change_password; until then the session may only change the password, read /auth/me and sign out).
-- users.failed_logins and users.locked_until, unused since 0023 (sign-in throttling lives in login_failures), are dropped;
-- failed_logins first loses its unnamed default constraint.
ALTER TABLE users ADD must_change_password BIT NOT NULL CONSTRAINT df_users_must_change_password DEFAULT 0;
DECLARE @constraint NVARCHAR(256) = (SELECT d.name FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID('users') AND c.name = 'failed_logins');
IF @constraint IS NOT NULL EXEC('ALTER TABLE users DROP CONSTRAINT ' + @constraint);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
