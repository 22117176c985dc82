-- The editable list of actor types, with the kinds of organisations network work brings together.
INSERT INTO actor_types (code, name_de, name_en, version, created_at, updated_at) VALUES
('public-authority',    'Behörde / Verwaltung',        'Public authority',       1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('job-centre',          'Jobcenter',                    'Job centre',             1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('youth-office',        'Jugendamt',                    'Youth office',           1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('social-office',       'Sozialamt',                    'Social office',          1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('school-office',       'Schulamt / Schulverwaltung',   'School office',          1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('school',              'Schule',                       'School',                 1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('daycare',             'Kita',                         'Day-care centre',        1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('welfare-association', 'Wohlfahrtsverband',            'Welfare association',    1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('church',              'Kirchengemeinde',              'Church',                 1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('association',         'Verein',                       'Association',            1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('citizen-initiative',  'Bürgerinitiative',             'Citizen initiative',     1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('business',            'Unternehmen',                  'Business',               1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('chamber',             'Kammer / Innung',              'Chamber / guild',        1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('housing-company',     'Wohnungsunternehmen',          'Housing company',        1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('police',              'Polizei',                      'Police',                 1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('person',              'Person',                       'Person',                 1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
('other',               'Sonstige',                     'Other',                  1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
