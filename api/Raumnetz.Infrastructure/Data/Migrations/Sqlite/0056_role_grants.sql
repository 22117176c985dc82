-- Scoped rights (issue 15): besides its global role, a user or an API key can hold role grants scoped to a network (that
-- network, its members, meetings and agreements) or to a space subtree (the space and everything below it: spaces,
-- observations, assessments and inventory records). Exactly one holder and one scope per row. The scope's target carries
-- no foreign key: a grant on a deleted space or network grants nothing and must not stop the deletion.
CREATE TABLE role_grants (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NULL REFERENCES users (id),
    api_key_id TEXT NULL REFERENCES api_keys (id),
    role       TEXT NOT NULL,
    scope      TEXT NOT NULL,
    target_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK ((user_id IS NULL AND api_key_id IS NOT NULL) OR (user_id IS NOT NULL AND api_key_id IS NULL)),
    CHECK (scope IN ('Network', 'Space'))
);

CREATE INDEX ix_role_grants_user ON role_grants (user_id);
CREATE INDEX ix_role_grants_api_key ON role_grants (api_key_id);
