-- Keeping the inventory current: funding per service (the "Finanzierungspuzzle"), the history of verifications and the
-- inventory rounds (Bestandsaufnahmen) with their assignments and the snapshots their progress and change reports compare. SQL Server.

-- Funding of a service by a funder (an actor): programme, amount per year (EUR), share of the costs in percent, period
-- (inclusive, open ends NULL) and renewal status secured, applied, open or ended. Several per service are normal; on no
-- day may the shares add up to more than 100 % (checked under a lock on the service).
CREATE TABLE service_fundings (
    id              UNIQUEIDENTIFIER PRIMARY KEY,
    service_id      UNIQUEIDENTIFIER NOT NULL REFERENCES services(id),
    funder_actor_id UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    programme       NVARCHAR(200) NULL,
    amount_per_year DECIMAL(14,2) NULL,
    share_percent   DECIMAL(7,3) NULL,
    starts_on       DATE NULL,
    ends_on         DATE NULL,
    renewal_status  NVARCHAR(20) NOT NULL,
    note            NVARCHAR(4000) NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_service_fundings_service ON service_fundings(service_id, starts_on);
CREATE INDEX ix_service_fundings_funder ON service_fundings(funder_actor_id);
CREATE INDEX ix_service_fundings_ends ON service_fundings(ends_on, id);

-- Every verification of a service (services.verified_on/verified_by hold the latest): who, when, a note, and the
-- service's version it produced (rounds tell verifications from changes by it).
CREATE TABLE service_verifications (
    id            UNIQUEIDENTIFIER PRIMARY KEY,
    service_id    UNIQUEIDENTIFIER NOT NULL REFERENCES services(id),
    verified_on   DATE NOT NULL,
    verified_by   NVARCHAR(200) NOT NULL,
    note          NVARCHAR(4000) NULL,
    version_after BIGINT NOT NULL,
    created_at    DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_service_verifications_service ON service_verifications(service_id, created_at);

-- A Bestandsaufnahme of a region (a space and the spaces below it) in a period.
CREATE TABLE inventory_rounds (
    id                UNIQUEIDENTIFIER PRIMARY KEY,
    name              NVARCHAR(200) NOT NULL,
    search_key        NVARCHAR(200) NOT NULL,
    space_id          UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    starts_on         DATE NOT NULL,
    ends_on           DATE NOT NULL,
    status            NVARCHAR(30) NOT NULL,
    previous_round_id UNIQUEIDENTIFIER NULL REFERENCES inventory_rounds(id),
    note              NVARCHAR(4000) NULL,
    closed_at         DATETIMEOFFSET NULL,
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        DATETIMEOFFSET NOT NULL,
    updated_at        DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_inventory_rounds_space ON inventory_rounds(space_id, starts_on);
CREATE INDEX ix_inventory_rounds_search ON inventory_rounds(search_key, id);

-- Who is responsible in a round: an actor for a space (with the spaces below it) or for a category (taxonomy term).
CREATE TABLE inventory_round_assignments (
    round_id   UNIQUEIDENTIFIER NOT NULL REFERENCES inventory_rounds(id),
    sort_order INTEGER NOT NULL,
    actor_id   UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    space_id   UNIQUEIDENTIFIER NULL REFERENCES spaces(id),
    term_id    UNIQUEIDENTIFIER NULL REFERENCES taxonomy_terms(id),
    PRIMARY KEY (round_id, sort_order),
    CHECK ((space_id IS NULL AND term_id IS NOT NULL) OR (space_id IS NOT NULL AND term_id IS NULL))
);

-- What a round found of each service of its region when it began (phase start) and when it was closed (phase end).
CREATE TABLE inventory_round_snapshots (
    round_id          UNIQUEIDENTIFIER NOT NULL REFERENCES inventory_rounds(id),
    phase             NVARCHAR(10) NOT NULL,
    service_id        UNIQUEIDENTIFIER NOT NULL,
    name              NVARCHAR(200) NOT NULL,
    status            NVARCHAR(30) NOT NULL,
    operator_actor_id UNIQUEIDENTIFIER NULL,
    service_version   BIGINT NOT NULL,
    archived          BIT NOT NULL,
    verified_on       DATE NULL,
    PRIMARY KEY (round_id, phase, service_id)
);
