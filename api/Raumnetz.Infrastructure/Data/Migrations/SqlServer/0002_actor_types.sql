-- The editable list of actor types, with the kinds of organisations network work brings together.
INSERT INTO actor_types (code, name_de, name_en, version, created_at, updated_at) VALUES
(N'public-authority',    N'Behörde / Verwaltung',        N'Public authority',       1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'job-centre',          N'Jobcenter',                    N'Job centre',             1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'youth-office',        N'Jugendamt',                    N'Youth office',           1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'social-office',       N'Sozialamt',                    N'Social office',          1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'school-office',       N'Schulamt / Schulverwaltung',   N'School office',          1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'school',              N'Schule',                       N'School',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'daycare',             N'Kita',                         N'Day-care centre',        1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'welfare-association', N'Wohlfahrtsverband',            N'Welfare association',    1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'church',              N'Kirchengemeinde',              N'Church',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'association',         N'Verein',                       N'Association',            1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'citizen-initiative',  N'Bürgerinitiative',             N'Citizen initiative',     1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'business',            N'Unternehmen',                  N'Business',               1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'chamber',             N'Kammer / Innung',              N'Chamber / guild',        1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'housing-company',     N'Wohnungsunternehmen',          N'Housing company',        1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'police',              N'Polizei',                      N'Police',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'person',              N'Person',                       N'Person',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
(N'other',               N'Sonstige',                     N'Other',                  1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
