-- Per-user preferences (issue 14, the start page as a dashboard): the indicator sets, level, area and map indicator the
-- user chose for the dashboard, as one JSON document (UserPreferences in the Application). One row per user, created on
-- the first save; removed with the user.
CREATE TABLE user_preferences (
    user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    dashboard  TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
