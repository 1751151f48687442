-- 0001_registry.sql (SQLite): divisions, households, members, bitemporal spans, change events,
-- maintained aggregates, income and poverty lines. Dates are INTEGER YYYYMMDD, recording instants are
-- INTEGER YYYYMMDDHHMMSS; open ends are 99991231 and 99991231235959. Ids are assigned by the store.

CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE division (
	code INTEGER PRIMARY KEY,              -- 12-digit NBS code
	name TEXT NOT NULL,
	level INTEGER NOT NULL,                -- 1 province .. 5 village
	parent INTEGER,
	poor_village INTEGER NOT NULL DEFAULT 0,
	exit_year INTEGER,
	rural_pop INTEGER
);
CREATE INDEX division_parent ON division (parent);
CREATE INDEX division_name ON division (name);

CREATE TABLE household (
	id INTEGER PRIMARY KEY,
	hh_no TEXT NOT NULL UNIQUE,
	village INTEGER NOT NULL REFERENCES division (code),
	status TEXT NOT NULL,
	monitored INTEGER NOT NULL DEFAULT 0,
	attribute TEXT,
	cause_main TEXT,
	cause_other TEXT,
	id_standard TEXT,
	identified_ym INTEGER,
	exit_year INTEGER,
	phone TEXT,
	code_version INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX household_village ON household (village, status);

CREATE TABLE member (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	id_no TEXT NOT NULL,
	id_kind INTEGER NOT NULL,
	name TEXT NOT NULL,
	sex TEXT NOT NULL,
	birth INTEGER,
	relation TEXT NOT NULL,
	ethnicity TEXT,
	education TEXT,
	schooling TEXT,
	health TEXT,
	labor TEXT,
	work_status TEXT,
	work_months INTEGER,
	ins_medical INTEGER,
	ins_serious INTEGER,
	ins_pension INTEGER,
	dibao INTEGER,
	tekun INTEGER,
	phone TEXT,
	info_date INTEGER NOT NULL
);
CREATE INDEX member_household ON member (household_id);
CREATE INDEX member_id_no ON member (id_no);
CREATE INDEX member_name ON member (name);

CREATE TABLE household_status_span (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	status TEXT NOT NULL,
	valid_from INTEGER NOT NULL,
	valid_to INTEGER NOT NULL,
	recorded_from INTEGER NOT NULL,
	recorded_to INTEGER NOT NULL,
	event_id INTEGER NOT NULL
);
CREATE INDEX status_span_household ON household_status_span (household_id, recorded_to);

CREATE TABLE membership_span (
	id INTEGER PRIMARY KEY,
	member_id INTEGER NOT NULL REFERENCES member (id),
	household_id INTEGER NOT NULL REFERENCES household (id),
	valid_from INTEGER NOT NULL,
	valid_to INTEGER NOT NULL,
	recorded_from INTEGER NOT NULL,
	recorded_to INTEGER NOT NULL,
	event_id INTEGER NOT NULL
);
CREATE INDEX membership_span_member ON membership_span (member_id, recorded_to);
CREATE INDEX membership_span_household ON membership_span (household_id, recorded_to);

CREATE TABLE change_event (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	member_id INTEGER REFERENCES member (id),
	target_household_id INTEGER REFERENCES household (id),
	type TEXT NOT NULL,
	reason TEXT,
	effective INTEGER NOT NULL,
	batch TEXT,
	correction INTEGER NOT NULL,
	chain_kind INTEGER NOT NULL,
	chain_id INTEGER NOT NULL,
	from_status TEXT,
	to_status TEXT,
	actor TEXT NOT NULL,
	recorded_at INTEGER NOT NULL,
	workflow_id INTEGER,
	detail TEXT
);
CREATE INDEX change_event_household ON change_event (household_id);
CREATE INDEX change_event_target ON change_event (target_household_id);
CREATE INDEX change_event_effective ON change_event (effective);
CREATE INDEX change_event_recorded ON change_event (recorded_at);
CREATE INDEX change_event_batch ON change_event (batch);
CREATE INDEX change_event_chain ON change_event (chain_kind, chain_id, effective);

-- Append-only: which correction superseded which event, and when.
CREATE TABLE event_supersession (
	event_id INTEGER NOT NULL REFERENCES change_event (id),
	by_event_id INTEGER NOT NULL REFERENCES change_event (id),
	at INTEGER NOT NULL,
	PRIMARY KEY (event_id, by_event_id)
);

-- Maintained in the same transaction as every change: households and persons entering (+) or leaving (-)
-- a status in a village on a day, as now known. Stats as of D sum the rows with day <= D.
CREATE TABLE stat_delta (
	village INTEGER NOT NULL,
	status TEXT NOT NULL,
	day INTEGER NOT NULL,
	households INTEGER NOT NULL,
	persons INTEGER NOT NULL,
	PRIMARY KEY (village, status, day)
);

CREATE TABLE income_year (
	household_id INTEGER NOT NULL REFERENCES household (id),
	year INTEGER NOT NULL,
	wage INTEGER,
	business INTEGER,
	property INTEGER,
	transfer INTEGER,
	business_cost INTEGER,
	net_pc INTEGER,
	size INTEGER,
	PRIMARY KEY (household_id, year)
);

CREATE TABLE poverty_line (
	year INTEGER NOT NULL,
	region TEXT NOT NULL,                  -- 'CN' or a 2-digit province code
	kind TEXT NOT NULL,                    -- 'national', 'provincial', 'monitoring'
	amount INTEGER NOT NULL,               -- fen per person per year
	note TEXT,
	PRIMARY KEY (year, region, kind)
);
