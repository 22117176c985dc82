-- The network that owns an indicator set must exist. SQLite cannot add a foreign key to an existing table without
-- rebuilding it (and the tables that reference it), so here the handlers' check (400 on networkId) is what holds it;
-- networks are never deleted, only ended. PostgreSQL and SQL Server also get the constraint in their 0021.
CREATE INDEX ix_indicator_sets_network ON indicator_sets(network_id);
