-- ASP.NET Core data-protection keys (session cookies, antiforgery tokens), shared by every API instance.
CREATE TABLE data_protection_keys (
    friendly_name NVARCHAR(200) PRIMARY KEY,
    xml           NVARCHAR(MAX) NOT NULL,
    created_at    DATETIMEOFFSET NOT NULL
);
