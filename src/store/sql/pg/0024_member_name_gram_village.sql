-- 0024_member_name_gram_village.sql (PostgreSQL): the name index carries each member's village too (issue 20
-- point 3), in its key after the gram: (gram, village, household_id, member_id), the same table as on SQLite.
-- A search in a town or a village reads only the range of its own villages. A household never changes village
-- (0022), so a member's village changes only when the member moves, which the row trigger follows as before;
-- inserts stay one statement per COPY from the transition table, joined to household for the village.
-- It can run again over itself (cli/t0102 runs the last migrations again).
DROP TABLE IF EXISTS member_name_gram_new;
CREATE TABLE member_name_gram_new (
	gram TEXT COLLATE "C" NOT NULL,
	village BIGINT NOT NULL,
	household_id BIGINT NOT NULL,
	member_id BIGINT NOT NULL,
	PRIMARY KEY (gram, village, household_id, member_id)
);
INSERT INTO member_name_gram_new (gram, village, household_id, member_id)
SELECT g.gram, h.village, g.household_id, g.member_id FROM member_name_gram g JOIN household h ON h.id = g.household_id;
DROP TABLE member_name_gram;
ALTER TABLE member_name_gram_new RENAME TO member_name_gram;
ALTER INDEX member_name_gram_new_pkey RENAME TO member_name_gram_pkey;

CREATE OR REPLACE FUNCTION member_name_gram_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO member_name_gram (gram, village, household_id, member_id)
	SELECT g, h.village, n.household_id, n.id FROM new_members n JOIN household h ON h.id = n.household_id
		CROSS JOIN LATERAL member_name_grams(n.name) g
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION member_name_gram_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM member_name_gram WHERE village = (SELECT h.village FROM household h WHERE h.id = OLD.household_id)
			AND household_id = OLD.household_id AND member_id = OLD.id AND gram IN (SELECT member_name_grams(OLD.name));
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO member_name_gram (gram, village, household_id, member_id)
		SELECT g, (SELECT h.village FROM household h WHERE h.id = NEW.household_id), NEW.household_id, NEW.id
		FROM member_name_grams(NEW.name) g ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END
$$;
