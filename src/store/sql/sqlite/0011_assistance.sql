-- 0011_assistance.sql (SQLite): 帮扶 and 督查 (DOMAIN.md §7, ARCHITECTURE.md §2): responsible cadres and their
-- pairings with households, 第一书记 and 驻村工作队, visits, measures, projects and their beneficiaries, public
-- posts, loans, job fairs, person- and household-level aid (health, insurance, 雨露计划, charity), project
-- assets, money paid to people, supervision cases with the households and persons concerned, and complaints.
-- Every table carries the division it is scoped by (village, or division where it may be a town or the
-- county). Dates are INTEGER YYYYMMDD, months YYYYMM, money INTEGER fen; an open end date is NULL. Ids are
-- assigned by the store. Figures are computed from these rows, never stored as totals.

CREATE TABLE cadre (
	id INTEGER PRIMARY KEY,
	division INTEGER NOT NULL,              -- where the cadre helps (the scope the record belongs to)
	name TEXT NOT NULL,
	sex TEXT,
	id_no TEXT,
	unit TEXT NOT NULL,                     -- 所在单位
	affiliation TEXT NOT NULL,              -- 单位隶属关系: province, city, county, town, village
	post TEXT,                              -- 职务
	phone TEXT,
	user_name TEXT,                         -- the account (app_user.name) of a cadre who logs in
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX cadre_division ON cadre (division);
CREATE UNIQUE INDEX cadre_id_no ON cadre (id_no);
CREATE INDEX cadre_user ON cadre (user_name);

-- 结对帮扶: one responsible cadre per household on any day; a change of cadre ends one row and starts another.
CREATE TABLE pairing (
	id INTEGER PRIMARY KEY,
	cadre_id INTEGER NOT NULL REFERENCES cadre (id),
	household_id INTEGER NOT NULL REFERENCES household (id),
	village INTEGER NOT NULL,
	start_date INTEGER NOT NULL,
	end_date INTEGER,                       -- the last day, NULL while it lasts
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX pairing_household ON pairing (household_id, start_date);
CREATE INDEX pairing_cadre ON pairing (cadre_id);
CREATE INDEX pairing_village ON pairing (village);

-- 第一书记 and 驻村工作队 of a village.
CREATE TABLE work_team (
	id INTEGER PRIMARY KEY,
	cadre_id INTEGER NOT NULL REFERENCES cadre (id),
	village INTEGER NOT NULL,
	role TEXT NOT NULL,                     -- first_secretary, leader, member
	start_date INTEGER NOT NULL,
	end_date INTEGER,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX work_team_village ON work_team (village, role);
CREATE INDEX work_team_cadre ON work_team (cadre_id);

-- 走访记录, with the 两不愁三保障 items seen: 1 assured, 0 a problem, NULL not looked at.
CREATE TABLE visit (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	village INTEGER NOT NULL,
	cadre_id INTEGER REFERENCES cadre (id),
	visit_date INTEGER NOT NULL,
	mode TEXT,                              -- home, phone
	purpose TEXT,
	found TEXT,
	done TEXT,
	food INTEGER,
	clothing INTEGER,
	education INTEGER,
	medical INTEGER,
	housing INTEGER,
	water INTEGER,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX visit_household ON visit (household_id, visit_date);
CREATE INDEX visit_village ON visit (village, visit_date);
CREATE INDEX visit_cadre ON visit (cadre_id);

-- 帮扶措施 by category and sub-item (DOMAIN.md §7.3), for a household or one of its members.
CREATE TABLE measure (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	village INTEGER NOT NULL,
	member_id INTEGER REFERENCES member (id),
	year INTEGER NOT NULL,
	category TEXT NOT NULL,
	item TEXT,
	amount INTEGER,
	source TEXT,                            -- fund source
	unit TEXT,                              -- 帮扶单位
	measure_date INTEGER NOT NULL,
	content TEXT,
	signed INTEGER,                         -- 户主签名
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX measure_household ON measure (household_id);
CREATE INDEX measure_village ON measure (village, measure_date);

-- 特色产业扶贫项目, 扶贫就业车间, 光伏扶贫电站, ...: active from start_date until closed.
CREATE TABLE project (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,                     -- industry, workshop, pv, infrastructure, other
	name TEXT NOT NULL,
	village INTEGER NOT NULL,
	budget INTEGER,
	fund_source TEXT,
	start_date INTEGER NOT NULL,
	completed INTEGER,
	closed INTEGER,
	operator TEXT,
	scale TEXT,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX project_village ON project (village, kind);

-- Persons helped by a project (employment, dividend), a loan or a job fair (hired).
CREATE TABLE beneficiary (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,                     -- project, loan, job_fair
	ref_id INTEGER NOT NULL,
	household_id INTEGER NOT NULL REFERENCES household (id),
	member_id INTEGER REFERENCES member (id),
	village INTEGER NOT NULL,
	mode TEXT,
	start_date INTEGER NOT NULL,
	end_date INTEGER,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX beneficiary_ref ON beneficiary (kind, ref_id);
CREATE INDEX beneficiary_household ON beneficiary (household_id);
CREATE INDEX beneficiary_kind ON beneficiary (kind, village);

-- 农村公益性岗位: one holder, a monthly subsidy, from start_date until end_date.
CREATE TABLE public_post (
	id INTEGER PRIMARY KEY,
	post_kind TEXT NOT NULL,
	title TEXT,
	village INTEGER NOT NULL,
	household_id INTEGER NOT NULL REFERENCES household (id),
	member_id INTEGER NOT NULL REFERENCES member (id),
	monthly INTEGER NOT NULL,
	start_date INTEGER NOT NULL,
	end_date INTEGER,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX public_post_village ON public_post (village);
CREATE INDEX public_post_member ON public_post (member_id);

-- Money paid: a post's monthly subsidy (period YYYYMM), a project beneficiary's wage or dividend (YYYYMM), an
-- asset's yearly income to a household or the collective (YYYY), a loan's repayment (YYYYMMDD). A post, a
-- beneficiary or an asset pays a household once per period.
CREATE TABLE payment (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,                     -- post, benefit, asset, repayment
	ref_id INTEGER NOT NULL,
	household_id INTEGER REFERENCES household (id),
	member_id INTEGER REFERENCES member (id),
	village INTEGER NOT NULL,
	period INTEGER NOT NULL,
	paid_on INTEGER NOT NULL,
	amount INTEGER NOT NULL,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE UNIQUE INDEX payment_once ON payment (kind, ref_id, household_id, period);
CREATE INDEX payment_kind ON payment (kind, village, paid_on);

-- 富民农户贷, 富民生产贷, ...: granted on start_date, due on end_date.
CREATE TABLE loan (
	id INTEGER PRIMARY KEY,
	product TEXT NOT NULL,
	borrower TEXT NOT NULL,
	household_id INTEGER REFERENCES household (id),
	village INTEGER NOT NULL,
	lender TEXT,
	amount INTEGER NOT NULL,
	start_date INTEGER NOT NULL,
	end_date INTEGER NOT NULL,
	rate INTEGER,                           -- yearly, in hundredths of a per cent (435 = 4.35 %)
	subsidy INTEGER,                        -- 贴息
	purpose TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX loan_village ON loan (village, product);

CREATE TABLE job_fair (
	id INTEGER PRIMARY KEY,
	fair_date INTEGER NOT NULL,
	name TEXT NOT NULL,
	division INTEGER NOT NULL,
	place TEXT,
	organizer TEXT,
	employers INTEGER,
	jobs INTEGER NOT NULL,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX job_fair_division ON job_fair (division, fair_date);

-- Aid to a person or a household: health_checkup, medical_insurance, serious_illness_insurance (year, premium
-- and who paid it), yulu, charity_card, charity_visit.
CREATE TABLE aid (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	household_id INTEGER NOT NULL REFERENCES household (id),
	member_id INTEGER REFERENCES member (id),
	village INTEGER NOT NULL,
	year INTEGER,
	aid_date INTEGER NOT NULL,
	amount INTEGER,
	paid_by TEXT,
	provider TEXT,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX aid_kind ON aid (kind, village, aid_date);
CREATE INDEX aid_member ON aid (member_id, kind, year);
CREATE INDEX aid_household ON aid (household_id);

-- 帮扶项目资产 (DOMAIN.md §7.7): class, value, 确权 (owner level, and the household for 到户类), disposal.
CREATE TABLE asset (
	id INTEGER PRIMARY KEY,
	project_id INTEGER REFERENCES project (id),
	name TEXT NOT NULL,
	class TEXT NOT NULL,                    -- operating, public, household
	village INTEGER NOT NULL,
	value INTEGER NOT NULL,
	fund_source TEXT,
	owner_level TEXT NOT NULL,              -- county, town, village, household
	owner_household_id INTEGER REFERENCES household (id),
	operator TEXT,
	formed_on INTEGER NOT NULL,
	confirmed_on INTEGER,
	disposed_on INTEGER,
	disposal TEXT,
	note TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX asset_village ON asset (village, class);

-- 督查问责: a case, the households it concerns and the persons held accountable.
CREATE TABLE supervision_case (
	id INTEGER PRIMARY KEY,
	found_on INTEGER NOT NULL,
	source TEXT NOT NULL,
	category TEXT NOT NULL,
	division INTEGER NOT NULL,
	problem TEXT NOT NULL,
	transferred_to TEXT,
	transferred_on INTEGER,
	deadline INTEGER,
	rectified_on INTEGER,
	result TEXT,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX supervision_case_division ON supervision_case (division, found_on);

CREATE TABLE case_household (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES supervision_case (id),
	household_id INTEGER NOT NULL REFERENCES household (id),
	village INTEGER NOT NULL,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX case_household_case ON case_household (case_id);

CREATE TABLE case_person (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES supervision_case (id),
	division INTEGER NOT NULL,
	name TEXT NOT NULL,
	unit TEXT,
	post TEXT,
	measure TEXT NOT NULL,                  -- 诫勉谈话, 党纪处分, 政务处分, ...
	decided_on INTEGER,
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX case_person_case ON case_person (case_id);

-- 12317 and other complaints, followed to an answer.
CREATE TABLE complaint (
	id INTEGER PRIMARY KEY,
	channel TEXT NOT NULL,
	received_on INTEGER NOT NULL,
	division INTEGER NOT NULL,
	household_id INTEGER REFERENCES household (id),
	complainant TEXT,
	phone TEXT,
	category TEXT,
	content TEXT NOT NULL,
	assigned_to TEXT,
	deadline INTEGER,
	answered_on INTEGER,
	answer TEXT,
	case_id INTEGER REFERENCES supervision_case (id),
	recorded_at INTEGER NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX complaint_division ON complaint (division, received_on);
