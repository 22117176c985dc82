-- Networks (Lenkrunden, Fokusgruppen, AGs ...), their members, links, meetings and agreements (tasks). PostgreSQL.
CREATE TABLE networks (
    id                   UUID PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    search_key           VARCHAR(200) NOT NULL,
    kind                 VARCHAR(30) NOT NULL,
    status               VARCHAR(20) NOT NULL,
    mandate              VARCHAR(4000) NULL,
    mandated_by          VARCHAR(200) NULL,
    mandated_on          DATE NULL,
    legitimation_note    VARCHAR(4000) NULL,
    started_on           DATE NULL,
    ended_on             DATE NULL,
    cadence_interval     INTEGER NULL,
    cadence_unit         VARCHAR(20) NULL,
    coordinator_actor_id UUID NULL REFERENCES actors(id),
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_networks_search ON networks(search_key, id);
CREATE INDEX ix_networks_coordinator ON networks(coordinator_actor_id);

CREATE TABLE network_functions (
    network_id    UUID NOT NULL REFERENCES networks(id),
    function_name VARCHAR(20) NOT NULL,
    PRIMARY KEY (network_id, function_name)
);

CREATE TABLE network_goals (
    network_id UUID NOT NULL REFERENCES networks(id),
    sort_order INTEGER NOT NULL,
    goal       VARCHAR(500) NOT NULL,
    PRIMARY KEY (network_id, sort_order)
);

CREATE TABLE network_spaces (
    network_id UUID NOT NULL REFERENCES networks(id),
    space_id   UUID NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (network_id, space_id)
);
CREATE INDEX ix_network_spaces_space ON network_spaces(space_id);

CREATE TABLE network_links (
    id                UUID PRIMARY KEY,
    source_network_id UUID NOT NULL REFERENCES networks(id),
    target_network_id UUID NOT NULL REFERENCES networks(id),
    link_type         VARCHAR(20) NOT NULL,
    note              VARCHAR(4000) NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (source_network_id, target_network_id, link_type)
);
CREATE INDEX ix_network_links_target ON network_links(target_network_id);

CREATE TABLE network_members (
    id                        UUID PRIMARY KEY,
    network_id                UUID NOT NULL REFERENCES networks(id),
    actor_id                  UUID NOT NULL REFERENCES actors(id),
    role                      VARCHAR(20) NOT NULL,
    delegated_from_network_id UUID NULL REFERENCES networks(id),
    valid_from                DATE NOT NULL,
    valid_to                  DATE NULL,
    note                      VARCHAR(4000) NULL,
    version                   BIGINT NOT NULL DEFAULT 1,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL,
    UNIQUE (network_id, actor_id, role, valid_from)
);
CREATE INDEX ix_network_members_actor ON network_members(actor_id);

CREATE TABLE network_calendar_tokens (
    network_id UUID PRIMARY KEY REFERENCES networks(id),
    token      VARCHAR(100) NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE meetings (
    id           UUID PRIMARY KEY,
    network_id   UUID NOT NULL REFERENCES networks(id),
    title        VARCHAR(200) NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    location     VARCHAR(500) NULL,
    agenda       TEXT NULL,
    minutes      TEXT NULL,
    is_cancelled BOOLEAN NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_meetings_network ON meetings(network_id, starts_at, id);

CREATE TABLE meeting_decisions (
    meeting_id UUID NOT NULL REFERENCES meetings(id),
    sort_order INTEGER NOT NULL,
    decision   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (meeting_id, sort_order)
);

CREATE TABLE meeting_attendance (
    meeting_id UUID NOT NULL REFERENCES meetings(id),
    member_id  UUID NOT NULL REFERENCES network_members(id),
    attendance VARCHAR(20) NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX ix_meeting_attendance_member ON meeting_attendance(member_id);

CREATE TABLE tasks (
    id          UUID PRIMARY KEY,
    network_id  UUID NOT NULL REFERENCES networks(id),
    meeting_id  UUID NULL REFERENCES meetings(id),
    title       VARCHAR(200) NOT NULL,
    description VARCHAR(4000) NULL,
    due_date    DATE NULL,
    status      VARCHAR(20) NOT NULL,
    outcome     VARCHAR(4000) NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_tasks_network ON tasks(network_id);
CREATE INDEX ix_tasks_meeting ON tasks(meeting_id);
CREATE INDEX ix_tasks_due ON tasks(due_date, id);

CREATE TABLE task_responsibles (
    task_id  UUID NOT NULL REFERENCES tasks(id),
    actor_id UUID NOT NULL REFERENCES actors(id),
    PRIMARY KEY (task_id, actor_id)
);
CREATE INDEX ix_task_responsibles_actor ON task_responsibles(actor_id);
