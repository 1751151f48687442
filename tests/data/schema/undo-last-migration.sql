-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0019 (the aggregates as recorded): back to 0018 without them; the upgrade makes them again from the
-- spans. A new migration replaces this file with its own undo.
DROP TABLE stat_recorded;
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
