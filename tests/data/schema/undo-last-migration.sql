-- undo-last-migration.sql: takes a SQLite database at the latest schema back to the one before, as an older
-- build left it (cli/t0905, pkg/t0900: doctor and the upgrade on a database one migration behind). The latest
-- is 0018 (the name index with households): back to 0016's index, triggers and all. A new migration replaces
-- this file with its own undo.
DROP TRIGGER member_name_gram_insert;
DROP TRIGGER member_name_gram_update;
DROP TRIGGER member_name_gram_delete;
DROP TABLE member_name_gram;
CREATE TABLE member_name_gram (
	gram TEXT NOT NULL,
	member_id INTEGER NOT NULL,
	PRIMARY KEY (gram, member_id)
) WITHOUT ROWID;

CREATE TRIGGER member_name_gram_insert AFTER INSERT ON member BEGIN
	INSERT OR IGNORE INTO member_name_gram (gram, member_id)
	SELECT substr(replace(NEW.name, ' ', ''), p.i, 2), NEW.id FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
		SELECT i + 1 FROM s WHERE i < length(replace(NEW.name, ' ', '')) - 1) SELECT i FROM s) p
	WHERE length(replace(NEW.name, ' ', '')) >= 2;
END;

CREATE TRIGGER member_name_gram_update AFTER UPDATE OF name ON member WHEN OLD.name IS NOT NEW.name BEGIN
	DELETE FROM member_name_gram WHERE member_id = OLD.id AND gram IN (
		SELECT substr(replace(OLD.name, ' ', ''), p.i, 2) FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM s WHERE i < length(replace(OLD.name, ' ', '')) - 1) SELECT i FROM s) p);
	INSERT OR IGNORE INTO member_name_gram (gram, member_id)
	SELECT substr(replace(NEW.name, ' ', ''), p.i, 2), NEW.id FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
		SELECT i + 1 FROM s WHERE i < length(replace(NEW.name, ' ', '')) - 1) SELECT i FROM s) p
	WHERE length(replace(NEW.name, ' ', '')) >= 2;
END;

CREATE TRIGGER member_name_gram_delete AFTER DELETE ON member BEGIN
	DELETE FROM member_name_gram WHERE member_id = OLD.id AND gram IN (
		SELECT substr(replace(OLD.name, ' ', ''), p.i, 2) FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM s WHERE i < length(replace(OLD.name, ' ', '')) - 1) SELECT i FROM s) p);
END;

INSERT OR IGNORE INTO member_name_gram (gram, member_id)
WITH RECURSIVE g(id, n, i) AS (SELECT id, replace(name, ' ', ''), 1 FROM member
	WHERE length(replace(name, ' ', '')) >= 2 UNION ALL SELECT id, n, i + 1 FROM g WHERE i < length(n) - 1)
SELECT substr(n, i, 2), id FROM g;
DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations);
