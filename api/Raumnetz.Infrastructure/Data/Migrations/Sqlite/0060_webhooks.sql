-- Webhooks (issue 16): subscriptions of partner systems to the changes feed (entity_changes, 0059) and the log of every
-- delivery attempt. A subscription keeps its own position (last_seq) in the feed and advances it only after a 2xx, so the
-- feed is the outbox: an event exists exactly when its change committed. next_attempt_at/attempts carry the retry
-- schedule across restarts; leased_by/leased_until let one instance at a time deliver for a subscription. secret is the
-- signing secret protected with ASP.NET Data Protection (never returned after creation).
CREATE TABLE webhook_subscriptions (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    event_types     TEXT NOT NULL,
    secret          TEXT NOT NULL,
    description     TEXT NULL,
    active          INTEGER NOT NULL,
    disabled_reason TEXT NULL,
    disabled_at     TEXT NULL,
    last_seq        INTEGER NOT NULL,
    next_attempt_at TEXT NULL,
    failing_since   TEXT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    leased_by       TEXT NULL,
    leased_until    TEXT NULL,
    created_by      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    subscription_id  TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    event_id         TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    attempt          INTEGER NOT NULL,
    manual           INTEGER NOT NULL,
    status_code      INTEGER NULL,
    duration_ms      INTEGER NOT NULL,
    response_excerpt TEXT NULL,
    error            TEXT NULL,
    succeeded        INTEGER NOT NULL,
    attempted_at     TEXT NOT NULL
);

CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, attempted_at);
