-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0020 (the aggregates stored in their key's order): back to 0019's rowid tables, same rows; the upgrade
-- rebuilds them. A new migration replaces this file with its own undo.
CREATE TABLE stat_delta_rowid (
	village INTEGER NOT NULL,
	status TEXT NOT NULL,
	day INTEGER NOT NULL,
	households INTEGER NOT NULL,
	persons INTEGER NOT NULL,
	PRIMARY KEY (village, status, day)
);
INSERT INTO stat_delta_rowid SELECT village, status, day, households, persons FROM stat_delta;
DROP TABLE stat_delta;
ALTER TABLE stat_delta_rowid RENAME TO stat_delta;
CREATE TABLE stat_rollup_rowid (
	level INTEGER NOT NULL,
	division INTEGER NOT NULL,
	status TEXT NOT NULL,
	day INTEGER NOT NULL,
	households INTEGER NOT NULL,
	persons INTEGER NOT NULL,
	PRIMARY KEY (level, division, status, day)
);
INSERT INTO stat_rollup_rowid SELECT level, division, status, day, households, persons FROM stat_rollup;
DROP TABLE stat_rollup;
ALTER TABLE stat_rollup_rowid RENAME TO stat_rollup;
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
