-- Keeping the inventory current: funding per service (the "Finanzierungspuzzle"), the history of verifications and the
-- inventory rounds (Bestandsaufnahmen) with their assignments and the snapshots their progress and change reports compare. SQLite.

-- Funding of a service by a funder (an actor): programme, amount per year (EUR), share of the costs in percent, period
-- (inclusive, open ends NULL) and renewal status secured, applied, open or ended. Several per service are normal; on no
-- day may the shares add up to more than 100 % (checked under a lock on the service).
CREATE TABLE service_fundings (
    id              TEXT NOT NULL PRIMARY KEY,
    service_id      TEXT NOT NULL REFERENCES services(id),
    funder_actor_id TEXT NOT NULL REFERENCES actors(id),
    programme       TEXT NULL,
    amount_per_year REAL NULL,
    share_percent   REAL NULL,
    starts_on       TEXT NULL,
    ends_on         TEXT NULL,
    renewal_status  TEXT NOT NULL,
    note            TEXT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_service_fundings_service ON service_fundings(service_id, starts_on);
CREATE INDEX ix_service_fundings_funder ON service_fundings(funder_actor_id);
CREATE INDEX ix_service_fundings_ends ON service_fundings(ends_on, id);

-- Every verification of a service (services.verified_on/verified_by hold the latest): who, when, a note, and the
-- service's version it produced (rounds tell verifications from changes by it).
CREATE TABLE service_verifications (
    id            TEXT NOT NULL PRIMARY KEY,
    service_id    TEXT NOT NULL REFERENCES services(id),
    verified_on   TEXT NOT NULL,
    verified_by   TEXT NOT NULL,
    note          TEXT NULL,
    version_after INTEGER NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX ix_service_verifications_service ON service_verifications(service_id, created_at);

-- A Bestandsaufnahme of a region (a space and the spaces below it) in a period.
CREATE TABLE inventory_rounds (
    id                TEXT NOT NULL PRIMARY KEY,
    name              TEXT NOT NULL,
    search_key        TEXT NOT NULL,
    space_id          TEXT NOT NULL REFERENCES spaces(id),
    starts_on         TEXT NOT NULL,
    ends_on           TEXT NOT NULL,
    status            TEXT NOT NULL,
    previous_round_id TEXT NULL REFERENCES inventory_rounds(id),
    note              TEXT NULL,
    closed_at         TEXT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX ix_inventory_rounds_space ON inventory_rounds(space_id, starts_on);
CREATE INDEX ix_inventory_rounds_search ON inventory_rounds(search_key, id);

-- Who is responsible in a round: an actor for a space (with the spaces below it) or for a category (taxonomy term).
CREATE TABLE inventory_round_assignments (
    round_id   TEXT NOT NULL REFERENCES inventory_rounds(id),
    sort_order INTEGER NOT NULL,
    actor_id   TEXT NOT NULL REFERENCES actors(id),
    space_id   TEXT NULL REFERENCES spaces(id),
    term_id    TEXT NULL REFERENCES taxonomy_terms(id),
    PRIMARY KEY (round_id, sort_order),
    CHECK ((space_id IS NULL AND term_id IS NOT NULL) OR (space_id IS NOT NULL AND term_id IS NULL))
);

-- What a round found of each service of its region when it began (phase start) and when it was closed (phase end).
CREATE TABLE inventory_round_snapshots (
    round_id          TEXT NOT NULL REFERENCES inventory_rounds(id),
    phase             TEXT NOT NULL,
    service_id        TEXT NOT NULL,
    name              TEXT NOT NULL,
    status            TEXT NOT NULL,
    operator_actor_id TEXT NULL,
    service_version   INTEGER NOT NULL,
    archived          INTEGER NOT NULL,
    verified_on       TEXT NULL,
    PRIMARY KEY (round_id, phase, service_id)
);
