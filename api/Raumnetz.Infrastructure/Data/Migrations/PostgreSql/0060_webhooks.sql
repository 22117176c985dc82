-- Webhooks (issue 16): subscriptions of partner systems to the changes feed (entity_changes, 0059) and the log of every
-- delivery attempt. A subscription keeps its own position (last_seq) in the feed and advances it only after a 2xx, so the
-- feed is the outbox: an event exists exactly when its change committed. next_attempt_at/attempts carry the retry
-- schedule across restarts; leased_by/leased_until let one instance at a time deliver for a subscription. secret is the
-- signing secret protected with ASP.NET Data Protection (never returned after creation).
CREATE TABLE webhook_subscriptions (
    id              UUID PRIMARY KEY,
    url             VARCHAR(500) NOT NULL,
    event_types     TEXT NOT NULL,
    secret          TEXT NOT NULL,
    description     VARCHAR(500) NULL,
    active          BOOLEAN NOT NULL,
    disabled_reason VARCHAR(1000) NULL,
    disabled_at     TIMESTAMPTZ NULL,
    last_seq        BIGINT NOT NULL,
    next_attempt_at TIMESTAMPTZ NULL,
    failing_since   TIMESTAMPTZ NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    leased_by       VARCHAR(100) NULL,
    leased_until    TIMESTAMPTZ NULL,
    created_by      VARCHAR(100) NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    subscription_id  UUID NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    seq              BIGINT NOT NULL,
    event_id         VARCHAR(100) NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    attempt          INTEGER NOT NULL,
    manual           BOOLEAN NOT NULL,
    status_code      INTEGER NULL,
    duration_ms      INTEGER NOT NULL,
    response_excerpt VARCHAR(1100) NULL,
    error            VARCHAR(1000) NULL,
    succeeded        BOOLEAN NOT NULL,
    attempted_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, attempted_at);
