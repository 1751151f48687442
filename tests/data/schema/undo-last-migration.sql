-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0021 (the registry generation's notes of the transactions that move it, a table that stays empty on
-- SQLite): back to 0020 without it; the upgrade makes it again. A new migration replaces this file with its
-- own undo.
DROP TABLE registry_generation_due;
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
