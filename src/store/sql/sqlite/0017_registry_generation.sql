-- 0017_registry_generation.sql (SQLite): the registry's generation (issue 20 point 5). One row whose value
-- every write to the registry replaces with a new random one, in the same transaction, through the triggers
-- below on every table the household page shows (division names, households, members, their spans, events
-- and their supersessions, incomes and their revisions): whatever writes them — the importers, events,
-- corrections, incomes, proposals, migrate-data, a restore's pages, a sqlite3 shell — cannot forget it. Logins,
-- sessions, tokens and audit rows do not touch it. The page cache (src/http/page_cache.c) keys its pages on it.
-- A random value rather than a count: a state restored from a backup, or another database, never takes up the
-- value of a later state, so a value always means one state of the registry.
CREATE TABLE registry_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	gen INTEGER NOT NULL,
	tx INTEGER              -- PostgreSQL's: the transaction that moved it last; unused here (one writer)
);
INSERT INTO registry_generation (id, gen) VALUES (1, random());
CREATE TRIGGER registry_generation_division_insert AFTER INSERT ON division BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_division_update AFTER UPDATE ON division BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_division_delete AFTER DELETE ON division BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_household_insert AFTER INSERT ON household BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_household_update AFTER UPDATE ON household BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_household_delete AFTER DELETE ON household BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_member_insert AFTER INSERT ON member BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_member_update AFTER UPDATE ON member BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_member_delete AFTER DELETE ON member BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_household_status_span_insert AFTER INSERT ON household_status_span BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_household_status_span_update AFTER UPDATE ON household_status_span BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_household_status_span_delete AFTER DELETE ON household_status_span BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_membership_span_insert AFTER INSERT ON membership_span BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_membership_span_update AFTER UPDATE ON membership_span BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_membership_span_delete AFTER DELETE ON membership_span BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_change_event_insert AFTER INSERT ON change_event BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_change_event_update AFTER UPDATE ON change_event BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_change_event_delete AFTER DELETE ON change_event BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_event_supersession_insert AFTER INSERT ON event_supersession BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_event_supersession_update AFTER UPDATE ON event_supersession BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_event_supersession_delete AFTER DELETE ON event_supersession BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_income_year_insert AFTER INSERT ON income_year BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_income_year_update AFTER UPDATE ON income_year BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_income_year_delete AFTER DELETE ON income_year BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_income_revision_insert AFTER INSERT ON income_revision BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_income_revision_update AFTER UPDATE ON income_revision BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
CREATE TRIGGER registry_generation_income_revision_delete AFTER DELETE ON income_revision BEGIN
	UPDATE registry_generation SET gen = random() WHERE id = 1;
END;
