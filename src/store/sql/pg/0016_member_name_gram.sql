-- 0016_member_name_gram.sql (PostgreSQL): the name search's index (issue 20), the same table as on SQLite:
-- every bigram of each member's name with its spaces removed, looked up by the query's first bigram and
-- confirmed with strpos(replace(name, ' ', ''), q), so the result is exactly the scan's. Kept by triggers in
-- the same transaction as every write that inserts a member or changes a name. Inserts are handled once per
-- statement from its transition table, so a COPY of a registry adds its grams in one INSERT ... SELECT.
-- (pg_trgm was not used: its trigrams need three characters and its similarity search is not an exact
-- substring search on two Chinese characters; a plain table is the same on both engines.)
CREATE TABLE member_name_gram (
	gram TEXT COLLATE "C" NOT NULL,
	member_id BIGINT NOT NULL,
	PRIMARY KEY (gram, member_id)
);

CREATE FUNCTION member_name_grams(member_name TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT DISTINCT substr(x.n, i, 2) COLLATE "C" FROM (SELECT replace(member_name, ' ', '') AS n) x,
		generate_series(1, length(x.n) - 1) i
$$;

CREATE FUNCTION member_name_gram_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO member_name_gram (gram, member_id)
	SELECT g, n.id FROM new_members n CROSS JOIN LATERAL member_name_grams(n.name) g ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;
CREATE TRIGGER member_name_gram_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_members
	FOR EACH STATEMENT EXECUTE FUNCTION member_name_gram_insert();

CREATE FUNCTION member_name_gram_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM member_name_gram WHERE member_id = OLD.id AND gram IN (SELECT member_name_grams(OLD.name));
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO member_name_gram (gram, member_id)
		SELECT g, NEW.id FROM member_name_grams(NEW.name) g ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER member_name_gram_update AFTER UPDATE OF name ON member FOR EACH ROW
	WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION member_name_gram_change();
CREATE TRIGGER member_name_gram_delete AFTER DELETE ON member FOR EACH ROW EXECUTE FUNCTION member_name_gram_change();

-- the members already there
INSERT INTO member_name_gram (gram, member_id) SELECT g, m.id FROM member m CROSS JOIN LATERAL member_name_grams(m.name) g;
