-- 0022_change_event_village.sql (SQLite): the change reports at a province's size (issue 20 point 7).
-- 1. Every event carries its household's village. A household never changes village, so the value is the
--    household's for good. The change reports and the change table select events by day and by division:
--    they joined each event to its household for the village, one look-up in a table of millions of rows an
--    event.
-- 2. The index on the effective day carries what the change reports and the change table read of an event
--    (village, type, member, recording instant, households, statuses), and the index of a household's
--    memberships what they read of those (days, recording instants, member): both are read from the indexes
--    alone. A year of the province of 10^7 persons (333,334 exits, 1,333,336 persons): the change report
--    4.9 -> 1.6 s, the change table 4.4 -> 2.0 s (docs/PERFORMANCE.md, "The change report").
ALTER TABLE change_event ADD COLUMN village INTEGER NOT NULL DEFAULT 0;
UPDATE change_event SET village = (SELECT h.village FROM household h WHERE h.id = change_event.household_id);
DROP INDEX IF EXISTS change_event_effective;
CREATE INDEX change_event_effective ON change_event (effective, village, type, member_id, recorded_at,
	household_id, target_household_id, from_status, to_status);
DROP INDEX IF EXISTS membership_span_household;
CREATE INDEX membership_span_household ON membership_span (household_id, recorded_to, valid_from, valid_to,
	recorded_from, member_id);
