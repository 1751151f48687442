-- 0001_registry.sql (PostgreSQL): the same tables, columns, keys and indexes as sql/sqlite/0001_registry.sql
-- (a test compares the two). BIGINT for ids, division codes and recording instants (YYYYMMDDHHMMSS), INTEGER
-- for dates (YYYYMMDD). Text is COLLATE "C" so ORDER BY and GROUP BY compare bytes as SQLite does, whatever the
-- database's locale. Ids are assigned by the store from one sequence per table (<table>_id_seq), drawn in blocks.

CREATE TABLE meta (
	key TEXT COLLATE "C" PRIMARY KEY,
	value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE division (
	code BIGINT PRIMARY KEY,               -- 12-digit NBS code
	name TEXT COLLATE "C" NOT NULL,
	level INTEGER NOT NULL,                -- 1 province .. 5 village
	parent BIGINT,
	poor_village INTEGER NOT NULL DEFAULT 0,
	exit_year INTEGER,
	rural_pop BIGINT
);
CREATE INDEX division_parent ON division (parent);
CREATE INDEX division_name ON division (name);

CREATE TABLE household (
	id BIGINT PRIMARY KEY,
	hh_no TEXT COLLATE "C" NOT NULL UNIQUE,
	village BIGINT NOT NULL REFERENCES division (code),
	status TEXT COLLATE "C" NOT NULL,
	monitored INTEGER NOT NULL DEFAULT 0,
	attribute TEXT COLLATE "C",
	cause_main TEXT COLLATE "C",
	cause_other TEXT COLLATE "C",
	id_standard TEXT COLLATE "C",
	identified_ym INTEGER,
	exit_year INTEGER,
	phone TEXT COLLATE "C",
	code_version INTEGER NOT NULL,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL
);
CREATE INDEX household_village ON household (village, status);
CREATE SEQUENCE household_id_seq OWNED BY household.id;

CREATE TABLE member (
	id BIGINT PRIMARY KEY,
	household_id BIGINT NOT NULL REFERENCES household (id),
	id_no TEXT COLLATE "C" NOT NULL,
	id_kind INTEGER NOT NULL,
	name TEXT COLLATE "C" NOT NULL,
	sex TEXT COLLATE "C" NOT NULL,
	birth INTEGER,
	relation TEXT COLLATE "C" NOT NULL,
	ethnicity TEXT COLLATE "C",
	education TEXT COLLATE "C",
	schooling TEXT COLLATE "C",
	health TEXT COLLATE "C",
	labor TEXT COLLATE "C",
	work_status TEXT COLLATE "C",
	work_months INTEGER,
	ins_medical INTEGER,
	ins_serious INTEGER,
	ins_pension INTEGER,
	dibao INTEGER,
	tekun INTEGER,
	phone TEXT COLLATE "C",
	info_date INTEGER NOT NULL
);
CREATE INDEX member_household ON member (household_id);
CREATE INDEX member_id_no ON member (id_no);
CREATE INDEX member_name ON member (name);
CREATE SEQUENCE member_id_seq OWNED BY member.id;

CREATE TABLE household_status_span (
	id BIGINT PRIMARY KEY,
	household_id BIGINT NOT NULL REFERENCES household (id),
	status TEXT COLLATE "C" NOT NULL,
	valid_from INTEGER NOT NULL,
	valid_to INTEGER NOT NULL,
	recorded_from BIGINT NOT NULL,
	recorded_to BIGINT NOT NULL,
	event_id BIGINT NOT NULL
);
CREATE INDEX status_span_household ON household_status_span (household_id, recorded_to);
CREATE SEQUENCE household_status_span_id_seq OWNED BY household_status_span.id;

CREATE TABLE membership_span (
	id BIGINT PRIMARY KEY,
	member_id BIGINT NOT NULL REFERENCES member (id),
	household_id BIGINT NOT NULL REFERENCES household (id),
	valid_from INTEGER NOT NULL,
	valid_to INTEGER NOT NULL,
	recorded_from BIGINT NOT NULL,
	recorded_to BIGINT NOT NULL,
	event_id BIGINT NOT NULL
);
CREATE INDEX membership_span_member ON membership_span (member_id, recorded_to);
CREATE INDEX membership_span_household ON membership_span (household_id, recorded_to);
CREATE SEQUENCE membership_span_id_seq OWNED BY membership_span.id;

CREATE TABLE change_event (
	id BIGINT PRIMARY KEY,
	household_id BIGINT NOT NULL REFERENCES household (id),
	member_id BIGINT REFERENCES member (id),
	target_household_id BIGINT REFERENCES household (id),
	type TEXT COLLATE "C" NOT NULL,
	reason TEXT COLLATE "C",
	effective INTEGER NOT NULL,
	batch TEXT COLLATE "C",
	correction INTEGER NOT NULL,
	chain_kind INTEGER NOT NULL,
	chain_id BIGINT NOT NULL,
	from_status TEXT COLLATE "C",
	to_status TEXT COLLATE "C",
	actor TEXT COLLATE "C" NOT NULL,
	recorded_at BIGINT NOT NULL,
	workflow_id BIGINT,
	detail TEXT COLLATE "C"
);
CREATE INDEX change_event_household ON change_event (household_id);
CREATE INDEX change_event_target ON change_event (target_household_id);
CREATE INDEX change_event_effective ON change_event (effective);
CREATE INDEX change_event_recorded ON change_event (recorded_at);
CREATE INDEX change_event_batch ON change_event (batch);
CREATE INDEX change_event_chain ON change_event (chain_kind, chain_id, effective);
CREATE SEQUENCE change_event_id_seq OWNED BY change_event.id;

-- Append-only: which correction superseded which event, and when.
CREATE TABLE event_supersession (
	event_id BIGINT NOT NULL REFERENCES change_event (id),
	by_event_id BIGINT NOT NULL REFERENCES change_event (id),
	at BIGINT NOT NULL,
	PRIMARY KEY (event_id, by_event_id)
);

-- Maintained in the same transaction as every change (see the SQLite migration).
CREATE TABLE stat_delta (
	village BIGINT NOT NULL,
	status TEXT COLLATE "C" NOT NULL,
	day INTEGER NOT NULL,
	households BIGINT NOT NULL,
	persons BIGINT NOT NULL,
	PRIMARY KEY (village, status, day)
);

CREATE TABLE income_year (
	household_id BIGINT NOT NULL REFERENCES household (id),
	year INTEGER NOT NULL,
	wage BIGINT,
	business BIGINT,
	property BIGINT,
	transfer BIGINT,
	business_cost BIGINT,
	net_pc BIGINT,
	size INTEGER,
	PRIMARY KEY (household_id, year)
);

CREATE TABLE poverty_line (
	year INTEGER NOT NULL,
	region TEXT COLLATE "C" NOT NULL,      -- 'CN' or a 2-digit province code
	kind TEXT COLLATE "C" NOT NULL,        -- 'national', 'provincial', 'monitoring'
	amount BIGINT NOT NULL,                -- fen per person per year
	note TEXT COLLATE "C",
	PRIMARY KEY (year, region, kind)
);
