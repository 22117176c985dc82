-- Webhooks (issue 16): subscriptions of partner systems to the changes feed (entity_changes, 0059) and the log of every
-- delivery attempt. A subscription keeps its own position (last_seq) in the feed and advances it only after a 2xx, so the
-- feed is the outbox: an event exists exactly when its change committed. next_attempt_at/attempts carry the retry
-- schedule across restarts; leased_by/leased_until let one instance at a time deliver for a subscription. secret is the
-- signing secret protected with ASP.NET Data Protection (never returned after creation).
CREATE TABLE webhook_subscriptions (
    id              UNIQUEIDENTIFIER PRIMARY KEY,
    url             NVARCHAR(500) NOT NULL,
    event_types     NVARCHAR(MAX) NOT NULL,
    secret          NVARCHAR(MAX) NOT NULL,
    description     NVARCHAR(500) NULL,
    active          BIT NOT NULL,
    disabled_reason NVARCHAR(1000) NULL,
    disabled_at     DATETIMEOFFSET NULL,
    last_seq        BIGINT NOT NULL,
    next_attempt_at DATETIMEOFFSET NULL,
    failing_since   DATETIMEOFFSET NULL,
    attempts        INT NOT NULL DEFAULT 0,
    leased_by       NVARCHAR(100) NULL,
    leased_until    DATETIMEOFFSET NULL,
    created_by      NVARCHAR(100) NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               UNIQUEIDENTIFIER PRIMARY KEY,
    subscription_id  UNIQUEIDENTIFIER NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    seq              BIGINT NOT NULL,
    event_id         NVARCHAR(100) NOT NULL,
    event_type       NVARCHAR(100) NOT NULL,
    attempt          INT NOT NULL,
    manual           BIT NOT NULL,
    status_code      INT NULL,
    duration_ms      INT NOT NULL,
    response_excerpt NVARCHAR(1100) NULL,
    error            NVARCHAR(1000) NULL,
    succeeded        BIT NOT NULL,
    attempted_at     DATETIMEOFFSET NOT NULL
);

CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, attempted_at);
