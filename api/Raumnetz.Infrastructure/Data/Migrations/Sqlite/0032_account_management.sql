-- Account management (issue 15, accounts): an administrator can set a one-time password that must be changed at the
-- next sign-in (must_change_password; until then the session may only change the password, read /auth/me and sign out).
-- users.failed_logins and users.locked_until, unused since 0023 (sign-in throttling lives in login_failures), are dropped.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
