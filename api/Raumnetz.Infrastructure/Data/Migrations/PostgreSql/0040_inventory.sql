-- The inventory of social infrastructure (Bestandsaufnahme), modelled on Open Referral HSDS 3.0. PostgreSQL.
-- Operators, owners and funders are actors (HSDS organization); places are spaces. Funding, verification rounds and
-- the import build on these tables in later migrations.

-- Taxonomies (HSDS taxonomy): kind ServiceCategory or TargetGroup; codes are what exports carry.
CREATE TABLE taxonomies (
    id            UUID NOT NULL PRIMARY KEY,
    code          VARCHAR(100) NOT NULL UNIQUE,
    kind          VARCHAR(30) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    description   VARCHAR(4000) NULL,
    uri           VARCHAR(500) NULL,
    version_label VARCHAR(50) NULL,
    version       BIGINT NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Taxonomy terms (HSDS taxonomy_term): codes are unique across taxonomies, so a code alone names a term.
CREATE TABLE taxonomy_terms (
    id          UUID NOT NULL PRIMARY KEY,
    taxonomy_id UUID NOT NULL REFERENCES taxonomies(id),
    code        VARCHAR(100) NOT NULL UNIQUE,
    name_de     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    description VARCHAR(4000) NULL,
    parent_id   UUID NULL REFERENCES taxonomy_terms(id),
    term_uri    VARCHAR(500) NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    archived_at TIMESTAMPTZ NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_taxonomy_terms_taxonomy ON taxonomy_terms(taxonomy_id, sort_order, code);
CREATE INDEX ix_taxonomy_terms_parent ON taxonomy_terms(parent_id);

-- Locations (HSDS location, Einrichtung/Standort): kind physical, virtual or postal; WGS 84 coordinates;
-- space_source says whether space_id was derived from the coordinates (derived) or set by hand (manual).
-- The accessibility checklist is four nullable flags (null = not known) plus HSDS accessibility text.
CREATE TABLE locations (
    id                        UUID NOT NULL PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    search_key                VARCHAR(200) NOT NULL,
    alternate_name            VARCHAR(200) NULL,
    description               VARCHAR(4000) NULL,
    kind                      VARCHAR(20) NOT NULL,
    url                       VARCHAR(500) NULL,
    transportation            VARCHAR(4000) NULL,
    latitude                  DOUBLE PRECISION NULL,
    longitude                 DOUBLE PRECISION NULL,
    space_id                  UUID NULL REFERENCES spaces(id),
    space_source              VARCHAR(20) NULL,
    owner_actor_id            UUID NULL REFERENCES actors(id),
    external_identifier       VARCHAR(200) NULL,
    external_identifier_type  VARCHAR(100) NULL,
    external_id               VARCHAR(200) NULL,
    step_free_access          BOOLEAN NULL,
    accessible_toilet         BOOLEAN NULL,
    lift                      BOOLEAN NULL,
    hearing_loop              BOOLEAN NULL,
    accessibility_description VARCHAR(4000) NULL,
    accessibility_details     VARCHAR(4000) NULL,
    accessibility_url         VARCHAR(500) NULL,
    valid_from                DATE NULL,
    valid_to                  DATE NULL,
    archived_at               TIMESTAMPTZ NULL,
    version                   BIGINT NOT NULL DEFAULT 1,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_locations_search ON locations(search_key, id);
CREATE INDEX ix_locations_space ON locations(space_id);
CREATE INDEX ix_locations_owner ON locations(owner_actor_id);
CREATE UNIQUE INDEX ux_locations_external_id ON locations(external_id) WHERE external_id IS NOT NULL;

CREATE TABLE location_addresses (
    id             UUID NOT NULL PRIMARY KEY,
    location_id    UUID NOT NULL REFERENCES locations(id),
    address_type   VARCHAR(20) NOT NULL,
    attention      VARCHAR(200) NULL,
    address_1      VARCHAR(200) NOT NULL,
    address_2      VARCHAR(200) NULL,
    city           VARCHAR(200) NOT NULL,
    region         VARCHAR(200) NULL,
    state_province VARCHAR(200) NULL,
    postal_code    VARCHAR(20) NOT NULL,
    country        VARCHAR(2) NOT NULL,
    sort_order     INTEGER NOT NULL
);
CREATE INDEX ix_location_addresses_location ON location_addresses(location_id, sort_order);

-- Languages (HSDS language) are ISO 639 codes (two or three lower-case letters).
CREATE TABLE location_languages (
    location_id UUID NOT NULL REFERENCES locations(id),
    code        VARCHAR(3) NOT NULL,
    name        VARCHAR(100) NULL,
    note        VARCHAR(1000) NULL,
    sort_order  INTEGER NOT NULL,
    PRIMARY KEY (location_id, code)
);

-- Services (HSDS service, Angebot): status active, inactive, defunct or temporarily_closed; the operator is an actor
-- (HSDS organization). application_process is how to reach it; verified_on/verified_by are HSDS assured_date/assurer;
-- program_* hold the HSDS program. external_id makes the spreadsheet import idempotent.
CREATE TABLE services (
    id                           UUID NOT NULL PRIMARY KEY,
    name                         VARCHAR(200) NOT NULL,
    search_key                   VARCHAR(200) NOT NULL,
    alternate_name               VARCHAR(200) NULL,
    description                  VARCHAR(4000) NULL,
    url                          VARCHAR(500) NULL,
    email                        VARCHAR(254) NULL,
    status                       VARCHAR(30) NOT NULL,
    operator_actor_id            UUID NULL REFERENCES actors(id),
    interpretation_services      VARCHAR(2000) NULL,
    application_process          VARCHAR(4000) NULL,
    fees_description             VARCHAR(4000) NULL,
    is_free                      BOOLEAN NULL,
    wait_time                    VARCHAR(1000) NULL,
    accreditations               VARCHAR(2000) NULL,
    licenses                     VARCHAR(2000) NULL,
    eligibility_description      VARCHAR(4000) NULL,
    minimum_age                  INTEGER NULL,
    maximum_age                  INTEGER NULL,
    alert                        VARCHAR(2000) NULL,
    program_name                 VARCHAR(200) NULL,
    program_alternate_name       VARCHAR(200) NULL,
    program_description          VARCHAR(4000) NULL,
    external_id                  VARCHAR(200) NULL,
    verified_on                  DATE NULL,
    verified_by                  VARCHAR(254) NULL,
    verification_interval_months INTEGER NOT NULL DEFAULT 12,
    archived_at                  TIMESTAMPTZ NULL,
    version                      BIGINT NOT NULL DEFAULT 1,
    created_at                   TIMESTAMPTZ NOT NULL,
    updated_at                   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_services_search ON services(search_key, id);
CREATE INDEX ix_services_operator ON services(operator_actor_id);
CREATE INDEX ix_services_status ON services(status, id);
CREATE INDEX ix_services_verified ON services(verified_on, id);
CREATE UNIQUE INDEX ux_services_external_id ON services(external_id) WHERE external_id IS NOT NULL;

-- Categories (taxonomy terms of a service_category taxonomy).
CREATE TABLE service_categories (
    service_id UUID NOT NULL REFERENCES services(id),
    term_id    UUID NOT NULL REFERENCES taxonomy_terms(id),
    PRIMARY KEY (service_id, term_id)
);
CREATE INDEX ix_service_categories_term ON service_categories(term_id);

-- Target groups (taxonomy terms of a target_group taxonomy).
CREATE TABLE service_target_groups (
    service_id UUID NOT NULL REFERENCES services(id),
    term_id    UUID NOT NULL REFERENCES taxonomy_terms(id),
    PRIMARY KEY (service_id, term_id)
);
CREATE INDEX ix_service_target_groups_term ON service_target_groups(term_id);

CREATE TABLE service_languages (
    service_id UUID NOT NULL REFERENCES services(id),
    code       VARCHAR(3) NOT NULL,
    name       VARCHAR(100) NULL,
    note       VARCHAR(1000) NULL,
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (service_id, code)
);

CREATE TABLE service_networks (
    service_id UUID NOT NULL REFERENCES services(id),
    network_id UUID NOT NULL REFERENCES networks(id),
    PRIMARY KEY (service_id, network_id)
);
CREATE INDEX ix_service_networks_network ON service_networks(network_id);

-- The spaces a service serves when that differs from where it stands.
CREATE TABLE service_spaces (
    service_id UUID NOT NULL REFERENCES services(id),
    space_id   UUID NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (service_id, space_id)
);
CREATE INDEX ix_service_spaces_space ON service_spaces(space_id);

-- HSDS service areas given as text or an extent (geojson, topojson, kml, text), beside the spaces served.
CREATE TABLE service_areas (
    id          UUID NOT NULL PRIMARY KEY,
    service_id  UUID NOT NULL REFERENCES services(id),
    name        VARCHAR(1000) NULL,
    description VARCHAR(4000) NULL,
    extent      TEXT NULL,
    extent_type VARCHAR(20) NULL,
    uri         VARCHAR(500) NULL,
    sort_order  INTEGER NOT NULL
);
CREATE INDEX ix_service_areas_service ON service_areas(service_id, sort_order);

CREATE TABLE service_cost_options (
    id                 UUID NOT NULL PRIMARY KEY,
    service_id         UUID NOT NULL REFERENCES services(id),
    option_text        VARCHAR(1000) NULL,
    amount             DOUBLE PRECISION NULL,
    currency           VARCHAR(3) NULL,
    amount_description VARCHAR(1000) NULL,
    valid_from         DATE NULL,
    valid_to           DATE NULL,
    sort_order         INTEGER NOT NULL
);
CREATE INDEX ix_service_cost_options_service ON service_cost_options(service_id, sort_order);

CREATE TABLE service_required_documents (
    id         UUID NOT NULL PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id),
    document   VARCHAR(2000) NOT NULL,
    uri        VARCHAR(500) NULL,
    sort_order INTEGER NOT NULL
);
CREATE INDEX ix_service_required_documents_service ON service_required_documents(service_id, sort_order);

-- Further HSDS attributes: a taxonomy term with an optional link type and value (categories and target groups have their own tables).
CREATE TABLE service_attributes (
    id         UUID NOT NULL PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id),
    term_id    UUID NOT NULL REFERENCES taxonomy_terms(id),
    link_type  VARCHAR(100) NULL,
    value      VARCHAR(2000) NULL,
    sort_order INTEGER NOT NULL
);
CREATE INDEX ix_service_attributes_service ON service_attributes(service_id, sort_order);
CREATE INDEX ix_service_attributes_term ON service_attributes(term_id);

-- Where a service is offered (HSDS service_at_location); one row per service and location.
CREATE TABLE service_at_locations (
    id          UUID NOT NULL PRIMARY KEY,
    service_id  UUID NOT NULL REFERENCES services(id),
    location_id UUID NOT NULL REFERENCES locations(id),
    description VARCHAR(4000) NULL,
    external_id VARCHAR(200) NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (service_id, location_id)
);
CREATE INDEX ix_service_at_locations_location ON service_at_locations(location_id);
CREATE UNIQUE INDEX ux_service_at_locations_external_id ON service_at_locations(external_id) WHERE external_id IS NOT NULL;

-- Dated capacity history per service at location: unit places, hours_per_week or consultations_per_month,
-- the maximum and what is available on as_of. One entry per service at location, unit and date.
CREATE TABLE capacity_entries (
    id                     UUID NOT NULL PRIMARY KEY,
    service_at_location_id UUID NOT NULL REFERENCES service_at_locations(id),
    unit                   VARCHAR(30) NOT NULL,
    maximum                DOUBLE PRECISION NOT NULL,
    available              DOUBLE PRECISION NULL,
    as_of                  DATE NOT NULL,
    note                   VARCHAR(1000) NULL,
    recorded_by            VARCHAR(254) NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    UNIQUE (service_at_location_id, unit, as_of)
);

-- Contacts and phones (HSDS contact, phone) of a location, a service or a service at a location (exactly one owner).
CREATE TABLE inventory_contacts (
    id                     UUID NOT NULL PRIMARY KEY,
    location_id            UUID NULL REFERENCES locations(id),
    service_id             UUID NULL REFERENCES services(id),
    service_at_location_id UUID NULL REFERENCES service_at_locations(id),
    name                   VARCHAR(200) NULL,
    title                  VARCHAR(200) NULL,
    department             VARCHAR(200) NULL,
    email                  VARCHAR(254) NULL,
    sort_order             INTEGER NOT NULL,
    CHECK ((CASE WHEN location_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_at_location_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE INDEX ix_inventory_contacts_location ON inventory_contacts(location_id);
CREATE INDEX ix_inventory_contacts_service ON inventory_contacts(service_id);
CREATE INDEX ix_inventory_contacts_service_at_location ON inventory_contacts(service_at_location_id);

CREATE TABLE inventory_phones (
    id                     UUID NOT NULL PRIMARY KEY,
    location_id            UUID NULL REFERENCES locations(id),
    service_id             UUID NULL REFERENCES services(id),
    service_at_location_id UUID NULL REFERENCES service_at_locations(id),
    contact_id             UUID NULL REFERENCES inventory_contacts(id),
    number                 VARCHAR(50) NOT NULL,
    extension              INTEGER NULL,
    type                   VARCHAR(20) NULL,
    description            VARCHAR(2000) NULL,
    sort_order             INTEGER NOT NULL,
    CHECK ((CASE WHEN location_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_at_location_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN contact_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE INDEX ix_inventory_phones_location ON inventory_phones(location_id);
CREATE INDEX ix_inventory_phones_service ON inventory_phones(service_id);
CREATE INDEX ix_inventory_phones_service_at_location ON inventory_phones(service_at_location_id);
CREATE INDEX ix_inventory_phones_contact ON inventory_phones(contact_id);

CREATE TABLE inventory_phone_languages (
    phone_id   UUID NOT NULL REFERENCES inventory_phones(id),
    code       VARCHAR(3) NOT NULL,
    name       VARCHAR(100) NULL,
    note       VARCHAR(1000) NULL,
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (phone_id, code)
);

-- Opening hours (HSDS schedule, RFC 5545 fields): a weekly rule is freq WEEKLY with byday (MO,TU,...) and opens_at/closes_at
-- as HH:mm; several rows give several intervals a day; valid_from/valid_to bound a rule. occurrence_count, recurrence_interval and
-- option_text (cost options) are HSDS count, interval and option under names no provider reserves.
CREATE TABLE schedules (
    id                     UUID NOT NULL PRIMARY KEY,
    location_id            UUID NULL REFERENCES locations(id),
    service_id             UUID NULL REFERENCES services(id),
    service_at_location_id UUID NULL REFERENCES service_at_locations(id),
    freq                   VARCHAR(10) NOT NULL,
    byday                  VARCHAR(50) NULL,
    opens_at               VARCHAR(5) NULL,
    closes_at              VARCHAR(5) NULL,
    valid_from             DATE NULL,
    valid_to               DATE NULL,
    dtstart                DATE NULL,
    until                  DATE NULL,
    occurrence_count       INTEGER NULL,
    wkst                   VARCHAR(2) NULL,
    recurrence_interval    INTEGER NULL,
    byweekno               VARCHAR(200) NULL,
    bymonthday             VARCHAR(200) NULL,
    byyearday              VARCHAR(500) NULL,
    timezone               DOUBLE PRECISION NULL,
    description            VARCHAR(2000) NULL,
    schedule_link          VARCHAR(500) NULL,
    attending_type         VARCHAR(1000) NULL,
    notes                  VARCHAR(2000) NULL,
    sort_order             INTEGER NOT NULL,
    CHECK ((CASE WHEN location_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_at_location_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE INDEX ix_schedules_location ON schedules(location_id);
CREATE INDEX ix_schedules_service ON schedules(service_id);
CREATE INDEX ix_schedules_service_at_location ON schedules(service_at_location_id);

-- Closures: a public holiday or single dates/ranges (kind holiday or closure), inclusive of both ends.
CREATE TABLE schedule_closures (
    id                     UUID NOT NULL PRIMARY KEY,
    location_id            UUID NULL REFERENCES locations(id),
    service_id             UUID NULL REFERENCES services(id),
    service_at_location_id UUID NULL REFERENCES service_at_locations(id),
    kind                   VARCHAR(20) NOT NULL,
    starts_on              DATE NOT NULL,
    ends_on                DATE NOT NULL,
    reason                 VARCHAR(500) NULL,
    sort_order             INTEGER NOT NULL,
    CHECK ((CASE WHEN location_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_at_location_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE INDEX ix_schedule_closures_location ON schedule_closures(location_id);
CREATE INDEX ix_schedule_closures_service ON schedule_closures(service_id);
CREATE INDEX ix_schedule_closures_service_at_location ON schedule_closures(service_at_location_id);

-- The German default taxonomies for social infrastructure (categories) and target groups; editable, codes travel with exports.
INSERT INTO taxonomies (id, code, kind, name, description, uri, version_label, version, created_at, updated_at) VALUES
('019400a0-0000-7000-8000-000000000001', 'soziale-infrastruktur', 'ServiceCategory', 'Soziale Infrastruktur', 'Einrichtungen und Angebote der sozialen Infrastruktur (Raumnetz-Standard)', NULL, '1', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0000-7000-8000-000000000002', 'zielgruppen', 'TargetGroup', 'Zielgruppen', 'Zielgruppen sozialer Angebote (Raumnetz-Standard)', NULL, '1', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO taxonomy_terms (id, taxonomy_id, code, name_de, name_en, parent_id, sort_order, version, created_at, updated_at) VALUES
('019400a0-0001-7000-8000-000000000001', '019400a0-0000-7000-8000-000000000001', 'kinder-familie', 'Kinder und Familie', 'Children and families', NULL, 10, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000002', '019400a0-0000-7000-8000-000000000001', 'kita', 'Kita (Kindertageseinrichtung)', 'Day-care centre (Kita)', '019400a0-0001-7000-8000-000000000001', 20, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000003', '019400a0-0000-7000-8000-000000000001', 'kindertagespflege', 'Kindertagespflege', 'Childminding', '019400a0-0001-7000-8000-000000000001', 30, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000004', '019400a0-0000-7000-8000-000000000001', 'hort', 'Hort', 'After-school care (Hort)', '019400a0-0001-7000-8000-000000000001', 40, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000005', '019400a0-0000-7000-8000-000000000001', 'familienzentrum', 'Familienzentrum', 'Family centre', '019400a0-0001-7000-8000-000000000001', 50, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000006', '019400a0-0000-7000-8000-000000000001', 'fruehe-hilfen', 'Frühe Hilfen', 'Early help for families', '019400a0-0001-7000-8000-000000000001', 60, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000007', '019400a0-0000-7000-8000-000000000001', 'jugend', 'Kinder- und Jugendarbeit', 'Youth work', NULL, 70, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000008', '019400a0-0000-7000-8000-000000000001', 'jugendclub', 'Jugendclub / Jugendfreizeiteinrichtung', 'Youth club', '019400a0-0001-7000-8000-000000000007', 80, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000009', '019400a0-0000-7000-8000-000000000001', 'schulsozialarbeit', 'Schulsozialarbeit', 'School social work', '019400a0-0001-7000-8000-000000000007', 90, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000010', '019400a0-0000-7000-8000-000000000001', 'mobile-jugendarbeit', 'Mobile Jugendarbeit / Streetwork', 'Street work', '019400a0-0001-7000-8000-000000000007', 100, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000011', '019400a0-0000-7000-8000-000000000001', 'jugendberufsagentur', 'Jugendberufsagentur', 'Youth employment agency', '019400a0-0001-7000-8000-000000000007', 110, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000012', '019400a0-0000-7000-8000-000000000001', 'beratung', 'Beratungsstellen', 'Counselling centres', NULL, 120, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000013', '019400a0-0000-7000-8000-000000000001', 'beratung-erziehung', 'Erziehungs- und Familienberatung', 'Parenting and family counselling', '019400a0-0001-7000-8000-000000000012', 130, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000014', '019400a0-0000-7000-8000-000000000001', 'beratung-schulden', 'Schuldnerberatung', 'Debt counselling', '019400a0-0001-7000-8000-000000000012', 140, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000015', '019400a0-0000-7000-8000-000000000001', 'beratung-sucht', 'Suchtberatung', 'Addiction counselling', '019400a0-0001-7000-8000-000000000012', 150, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000016', '019400a0-0000-7000-8000-000000000001', 'beratung-migration', 'Migrationsberatung', 'Migration counselling', '019400a0-0001-7000-8000-000000000012', 160, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000017', '019400a0-0000-7000-8000-000000000001', 'beratung-schwangerschaft', 'Schwangerschaftsberatung', 'Pregnancy counselling', '019400a0-0001-7000-8000-000000000012', 170, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000018', '019400a0-0000-7000-8000-000000000001', 'beratung-sozial', 'Allgemeine Sozialberatung', 'General social counselling', '019400a0-0001-7000-8000-000000000012', 180, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000019', '019400a0-0000-7000-8000-000000000001', 'beratung-wohnungsnot', 'Wohnungsnotfallhilfe', 'Homelessness assistance', '019400a0-0001-7000-8000-000000000012', 190, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000020', '019400a0-0000-7000-8000-000000000001', 'beratung-pflege', 'Pflegeberatung / Pflegestützpunkt', 'Care counselling', '019400a0-0001-7000-8000-000000000012', 200, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000021', '019400a0-0000-7000-8000-000000000001', 'beratung-gewalt', 'Beratung bei häuslicher Gewalt', 'Domestic violence counselling', '019400a0-0001-7000-8000-000000000012', 210, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000022', '019400a0-0000-7000-8000-000000000001', 'beratung-psychosozial', 'Psychosoziale Beratung', 'Psychosocial counselling', '019400a0-0001-7000-8000-000000000012', 220, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000023', '019400a0-0000-7000-8000-000000000001', 'senioren', 'Ältere Menschen', 'Older people', NULL, 230, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000024', '019400a0-0000-7000-8000-000000000001', 'seniorentreff', 'Seniorentreff / Seniorenbegegnungsstätte', 'Seniors'' meeting place', '019400a0-0001-7000-8000-000000000023', 240, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000025', '019400a0-0000-7000-8000-000000000001', 'quartier', 'Quartier und Gemeinwesen', 'Neighbourhood and community', NULL, 250, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000026', '019400a0-0000-7000-8000-000000000001', 'stadtteilzentrum', 'Stadtteilzentrum / Nachbarschaftshaus', 'Community centre', '019400a0-0001-7000-8000-000000000025', 260, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000027', '019400a0-0000-7000-8000-000000000001', 'quartiersmanagement', 'Quartiersmanagement', 'Neighbourhood management', '019400a0-0001-7000-8000-000000000025', 270, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000028', '019400a0-0000-7000-8000-000000000001', 'mehrgenerationenhaus', 'Mehrgenerationenhaus', 'Multi-generation house', '019400a0-0001-7000-8000-000000000025', 280, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000029', '019400a0-0000-7000-8000-000000000001', 'freiwilligenagentur', 'Freiwilligenagentur', 'Volunteer centre', '019400a0-0001-7000-8000-000000000025', 290, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000030', '019400a0-0000-7000-8000-000000000001', 'arbeit-existenz', 'Arbeit und Existenzsicherung', 'Work and basic income', NULL, 300, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000031', '019400a0-0000-7000-8000-000000000001', 'jobcenter-standort', 'Jobcenter-Standort', 'Job centre branch', '019400a0-0001-7000-8000-000000000030', 310, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000032', '019400a0-0000-7000-8000-000000000001', 'beschaeftigungstraeger', 'Beschäftigungs- und Qualifizierungsträger', 'Employment and training provider', '019400a0-0001-7000-8000-000000000030', 320, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000033', '019400a0-0000-7000-8000-000000000001', 'tafel', 'Tafel', 'Food bank', '019400a0-0001-7000-8000-000000000030', 330, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000034', '019400a0-0000-7000-8000-000000000001', 'sozialkaufhaus', 'Sozialkaufhaus / Kleiderkammer', 'Second-hand social store', '019400a0-0001-7000-8000-000000000030', 340, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000035', '019400a0-0000-7000-8000-000000000001', 'gesundheit-teilhabe', 'Gesundheit und Teilhabe', 'Health and participation', NULL, 350, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000036', '019400a0-0000-7000-8000-000000000001', 'eingliederungshilfe', 'Angebote für Menschen mit Behinderung', 'Services for people with disabilities', '019400a0-0001-7000-8000-000000000035', 360, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000037', '019400a0-0000-7000-8000-000000000001', 'gesundheitsfoerderung', 'Gesundheitsförderung', 'Health promotion', '019400a0-0001-7000-8000-000000000035', 370, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000038', '019400a0-0000-7000-8000-000000000001', 'bildung', 'Bildung', 'Education', NULL, 380, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000039', '019400a0-0000-7000-8000-000000000001', 'stadtteilbibliothek', 'Stadtteilbibliothek', 'Neighbourhood library', '019400a0-0001-7000-8000-000000000038', 390, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000040', '019400a0-0000-7000-8000-000000000001', 'volkshochschule', 'Volkshochschule', 'Adult education centre', '019400a0-0001-7000-8000-000000000038', 400, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000041', '019400a0-0000-7000-8000-000000000001', 'sprachkurs', 'Sprach- und Integrationskurs', 'Language and integration course', '019400a0-0001-7000-8000-000000000038', 410, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO taxonomy_terms (id, taxonomy_id, code, name_de, name_en, parent_id, sort_order, version, created_at, updated_at) VALUES
('019400a0-0001-7000-8000-000000000042', '019400a0-0000-7000-8000-000000000002', 'zg-kleinkinder', 'Kleinkinder (0–3 Jahre)', 'Infants (0–3)', NULL, 10, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000043', '019400a0-0000-7000-8000-000000000002', 'zg-kinder', 'Kinder', 'Children', NULL, 20, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000044', '019400a0-0000-7000-8000-000000000002', 'zg-jugendliche', 'Jugendliche', 'Adolescents', NULL, 30, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000045', '019400a0-0000-7000-8000-000000000002', 'zg-junge-erwachsene', 'Junge Erwachsene', 'Young adults', NULL, 40, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000046', '019400a0-0000-7000-8000-000000000002', 'zg-familien', 'Familien', 'Families', NULL, 50, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000047', '019400a0-0000-7000-8000-000000000002', 'zg-alleinerziehende', 'Alleinerziehende', 'Single parents', NULL, 60, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000048', '019400a0-0000-7000-8000-000000000002', 'zg-senioren', 'Seniorinnen und Senioren', 'Older people', NULL, 70, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000049', '019400a0-0000-7000-8000-000000000002', 'zg-menschen-mit-behinderung', 'Menschen mit Behinderung', 'People with disabilities', NULL, 80, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000050', '019400a0-0000-7000-8000-000000000002', 'zg-migration', 'Menschen mit Migrationsgeschichte', 'People with a migration background', NULL, 90, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000051', '019400a0-0000-7000-8000-000000000002', 'zg-gefluechtete', 'Geflüchtete', 'Refugees', NULL, 100, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000052', '019400a0-0000-7000-8000-000000000002', 'zg-arbeitsuchende', 'Arbeitsuchende', 'Jobseekers', NULL, 110, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000053', '019400a0-0000-7000-8000-000000000002', 'zg-wohnungslose', 'Wohnungslose', 'Homeless people', NULL, 120, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000054', '019400a0-0000-7000-8000-000000000002', 'zg-frauen', 'Frauen', 'Women', NULL, 130, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('019400a0-0001-7000-8000-000000000055', '019400a0-0000-7000-8000-000000000002', 'zg-alle', 'Alle Einwohnerinnen und Einwohner', 'All residents', NULL, 140, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
