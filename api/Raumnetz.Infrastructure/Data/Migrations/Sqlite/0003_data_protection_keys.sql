-- ASP.NET Core data-protection keys (session cookies, antiforgery tokens), shared by every API instance.
CREATE TABLE data_protection_keys (
    friendly_name TEXT PRIMARY KEY,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
