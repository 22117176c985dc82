-- Raumnetz schema, SQL Server. Text is NVARCHAR; flags are BIT and always bound as parameters.
CREATE TABLE users (
    id            UNIQUEIDENTIFIER PRIMARY KEY,
    email         NVARCHAR(254) NOT NULL,
    email_key     NVARCHAR(254) NOT NULL UNIQUE,
    display_name  NVARCHAR(200) NOT NULL,
    role          NVARCHAR(20) NOT NULL,
    password_hash NVARCHAR(MAX) NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  DATETIMEOFFSET NULL,
    is_active     BIT NOT NULL DEFAULT 1,
    version       BIGINT NOT NULL DEFAULT 1,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL
);

CREATE TABLE api_keys (
    id           UNIQUEIDENTIFIER PRIMARY KEY,
    name         NVARCHAR(200) NOT NULL,
    role         NVARCHAR(20) NOT NULL,
    key_prefix   NVARCHAR(20) NOT NULL,
    key_hash     NVARCHAR(64) NOT NULL UNIQUE,
    created_by   NVARCHAR(100) NOT NULL,
    created_at   DATETIMEOFFSET NOT NULL,
    last_used_at DATETIMEOFFSET NULL,
    revoked_at   DATETIMEOFFSET NULL
);

CREATE TABLE spaces (
    id          UNIQUEIDENTIFIER PRIMARY KEY,
    code        NVARCHAR(50) NOT NULL UNIQUE,
    name        NVARCHAR(200) NOT NULL,
    search_key  NVARCHAR(200) NOT NULL,
    level       NVARCHAR(20) NOT NULL,
    parent_id   UNIQUEIDENTIFIER NULL REFERENCES spaces(id),
    population  INTEGER NULL,
    geometry    NVARCHAR(MAX) NULL,
    valid_from  DATE NOT NULL,
    valid_to    DATE NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  DATETIMEOFFSET NOT NULL,
    updated_at  DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_spaces_parent ON spaces(parent_id);
CREATE INDEX ix_spaces_search ON spaces(search_key, id);

CREATE TABLE space_predecessors (
    space_id       UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    predecessor_id UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (space_id, predecessor_id)
);
CREATE INDEX ix_space_predecessors_pred ON space_predecessors(predecessor_id);

CREATE TABLE actor_types (
    code       NVARCHAR(50) PRIMARY KEY,
    name_de    NVARCHAR(200) NOT NULL,
    name_en    NVARCHAR(200) NOT NULL,
    version    BIGINT NOT NULL DEFAULT 1,
    created_at DATETIMEOFFSET NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);

CREATE TABLE actors (
    id          UNIQUEIDENTIFIER PRIMARY KEY,
    kind        NVARCHAR(20) NOT NULL,
    name        NVARCHAR(200) NOT NULL,
    short_name  NVARCHAR(50) NULL,
    search_key  NVARCHAR(200) NOT NULL,
    type_code   NVARCHAR(50) NOT NULL REFERENCES actor_types(code),
    sector      NVARCHAR(20) NOT NULL,
    parent_id   UNIQUEIDENTIFIER NULL REFERENCES actors(id),
    email       NVARCHAR(254) NULL,
    phone       NVARCHAR(50) NULL,
    website     NVARCHAR(500) NULL,
    street      NVARCHAR(200) NULL,
    postal_code NVARCHAR(10) NULL,
    city        NVARCHAR(100) NULL,
    notes       NVARCHAR(MAX) NULL,
    archived_at DATETIMEOFFSET NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  DATETIMEOFFSET NOT NULL,
    updated_at  DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_actors_search ON actors(search_key, id);
CREATE INDEX ix_actors_parent ON actors(parent_id);
CREATE INDEX ix_actors_type ON actors(type_code);

CREATE TABLE actor_spaces (
    actor_id UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    space_id UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (actor_id, space_id)
);
CREATE INDEX ix_actor_spaces_space ON actor_spaces(space_id);

CREATE TABLE actor_tags (
    actor_id UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    tag      NVARCHAR(50) NOT NULL,
    PRIMARY KEY (actor_id, tag)
);

CREATE TABLE actor_relations (
    id              UNIQUEIDENTIFIER PRIMARY KEY,
    source_actor_id UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    target_actor_id UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    relation_type   NVARCHAR(30) NOT NULL,
    is_contractual  BIT NOT NULL,
    valid_from      DATE NULL,
    valid_to        DATE NULL,
    note            NVARCHAR(MAX) NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_actor_relations_source ON actor_relations(source_actor_id);
CREATE INDEX ix_actor_relations_target ON actor_relations(target_actor_id);

CREATE TABLE idempotency_records (
    idempotency_key NVARCHAR(100) NOT NULL,
    principal       NVARCHAR(100) NOT NULL,
    request_hash    NVARCHAR(64) NOT NULL,
    status_code     INTEGER NOT NULL,
    location        NVARCHAR(500) NULL,
    content_type    NVARCHAR(200) NULL,
    body            NVARCHAR(MAX) NULL,
    created_at      DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (idempotency_key, principal)
);
