-- 0014_monitor_warning.sql (SQLite): early warnings of 防返贫动态监测 (issue 16 point 5) are computed from the data
-- as of a day (domain/monitor_warn.c); only their dismissals are stored. A warning is named by its rule, the
-- household and the datum it rests on (basis: the income year, or the change event of a member's health), so a
-- new year's income or a new health record raises a new warning even after an older one was dismissed.
CREATE TABLE warning_dismissal (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	rule TEXT NOT NULL,                     -- low_income, income_fall, health
	basis INTEGER NOT NULL,                 -- income year, or change_event id (health)
	reason TEXT NOT NULL,
	day INTEGER NOT NULL,                   -- the day it was dismissed (office's day)
	actor TEXT NOT NULL,
	recorded_at INTEGER NOT NULL,
	UNIQUE (household_id, rule, basis)
);
