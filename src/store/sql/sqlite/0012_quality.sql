-- 0012_quality.sql (SQLite): data quality (托底清零, DOMAIN.md §8): other departments' lists kept for comparison
-- (数据比对), the runs of `tuopin check`, the findings they keep with their history, and clean-up campaigns.
-- A list's rows are personal data: deleting a list deletes its rows and keeps the list's record (who sent it,
-- dated when, who deleted it); findings keep the evidence they showed.

CREATE TABLE external_list (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,                     -- death, vehicle, housing, business, payroll, dibao, tekun, ...
	source TEXT,                            -- the department that sent it (公安, 民政, ...)
	list_date INTEGER NOT NULL,             -- the day the list speaks of
	division INTEGER NOT NULL,              -- the importer's scope (0: everything)
	division_hi INTEGER NOT NULL,          -- the last code under it (a list applies to the villages in between)
	file TEXT,
	n_rows INTEGER NOT NULL,
	imported_at INTEGER NOT NULL,           -- stamp
	imported_by TEXT NOT NULL,
	deleted_at INTEGER,
	deleted_by TEXT
);

CREATE TABLE external_entry (
	list_id INTEGER NOT NULL REFERENCES external_list (id),
	row_no INTEGER NOT NULL,                -- the sheet's row
	id_no TEXT NOT NULL,                    -- normalised: 18 characters (15 digits converted, X upper-case; a
	                                        -- disability card's first 18)
	name TEXT NOT NULL,
	day INTEGER,                            -- the kind's date (死亡日期, 登记日期, ...)
	village INTEGER,                        -- 行政区划代码 where the list gives one
	value TEXT,                             -- the kind's main value (号牌号码, 企业名称, ...)
	data TEXT,                              -- JSON: the kind's other columns
	PRIMARY KEY (list_id, row_no)
);
CREATE INDEX external_entry_id_no ON external_entry (id_no);

CREATE TABLE check_run (
	id INTEGER PRIMARY KEY,
	as_of INTEGER NOT NULL,
	division INTEGER NOT NULL,              -- the root of the divisions checked (0: everything)
	rules TEXT NOT NULL,                    -- the rule codes run, comma-separated
	actor TEXT NOT NULL,
	started_at INTEGER NOT NULL,            -- stamps
	finished_at INTEGER NOT NULL,
	households INTEGER NOT NULL,
	members INTEGER NOT NULL,
	opened INTEGER NOT NULL,                -- findings new in this run
	reopened INTEGER NOT NULL,
	closed INTEGER NOT NULL,                -- findings this run found fixed
	still_open INTEGER NOT NULL
);

CREATE TABLE finding (
	id INTEGER PRIMARY KEY,
	rule TEXT NOT NULL,                     -- the rule's code (src/domain/rules.c)
	subject TEXT NOT NULL,                  -- what it is about, the same from run to run ("m:12", "h:7", ...)
	household_id INTEGER REFERENCES household (id),
	member_id INTEGER REFERENCES member (id),
	village INTEGER NOT NULL,               -- the division it is assigned to
	source TEXT NOT NULL,                   -- registry, or external:KIND
	list_id INTEGER REFERENCES external_list (id),
	message_zh TEXT NOT NULL,
	message_en TEXT NOT NULL,
	evidence TEXT,                          -- JSON: the list and the value the finding rests on
	fact TEXT NOT NULL,                     -- digest of the facts: a waiver holds while they stay the same
	state TEXT NOT NULL,                    -- open, fixed, waived
	waiver_pending INTEGER NOT NULL DEFAULT 0,
	waiver_reason TEXT,
	waiver_by TEXT,
	waiver_at INTEGER,
	first_run INTEGER NOT NULL REFERENCES check_run (id),
	last_run INTEGER NOT NULL REFERENCES check_run (id),
	opened_at INTEGER NOT NULL,
	closed_at INTEGER,
	fix_kind TEXT,                          -- the fix linked to it: edit, event or proposal
	fix_ref INTEGER,
	updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX finding_subject ON finding (rule, subject);
CREATE INDEX finding_village ON finding (village, state);
CREATE INDEX finding_household ON finding (household_id);

-- Append-only: what happened to each finding.
CREATE TABLE finding_event (
	id INTEGER PRIMARY KEY,
	finding_id INTEGER NOT NULL REFERENCES finding (id),
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,                   -- opened, reopened, fixed, waive_requested, waived, waiver_refused,
	                                        -- linked
	note TEXT,
	run_id INTEGER REFERENCES check_run (id),
	ref_kind TEXT,
	ref_id INTEGER
);
CREATE INDEX finding_event_finding ON finding_event (finding_id);

CREATE TABLE campaign (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	rules TEXT NOT NULL,                    -- rule codes, comma-separated
	division INTEGER NOT NULL,
	start_day INTEGER NOT NULL,
	deadline INTEGER,
	created_by TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
