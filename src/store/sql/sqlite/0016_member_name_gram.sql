-- 0016_member_name_gram.sql (SQLite): the name search's index (issue 20). Every two consecutive characters
-- (bigram) of each member's name with its spaces removed, the same text the search confirms with
-- instr(replace(name, ' ', ''), q): a query of two or more characters is looked up by its first bigram through
-- the primary key and then confirmed on those members only, so its result is exactly the scan's. Derived from
-- member.name alone and kept by the triggers below in the same statement as every write that inserts a member
-- or changes a name (imports, corrections, proposals, migrate-data): no store path can forget it. A name of
-- one character has no bigram (a one-character query keeps the scan). No foreign key: the grams are deleted
-- by the member's own trigger, found through the primary key from the old name's bigrams.
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

-- the members already there
INSERT OR IGNORE INTO member_name_gram (gram, member_id)
WITH RECURSIVE g(id, n, i) AS (SELECT id, replace(name, ' ', ''), 1 FROM member
	WHERE length(replace(name, ' ', '')) >= 2 UNION ALL SELECT id, n, i + 1 FROM g WHERE i < length(n) - 1)
SELECT substr(n, i, 2), id FROM g;
