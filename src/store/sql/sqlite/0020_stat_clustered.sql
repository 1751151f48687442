-- 0020_stat_clustered.sql (SQLite): the aggregates stored in their key's order (issue 20 point 2). stat_delta
-- and stat_rollup were rowid tables with their primary key as a second b-tree: every row a sum read (a
-- county's towns over years of days: tens of thousands) cost a look-up from the key's index into the table.
-- WITHOUT ROWID keeps each row in the key's b-tree itself, as stat_recorded (0019) already is, so a range of
-- the key is one sequential read, and each write one b-tree instead of two. Same columns, keys and rows.
CREATE TABLE stat_delta_clustered (
	village INTEGER NOT NULL,
	status TEXT NOT NULL,
	day INTEGER NOT NULL,
	households INTEGER NOT NULL,
	persons INTEGER NOT NULL,
	PRIMARY KEY (village, status, day)
) WITHOUT ROWID;
INSERT INTO stat_delta_clustered (village, status, day, households, persons)
	SELECT village, status, day, households, persons FROM stat_delta;
DROP TABLE stat_delta;
ALTER TABLE stat_delta_clustered RENAME TO stat_delta;

CREATE TABLE stat_rollup_clustered (
	level INTEGER NOT NULL,
	division INTEGER NOT NULL,
	status TEXT NOT NULL,
	day INTEGER NOT NULL,
	households INTEGER NOT NULL,
	persons INTEGER NOT NULL,
	PRIMARY KEY (level, division, status, day)
) WITHOUT ROWID;
INSERT INTO stat_rollup_clustered (level, division, status, day, households, persons)
	SELECT level, division, status, day, households, persons FROM stat_rollup;
DROP TABLE stat_rollup;
ALTER TABLE stat_rollup_clustered RENAME TO stat_rollup;
