-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0022 (each event's village, and the two indexes a change report reads from): back to 0021 without them;
-- the upgrade makes them again. A new migration replaces this file with its own undo.
DROP INDEX change_event_effective;
ALTER TABLE change_event DROP COLUMN village;
CREATE INDEX change_event_effective ON change_event (effective);
DROP INDEX membership_span_household;
CREATE INDEX membership_span_household ON membership_span (household_id, recorded_to);
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
