-- 0011_assistance.sql (PostgreSQL): the same tables, columns, keys and indexes as sql/sqlite/0011_assistance.sql
-- (a test compares the two): BIGINT for ids, division codes, money and recording instants, INTEGER for
-- dates and months, text COLLATE "C"; one id sequence per table, drawn in blocks by the store.

CREATE TABLE cadre (
	id BIGINT PRIMARY KEY,
	division BIGINT NOT NULL,              -- where the cadre helps (the scope the record belongs to)
	name TEXT COLLATE "C" NOT NULL,
	sex TEXT COLLATE "C",
	id_no TEXT COLLATE "C",
	unit TEXT COLLATE "C" NOT NULL,                     -- 所在单位
	affiliation TEXT COLLATE "C" NOT NULL,              -- 单位隶属关系: province, city, county, town, village
	post TEXT COLLATE "C",                              -- 职务
	phone TEXT COLLATE "C",
	user_name TEXT COLLATE "C",                         -- the account (app_user.name) of a cadre who logs in
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE cadre_id_seq OWNED BY cadre.id;
CREATE INDEX cadre_division ON cadre (division);
CREATE UNIQUE INDEX cadre_id_no ON cadre (id_no);
CREATE INDEX cadre_user ON cadre (user_name);

-- 结对帮扶: one responsible cadre per household on any day; a change of cadre ends one row and starts another.
CREATE TABLE pairing (
	id BIGINT PRIMARY KEY,
	cadre_id BIGINT NOT NULL REFERENCES cadre (id),
	household_id BIGINT NOT NULL REFERENCES household (id),
	village BIGINT NOT NULL,
	start_date INTEGER NOT NULL,
	end_date INTEGER,                       -- the last day, NULL while it lasts
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE pairing_id_seq OWNED BY pairing.id;
CREATE INDEX pairing_household ON pairing (household_id, start_date);
CREATE INDEX pairing_cadre ON pairing (cadre_id);
CREATE INDEX pairing_village ON pairing (village);

-- 第一书记 and 驻村工作队 of a village.
CREATE TABLE work_team (
	id BIGINT PRIMARY KEY,
	cadre_id BIGINT NOT NULL REFERENCES cadre (id),
	village BIGINT NOT NULL,
	role TEXT COLLATE "C" NOT NULL,                     -- first_secretary, leader, member
	start_date INTEGER NOT NULL,
	end_date INTEGER,
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE work_team_id_seq OWNED BY work_team.id;
CREATE INDEX work_team_village ON work_team (village, role);
CREATE INDEX work_team_cadre ON work_team (cadre_id);

-- 走访记录, with the 两不愁三保障 items seen: 1 assured, 0 a problem, NULL not looked at.
CREATE TABLE visit (
	id BIGINT PRIMARY KEY,
	household_id BIGINT NOT NULL REFERENCES household (id),
	village BIGINT NOT NULL,
	cadre_id BIGINT REFERENCES cadre (id),
	visit_date INTEGER NOT NULL,
	mode TEXT COLLATE "C",                              -- home, phone
	purpose TEXT COLLATE "C",
	found TEXT COLLATE "C",
	done TEXT COLLATE "C",
	food INTEGER,
	clothing INTEGER,
	education INTEGER,
	medical INTEGER,
	housing INTEGER,
	water INTEGER,
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE visit_id_seq OWNED BY visit.id;
CREATE INDEX visit_household ON visit (household_id, visit_date);
CREATE INDEX visit_village ON visit (village, visit_date);
CREATE INDEX visit_cadre ON visit (cadre_id);

-- 帮扶措施 by category and sub-item (DOMAIN.md §7.3), for a household or one of its members.
CREATE TABLE measure (
	id BIGINT PRIMARY KEY,
	household_id BIGINT NOT NULL REFERENCES household (id),
	village BIGINT NOT NULL,
	member_id BIGINT REFERENCES member (id),
	year INTEGER NOT NULL,
	category TEXT COLLATE "C" NOT NULL,
	item TEXT COLLATE "C",
	amount BIGINT,
	source TEXT COLLATE "C",                            -- fund source
	unit TEXT COLLATE "C",                              -- 帮扶单位
	measure_date INTEGER NOT NULL,
	content TEXT COLLATE "C",
	signed INTEGER,                         -- 户主签名
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE measure_id_seq OWNED BY measure.id;
CREATE INDEX measure_household ON measure (household_id);
CREATE INDEX measure_village ON measure (village, measure_date);

-- 特色产业扶贫项目, 扶贫就业车间, 光伏扶贫电站, ...: active from start_date until closed.
CREATE TABLE project (
	id BIGINT PRIMARY KEY,
	kind TEXT COLLATE "C" NOT NULL,                     -- industry, workshop, pv, infrastructure, other
	name TEXT COLLATE "C" NOT NULL,
	village BIGINT NOT NULL,
	budget BIGINT,
	fund_source TEXT COLLATE "C",
	start_date INTEGER NOT NULL,
	completed INTEGER,
	closed INTEGER,
	operator TEXT COLLATE "C",
	scale TEXT COLLATE "C",
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE project_id_seq OWNED BY project.id;
CREATE INDEX project_village ON project (village, kind);

-- Persons helped by a project (employment, dividend), a loan or a job fair (hired).
CREATE TABLE beneficiary (
	id BIGINT PRIMARY KEY,
	kind TEXT COLLATE "C" NOT NULL,                     -- project, loan, job_fair
	ref_id BIGINT NOT NULL,
	household_id BIGINT NOT NULL REFERENCES household (id),
	member_id BIGINT REFERENCES member (id),
	village BIGINT NOT NULL,
	mode TEXT COLLATE "C",
	start_date INTEGER NOT NULL,
	end_date INTEGER,
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE beneficiary_id_seq OWNED BY beneficiary.id;
CREATE INDEX beneficiary_ref ON beneficiary (kind, ref_id);
CREATE INDEX beneficiary_household ON beneficiary (household_id);
CREATE INDEX beneficiary_kind ON beneficiary (kind, village);

-- 农村公益性岗位: one holder, a monthly subsidy, from start_date until end_date.
CREATE TABLE public_post (
	id BIGINT PRIMARY KEY,
	post_kind TEXT COLLATE "C" NOT NULL,
	title TEXT COLLATE "C",
	village BIGINT NOT NULL,
	household_id BIGINT NOT NULL REFERENCES household (id),
	member_id BIGINT NOT NULL REFERENCES member (id),
	monthly BIGINT NOT NULL,
	start_date INTEGER NOT NULL,
	end_date INTEGER,
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE public_post_id_seq OWNED BY public_post.id;
CREATE INDEX public_post_village ON public_post (village);
CREATE INDEX public_post_member ON public_post (member_id);

-- Money paid: a post's monthly subsidy (period YYYYMM), a project beneficiary's wage or dividend (YYYYMM), an
-- asset's yearly income to a household or the collective (YYYY), a loan's repayment (YYYYMMDD). A post, a
-- beneficiary or an asset pays a household once per period.
CREATE TABLE payment (
	id BIGINT PRIMARY KEY,
	kind TEXT COLLATE "C" NOT NULL,                     -- post, benefit, asset, repayment
	ref_id BIGINT NOT NULL,
	household_id BIGINT REFERENCES household (id),
	member_id BIGINT REFERENCES member (id),
	village BIGINT NOT NULL,
	period INTEGER NOT NULL,
	paid_on INTEGER NOT NULL,
	amount BIGINT NOT NULL,
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE payment_id_seq OWNED BY payment.id;
CREATE UNIQUE INDEX payment_once ON payment (kind, ref_id, household_id, period);
CREATE INDEX payment_kind ON payment (kind, village, paid_on);

-- 富民农户贷, 富民生产贷, ...: granted on start_date, due on end_date.
CREATE TABLE loan (
	id BIGINT PRIMARY KEY,
	product TEXT COLLATE "C" NOT NULL,
	borrower TEXT COLLATE "C" NOT NULL,
	household_id BIGINT REFERENCES household (id),
	village BIGINT NOT NULL,
	lender TEXT COLLATE "C",
	amount BIGINT NOT NULL,
	start_date INTEGER NOT NULL,
	end_date INTEGER NOT NULL,
	rate INTEGER,                           -- yearly, in hundredths of a per cent (435 = 4.35 %)
	subsidy BIGINT,                        -- 贴息
	purpose TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE loan_id_seq OWNED BY loan.id;
CREATE INDEX loan_village ON loan (village, product);

CREATE TABLE job_fair (
	id BIGINT PRIMARY KEY,
	fair_date INTEGER NOT NULL,
	name TEXT COLLATE "C" NOT NULL,
	division BIGINT NOT NULL,
	place TEXT COLLATE "C",
	organizer TEXT COLLATE "C",
	employers INTEGER,
	jobs INTEGER NOT NULL,
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE job_fair_id_seq OWNED BY job_fair.id;
CREATE INDEX job_fair_division ON job_fair (division, fair_date);

-- Aid to a person or a household: health_checkup, medical_insurance, serious_illness_insurance (year, premium
-- and who paid it), yulu, charity_card, charity_visit.
CREATE TABLE aid (
	id BIGINT PRIMARY KEY,
	kind TEXT COLLATE "C" NOT NULL,
	household_id BIGINT NOT NULL REFERENCES household (id),
	member_id BIGINT REFERENCES member (id),
	village BIGINT NOT NULL,
	year INTEGER,
	aid_date INTEGER NOT NULL,
	amount BIGINT,
	paid_by TEXT COLLATE "C",
	provider TEXT COLLATE "C",
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE aid_id_seq OWNED BY aid.id;
CREATE INDEX aid_kind ON aid (kind, village, aid_date);
CREATE INDEX aid_member ON aid (member_id, kind, year);
CREATE INDEX aid_household ON aid (household_id);

-- 帮扶项目资产 (DOMAIN.md §7.7): class, value, 确权 (owner level, and the household for 到户类), disposal.
CREATE TABLE asset (
	id BIGINT PRIMARY KEY,
	project_id BIGINT REFERENCES project (id),
	name TEXT COLLATE "C" NOT NULL,
	class TEXT COLLATE "C" NOT NULL,                    -- operating, public, household
	village BIGINT NOT NULL,
	value BIGINT NOT NULL,
	fund_source TEXT COLLATE "C",
	owner_level TEXT COLLATE "C" NOT NULL,              -- county, town, village, household
	owner_household_id BIGINT REFERENCES household (id),
	operator TEXT COLLATE "C",
	formed_on INTEGER NOT NULL,
	confirmed_on INTEGER,
	disposed_on INTEGER,
	disposal TEXT COLLATE "C",
	note TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE asset_id_seq OWNED BY asset.id;
CREATE INDEX asset_village ON asset (village, class);

-- 督查问责: a case, the households it concerns and the persons held accountable.
CREATE TABLE supervision_case (
	id BIGINT PRIMARY KEY,
	found_on INTEGER NOT NULL,
	source TEXT COLLATE "C" NOT NULL,
	category TEXT COLLATE "C" NOT NULL,
	division BIGINT NOT NULL,
	problem TEXT COLLATE "C" NOT NULL,
	transferred_to TEXT COLLATE "C",
	transferred_on INTEGER,
	deadline INTEGER,
	rectified_on INTEGER,
	result TEXT COLLATE "C",
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE supervision_case_id_seq OWNED BY supervision_case.id;
CREATE INDEX supervision_case_division ON supervision_case (division, found_on);

CREATE TABLE case_household (
	id BIGINT PRIMARY KEY,
	case_id BIGINT NOT NULL REFERENCES supervision_case (id),
	household_id BIGINT NOT NULL REFERENCES household (id),
	village BIGINT NOT NULL,
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE case_household_id_seq OWNED BY case_household.id;
CREATE INDEX case_household_case ON case_household (case_id);

CREATE TABLE case_person (
	id BIGINT PRIMARY KEY,
	case_id BIGINT NOT NULL REFERENCES supervision_case (id),
	division BIGINT NOT NULL,
	name TEXT COLLATE "C" NOT NULL,
	unit TEXT COLLATE "C",
	post TEXT COLLATE "C",
	measure TEXT COLLATE "C" NOT NULL,                  -- 诫勉谈话, 党纪处分, 政务处分, ...
	decided_on INTEGER,
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE case_person_id_seq OWNED BY case_person.id;
CREATE INDEX case_person_case ON case_person (case_id);

-- 12317 and other complaints, followed to an answer.
CREATE TABLE complaint (
	id BIGINT PRIMARY KEY,
	channel TEXT COLLATE "C" NOT NULL,
	received_on INTEGER NOT NULL,
	division BIGINT NOT NULL,
	household_id BIGINT REFERENCES household (id),
	complainant TEXT COLLATE "C",
	phone TEXT COLLATE "C",
	category TEXT COLLATE "C",
	content TEXT COLLATE "C" NOT NULL,
	assigned_to TEXT COLLATE "C",
	deadline INTEGER,
	answered_on INTEGER,
	answer TEXT COLLATE "C",
	case_id BIGINT REFERENCES supervision_case (id),
	recorded_at BIGINT NOT NULL,
	recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE SEQUENCE complaint_id_seq OWNED BY complaint.id;
CREATE INDEX complaint_division ON complaint (division, received_on);
