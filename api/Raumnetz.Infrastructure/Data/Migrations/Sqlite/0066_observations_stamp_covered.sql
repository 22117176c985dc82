-- Scale (issue 17): the export's ETag reads COUNT(*) and MAX(updated_at) of the values it depends on (its indicators in the
-- exported years, every space, since the withheld cells are decided over every space). Index 0064 finds those values but
-- not their updated_at, so on a state-sized database (24,000,000 values) PostgreSQL scanned the whole table for it. The
-- same index, now holding updated_at too, answers the stamp from the index alone: its cost follows the values the
-- export depends on, not the table. SQLite has no INCLUDE: updated_at is the index's last column.
-- Same name, same key columns: every query that used 0064 uses it the same way.
DROP INDEX ix_observations_indicator_months;
CREATE INDEX ix_observations_indicator_months ON observations (indicator_id, first_month, last_month, updated_at);
