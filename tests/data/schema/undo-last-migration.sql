-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0028 (the persons each household-level event keeps): back to 0022's index on the effective day and no
-- column; the upgrade adds the column, fills it from the memberships and makes the wider index again. A new
-- migration replaces this file with its own undo.
DROP INDEX change_event_effective;
ALTER TABLE change_event DROP COLUMN persons;
CREATE INDEX change_event_effective ON change_event (effective, village, type, member_id, recorded_at,
	household_id, target_household_id, from_status, to_status);
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
