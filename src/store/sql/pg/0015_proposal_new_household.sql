-- 0015_proposal_new_household.sql: a 新识别 or 应纳未纳 proposal carries its household in payload (domain/
-- proposal_newhh.c) and has no household row until its last step, so household_id IS NULL no longer means a
-- village's proposal: the one open proposal per village is the one open 贫困村出列 (village_exit), and a
-- village may have several new households proposed at once (one per 户编号, checked by the domain).
DROP INDEX proposal_open_village;
CREATE UNIQUE INDEX proposal_open_village ON proposal (village) WHERE state = 'open' AND household_id IS NULL
	AND type = 'village_exit';
