-- Raumnetz schema, SQLite. Ids are UUIDv7 as lower-case text; dates are yyyy-MM-dd text; instants ISO 8601 UTC text.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT NULL,
    is_active     INTEGER NOT NULL DEFAULT 1,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    key_prefix   TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT NULL,
    revoked_at   TEXT NULL
);

CREATE TABLE spaces (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    search_key  TEXT NOT NULL,
    level       TEXT NOT NULL,
    parent_id   TEXT NULL REFERENCES spaces(id),
    population  INTEGER NULL,
    geometry    TEXT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_spaces_parent ON spaces(parent_id);
CREATE INDEX ix_spaces_search ON spaces(search_key, id);

CREATE TABLE space_predecessors (
    space_id       TEXT NOT NULL REFERENCES spaces(id),
    predecessor_id TEXT NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (space_id, predecessor_id)
);
CREATE INDEX ix_space_predecessors_pred ON space_predecessors(predecessor_id);

CREATE TABLE actor_types (
    code       TEXT PRIMARY KEY,
    name_de    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE actors (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    short_name  TEXT NULL,
    search_key  TEXT NOT NULL,
    type_code   TEXT NOT NULL REFERENCES actor_types(code),
    sector      TEXT NOT NULL,
    parent_id   TEXT NULL REFERENCES actors(id),
    email       TEXT NULL,
    phone       TEXT NULL,
    website     TEXT NULL,
    street      TEXT NULL,
    postal_code TEXT NULL,
    city        TEXT NULL,
    notes       TEXT NULL,
    archived_at TEXT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_actors_search ON actors(search_key, id);
CREATE INDEX ix_actors_parent ON actors(parent_id);
CREATE INDEX ix_actors_type ON actors(type_code);

CREATE TABLE actor_spaces (
    actor_id TEXT NOT NULL REFERENCES actors(id),
    space_id TEXT NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (actor_id, space_id)
);
CREATE INDEX ix_actor_spaces_space ON actor_spaces(space_id);

CREATE TABLE actor_tags (
    actor_id TEXT NOT NULL REFERENCES actors(id),
    tag      TEXT NOT NULL,
    PRIMARY KEY (actor_id, tag)
);

CREATE TABLE actor_relations (
    id              TEXT PRIMARY KEY,
    source_actor_id TEXT NOT NULL REFERENCES actors(id),
    target_actor_id TEXT NOT NULL REFERENCES actors(id),
    relation_type   TEXT NOT NULL,
    is_contractual  INTEGER NOT NULL,
    valid_from      TEXT NULL,
    valid_to        TEXT NULL,
    note            TEXT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_actor_relations_source ON actor_relations(source_actor_id);
CREATE INDEX ix_actor_relations_target ON actor_relations(target_actor_id);

CREATE TABLE idempotency_records (
    idempotency_key TEXT NOT NULL,
    principal       TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    status_code     INTEGER NOT NULL,
    location        TEXT NULL,
    content_type    TEXT NULL,
    body            TEXT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (idempotency_key, principal)
);
