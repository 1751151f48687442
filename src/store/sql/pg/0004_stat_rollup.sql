-- 0004_stat_rollup.sql: the aggregates of stat_delta rolled up to towns, counties, cities and provinces, kept
-- in the same transaction as stat_delta, so a county's or a province's figures read a handful of rows instead
-- of one row per village and day. level is 1 province .. 4 town; division the truncated NBS code.
CREATE TABLE stat_rollup (
	level INTEGER NOT NULL,
	division BIGINT NOT NULL,
	status TEXT COLLATE "C" NOT NULL,
	day INTEGER NOT NULL,
	households BIGINT NOT NULL,
	persons BIGINT NOT NULL,
	PRIMARY KEY (level, division, status, day)
);
INSERT INTO stat_rollup (level, division, status, day, households, persons)
	SELECT 4, village / 1000 * 1000, status, day, SUM(households), SUM(persons) FROM stat_delta
	GROUP BY village / 1000, status, day;
INSERT INTO stat_rollup (level, division, status, day, households, persons)
	SELECT 3, village / 1000000 * 1000000, status, day, SUM(households), SUM(persons) FROM stat_delta
	GROUP BY village / 1000000, status, day;
INSERT INTO stat_rollup (level, division, status, day, households, persons)
	SELECT 2, village / 100000000 * 100000000, status, day, SUM(households), SUM(persons) FROM stat_delta
	GROUP BY village / 100000000, status, day;
INSERT INTO stat_rollup (level, division, status, day, households, persons)
	SELECT 1, village / 10000000000 * 10000000000, status, day, SUM(households), SUM(persons) FROM stat_delta
	GROUP BY village / 10000000000, status, day;
