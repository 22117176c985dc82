-- Changes feed (issue 16): one row per change of an entity (create, update, archive, end, delete, ...), written in the
-- transaction of the write itself (Application/Changes/ChangeFeed.cs), so a rolled-back write leaves none. seq is the
-- feed position: writers take a transaction-scoped lock right before inserting their rows and hold it to commit, so seq
-- order is commit order and a reader polling "seq > cursor" never skips a change. fields is a JSON array of the changed
-- field names; network_id and space_id say which network or space a scoped reader must hold a grant for (null: none).
-- Deletions are tombstones (action delete). The webhooks outbox (branch hooks) builds on this table.
CREATE TABLE entity_changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    version     INTEGER NULL,
    fields      TEXT NULL,
    network_id  TEXT NULL,
    space_id    TEXT NULL,
    occurred_at TEXT NOT NULL
);

CREATE INDEX ix_entity_changes_type ON entity_changes (entity_type, seq);
