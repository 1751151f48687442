-- 0028_event_persons.sql (PostgreSQL): the persons of a household's event, kept with it (issue 20 point 7). A
-- change report counts, for each household-level event, the household's members on its effective day, each
-- person once a type. The identification year of a province is ten million such persons, read one by one
-- through the memberships (5.2 s at 10^7). Each household-level event now keeps that number as now known
-- (`persons`): the store rewrites it whenever the memberships of one of its household's members are written
-- (store_registry.c, event_persons_*). It is NULL when a member of that day has ever been in another
-- household as now known (moved, split, merged): such a person could be counted in two households' events,
-- so the report reads those events' members one by one, as it reads every event "as recorded at" an instant.
-- The effective day's index carries the number, so a year's report reads the events alone.
ALTER TABLE change_event ADD COLUMN IF NOT EXISTS persons INTEGER;
UPDATE change_event SET persons = CASE WHEN EXISTS (SELECT 1 FROM membership_span m JOIN membership_span o
		ON o.member_id = m.member_id AND o.household_id <> m.household_id AND o.recorded_to = 99991231235959
		WHERE m.household_id = change_event.household_id AND m.valid_from <= change_event.effective
		AND change_event.effective < m.valid_to AND m.recorded_to = 99991231235959) THEN NULL
	ELSE (SELECT COUNT(DISTINCT m.member_id) FROM membership_span m WHERE m.household_id = change_event.household_id
		AND m.valid_from <= change_event.effective AND change_event.effective < m.valid_to
		AND m.recorded_to = 99991231235959) END
	WHERE member_id IS NULL AND type NOT IN ('merge', 'data_fix');
DROP INDEX IF EXISTS change_event_effective;
CREATE INDEX change_event_effective ON change_event (effective, village, type, member_id, recorded_at,
	household_id, target_household_id, from_status, to_status, persons);
