-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0023 (the household list's index, widened): back to 0022's index on (village, status); the upgrade widens
-- it again. A new migration replaces this file with its own undo.
DROP INDEX household_village;
CREATE INDEX household_village ON household (village, status);
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
