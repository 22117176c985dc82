-- Failed sign-ins per e-mail address (as entered, lower case) and client address: the growing delays of
-- Domain/Identity/SignInThrottle.cs apply to that pair only, so nobody can lock an account for everyone else.
-- users.failed_logins and users.locked_until (the former per-account lock) are no longer read or written.
CREATE TABLE login_failures (
    email_key      VARCHAR(254) NOT NULL,
    client_address VARCHAR(64) NOT NULL,
    failures       INTEGER NOT NULL,
    last_failed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (email_key, client_address)
);
CREATE INDEX ix_login_failures_last_failed_at ON login_failures (last_failed_at);
