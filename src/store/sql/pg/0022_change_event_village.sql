-- 0022_change_event_village.sql (PostgreSQL): the change reports at a province's size (issue 20 point 7).
-- 1. Every event carries its household's village. A household never changes village, so the value is the
--    household's for good. The change reports and the change table select events by day and by division:
--    they joined each event to its household for the village, one look-up an event.
-- 2. The index on the effective day carries what the change reports and the change table read of an event,
--    and the index of a household's memberships what they read of those, so that both can be read from the
--    indexes alone.
-- It can run again over itself (cli/t0102 runs the last migrations again).
ALTER TABLE change_event ADD COLUMN IF NOT EXISTS village BIGINT;
UPDATE change_event e SET village = h.village FROM household h WHERE h.id = e.household_id
	AND e.village IS DISTINCT FROM h.village;
ALTER TABLE change_event ALTER COLUMN village SET NOT NULL;
DROP INDEX IF EXISTS change_event_effective;
CREATE INDEX change_event_effective ON change_event (effective, village, type, member_id, recorded_at,
	household_id, target_household_id, from_status, to_status);
DROP INDEX IF EXISTS membership_span_household;
CREATE INDEX membership_span_household ON membership_span (household_id, recorded_to, valid_from, valid_to,
	recorded_from, member_id);
