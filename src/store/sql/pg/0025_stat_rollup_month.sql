-- 0025_stat_rollup_month.sql (PostgreSQL): the roll-ups summed by month beside their days (issue 20 point 2). The
-- figures of a town, county, city or province as of a day were the sum of every day's row up to it: years of
-- days, about 1,800 rows for each division and status after five years of exits. A month's row holds the sum of
-- its days' rows (month = day / 100, as 201612), written by the same statement path in the same transaction
-- (store_agg_add_many), so a day's figures read the months before its own and the days of its own month.
-- It can run again over itself (cli/t0102 runs the last migrations again).
DROP TABLE IF EXISTS stat_rollup_month;
CREATE TABLE stat_rollup_month (
	level INTEGER NOT NULL,
	division BIGINT NOT NULL,
	status TEXT COLLATE "C" NOT NULL,
	month INTEGER NOT NULL,
	households BIGINT NOT NULL,
	persons BIGINT NOT NULL,
	PRIMARY KEY (level, division, status, month)
);
INSERT INTO stat_rollup_month (level, division, status, month, households, persons)
	SELECT level, division, status, day / 100, SUM(households), SUM(persons) FROM stat_rollup
	GROUP BY level, division, status, day / 100;
