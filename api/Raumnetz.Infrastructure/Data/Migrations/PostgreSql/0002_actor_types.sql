-- The editable list of actor types, with the kinds of organisations network work brings together.
INSERT INTO actor_types (code, name_de, name_en, version, created_at, updated_at) VALUES
('public-authority',    'Behörde / Verwaltung',        'Public authority',       1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('job-centre',          'Jobcenter',                    'Job centre',             1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('youth-office',        'Jugendamt',                    'Youth office',           1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('social-office',       'Sozialamt',                    'Social office',          1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('school-office',       'Schulamt / Schulverwaltung',   'School office',          1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('school',              'Schule',                       'School',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('daycare',             'Kita',                         'Day-care centre',        1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('welfare-association', 'Wohlfahrtsverband',            'Welfare association',    1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('church',              'Kirchengemeinde',              'Church',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('association',         'Verein',                       'Association',            1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('citizen-initiative',  'Bürgerinitiative',             'Citizen initiative',     1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('business',            'Unternehmen',                  'Business',               1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('chamber',             'Kammer / Innung',              'Chamber / guild',        1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('housing-company',     'Wohnungsunternehmen',          'Housing company',        1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('police',              'Polizei',                      'Police',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('person',              'Person',                       'Person',                 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
('other',               'Sonstige',                     'Other',                  1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
