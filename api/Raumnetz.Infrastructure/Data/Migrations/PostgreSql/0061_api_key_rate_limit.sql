-- Quotas (issue 16): an API key's own request limit per minute, set by an administrator at creation or later
-- (POST /api/v1/api-keys/{id}/rate-limit). NULL: the configured default for keys (Raumnetz:RateLimits:PerKeyPerMinute).
ALTER TABLE api_keys ADD COLUMN rate_limit_per_minute INTEGER NULL;
