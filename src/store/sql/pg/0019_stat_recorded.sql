-- 0019_stat_recorded.sql (PostgreSQL): the aggregates as recorded (issue 20 point 2). stat_delta says how the
-- counts change from day to day as now known; stat_recorded says as well when each change was recorded, so
-- `stats --recorded-at T` sums the rows recorded up to T instead of scanning every span. Each write
-- transaction adds its deltas under its own recording instant, in the same transaction as stat_delta
-- (store_agg_add). A household status span counts +1 on the rectangle [valid_from, valid_to) x
-- [recorded_from, recorded_to); a member counts +1 person where a membership span and a status span of the
-- same household overlap. Counts as of day D recorded at T are then the sum of the rows with day <= D and
-- recorded_at <= T, where each rectangle gives +1 at (from, from), -1 at (to, from) and (from, to), +1 at
-- (to, to); an open end gives no corner. The rows here are made that way from the spans; the transactions'
-- deltas afterwards give the same rows (the sums per key are unique), which tests/cli/t0265 checks.
CREATE TABLE stat_recorded (
	village BIGINT NOT NULL,
	status TEXT COLLATE "C" NOT NULL,
	day INTEGER NOT NULL,
	recorded_at BIGINT NOT NULL,
	households BIGINT NOT NULL,
	persons BIGINT NOT NULL,
	PRIMARY KEY (village, status, day, recorded_at)
);

INSERT INTO stat_recorded (village, status, day, recorded_at, households, persons)
WITH r(village, status, vf, vt, rf, rt, h, p) AS (
	SELECT h.village, s.status, s.valid_from, s.valid_to, s.recorded_from, s.recorded_to, 1, 0
	FROM household_status_span s JOIN household h ON h.id = s.household_id
	UNION ALL
	SELECT h.village, s.status, GREATEST(m.valid_from, s.valid_from), LEAST(m.valid_to, s.valid_to),
		GREATEST(m.recorded_from, s.recorded_from), LEAST(m.recorded_to, s.recorded_to), 0, 1
	FROM membership_span m JOIN household_status_span s ON s.household_id = m.household_id
	JOIN household h ON h.id = m.household_id
), c(k) AS (VALUES (0), (1), (2), (3))
SELECT r.village, r.status, CASE WHEN c.k IN (1, 3) THEN r.vt ELSE r.vf END,
	CASE WHEN c.k >= 2 THEN r.rt ELSE r.rf END,
	SUM(CASE WHEN c.k IN (1, 2) THEN -r.h ELSE r.h END), SUM(CASE WHEN c.k IN (1, 2) THEN -r.p ELSE r.p END)
FROM r CROSS JOIN c
WHERE r.vf < r.vt AND r.rf < r.rt AND NOT (c.k IN (1, 3) AND r.vt = 99991231)
	AND NOT (c.k >= 2 AND r.rt = 99991231235959)
GROUP BY 1, 2, 3, 4
HAVING SUM(CASE WHEN c.k IN (1, 2) THEN -r.h ELSE r.h END) <> 0 OR SUM(CASE WHEN c.k IN (1, 2) THEN -r.p ELSE r.p END) <> 0;
