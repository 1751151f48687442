-- 0024_member_name_gram_village.sql (SQLite): the name index carries each member's village too (issue 20 point
-- 3), in its key after the gram: (gram, village, household_id, member_id). A search in a town or a village
-- reads only the range of its own villages, not every match of the county or the province (a common
-- two-character part of a name matches hundreds of households in a county, a few in a village). A household
-- never changes village (0022), so a member's village changes only when the member moves to another
-- household, which the update trigger follows as before; the triggers look the village up in household,
-- which is always there first (member.household_id references it and households are never deleted).
-- It can run again over itself (cli/t0102 runs the last migrations again).
DROP TRIGGER IF EXISTS member_name_gram_insert;
DROP TRIGGER IF EXISTS member_name_gram_update;
DROP TRIGGER IF EXISTS member_name_gram_delete;

DROP TABLE IF EXISTS member_name_gram_new;
CREATE TABLE member_name_gram_new (
	gram TEXT NOT NULL,
	village INTEGER NOT NULL,
	household_id INTEGER NOT NULL,
	member_id INTEGER NOT NULL,
	PRIMARY KEY (gram, village, household_id, member_id)
) WITHOUT ROWID;
INSERT INTO member_name_gram_new (gram, village, household_id, member_id)
SELECT g.gram, h.village, g.household_id, g.member_id FROM member_name_gram g JOIN household h ON h.id = g.household_id
ORDER BY 1, 2, 3, 4;
DROP TABLE member_name_gram;
ALTER TABLE member_name_gram_new RENAME TO member_name_gram;

CREATE TRIGGER member_name_gram_insert AFTER INSERT ON member BEGIN
	INSERT OR IGNORE INTO member_name_gram (gram, village, household_id, member_id)
	SELECT substr(replace(NEW.name, ' ', ''), p.i, 2), (SELECT h.village FROM household h WHERE h.id = NEW.household_id),
		NEW.household_id, NEW.id FROM (WITH RECURSIVE s(i) AS
		(SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < length(replace(NEW.name, ' ', '')) - 1) SELECT i FROM s) p
	WHERE length(replace(NEW.name, ' ', '')) >= 2;
END;

CREATE TRIGGER member_name_gram_update AFTER UPDATE OF name, household_id ON member
WHEN OLD.name IS NOT NEW.name OR OLD.household_id IS NOT NEW.household_id BEGIN
	DELETE FROM member_name_gram WHERE village = (SELECT h.village FROM household h WHERE h.id = OLD.household_id)
		AND household_id = OLD.household_id AND member_id = OLD.id AND gram IN (
		SELECT substr(replace(OLD.name, ' ', ''), p.i, 2) FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM s WHERE i < length(replace(OLD.name, ' ', '')) - 1) SELECT i FROM s) p);
	INSERT OR IGNORE INTO member_name_gram (gram, village, household_id, member_id)
	SELECT substr(replace(NEW.name, ' ', ''), p.i, 2), (SELECT h.village FROM household h WHERE h.id = NEW.household_id),
		NEW.household_id, NEW.id FROM (WITH RECURSIVE s(i) AS
		(SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < length(replace(NEW.name, ' ', '')) - 1) SELECT i FROM s) p
	WHERE length(replace(NEW.name, ' ', '')) >= 2;
END;

CREATE TRIGGER member_name_gram_delete AFTER DELETE ON member BEGIN
	DELETE FROM member_name_gram WHERE village = (SELECT h.village FROM household h WHERE h.id = OLD.household_id)
		AND household_id = OLD.household_id AND member_id = OLD.id AND gram IN (
		SELECT substr(replace(OLD.name, ' ', ''), p.i, 2) FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM s WHERE i < length(replace(OLD.name, ' ', '')) - 1) SELECT i FROM s) p);
END;
