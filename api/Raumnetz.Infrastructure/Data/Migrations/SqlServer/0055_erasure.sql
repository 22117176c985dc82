-- GDPR erasure (issue 15): when a person (actor) or an account (user) was anonymised. Their name and contact data are
-- replaced then; the rows stay so that network history (members, attendance) keeps its counts.
ALTER TABLE actors ADD erased_at DATETIMEOFFSET NULL;
ALTER TABLE users ADD erased_at DATETIMEOFFSET NULL;
