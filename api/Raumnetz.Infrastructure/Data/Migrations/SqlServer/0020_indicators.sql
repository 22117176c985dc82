-- Indicators, indicator sets with baselines and targets, observations (measurements) and assessments (soft-factor ratings).
-- Numbers are DECIMAL(28,8) here (REAL on SQLite, NUMERIC on PostgreSQL) and read as double everywhere. Flags are BIT, bound as parameters.
-- Periods are stored as text (2024, 2024-H1, 2024-Q2, 2024-05) with their first and last month as yyyymm numbers.
CREATE TABLE indicators (
    id              UNIQUEIDENTIFIER PRIMARY KEY,
    code            NVARCHAR(50) NOT NULL UNIQUE,
    name            NVARCHAR(200) NOT NULL,
    search_key      NVARCHAR(200) NOT NULL,
    description     NVARCHAR(MAX) NULL,
    kind            NVARCHAR(20) NOT NULL,
    unit            NVARCHAR(50) NULL,
    decimals        INTEGER NOT NULL,
    direction       NVARCHAR(20) NOT NULL,
    aggregation     NVARCHAR(20) NOT NULL,
    rate_factor     DECIMAL(28,8) NULL,
    is_proportion   BIT NOT NULL,
    scale_min       INTEGER NULL,
    scale_max       INTEGER NULL,
    scale_labels    NVARCHAR(MAX) NULL,
    source          NVARCHAR(200) NULL,
    update_interval NVARCHAR(20) NULL,
    topic           NVARCHAR(200) NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_indicators_search ON indicators(search_key, id);

-- network_id: its foreign key to networks is added in 0021 (networks and indicators were built side by side).
CREATE TABLE indicator_sets (
    id          UNIQUEIDENTIFIER PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    search_key  NVARCHAR(200) NOT NULL,
    purpose     NVARCHAR(MAX) NULL,
    network_id  UNIQUEIDENTIFIER NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  DATETIMEOFFSET NOT NULL,
    updated_at  DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_indicator_sets_search ON indicator_sets(search_key, id);

CREATE TABLE indicator_set_items (
    set_id       UNIQUEIDENTIFIER NOT NULL REFERENCES indicator_sets(id),
    indicator_id UNIQUEIDENTIFIER NOT NULL REFERENCES indicators(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (set_id, indicator_id)
);
CREATE INDEX ix_indicator_set_items_indicator ON indicator_set_items(indicator_id);

CREATE TABLE indicator_baselines (
    set_id       UNIQUEIDENTIFIER NOT NULL REFERENCES indicator_sets(id),
    indicator_id UNIQUEIDENTIFIER NOT NULL REFERENCES indicators(id),
    space_id     UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    period       NVARCHAR(10) NOT NULL,
    value        DECIMAL(28,8) NOT NULL,
    PRIMARY KEY (set_id, indicator_id, space_id)
);

CREATE TABLE indicator_targets (
    set_id       UNIQUEIDENTIFIER NOT NULL REFERENCES indicator_sets(id),
    indicator_id UNIQUEIDENTIFIER NOT NULL REFERENCES indicators(id),
    space_id     UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    period       NVARCHAR(10) NOT NULL,
    value        DECIMAL(28,8) NOT NULL,
    PRIMARY KEY (set_id, indicator_id, space_id, period)
);

CREATE TABLE observations (
    id           UNIQUEIDENTIFIER PRIMARY KEY,
    indicator_id UNIQUEIDENTIFIER NOT NULL REFERENCES indicators(id),
    space_id     UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    period       NVARCHAR(10) NOT NULL,
    first_month  INTEGER NOT NULL,
    last_month   INTEGER NOT NULL,
    value        DECIMAL(28,8) NULL,
    numerator    DECIMAL(28,8) NULL,
    denominator  DECIMAL(28,8) NULL,
    status       NVARCHAR(20) NOT NULL,
    source       NVARCHAR(200) NULL,
    note         NVARCHAR(MAX) NULL,
    rating_count INTEGER NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   DATETIMEOFFSET NOT NULL,
    updated_at   DATETIMEOFFSET NOT NULL,
    -- one value per indicator, space and period (a period is exactly its first and last month); this order is also the export order
    CONSTRAINT ux_observations_key UNIQUE (indicator_id, space_id, first_month, last_month)
);
CREATE INDEX ix_observations_space ON observations(space_id);

CREATE TABLE assessments (
    id           UNIQUEIDENTIFIER PRIMARY KEY,
    indicator_id UNIQUEIDENTIFIER NOT NULL REFERENCES indicators(id),
    space_id     UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    period       NVARCHAR(10) NOT NULL,
    first_month  INTEGER NOT NULL,
    last_month   INTEGER NOT NULL,
    actor_id     UNIQUEIDENTIFIER NULL REFERENCES actors(id),
    rating       INTEGER NOT NULL,
    comment      NVARCHAR(MAX) NULL,
    created_by   NVARCHAR(100) NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   DATETIMEOFFSET NOT NULL,
    updated_at   DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_assessments_key ON assessments(indicator_id, space_id, period);
CREATE INDEX ix_assessments_space ON assessments(space_id);
CREATE INDEX ix_assessments_actor ON assessments(actor_id);
