-- Raumnetz schema, PostgreSQL. Flags are BOOLEAN and always bound as parameters (portable across providers).
CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(20) NOT NULL,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ NULL,
    is_active     BOOLEAN NOT NULL DEFAULT TRUE,
    version       BIGINT NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    role         VARCHAR(20) NOT NULL,
    key_prefix   VARCHAR(20) NOT NULL,
    key_hash     VARCHAR(64) NOT NULL UNIQUE,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ NULL,
    revoked_at   TIMESTAMPTZ NULL
);

CREATE TABLE spaces (
    id          UUID PRIMARY KEY,
    code        VARCHAR(50) NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    search_key  VARCHAR(200) NOT NULL,
    level       VARCHAR(20) NOT NULL,
    parent_id   UUID NULL REFERENCES spaces(id),
    population  INTEGER NULL,
    geometry    TEXT NULL,
    valid_from  DATE NOT NULL,
    valid_to    DATE NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_spaces_parent ON spaces(parent_id);
CREATE INDEX ix_spaces_search ON spaces(search_key, id);

CREATE TABLE space_predecessors (
    space_id       UUID NOT NULL REFERENCES spaces(id),
    predecessor_id UUID NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (space_id, predecessor_id)
);
CREATE INDEX ix_space_predecessors_pred ON space_predecessors(predecessor_id);

CREATE TABLE actor_types (
    code       VARCHAR(50) PRIMARY KEY,
    name_de    VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    version    BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE actors (
    id          UUID PRIMARY KEY,
    kind        VARCHAR(20) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    short_name  VARCHAR(50) NULL,
    search_key  VARCHAR(200) NOT NULL,
    type_code   VARCHAR(50) NOT NULL REFERENCES actor_types(code),
    sector      VARCHAR(20) NOT NULL,
    parent_id   UUID NULL REFERENCES actors(id),
    email       VARCHAR(254) NULL,
    phone       VARCHAR(50) NULL,
    website     VARCHAR(500) NULL,
    street      VARCHAR(200) NULL,
    postal_code VARCHAR(10) NULL,
    city        VARCHAR(100) NULL,
    notes       TEXT NULL,
    archived_at TIMESTAMPTZ NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_actors_search ON actors(search_key, id);
CREATE INDEX ix_actors_parent ON actors(parent_id);
CREATE INDEX ix_actors_type ON actors(type_code);

CREATE TABLE actor_spaces (
    actor_id UUID NOT NULL REFERENCES actors(id),
    space_id UUID NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (actor_id, space_id)
);
CREATE INDEX ix_actor_spaces_space ON actor_spaces(space_id);

CREATE TABLE actor_tags (
    actor_id UUID NOT NULL REFERENCES actors(id),
    tag      VARCHAR(50) NOT NULL,
    PRIMARY KEY (actor_id, tag)
);

CREATE TABLE actor_relations (
    id              UUID PRIMARY KEY,
    source_actor_id UUID NOT NULL REFERENCES actors(id),
    target_actor_id UUID NOT NULL REFERENCES actors(id),
    relation_type   VARCHAR(30) NOT NULL,
    is_contractual  BOOLEAN NOT NULL,
    valid_from      DATE NULL,
    valid_to        DATE NULL,
    note            TEXT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_actor_relations_source ON actor_relations(source_actor_id);
CREATE INDEX ix_actor_relations_target ON actor_relations(target_actor_id);

CREATE TABLE idempotency_records (
    idempotency_key VARCHAR(100) NOT NULL,
    principal       VARCHAR(100) NOT NULL,
    request_hash    VARCHAR(64) NOT NULL,
    status_code     INTEGER NOT NULL,
    location        VARCHAR(500) NULL,
    content_type    VARCHAR(200) NULL,
    body            TEXT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (idempotency_key, principal)
);
