-- 0013_monitoring.sql (SQLite): 防返贫动态监测 (DOMAIN.md §4.2, §4.3). A monitoring case is one period of a
-- household under monitoring: opened by a monitor_in event (through a proposal with the monitoring workflow, or
-- a direct event), closed by a risk_eliminate event; a new risk after elimination opens a new case (seq 2, ...),
-- so the history keeps every case. A household without labour capacity whose elimination was approved stays
-- monitored: its case records the social security in place (security_day, security) instead of closing.
-- Programme memberships (低保, 低保边缘, 特困, ...) carry their own dates and source: one household, one income
-- survey, several programmes at once. The monitoring line itself is a row of poverty_line (kind 'monitoring').
CREATE TABLE monitor_case (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	seq INTEGER NOT NULL,                   -- 1, 2, ... per household
	type TEXT,                              -- unstable 脱贫不稳定户, marginal 边缘易致贫户, sudden 突发严重困难户; NULL unknown
	risks TEXT,                             -- up to five risk codes, comma-separated, in the order given
	channel TEXT,                           -- discovery channel code
	identified INTEGER NOT NULL,            -- 识别监测时间 (the monitor_in event's effective date)
	discovered INTEGER,                     -- the day the risk was found (the proposal's opening)
	open_event_id INTEGER REFERENCES change_event (id),
	open_proposal_id INTEGER REFERENCES proposal (id),
	eliminated INTEGER,                     -- 风险消除时间; NULL while monitored
	way TEXT,                               -- help 帮扶消除, natural 自然消除
	close_event_id INTEGER REFERENCES change_event (id),
	close_proposal_id INTEGER REFERENCES proposal (id),
	security_day INTEGER,                   -- no labour capacity: the day elimination was held back
	security TEXT,                          -- the social security then in place (programme codes)
	recorded_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (household_id, seq)
);
CREATE INDEX monitor_case_identified ON monitor_case (identified);

CREATE TABLE programme (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	kind TEXT NOT NULL,                     -- dibao 低保, dibao_edge 低保边缘, tekun 特困
	valid_from INTEGER NOT NULL,
	valid_to INTEGER NOT NULL,              -- exclusive; 99991231 open
	source TEXT NOT NULL,                   -- 'form' or the imported sheet's name (民政's roll)
	recorded_at INTEGER NOT NULL,
	actor TEXT NOT NULL
);
CREATE INDEX programme_household ON programme (household_id, kind, valid_from);
