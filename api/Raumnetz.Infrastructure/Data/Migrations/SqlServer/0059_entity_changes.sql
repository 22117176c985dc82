-- Changes feed (issue 16): one row per change of an entity (create, update, archive, end, delete, ...), written in the
-- transaction of the write itself (Application/Changes/ChangeFeed.cs), so a rolled-back write leaves none. seq is the
-- feed position: writers take a transaction-scoped lock right before inserting their rows and hold it to commit, so seq
-- order is commit order and a reader polling "seq > cursor" never skips a change. fields is a JSON array of the changed
-- field names; network_id and space_id say which network or space a scoped reader must hold a grant for (null: none).
-- Deletions are tombstones (action delete). The webhooks outbox (branch hooks) builds on this table.
CREATE TABLE entity_changes (
    seq         BIGINT IDENTITY(1, 1) PRIMARY KEY,
    entity_type NVARCHAR(60) NOT NULL,
    entity_id   NVARCHAR(100) NOT NULL,
    action      NVARCHAR(30) NOT NULL,
    version     BIGINT NULL,
    fields      NVARCHAR(MAX) NULL,
    network_id  UNIQUEIDENTIFIER NULL,
    space_id    UNIQUEIDENTIFIER NULL,
    occurred_at DATETIMEOFFSET NOT NULL
);

CREATE INDEX ix_entity_changes_type ON entity_changes (entity_type, seq);
