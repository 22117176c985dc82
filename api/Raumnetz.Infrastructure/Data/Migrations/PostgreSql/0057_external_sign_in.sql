-- Sign-in through the municipality's identity provider (issue 15): an account is linked to the provider's subject
-- ('sub' claim) at its first OpenID Connect sign-in, by subject or else by e-mail address; one account per subject.
ALTER TABLE users ADD COLUMN external_subject VARCHAR(255) NULL;
CREATE UNIQUE INDEX ux_users_external_subject ON users (external_subject) WHERE external_subject IS NOT NULL;
