-- Networks (Lenkrunden, Fokusgruppen, AGs ...), their members, links, meetings and agreements (tasks). SQL Server.
CREATE TABLE networks (
    id                   UNIQUEIDENTIFIER PRIMARY KEY,
    name                 NVARCHAR(200) NOT NULL,
    search_key           NVARCHAR(200) NOT NULL,
    kind                 NVARCHAR(30) NOT NULL,
    status               NVARCHAR(20) NOT NULL,
    mandate              NVARCHAR(4000) NULL,
    mandated_by          NVARCHAR(200) NULL,
    mandated_on          DATE NULL,
    legitimation_note    NVARCHAR(4000) NULL,
    started_on           DATE NULL,
    ended_on             DATE NULL,
    cadence_interval     INTEGER NULL,
    cadence_unit         NVARCHAR(20) NULL,
    coordinator_actor_id UNIQUEIDENTIFIER NULL REFERENCES actors(id),
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           DATETIMEOFFSET NOT NULL,
    updated_at           DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_networks_search ON networks(search_key, id);
CREATE INDEX ix_networks_coordinator ON networks(coordinator_actor_id);

CREATE TABLE network_functions (
    network_id    UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    function_name NVARCHAR(20) NOT NULL,
    PRIMARY KEY (network_id, function_name)
);

CREATE TABLE network_goals (
    network_id UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    sort_order INTEGER NOT NULL,
    goal       NVARCHAR(500) NOT NULL,
    PRIMARY KEY (network_id, sort_order)
);

CREATE TABLE network_spaces (
    network_id UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    space_id   UNIQUEIDENTIFIER NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (network_id, space_id)
);
CREATE INDEX ix_network_spaces_space ON network_spaces(space_id);

CREATE TABLE network_links (
    id                UNIQUEIDENTIFIER PRIMARY KEY,
    source_network_id UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    target_network_id UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    link_type         NVARCHAR(20) NOT NULL,
    note              NVARCHAR(4000) NULL,
    created_at        DATETIMEOFFSET NOT NULL,
    UNIQUE (source_network_id, target_network_id, link_type)
);
CREATE INDEX ix_network_links_target ON network_links(target_network_id);

CREATE TABLE network_members (
    id                        UNIQUEIDENTIFIER PRIMARY KEY,
    network_id                UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    actor_id                  UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    role                      NVARCHAR(20) NOT NULL,
    delegated_from_network_id UNIQUEIDENTIFIER NULL REFERENCES networks(id),
    valid_from                DATE NOT NULL,
    valid_to                  DATE NULL,
    note                      NVARCHAR(4000) NULL,
    version                   BIGINT NOT NULL DEFAULT 1,
    created_at                DATETIMEOFFSET NOT NULL,
    updated_at                DATETIMEOFFSET NOT NULL,
    UNIQUE (network_id, actor_id, role, valid_from)
);
CREATE INDEX ix_network_members_actor ON network_members(actor_id);

CREATE TABLE network_calendar_tokens (
    network_id UNIQUEIDENTIFIER PRIMARY KEY REFERENCES networks(id),
    token      NVARCHAR(100) NOT NULL UNIQUE,
    created_at DATETIMEOFFSET NOT NULL
);

CREATE TABLE meetings (
    id           UNIQUEIDENTIFIER PRIMARY KEY,
    network_id   UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    title        NVARCHAR(200) NULL,
    starts_at    DATETIMEOFFSET NOT NULL,
    ends_at      DATETIMEOFFSET NOT NULL,
    location     NVARCHAR(500) NULL,
    agenda       NVARCHAR(MAX) NULL,
    minutes      NVARCHAR(MAX) NULL,
    is_cancelled BIT NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   DATETIMEOFFSET NOT NULL,
    updated_at   DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_meetings_network ON meetings(network_id, starts_at, id);

CREATE TABLE meeting_decisions (
    meeting_id UNIQUEIDENTIFIER NOT NULL REFERENCES meetings(id),
    sort_order INTEGER NOT NULL,
    decision   NVARCHAR(2000) NOT NULL,
    PRIMARY KEY (meeting_id, sort_order)
);

CREATE TABLE meeting_attendance (
    meeting_id UNIQUEIDENTIFIER NOT NULL REFERENCES meetings(id),
    member_id  UNIQUEIDENTIFIER NOT NULL REFERENCES network_members(id),
    attendance NVARCHAR(20) NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX ix_meeting_attendance_member ON meeting_attendance(member_id);

CREATE TABLE tasks (
    id          UNIQUEIDENTIFIER PRIMARY KEY,
    network_id  UNIQUEIDENTIFIER NOT NULL REFERENCES networks(id),
    meeting_id  UNIQUEIDENTIFIER NULL REFERENCES meetings(id),
    title       NVARCHAR(200) NOT NULL,
    description NVARCHAR(4000) NULL,
    due_date    DATE NULL,
    status      NVARCHAR(20) NOT NULL,
    outcome     NVARCHAR(4000) NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  DATETIMEOFFSET NOT NULL,
    updated_at  DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_tasks_network ON tasks(network_id);
CREATE INDEX ix_tasks_meeting ON tasks(meeting_id);
CREATE INDEX ix_tasks_due ON tasks(due_date, id);

CREATE TABLE task_responsibles (
    task_id  UNIQUEIDENTIFIER NOT NULL REFERENCES tasks(id),
    actor_id UNIQUEIDENTIFIER NOT NULL REFERENCES actors(id),
    PRIMARY KEY (task_id, actor_id)
);
CREATE INDEX ix_task_responsibles_actor ON task_responsibles(actor_id);
