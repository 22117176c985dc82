-- Indicators, indicator sets with baselines and targets, observations (measurements) and assessments (soft-factor ratings).
-- Numbers are NUMERIC here (REAL on SQLite, DECIMAL on SQL Server) and read as double everywhere. Flags are BOOLEAN, bound as parameters.
-- Periods are stored as text (2024, 2024-H1, 2024-Q2, 2024-05) with their first and last month as yyyymm numbers.
CREATE TABLE indicators (
    id              UUID PRIMARY KEY,
    code            VARCHAR(50) NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    search_key      VARCHAR(200) NOT NULL,
    description     TEXT NULL,
    kind            VARCHAR(20) NOT NULL,
    unit            VARCHAR(50) NULL,
    decimals        INTEGER NOT NULL,
    direction       VARCHAR(20) NOT NULL,
    aggregation     VARCHAR(20) NOT NULL,
    rate_factor     NUMERIC NULL,
    is_proportion   BOOLEAN NOT NULL,
    scale_min       INTEGER NULL,
    scale_max       INTEGER NULL,
    scale_labels    TEXT NULL,
    source          VARCHAR(200) NULL,
    update_interval VARCHAR(20) NULL,
    topic           VARCHAR(200) NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_indicators_search ON indicators(search_key, id);

-- network_id: its foreign key to networks is added in 0021 (networks and indicators were built side by side).
CREATE TABLE indicator_sets (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    search_key  VARCHAR(200) NOT NULL,
    purpose     TEXT NULL,
    network_id  UUID NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_indicator_sets_search ON indicator_sets(search_key, id);

CREATE TABLE indicator_set_items (
    set_id       UUID NOT NULL REFERENCES indicator_sets(id),
    indicator_id UUID NOT NULL REFERENCES indicators(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (set_id, indicator_id)
);
CREATE INDEX ix_indicator_set_items_indicator ON indicator_set_items(indicator_id);

CREATE TABLE indicator_baselines (
    set_id       UUID NOT NULL REFERENCES indicator_sets(id),
    indicator_id UUID NOT NULL REFERENCES indicators(id),
    space_id     UUID NOT NULL REFERENCES spaces(id),
    period       VARCHAR(10) NOT NULL,
    value        NUMERIC NOT NULL,
    PRIMARY KEY (set_id, indicator_id, space_id)
);

CREATE TABLE indicator_targets (
    set_id       UUID NOT NULL REFERENCES indicator_sets(id),
    indicator_id UUID NOT NULL REFERENCES indicators(id),
    space_id     UUID NOT NULL REFERENCES spaces(id),
    period       VARCHAR(10) NOT NULL,
    value        NUMERIC NOT NULL,
    PRIMARY KEY (set_id, indicator_id, space_id, period)
);

CREATE TABLE observations (
    id           UUID PRIMARY KEY,
    indicator_id UUID NOT NULL REFERENCES indicators(id),
    space_id     UUID NOT NULL REFERENCES spaces(id),
    period       VARCHAR(10) NOT NULL,
    first_month  INTEGER NOT NULL,
    last_month   INTEGER NOT NULL,
    value        NUMERIC NULL,
    numerator    NUMERIC NULL,
    denominator  NUMERIC NULL,
    status       VARCHAR(20) NOT NULL,
    source       VARCHAR(200) NULL,
    note         TEXT NULL,
    rating_count INTEGER NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    -- one value per indicator, space and period (a period is exactly its first and last month); this order is also the export order
    CONSTRAINT ux_observations_key UNIQUE (indicator_id, space_id, first_month, last_month)
);
CREATE INDEX ix_observations_space ON observations(space_id);

CREATE TABLE assessments (
    id           UUID PRIMARY KEY,
    indicator_id UUID NOT NULL REFERENCES indicators(id),
    space_id     UUID NOT NULL REFERENCES spaces(id),
    period       VARCHAR(10) NOT NULL,
    first_month  INTEGER NOT NULL,
    last_month   INTEGER NOT NULL,
    actor_id     UUID NULL REFERENCES actors(id),
    rating       INTEGER NOT NULL,
    comment      TEXT NULL,
    created_by   VARCHAR(100) NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_assessments_key ON assessments(indicator_id, space_id, period);
CREATE INDEX ix_assessments_space ON assessments(space_id);
CREATE INDEX ix_assessments_actor ON assessments(actor_id);
