-- 0009_proposals.sql (SQLite): proposals (精准识别/退出 through 评议、公示、审核、审定、公告), the workflows they
-- follow (versioned data: an open proposal keeps the version it started with), every act on a proposal, and
-- the dated household assessments (入户核实记录: 两不愁三保障, 住房安全, 安全饮水) that the exit check reads.
-- require_review (status events of data roles go through proposals) is on for a database that has no
-- household yet, that is for a new installation; an existing one keeps recording as before (0) until it is set.

CREATE TABLE workflow (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL,                     -- "standard", "monitoring", a province's own
	version INTEGER NOT NULL,               -- 1, 2, ... per code; the highest is used for new proposals
	name TEXT NOT NULL,
	definition TEXT NOT NULL,               -- JSON: types, steps (code, label, roles, days, ...)
	loaded_at INTEGER NOT NULL,             -- stamp
	loaded_by TEXT NOT NULL,
	UNIQUE (code, version)
);

CREATE TABLE proposal (
	id INTEGER PRIMARY KEY,
	type TEXT NOT NULL,                     -- an event code (exit, identify, ...) or village_exit
	household_id INTEGER REFERENCES household (id),   -- NULL for a village's proposal
	village INTEGER NOT NULL,               -- the household's village, or the village itself
	workflow_id INTEGER NOT NULL REFERENCES workflow (id),
	state TEXT NOT NULL,                    -- open, approved, rejected
	step_no INTEGER NOT NULL,               -- index of the current step in the workflow (its length when done)
	step_since INTEGER NOT NULL,            -- the day the current step became current (a notice's start)
	effective INTEGER NOT NULL,             -- the event's effective date; 0: the announce date
	reason TEXT,
	channel TEXT,                           -- apply, screening, comparison, feedback
	batch TEXT,
	override TEXT,                          -- why a failing check was overridden
	check_result TEXT,                      -- JSON: the check's lines at the step that ran it
	payload TEXT,                           -- JSON the type needs besides (reserved)
	event_id INTEGER REFERENCES change_event (id),
	opened INTEGER NOT NULL,                -- the day it was opened
	created_by TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	version INTEGER NOT NULL                -- moved on by every act: two acts on one version, one wins
);
CREATE UNIQUE INDEX proposal_open_household ON proposal (household_id) WHERE state = 'open' AND household_id IS NOT NULL;
CREATE UNIQUE INDEX proposal_open_village ON proposal (village) WHERE state = 'open' AND household_id IS NULL;
CREATE INDEX proposal_village ON proposal (village, state);
CREATE INDEX proposal_batch ON proposal (batch);

CREATE TABLE proposal_step (
	id INTEGER PRIMARY KEY,
	proposal_id INTEGER NOT NULL REFERENCES proposal (id),
	seq INTEGER NOT NULL,                   -- 1, 2, ... in the order of the acts
	step TEXT NOT NULL,                     -- the workflow step's code
	decision TEXT NOT NULL,                 -- approve, reject, object
	day INTEGER NOT NULL,                   -- the day it happened
	actor TEXT NOT NULL,
	note TEXT,
	votes_for INTEGER,
	votes_against INTEGER,
	votes_abstain INTEGER,
	override TEXT,
	recorded_at INTEGER NOT NULL,
	UNIQUE (proposal_id, seq)
);

CREATE TABLE assessment (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	day INTEGER NOT NULL,                   -- the day of the visit
	assessor TEXT NOT NULL,                 -- who assessed (names, as written on the form)
	food INTEGER,                           -- 不愁吃: 1 yes, 0 no, NULL not assessed
	clothing INTEGER,                       -- 不愁穿
	education INTEGER,                      -- 义务教育有保障 (no child 6-15 out of school)
	medical INTEGER,                        -- 基本医疗有保障
	housing TEXT,                           -- 住房安全: A, B, C, D or relocated
	water INTEGER,                          -- 安全饮水
	notes TEXT,                             -- JSON: a note per item
	recorded_by TEXT NOT NULL,
	recorded_at INTEGER NOT NULL
);
CREATE INDEX assessment_household ON assessment (household_id, day);

INSERT INTO meta (key, value) SELECT 'require_review', CASE WHEN EXISTS (SELECT 1 FROM household) THEN '0' ELSE '1' END;
