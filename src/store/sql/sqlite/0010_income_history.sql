-- 0010_income_history.sql: the yearly income survey (收入, DOMAIN.md §2.5) keeps its history. income_year holds a
-- household's values of each year as now known; income_revision every version recorded (append-only): who
-- recorded it, when, why and from where (the survey form, an income sheet, the registry's 人均纯收入), so a
-- correction of a year's survey leaves the old values visible. Money in fen; NULL is unknown.
CREATE TABLE income_revision (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	year INTEGER NOT NULL,
	wage INTEGER,
	business INTEGER,
	property INTEGER,
	transfer INTEGER,
	business_cost INTEGER,
	net_pc INTEGER,
	size INTEGER,
	recorded_at INTEGER NOT NULL,          -- UTC stamp; 0 when unknown (values imported with the registry)
	actor TEXT NOT NULL,
	reason TEXT,
	source TEXT NOT NULL                   -- 'form', 'sheet' or 'registry'
);
CREATE INDEX income_revision_household ON income_revision (household_id, year, id);
