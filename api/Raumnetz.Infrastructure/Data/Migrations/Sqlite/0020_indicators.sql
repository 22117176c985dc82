-- Indicators, indicator sets with baselines and targets, observations (measurements) and assessments (soft-factor ratings).
-- Numbers are REAL here (NUMERIC on PostgreSQL, DECIMAL on SQL Server) and read as double everywhere.
-- Periods are stored as text (2024, 2024-H1, 2024-Q2, 2024-05) with their first and last month as yyyymm numbers.
CREATE TABLE indicators (
    id              TEXT PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    search_key      TEXT NOT NULL,
    description     TEXT NULL,
    kind            TEXT NOT NULL,
    unit            TEXT NULL,
    decimals        INTEGER NOT NULL,
    direction       TEXT NOT NULL,
    aggregation     TEXT NOT NULL,
    rate_factor     REAL NULL,
    is_proportion   INTEGER NOT NULL,
    scale_min       INTEGER NULL,
    scale_max       INTEGER NULL,
    scale_labels    TEXT NULL,
    source          TEXT NULL,
    update_interval TEXT NULL,
    topic           TEXT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_indicators_search ON indicators(search_key, id);

-- network_id: the handlers check that the network exists (networks are never deleted, only ended); PostgreSQL and SQL Server
-- also get a foreign key in 0021. SQLite cannot add a constraint to an existing table without rebuilding it.
CREATE TABLE indicator_sets (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    search_key  TEXT NOT NULL,
    purpose     TEXT NULL,
    network_id  TEXT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_indicator_sets_search ON indicator_sets(search_key, id);

CREATE TABLE indicator_set_items (
    set_id       TEXT NOT NULL REFERENCES indicator_sets(id),
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (set_id, indicator_id)
);
CREATE INDEX ix_indicator_set_items_indicator ON indicator_set_items(indicator_id);

CREATE TABLE indicator_baselines (
    set_id       TEXT NOT NULL REFERENCES indicator_sets(id),
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    space_id     TEXT NOT NULL REFERENCES spaces(id),
    period       TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (set_id, indicator_id, space_id)
);

CREATE TABLE indicator_targets (
    set_id       TEXT NOT NULL REFERENCES indicator_sets(id),
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    space_id     TEXT NOT NULL REFERENCES spaces(id),
    period       TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (set_id, indicator_id, space_id, period)
);

CREATE TABLE observations (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    space_id     TEXT NOT NULL REFERENCES spaces(id),
    period       TEXT NOT NULL,
    first_month  INTEGER NOT NULL,
    last_month   INTEGER NOT NULL,
    value        REAL NULL,
    numerator    REAL NULL,
    denominator  REAL NULL,
    status       TEXT NOT NULL,
    source       TEXT NULL,
    note         TEXT NULL,
    rating_count INTEGER NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    -- one value per indicator, space and period (a period is exactly its first and last month); this order is also the export order
    CONSTRAINT ux_observations_key UNIQUE (indicator_id, space_id, first_month, last_month)
);
CREATE INDEX ix_observations_space ON observations(space_id);

CREATE TABLE assessments (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    space_id     TEXT NOT NULL REFERENCES spaces(id),
    period       TEXT NOT NULL,
    first_month  INTEGER NOT NULL,
    last_month   INTEGER NOT NULL,
    actor_id     TEXT NULL REFERENCES actors(id),
    rating       INTEGER NOT NULL,
    comment      TEXT NULL,
    created_by   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX ix_assessments_key ON assessments(indicator_id, space_id, period);
CREATE INDEX ix_assessments_space ON assessments(space_id);
CREATE INDEX ix_assessments_actor ON assessments(actor_id);
