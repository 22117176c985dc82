-- Audit trail (issue 15): one row per write, written in the write's own transaction, so a failed write leaves none.
-- principal is 'user:<id>', 'key:<id>' or 'anonymous' (system work such as the first administrator); changes is a JSON
-- object { field: { "old": ..., "new": ... } } without passwords, hashes or secrets. No API updates or deletes rows;
-- only the retention cleanup (Raumnetz__Audit__RetentionDays) and a GDPR erasure (scrubbing the erased values) do.
CREATE TABLE audit_entries (
    id          TEXT PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    principal   TEXT NOT NULL,
    user_id     TEXT NULL,
    api_key_id  TEXT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NULL,
    action      TEXT NOT NULL,
    changes     TEXT NULL,
    trace_id    TEXT NULL
);

CREATE INDEX ix_audit_entries_occurred ON audit_entries (occurred_at, id);
CREATE INDEX ix_audit_entries_entity ON audit_entries (entity_id, occurred_at);
CREATE INDEX ix_audit_entries_type ON audit_entries (entity_type, occurred_at);
CREATE INDEX ix_audit_entries_principal ON audit_entries (principal, occurred_at);
