-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0024 (the name index's key with each member's village): back to 0023's key (gram, household_id,
-- member_id) and its triggers; the upgrade makes the wider key again. A new migration replaces this file with
-- its own undo.
DROP TRIGGER member_name_gram_insert;
DROP TRIGGER member_name_gram_update;
DROP TRIGGER member_name_gram_delete;
CREATE TABLE member_name_gram_old (
	gram TEXT NOT NULL,
	household_id INTEGER NOT NULL,
	member_id INTEGER NOT NULL,
	PRIMARY KEY (gram, household_id, member_id)
) WITHOUT ROWID;
INSERT INTO member_name_gram_old SELECT gram, household_id, member_id FROM member_name_gram;
DROP TABLE member_name_gram;
ALTER TABLE member_name_gram_old RENAME TO member_name_gram;
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
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
