-- 0018_member_name_gram_household.sql (SQLite): the name index carries each member's household (issue 20 point
-- 3), so a search finds the households of its matches from the index alone, without reading the members: a
-- two-character query is one range of the key (gram = the query: the bigrams are exact, nothing to confirm),
-- a longer one keeps the members having its first and its last bigram (both through the key) and confirms
-- only those on their names. The key is (gram, household_id, member_id): the households of a gram come in
-- order, each member's other grams are found by the whole key. member.household_id changes when a member moves
-- (人员变动 to another household, a split, a merge: STMT_MEMBER_UPDATE), so the update trigger now fires on
-- a change of the household as well as of the name; like 0016's, the triggers keep the index in the same
-- statement as every write to member, whatever makes it (events, corrections, proposals, imports,
-- migrate-data), and none can forget it.
DROP TRIGGER member_name_gram_insert;
DROP TRIGGER member_name_gram_update;
DROP TRIGGER member_name_gram_delete;

CREATE TABLE member_name_gram_new (
	gram TEXT NOT NULL,
	household_id INTEGER NOT NULL,
	member_id INTEGER NOT NULL,
	PRIMARY KEY (gram, household_id, member_id)
) WITHOUT ROWID;
INSERT INTO member_name_gram_new (gram, household_id, member_id)
SELECT g.gram, m.household_id, g.member_id FROM member_name_gram g JOIN member m ON m.id = g.member_id
ORDER BY 1, 2, 3;
DROP TABLE member_name_gram;
ALTER TABLE member_name_gram_new RENAME TO member_name_gram;

CREATE TRIGGER member_name_gram_insert AFTER INSERT ON member BEGIN
	INSERT OR IGNORE INTO member_name_gram (gram, household_id, member_id)
	SELECT substr(replace(NEW.name, ' ', ''), p.i, 2), NEW.household_id, NEW.id FROM (WITH RECURSIVE s(i) AS
		(SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < length(replace(NEW.name, ' ', '')) - 1) SELECT i FROM s) p
	WHERE length(replace(NEW.name, ' ', '')) >= 2;
END;

CREATE TRIGGER member_name_gram_update AFTER UPDATE OF name, household_id ON member
WHEN OLD.name IS NOT NEW.name OR OLD.household_id IS NOT NEW.household_id BEGIN
	DELETE FROM member_name_gram WHERE household_id = OLD.household_id AND member_id = OLD.id AND gram IN (
		SELECT substr(replace(OLD.name, ' ', ''), p.i, 2) FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM s WHERE i < length(replace(OLD.name, ' ', '')) - 1) SELECT i FROM s) p);
	INSERT OR IGNORE INTO member_name_gram (gram, household_id, member_id)
	SELECT substr(replace(NEW.name, ' ', ''), p.i, 2), NEW.household_id, NEW.id FROM (WITH RECURSIVE s(i) AS
		(SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < length(replace(NEW.name, ' ', '')) - 1) SELECT i FROM s) p
	WHERE length(replace(NEW.name, ' ', '')) >= 2;
END;

CREATE TRIGGER member_name_gram_delete AFTER DELETE ON member BEGIN
	DELETE FROM member_name_gram WHERE household_id = OLD.household_id AND member_id = OLD.id AND gram IN (
		SELECT substr(replace(OLD.name, ' ', ''), p.i, 2) FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM s WHERE i < length(replace(OLD.name, ' ', '')) - 1) SELECT i FROM s) p);
END;
