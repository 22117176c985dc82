-- Networks (Lenkrunden, Fokusgruppen, AGs ...), their members, links, meetings and agreements (tasks). SQLite.
CREATE TABLE networks (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    search_key           TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    status               TEXT NOT NULL,
    mandate              TEXT NULL,
    mandated_by          TEXT NULL,
    mandated_on          TEXT NULL,
    legitimation_note    TEXT NULL,
    started_on           TEXT NULL,
    ended_on             TEXT NULL,
    cadence_interval     INTEGER NULL,
    cadence_unit         TEXT NULL,
    coordinator_actor_id TEXT NULL REFERENCES actors(id),
    version              INTEGER NOT NULL DEFAULT 1,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX ix_networks_search ON networks(search_key, id);
CREATE INDEX ix_networks_coordinator ON networks(coordinator_actor_id);

CREATE TABLE network_functions (
    network_id    TEXT NOT NULL REFERENCES networks(id),
    function_name TEXT NOT NULL,
    PRIMARY KEY (network_id, function_name)
);

CREATE TABLE network_goals (
    network_id TEXT NOT NULL REFERENCES networks(id),
    sort_order INTEGER NOT NULL,
    goal       TEXT NOT NULL,
    PRIMARY KEY (network_id, sort_order)
);

CREATE TABLE network_spaces (
    network_id TEXT NOT NULL REFERENCES networks(id),
    space_id   TEXT NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (network_id, space_id)
);
CREATE INDEX ix_network_spaces_space ON network_spaces(space_id);

CREATE TABLE network_links (
    id                TEXT PRIMARY KEY,
    source_network_id TEXT NOT NULL REFERENCES networks(id),
    target_network_id TEXT NOT NULL REFERENCES networks(id),
    link_type         TEXT NOT NULL,
    note              TEXT NULL,
    created_at        TEXT NOT NULL,
    UNIQUE (source_network_id, target_network_id, link_type)
);
CREATE INDEX ix_network_links_target ON network_links(target_network_id);

CREATE TABLE network_members (
    id                        TEXT PRIMARY KEY,
    network_id                TEXT NOT NULL REFERENCES networks(id),
    actor_id                  TEXT NOT NULL REFERENCES actors(id),
    role                      TEXT NOT NULL,
    delegated_from_network_id TEXT NULL REFERENCES networks(id),
    valid_from                TEXT NOT NULL,
    valid_to                  TEXT NULL,
    note                      TEXT NULL,
    version                   INTEGER NOT NULL DEFAULT 1,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    UNIQUE (network_id, actor_id, role, valid_from)
);
CREATE INDEX ix_network_members_actor ON network_members(actor_id);

CREATE TABLE network_calendar_tokens (
    network_id TEXT PRIMARY KEY REFERENCES networks(id),
    token      TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE meetings (
    id           TEXT PRIMARY KEY,
    network_id   TEXT NOT NULL REFERENCES networks(id),
    title        TEXT NULL,
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    location     TEXT NULL,
    agenda       TEXT NULL,
    minutes      TEXT NULL,
    is_cancelled INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX ix_meetings_network ON meetings(network_id, starts_at, id);

CREATE TABLE meeting_decisions (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    sort_order INTEGER NOT NULL,
    decision   TEXT NOT NULL,
    PRIMARY KEY (meeting_id, sort_order)
);

CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    member_id  TEXT NOT NULL REFERENCES network_members(id),
    attendance TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX ix_meeting_attendance_member ON meeting_attendance(member_id);

CREATE TABLE tasks (
    id          TEXT PRIMARY KEY,
    network_id  TEXT NOT NULL REFERENCES networks(id),
    meeting_id  TEXT NULL REFERENCES meetings(id),
    title       TEXT NOT NULL,
    description TEXT NULL,
    due_date    TEXT NULL,
    status      TEXT NOT NULL,
    outcome     TEXT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_tasks_network ON tasks(network_id);
CREATE INDEX ix_tasks_meeting ON tasks(meeting_id);
CREATE INDEX ix_tasks_due ON tasks(due_date, id);

CREATE TABLE task_responsibles (
    task_id  TEXT NOT NULL REFERENCES tasks(id),
    actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (task_id, actor_id)
);
CREATE INDEX ix_task_responsibles_actor ON task_responsibles(actor_id);
