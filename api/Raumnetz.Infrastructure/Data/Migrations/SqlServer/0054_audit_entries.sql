-- Audit trail (issue 15): one row per write, written in the write's own transaction, so a failed write leaves none.
-- principal is 'user:<id>', 'key:<id>' or 'anonymous' (system work such as the first administrator); changes is a JSON
-- object { field: { "old": ..., "new": ... } } without passwords, hashes or secrets. No API updates or deletes rows;
-- only the retention cleanup (Raumnetz__Audit__RetentionDays) and a GDPR erasure (scrubbing the erased values) do.
CREATE TABLE audit_entries (
    id          UNIQUEIDENTIFIER PRIMARY KEY,
    occurred_at DATETIMEOFFSET NOT NULL,
    principal   NVARCHAR(100) NOT NULL,
    user_id     UNIQUEIDENTIFIER NULL,
    api_key_id  UNIQUEIDENTIFIER NULL,
    entity_type NVARCHAR(60) NOT NULL,
    entity_id   NVARCHAR(100) NULL,
    action      NVARCHAR(60) NOT NULL,
    changes     NVARCHAR(MAX) NULL,
    trace_id    NVARCHAR(32) NULL
);

CREATE INDEX ix_audit_entries_occurred ON audit_entries (occurred_at, id);
CREATE INDEX ix_audit_entries_entity ON audit_entries (entity_id, occurred_at);
CREATE INDEX ix_audit_entries_type ON audit_entries (entity_type, occurred_at);
CREATE INDEX ix_audit_entries_principal ON audit_entries (principal, occurred_at);
