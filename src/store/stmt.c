/* stmt.c: every SQL statement of Tuopin, side by side for SQLite and PostgreSQL (NULL where the text is the
 * same). Parameters are $1, $2, ...; nothing is ever built from user data. Scoped statements take the
 * division range as their last two parameters. "As now known" is recorded_to = the open end. */
#include "store/stmt.h"

#include "store/store.h"
#include "store/store_impl.h"

#define OPEN_DATE "99991231"
#define OPEN_REC "99991231235959"

#define HH_COLS "h.id, h.hh_no, h.village, h.status, h.monitored, h.attribute, h.cause_main, h.cause_other, " \
	"h.id_standard, h.identified_ym, h.exit_year, h.phone, h.code_version, h.created_at, h.updated_at, h.bank, " \
	"h.bank_account"
#define M_COLS "m.id, m.household_id, m.id_no, m.id_kind, m.name, m.sex, m.birth, m.relation, m.ethnicity, " \
	"m.education, m.schooling, m.health, m.labor, m.work_status, m.work_months, m.ins_medical, m.ins_serious, " \
	"m.ins_pension, m.dibao, m.tekun, m.phone, m.info_date"
#define EV_COLS "e.id, e.household_id, e.member_id, e.target_household_id, e.type, e.reason, e.effective, " \
	"e.batch, e.correction, e.chain_kind, e.chain_id, e.from_status, e.to_status, e.actor, e.recorded_at, e.detail"

#define U_COLS "u.id, u.name, u.display_name, u.role, u.division, u.pw_hash, u.locked, u.failed, u.locked_until, " \
	"u.must_change, u.created_at, u.updated_at"
#define A_COLS "id, at, actor, action, object, detail, ip, prev_hash, hash"
/* The search $6: a 户编号 or a 证件号码, found once through their indexes (not tested household by
 * household), or part of a name: $7 within a town or a village (each household's members read), $8 over a
 * county or more (every name read once); both NULL when the text cannot be part of a name. Not LIKE: SQLite
 * recompiles a statement whose LIKE pattern is a parameter each time it is bound. */
#define HH_LIST_WHERE "WHERE h.village BETWEEN $1 AND $2 AND ($3 IS NULL OR h.status = $3) " \
	"AND ($4 IS NULL OR h.attribute = $4) AND ($5 IS NULL OR h.cause_main = $5) " \
	"AND ($6 IS NULL OR h.id IN (SELECT x.id FROM household x WHERE x.hh_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE m.id_no = $6) " \
	"OR ($7 IS NOT NULL AND EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id AND instr(m.name, $7) > 0)) " \
	"OR ($8 IS NOT NULL AND h.id IN (SELECT m.household_id FROM member m WHERE instr(m.name, $8) > 0)))"
/* PostgreSQL types a parameter where it first meets it, and "$3 IS NULL" says nothing: cast there. */
#define HH_LIST_WHERE_PG "WHERE h.village BETWEEN $1 AND $2 AND ($3::text IS NULL OR h.status = $3) " \
	"AND ($4::text IS NULL OR h.attribute = $4) AND ($5::text IS NULL OR h.cause_main = $5) " \
	"AND ($6::text IS NULL OR h.id IN (SELECT x.id FROM household x WHERE x.hh_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE m.id_no = $6) " \
	"OR ($7::text IS NOT NULL AND EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id " \
	"AND strpos(m.name, $7) > 0)) " \
	"OR ($8::text IS NOT NULL AND h.id IN (SELECT m.household_id FROM member m WHERE strpos(m.name, $8) > 0)))"

#define AUDIT_WHERE "WHERE at BETWEEN $1 AND $2 AND ($3 IS NULL OR actor = $3) AND ($4 IS NULL OR action = $4) " \
	"AND ($5 IS NULL OR object = $5)"
#define AUDIT_WHERE_PG "WHERE at BETWEEN $1 AND $2 AND ($3::text IS NULL OR actor = $3) " \
	"AND ($4::text IS NULL OR action = $4) AND ($5::text IS NULL OR object = $5)"

/* Statuses in the order of their code list (src/domain/codes.c): poor, returned, exited, removed, cancelled. */
#define STATUS_ORDER "CASE h.status WHEN 'poor' THEN 1 WHEN 'returned' THEN 2 WHEN 'exited_supported' THEN 3 " \
	"WHEN 'exited_unsupported' THEN 4 WHEN 'removed' THEN 5 WHEN 'cancelled' THEN 6 ELSE 7 END"

/* The page is chosen first (ordered and limited on the household table alone, one statement per order so
 * an index can give it); the head's name and the size are then looked up for the page's rows only. */
#define HH_LIST(where, order) "SELECT " HH_COLS ", (SELECT m.name FROM membership_span s JOIN member m " \
	"ON m.id = s.member_id WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC " AND s.valid_to = " \
	OPEN_DATE " AND m.relation = '01' ORDER BY m.id LIMIT 1), " \
	"(SELECT COUNT(*) FROM membership_span s WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC \
	" AND s.valid_to = " OPEN_DATE ") FROM (SELECT h.* FROM household h " where " ORDER BY " order \
	" LIMIT $9 OFFSET $10) h ORDER BY " order

#define BREAKDOWN(col) "SELECT " col ", hs.status, COUNT(DISTINCT h.id), COUNT(m.id) FROM household h " \
	"JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 AND $1 < hs.valid_to " \
	"AND hs.recorded_to = " OPEN_REC " LEFT JOIN membership_span m ON m.household_id = h.id " \
	"AND m.valid_from <= $1 AND $1 < m.valid_to AND m.recorded_to = " OPEN_REC " " \
	"WHERE h.village BETWEEN $2 AND $3 GROUP BY " col ", hs.status"

/* Household-level change rows: 户 = distinct households, 人 = distinct members on the effective date.
 * T is the "as known at" stamp, LO and HI the division range. */
#define CHANGES_H(where, T, LO, HI, superseded) \
	"SELECT e.type, COUNT(DISTINCT e.household_id), COUNT(DISTINCT m.member_id) " \
	"FROM change_event e JOIN household h ON h.id = e.household_id " \
	"LEFT JOIN membership_span m ON m.household_id = e.household_id AND m.valid_from <= e.effective " \
	"AND e.effective < m.valid_to AND m.recorded_from <= " T " AND " T " < m.recorded_to " \
	"WHERE " where " AND e.member_id IS NULL AND e.type NOT IN ('merge', 'data_fix') " \
	"AND e.recorded_at <= " T " AND h.village BETWEEN " LO " AND " HI " " superseded " GROUP BY e.type"
/* Member-level change rows: 户 = distinct households, 人 = distinct members named by the events. */
#define CHANGES_M(where, T, LO, HI, superseded) \
	"SELECT e.type, COUNT(DISTINCT e.household_id), COUNT(DISTINCT e.member_id) " \
	"FROM change_event e JOIN household h ON h.id = e.household_id " \
	"WHERE " where " AND e.type IN ('member_add', 'member_remove', 'merge', 'data_fix') " \
	"AND e.recorded_at <= " T " AND h.village BETWEEN " LO " AND " HI " " superseded " GROUP BY e.type"
/* Column lists in insert_row order: COPY's column list and the copy's SELECTs use the same text. */
#define HOUSEHOLD_COLUMNS "id, hh_no, village, status, monitored, attribute, cause_main, cause_other, " \
	"id_standard, identified_ym, exit_year, phone, code_version, created_at, updated_at, bank, bank_account"
#define MEMBER_COLUMNS "id, household_id, id_no, id_kind, name, sex, birth, relation, ethnicity, education, " \
	"schooling, health, labor, work_status, work_months, ins_medical, ins_serious, ins_pension, dibao, tekun, " \
	"phone, info_date"
#define STATUS_SPAN_COLUMNS "id, household_id, status, valid_from, valid_to, recorded_from, recorded_to, event_id"
#define MEMBER_SPAN_COLUMNS "id, member_id, household_id, valid_from, valid_to, recorded_from, recorded_to, event_id"
#define EVENT_COLUMNS "id, household_id, member_id, target_household_id, type, reason, effective, batch, " \
	"correction, chain_kind, chain_id, from_status, to_status, actor, recorded_at, workflow_id, detail"
#define INCOME_COLUMNS "household_id, year, wage, business, property, transfer, business_cost, net_pc, size"

/* A page of the copy: rows after the key (a row value for composite keys) in key order. */
#define COPY_PAGE(cols, table, key, after, limit) \
	"SELECT " cols " FROM " table " WHERE (" key ") > " after " ORDER BY " key " LIMIT " limit
/* PostgreSQL: the next id drawn from the sequence is past every copied id. */
#define SEQ_PAST(table) "SELECT setval('" table "_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM " table "), false)"
/* The same for an identity column, whose sequence the database names. */
#define IDENTITY_PAST(table) "SELECT setval(pg_get_serial_sequence('" table "', 'id'), " \
	"(SELECT COALESCE(MAX(id), 0) + 1 FROM " table "), false)"
#define USER_COLUMNS "id, name, display_name, role, division, pw_hash, locked, failed, locked_until, must_change, " \
	"created_at, updated_at"
#define SESSION_COLUMNS "id, token_hash, user_id, csrf, created_at, seen_at, ip"
#define TOKEN_COLUMNS "id, token_hash, user_id, name, created_at, expires_at, last_used, revoked"

/* ---- data quality ---- */
#define REGISTERED "('poor', 'returned', 'exited_supported', 'exited_unsupported')"
/* Households registered on D (as now known), and the members present then, in the villages [LO, HI]. */
#define HH_ON(D) "JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= " D " AND " D \
	" < hs.valid_to AND hs.recorded_to = " OPEN_REC " AND hs.status IN " REGISTERED " "
#define MEMBERS_ON(D, LO, HI) "FROM membership_span s JOIN member m ON m.id = s.member_id " \
	"JOIN household h ON h.id = s.household_id " HH_ON(D) "WHERE s.valid_from <= " D " AND " D " < s.valid_to " \
	"AND s.recorded_to = " OPEN_REC " AND h.village BETWEEN " LO " AND " HI " "
/* A rule row: the household, the member (or NULLs), then v[0..7] and t (store_check.c reads them). */
#define RULE_HH "h.id, h.hh_no, h.village, hs.status, h.monitored, "
#define RULE_NO_MEMBER "NULL, NULL, NULL, NULL, "
#define RULE_MEMBER "m.id, m.name, m.id_no, m.sex, "
#define NULLS2 "NULL, NULL"
#define NULLS4 NULLS2 ", " NULLS2
/* The latest income year up to Y with a per-capita income. */
#define LATEST_INCOME(Y) "(SELECT MAX(j.year) FROM income_year j WHERE j.household_id = h.id AND j.year <= " Y \
	" AND j.net_pc IS NOT NULL)"
/* An external list row's number held by a member: the same 18 characters, or a disability card (20 or 22
 * characters) that begins with them. A range of the member's index, so each row costs one index descent. */
#define HOLDS(M, E) M ".id_no >= " E ".id_no AND " M ".id_no <= " E ".id_no || ':'"
/* The latest live list of a kind, dated on or before D, that applies to village V. */
#define LATEST_LIST(KIND, D, V) "(SELECT l2.id FROM external_list l2 WHERE l2.kind = " KIND \
	" AND l2.deleted_at IS NULL AND l2.list_date <= " D " AND " V " BETWEEN l2.division AND l2.division_hi " \
	"ORDER BY l2.list_date DESC, l2.id DESC LIMIT 1)"
#define EXT_ROW "l.id, l.list_date, l.source, e.row_no, e.name, e.id_no, e.value, e.data, e.day, e.village, "
/* A list's rows matched with the members they hold, in this order: the entries of the list, each member by the
 * index on id_no, then the member's span, household and status. J is the join: SQLite's planner, without
 * statistics, would rather scan the households and look every list up by its id (a million members times a
 * million rows); its CROSS JOIN keeps the order as written. PostgreSQL plans these itself (JOIN). */
#define EXT_MATCHES(J) "SELECT " EXT_ROW "m.id, h.id, h.village, h.hh_no, m.name, m.id_no, hs.status, h.monitored, " \
	"(SELECT MIN(x.valid_from) FROM membership_span x WHERE x.member_id = m.id AND x.recorded_to = " OPEN_REC "), " \
	"m.dibao, m.tekun, m.ins_medical, m.ins_pension, m.work_months, m.health, m.work_status " \
	"FROM external_list l " J " external_entry e ON e.list_id = l.id " J " member m ON " HOLDS("m", "e") \
	" " J " membership_span s ON s.member_id = m.id AND s.valid_from <= $2 AND $2 < s.valid_to " \
	"AND s.recorded_to = " OPEN_REC " " J " household h ON h.id = s.household_id " \
	J " household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $2 AND $2 < hs.valid_to " \
	"AND hs.recorded_to = " OPEN_REC " AND hs.status IN " REGISTERED " " \
	"WHERE l.kind = $1 AND l.deleted_at IS NULL AND l.list_date <= $2 AND h.village BETWEEN $3 AND $4 " \
	"AND ($5 = 0 OR l.id = " LATEST_LIST("l.kind", "$2", "h.village") ") " \
	"ORDER BY h.hh_no, m.id, l.list_date DESC, l.id DESC, e.row_no"
#define EXT_MATCH_COUNTS(J) "SELECT COUNT(*), COALESCE(SUM(CASE WHEN m.name <> e.name THEN 1 ELSE 0 END), 0) " \
	"FROM external_entry e " J " member m ON " HOLDS("m", "e") " " J " membership_span s ON s.member_id = m.id " \
	"AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC " " J " household h ON " \
	"h.id = s.household_id " J " household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $2 " \
	"AND $2 < hs.valid_to AND hs.recorded_to = " OPEN_REC " AND hs.status IN " REGISTERED " " \
	"WHERE e.list_id = $1 AND h.village BETWEEN $3 AND $4"
/* (+e.list_id: the roll is looked up by id_no, not scanned whole for each member, as SQLite would without
 * statistics) */
#define NOT_ON_ROLL(flag) "SELECT " RULE_HH RULE_MEMBER "r.id, r.list_date, " NULLS2 ", " NULLS4 ", NULL " \
	"FROM membership_span s JOIN member m ON m.id = s.member_id JOIN household h ON h.id = s.household_id " \
	HH_ON("$2") "JOIN external_list r ON r.id = " LATEST_LIST("$1", "$2", "h.village") " " \
	"WHERE s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC " AND h.village BETWEEN $3 AND $4 " \
	"AND m." flag " = 1 AND NOT EXISTS (SELECT 1 FROM external_entry e WHERE +e.list_id = r.id " \
	"AND e.id_no = substr(m.id_no, 1, 18)) ORDER BY h.hh_no, m.id"
#define F_COLS "f.id, f.rule, f.subject, f.household_id, f.member_id, f.village, f.source, f.list_id, f.message_zh, " \
	"f.message_en, f.evidence, f.fact, f.state, f.waiver_pending, f.waiver_reason, f.waiver_by, f.waiver_at, " \
	"f.first_run, f.last_run, f.opened_at, f.closed_at, f.fix_kind, f.fix_ref, f.updated_at, h.hh_no, m.name, " \
	"m.id_no, CASE WHEN l.deleted_at IS NULL THEN 0 ELSE 1 END"
#define F_FROM "FROM finding f LEFT JOIN household h ON h.id = f.household_id LEFT JOIN member m ON m.id = f.member_id " \
	"LEFT JOIN external_list l ON l.id = f.list_id "
/* $1 $2 the division range, $3 state, $4 pending only, $5 rule codes (JSON), $6 household, $7 closed since */
#define F_WHERE "WHERE f.village BETWEEN $1 AND $2 AND ($3 IS NULL OR f.state = $3) AND ($4 = 0 OR f.waiver_pending = 1) " \
	"AND ($5 IS NULL OR f.rule IN (SELECT value FROM json_each($5))) AND ($6 = 0 OR f.household_id = $6) " \
	"AND ($7 = 0 OR f.state = 'open' OR f.closed_at >= $7) "
#define F_WHERE_PG "WHERE f.village BETWEEN $1 AND $2 AND ($3::text IS NULL OR f.state = $3) " \
	"AND ($4 = 0 OR f.waiver_pending = 1) " \
	"AND ($5::text IS NULL OR f.rule IN (SELECT json_array_elements_text($5::json))) " \
	"AND ($6::bigint = 0 OR f.household_id = $6) AND ($7::bigint = 0 OR f.state = 'open' OR f.closed_at >= $7) "
#define RUN_COLUMNS "id, as_of, division, rules, actor, started_at, finished_at, households, members, opened, " \
	"reopened, closed, still_open"
#define EXT_LIST_COLUMNS "id, kind, source, list_date, division, division_hi, file, n_rows, imported_at, imported_by, " \
	"deleted_at, deleted_by"
#define EXT_ENTRY_COLUMNS "list_id, row_no, id_no, name, day, village, value, data"
#define FINDING_COLUMNS "id, rule, subject, household_id, member_id, village, source, list_id, message_zh, " \
	"message_en, evidence, fact, state, waiver_pending, waiver_reason, waiver_by, waiver_at, first_run, last_run, " \
	"opened_at, closed_at, fix_kind, fix_ref, updated_at"
#define FINDING_EVENT_COLUMNS "id, finding_id, at, actor, action, note, run_id, ref_kind, ref_id"
#define CAMPAIGN_COLUMNS "id, name, rules, division, start_day, deadline, created_by, created_at"

/* The open findings a run did not see: $1 $2 its range, $3 its division, $4 the run, $5 the codes of the
 * rules that ran (JSON), $6 of the history rules among them (closed in the run's own division only), $7 the
 * day; one from a deleted list stays open while its member is still in the registry. */
#define CLOSE_COND(JSON5, JSON6) "finding.state = 'open' AND finding.last_run <> $4 AND ((finding.village BETWEEN $1 " \
	"AND $2 AND finding.rule IN (" JSON5 ")) OR (finding.village = $3 AND finding.rule IN (" JSON6 "))) " \
	"AND NOT (finding.list_id IS NOT NULL AND EXISTS (SELECT 1 FROM external_list l WHERE l.id = finding.list_id " \
	"AND l.deleted_at IS NOT NULL) AND (finding.member_id IS NULL OR EXISTS (SELECT 1 FROM membership_span s " \
	"JOIN household h ON h.id = s.household_id " HH_ON("$7") "WHERE s.member_id = finding.member_id " \
	"AND s.valid_from <= $7 AND $7 < s.valid_to AND s.recorded_to = " OPEN_REC ")))"
#define CLOSE_LITE CLOSE_COND("SELECT value FROM json_each($5)", "SELECT value FROM json_each($6)")
#define CLOSE_PG CLOSE_COND("SELECT json_array_elements_text($5::json)", "SELECT json_array_elements_text($6::json)")

#define NOT_SUPERSEDED(T) "AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id AND x.at <= " T ")"

const struct stmt_text stmt_texts[STMT__MAX] = {
	[STMT_MIG_TABLE] = { "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
		"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
		"AND table_name = 'schema_migrations'" },
	[STMT_MIG_VERSION] = { "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", NULL },
	[STMT_MIG_RECORD] = { "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", NULL },
	[STMT_META_GET] = { "SELECT value FROM meta WHERE key = $1", NULL },
	[STMT_META_SET] = { "INSERT INTO meta (key, value) VALUES ($1, $2) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value", NULL },

	[STMT_DIV_GET] = { "SELECT code, name, level, parent, poor_village, exit_year, rural_pop FROM division "
		"WHERE code = $1", NULL },
	[STMT_DIV_UPSERT] = { "INSERT INTO division (code, name, level, parent, poor_village, exit_year, rural_pop) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
		"level = excluded.level, parent = excluded.parent, poor_village = excluded.poor_village, "
		"exit_year = excluded.exit_year, rural_pop = excluded.rural_pop", NULL },
	[STMT_DIV_EXISTS] = { "SELECT 1 FROM division WHERE code = $1", NULL },
	[STMT_DIV_RANGE] = { "SELECT code, name, level, parent, poor_village, exit_year, rural_pop FROM division "
		"WHERE code BETWEEN $1 AND $2 ORDER BY code", NULL },
	[STMT_DIV_BY_NAME] = { "SELECT code, name, level, parent, poor_village, exit_year, rural_pop FROM division "
		"WHERE name = $1 ORDER BY code", NULL },
	[STMT_DIV_COUNT] = { "SELECT COUNT(*) FROM division", NULL },
	/* the divisions' generation: every change bumps it, so connections know when their cached tree is stale */
	[STMT_DIV_GEN] = { "SELECT value FROM meta WHERE key = 'divisions_gen'", NULL },
	[STMT_DIV_GEN_BUMP] = { "INSERT INTO meta (key, value) VALUES ('divisions_gen', '1') ON CONFLICT (key) DO UPDATE "
		"SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)", NULL },

	[STMT_HH_BY_NO] = { "SELECT " HH_COLS " FROM household h WHERE h.hh_no = $1 AND h.village BETWEEN $2 AND $3",
		NULL },
	[STMT_HH_BY_ID] = { "SELECT " HH_COLS " FROM household h WHERE h.id = $1 AND h.village BETWEEN $2 AND $3",
		NULL },
	[STMT_HH_NO_EXISTS] = { "SELECT 1 FROM household WHERE hh_no = $1", NULL },
	/* lists of keys come as one JSON array of strings ($1), the same text for both engines */
	[STMT_HH_NOS_EXIST] = { "SELECT hh_no FROM household WHERE hh_no IN (SELECT value FROM json_each($1))",
		/* driven from the keys, so that a table whose statistics are stale (just filled, not analysed
		 * yet) is still read through its index and not scanned once per thousand keys */
		"SELECT h.hh_no FROM (SELECT DISTINCT json_array_elements_text($1::json) AS no) k "
		"JOIN household h ON h.hh_no = k.no" },
	[STMT_HH_SET_STATUS] = { "UPDATE household SET status = $2, monitored = $3, updated_at = $4 "
		"WHERE id = $1 AND village BETWEEN $5 AND $6", NULL },
	[STMT_HH_UPDATE] = { "UPDATE household SET attribute = $2, cause_main = $3, cause_other = $4, "
		"id_standard = $5, identified_ym = $6, exit_year = $7, phone = $8, updated_at = $9, bank = $12, "
		"bank_account = $13 WHERE id = $1 AND village BETWEEN $10 AND $11", NULL },
	[STMT_HH_COUNT] = { "SELECT COUNT(*) FROM household h WHERE h.village BETWEEN $1 AND $2", NULL },

	[STMT_MEMBER_UPDATE] = { "UPDATE member SET name = $2, sex = $3, relation = $4, ethnicity = $5, "
		"education = $6, schooling = $7, health = $8, labor = $9, work_status = $10, work_months = $11, "
		"ins_medical = $12, ins_serious = $13, ins_pension = $14, dibao = $15, tekun = $16, phone = $17, "
		"info_date = $18, household_id = $19 WHERE id = $1 AND household_id IN "
		"(SELECT id FROM household WHERE village BETWEEN $20 AND $21)", NULL },
	[STMT_MEMBER_BY_ID] = { "SELECT " M_COLS " FROM member m JOIN household h ON h.id = m.household_id "
		"WHERE m.id = $1 AND h.village BETWEEN $2 AND $3", NULL },
	[STMT_MEMBER_IN_HH] = { "SELECT " M_COLS " FROM member m JOIN household h ON h.id = m.household_id "
		"WHERE m.id_no = $2 AND h.village BETWEEN $3 AND $4 AND (m.household_id = $1 OR m.id IN "
		"(SELECT s.member_id FROM membership_span s WHERE s.household_id = $1)) ORDER BY m.id", NULL },
	[STMT_MEMBERS_AT] = { "SELECT " M_COLS " FROM membership_span s JOIN member m ON m.id = s.member_id "
		"JOIN household h ON h.id = s.household_id "
		"WHERE s.household_id = $1 AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC
		" AND h.village BETWEEN $3 AND $4 ORDER BY CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id", NULL },
	[STMT_MEMBERS_ALL] = { "SELECT " M_COLS " FROM member m JOIN household h ON h.id = m.household_id "
		"WHERE m.household_id = $1 AND h.village BETWEEN $2 AND $3 ORDER BY m.id", NULL },
	[STMT_IDNOS_CURRENT] = { "SELECT m.id_no, h.hh_no FROM member m JOIN membership_span s ON s.member_id = m.id "
		"JOIN household h ON h.id = s.household_id JOIN household_status_span hs ON hs.household_id = h.id "
		"AND hs.valid_from <= $2 AND $2 < hs.valid_to AND hs.recorded_to = " OPEN_REC
		" WHERE m.id_no IN (SELECT value FROM json_each($1)) AND s.valid_from <= $2 AND $2 < s.valid_to "
		"AND s.recorded_to = " OPEN_REC " AND hs.status IN ('poor', 'returned', 'exited_supported', "
		"'exited_unsupported') ORDER BY m.id",
		/* Each step a fence (MATERIALIZED): the keys find their members through the index, those their
		 * spans, and so on, whatever the statistics say; without the fences, over tables just filled
		 * (estimated near empty), the planner scans every status span and joins the keys last. */
		"WITH k AS MATERIALIZED (SELECT DISTINCT json_array_elements_text($1::json) AS id), "
		"mm AS MATERIALIZED (SELECT m.id, m.id_no FROM k JOIN member m ON m.id_no = k.id), "
		"ms AS MATERIALIZED (SELECT mm.id, mm.id_no, s.household_id FROM mm JOIN membership_span s "
		"ON s.member_id = mm.id AND s.recorded_to = " OPEN_REC " AND s.valid_from <= $2 AND $2 < s.valid_to) "
		"SELECT ms.id_no, h.hh_no FROM ms JOIN household h ON h.id = ms.household_id "
		"JOIN household_status_span hs ON hs.household_id = h.id AND hs.recorded_to = " OPEN_REC
		" AND hs.valid_from <= $2 AND $2 < hs.valid_to AND hs.status IN ('poor', 'returned', "
		"'exited_supported', 'exited_unsupported') ORDER BY ms.id" },
	[STMT_IDNO_CURRENT] = { "SELECT h.hh_no, m.id FROM member m JOIN membership_span s ON s.member_id = m.id "
		"JOIN household h ON h.id = s.household_id JOIN household_status_span hs ON hs.household_id = h.id "
		"AND hs.valid_from <= $2 AND $2 < hs.valid_to AND hs.recorded_to = " OPEN_REC
		" WHERE m.id_no = $1 AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC
		" AND hs.status IN ('poor', 'returned', 'exited_supported', 'exited_unsupported') ORDER BY m.id", NULL },

	[STMT_SPANS_STATUS] = { "SELECT id, household_id, status, valid_from, valid_to, recorded_from, recorded_to, "
		"event_id FROM household_status_span WHERE household_id = $1 AND recorded_to = " OPEN_REC
		" ORDER BY valid_from, id", NULL },
	[STMT_SPANS_MEMBER] = { "SELECT id, member_id, household_id, valid_from, valid_to, recorded_from, "
		"recorded_to, event_id FROM membership_span WHERE member_id = $1 AND recorded_to = " OPEN_REC
		" ORDER BY valid_from, id", NULL },
	[STMT_SPANS_MEMBER_OF_HH] = { "SELECT id, member_id, household_id, valid_from, valid_to, recorded_from, "
		"recorded_to, event_id FROM membership_span WHERE household_id = $1 AND recorded_to = " OPEN_REC
		" ORDER BY member_id, valid_from, id", NULL },
	[STMT_SPAN_CLOSE_STATUS] = { "UPDATE household_status_span SET recorded_to = $2 WHERE id = $1", NULL },
	[STMT_SPAN_CLOSE_MEMBER] = { "UPDATE membership_span SET recorded_to = $2 WHERE id = $1", NULL },

	[STMT_EVENT_SUPERSEDE] = { "INSERT INTO event_supersession (event_id, by_event_id, at) "
		"SELECT e.id, $4, $5 FROM change_event e WHERE e.chain_kind = $1 AND e.chain_id = $2 "
		"AND e.effective >= $3 AND e.id <> $4 "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id)",
		"INSERT INTO event_supersession (event_id, by_event_id, at) "
		"SELECT e.id, $4::bigint, $5::bigint FROM change_event e WHERE e.chain_kind = $1 AND e.chain_id = $2 "
		"AND e.effective >= $3 AND e.id <> $4 "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id)" },
	[STMT_HH_LATEST_CHANGE] = { "SELECT COALESCE(MAX(e.effective), 0) FROM change_event e "
		"WHERE (e.household_id = $1 OR e.target_household_id = $1) "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id)", NULL },
	/* with the member each event names and the household on the other side of a split or merge, with the
	 * villages their scope is checked against */
	[STMT_EVENTS_OF_HH] = { "SELECT " EV_COLS ", (SELECT COUNT(*) FROM event_supersession x "
		"WHERE x.event_id = e.id), m.id, m.name, m.id_no, mh.village, oh.hh_no, oh.village FROM change_event e "
		"LEFT JOIN member m ON m.id = e.member_id LEFT JOIN household mh ON mh.id = m.household_id "
		"LEFT JOIN household oh ON oh.id = CASE WHEN e.household_id <> $1 THEN e.household_id "
		"ELSE e.target_household_id END "
		"WHERE e.household_id = $1 OR e.target_household_id = $1 ORDER BY e.id", NULL },
	[STMT_LAST_STAMP] = { "SELECT COALESCE(MAX(recorded_at), 0) FROM change_event", NULL },

	[STMT_AGG_ADD] = { "INSERT INTO stat_delta (village, status, day, households, persons) "
		"VALUES ($1, $2, $3, $4, $5) ON CONFLICT (village, status, day) DO UPDATE SET "
		"households = stat_delta.households + excluded.households, "
		"persons = stat_delta.persons + excluded.persons", NULL },

	[STMT_ROLLUP_ADD] = { "INSERT INTO stat_rollup (level, division, status, day, households, persons) "
		"VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (level, division, status, day) DO UPDATE SET "
		"households = stat_rollup.households + excluded.households, "
		"persons = stat_rollup.persons + excluded.persons", NULL },
	[STMT_STATS_ROLLUP] = { "SELECT d.division, d.status, SUM(d.households), SUM(d.persons) FROM stat_rollup d "
		"WHERE d.level = $1 AND d.day <= $2 AND d.division BETWEEN $3 AND $4 GROUP BY d.division, d.status", NULL },
	[STMT_STATS_AGG] = { "SELECT d.village, d.status, SUM(d.households), SUM(d.persons) FROM stat_delta d "
		"WHERE d.day <= $1 AND d.village BETWEEN $2 AND $3 GROUP BY d.village, d.status", NULL },
	[STMT_STATS_SCAN_H] = { "SELECT h.village, s.status, COUNT(*) FROM household_status_span s "
		"JOIN household h ON h.id = s.household_id WHERE s.valid_from <= $1 AND $1 < s.valid_to "
		"AND s.recorded_from <= $2 AND $2 < s.recorded_to AND h.village BETWEEN $3 AND $4 "
		"GROUP BY h.village, s.status", NULL },
	[STMT_STATS_SCAN_P] = { "SELECT h.village, s.status, COUNT(*) FROM membership_span m "
		"JOIN household_status_span s ON s.household_id = m.household_id AND s.valid_from <= $1 "
		"AND $1 < s.valid_to AND s.recorded_from <= $2 AND $2 < s.recorded_to "
		"JOIN household h ON h.id = m.household_id WHERE m.valid_from <= $1 AND $1 < m.valid_to "
		"AND m.recorded_from <= $2 AND $2 < m.recorded_to AND h.village BETWEEN $3 AND $4 "
		"GROUP BY h.village, s.status", NULL },

	/* by date: $1 from, $2 to, $3 as-known-at, $4 $5 division range; by batch: $1 batch, $2 $3 $4 */
	[STMT_CHANGES_H_EFF] = { CHANGES_H("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3")), NULL },
	[STMT_CHANGES_H_REC] = { CHANGES_H("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3")), NULL },
	[STMT_CHANGES_H_BATCH] = { CHANGES_H("e.batch = $1", "$2", "$3", "$4", ""), NULL },
	[STMT_CHANGES_M_EFF] = { CHANGES_M("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3")), NULL },
	[STMT_CHANGES_M_REC] = { CHANGES_M("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3")), NULL },
	[STMT_CHANGES_M_BATCH] = { CHANGES_M("e.batch = $1", "$2", "$3", "$4", ""), NULL },

	[STMT_FLOWS] = { "SELECT e.household_id, e.member_id, e.target_household_id, e.type, e.from_status, "
		"e.to_status, e.effective, "
		"(SELECT COUNT(*) FROM membership_span m WHERE m.household_id = e.household_id "
		"AND m.valid_from <= e.effective AND e.effective < m.valid_to AND m.recorded_to = " OPEN_REC "), "
		"(SELECT s.status FROM household_status_span s WHERE s.household_id = e.household_id "
		"AND s.valid_from < e.effective AND e.effective <= s.valid_to AND s.recorded_to = " OPEN_REC "), "
		"(SELECT s.status FROM household_status_span s WHERE s.household_id = e.target_household_id "
		"AND s.valid_from < e.effective AND e.effective <= s.valid_to AND s.recorded_to = " OPEN_REC ") "
		"FROM change_event e JOIN household h ON h.id = e.household_id "
		"WHERE e.effective BETWEEN $1 AND $2 AND h.village BETWEEN $3 AND $4 "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id) ORDER BY e.id", NULL },

	[STMT_EACH_MEMBER] = { "SELECT " HH_COLS ", " M_COLS ", hs.status FROM membership_span s "
		"JOIN member m ON m.id = s.member_id JOIN household h ON h.id = s.household_id "
		"JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 AND $1 < hs.valid_to "
		"AND hs.recorded_to = " OPEN_REC " WHERE s.valid_from <= $1 AND $1 < s.valid_to "
		"AND s.recorded_to = " OPEN_REC " AND h.village BETWEEN $2 AND $3 "
		"ORDER BY h.hh_no, CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id", NULL },
	/* the same grouped by household in the order of an index (village, 户编号): no sort of the whole set */
	[STMT_EACH_MEMBER_GROUPED] = { "SELECT " HH_COLS ", " M_COLS ", hs.status FROM membership_span s "
		"JOIN member m ON m.id = s.member_id JOIN household h ON h.id = s.household_id "
		"JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 AND $1 < hs.valid_to "
		"AND hs.recorded_to = " OPEN_REC " WHERE s.valid_from <= $1 AND $1 < s.valid_to "
		"AND s.recorded_to = " OPEN_REC " AND h.village BETWEEN $2 AND $3 "
		"ORDER BY h.village, h.hh_no, CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id", NULL },
	/* the numbers held by more than one member row first (from the index alone), then which of those are held
	 * twice by members present in registered households: no sort of every member */
	[STMT_DUP_IDS] = { "SELECT m.id_no, COUNT(*) FROM (SELECT id_no FROM member GROUP BY id_no HAVING COUNT(*) > 1) c "
		"JOIN member m ON m.id_no = c.id_no JOIN membership_span s ON s.member_id = m.id "
		"JOIN household h ON h.id = s.household_id "
		"JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 AND $1 < hs.valid_to "
		"AND hs.recorded_to = " OPEN_REC " WHERE s.valid_from <= $1 AND $1 < s.valid_to "
		"AND s.recorded_to = " OPEN_REC " AND hs.status IN ('poor', 'returned', 'exited_supported', "
		"'exited_unsupported') AND h.village BETWEEN $2 AND $3 GROUP BY m.id_no HAVING COUNT(*) > 1 "
		"ORDER BY m.id_no", NULL },

	[STMT_LINE_GET] = { "SELECT amount FROM poverty_line WHERE year = $1 AND region = $2 AND kind = $3", NULL },
	[STMT_LINE_SET] = { "INSERT INTO poverty_line (year, region, kind, amount, note) VALUES ($1, $2, $3, $4, $5) "
		"ON CONFLICT (year, region, kind) DO UPDATE SET amount = excluded.amount, note = excluded.note", NULL },
	[STMT_INCOME_OF_HH] = { "SELECT household_id, year, wage, business, property, transfer, business_cost, "
		"net_pc, size FROM income_year WHERE household_id = $1 ORDER BY year", NULL },

	[STMT_USER_BY_NAME] = { "SELECT " U_COLS " FROM app_user u WHERE u.name = $1", NULL },
	[STMT_USER_BY_ID] = { "SELECT " U_COLS " FROM app_user u WHERE u.id = $1", NULL },
	[STMT_USER_INSERT] = { "INSERT INTO app_user (name, display_name, role, division, pw_hash, locked, failed, "
		"locked_until, must_change, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
		NULL },
	[STMT_USER_UPDATE] = { "UPDATE app_user SET display_name = $2, role = $3, division = $4, pw_hash = $5, "
		"locked = $6, failed = $7, locked_until = $8, must_change = $9, updated_at = $10 WHERE id = $1", NULL },
	[STMT_USER_LIST] = { "SELECT " U_COLS " FROM app_user u ORDER BY u.name", NULL },
	[STMT_SESSION_INSERT] = { "INSERT INTO session (token_hash, user_id, csrf, created_at, seen_at, ip) "
		"VALUES ($1, $2, $3, $4, $4, $5)", NULL },
	/* a request's session or token with its user, in one statement (one round trip on PostgreSQL) */
	[STMT_SESSION_GET] = { "SELECT " U_COLS ", s.id, s.user_id, s.csrf, s.created_at, s.seen_at FROM session s "
		"JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1", NULL },
	[STMT_SESSION_TOUCH] = { "UPDATE session SET seen_at = $2 WHERE id = $1", NULL },
	[STMT_SESSION_DELETE] = { "DELETE FROM session WHERE token_hash = $1", NULL },
	[STMT_SESSION_DELETE_USER] = { "DELETE FROM session WHERE user_id = $1", NULL },
	[STMT_SESSION_PURGE] = { "DELETE FROM session WHERE seen_at < $1 OR created_at < $2", NULL },
	[STMT_TOKEN_INSERT] = { "INSERT INTO api_token (token_hash, user_id, name, created_at, expires_at) "
		"VALUES ($1, $2, $3, $4, $5)", NULL },
	[STMT_TOKEN_GET] = { "SELECT " U_COLS ", t.id, t.user_id, t.expires_at, t.revoked FROM api_token t "
		"JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1", NULL },
	[STMT_TOKEN_TOUCH] = { "UPDATE api_token SET last_used = $2 WHERE id = $1", NULL },
	[STMT_TOKEN_REVOKE] = { "UPDATE api_token SET revoked = 1 WHERE id = $1 AND user_id = $2", NULL },
	[STMT_TOKEN_LIST] = { "SELECT id, name, created_at, expires_at, last_used, revoked FROM api_token "
		"WHERE user_id = $1 ORDER BY id", NULL },
	/* The head row serialises appends: PostgreSQL locks it for the rest of the transaction (SQLite holds the
	 * database's single write lock already). */
	[STMT_AUDIT_HEAD] = { "SELECT last_id, last_hash FROM audit_head WHERE id = 1",
		"SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE" },
	[STMT_AUDIT_INSERT] = { "INSERT INTO audit (id, at, actor, action, object, detail, ip, prev_hash, hash) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", NULL },
	[STMT_AUDIT_HEAD_SET] = { "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1", NULL },
	[STMT_AUDIT_FROM] = { "SELECT " A_COLS " FROM audit WHERE id >= $1 ORDER BY id", NULL },
	/* $1 $2 the stamps, $3 actor, $4 action, $5 object (NULL: any) */
	[STMT_AUDIT_PAGE] = { "SELECT " A_COLS " FROM audit " AUDIT_WHERE " ORDER BY id DESC LIMIT $6 OFFSET $7",
		"SELECT " A_COLS " FROM audit " AUDIT_WHERE_PG " ORDER BY id DESC LIMIT $6 OFFSET $7" },
	[STMT_AUDIT_COUNT] = { "SELECT COUNT(*) FROM audit " AUDIT_WHERE, "SELECT COUNT(*) FROM audit " AUDIT_WHERE_PG },
	/* Household list: every filter is optional (NULL matches all); $1 $2 the division range, $3 status,
	 * $4 attribute, $5 cause, $6 exact text (户编号, name or 证件号码), $7 name pattern, $8 sort, $9 limit,
	 * $10 offset. */
	[STMT_HH_LIST] = { HH_LIST(HH_LIST_WHERE, "h.hh_no"), HH_LIST(HH_LIST_WHERE_PG, "h.hh_no") },
	[STMT_HH_LIST_VILLAGE] = { HH_LIST(HH_LIST_WHERE, "h.village, h.hh_no"),
		HH_LIST(HH_LIST_WHERE_PG, "h.village, h.hh_no") },
	[STMT_HH_LIST_DESC] = { HH_LIST(HH_LIST_WHERE, "h.hh_no DESC"), HH_LIST(HH_LIST_WHERE_PG, "h.hh_no DESC") },
	[STMT_HH_LIST_VILLAGE_DESC] = { HH_LIST(HH_LIST_WHERE, "h.village DESC, h.hh_no"),
		HH_LIST(HH_LIST_WHERE_PG, "h.village DESC, h.hh_no") },
	[STMT_HH_LIST_STATUS] = { HH_LIST(HH_LIST_WHERE, STATUS_ORDER ", h.hh_no"),
		HH_LIST(HH_LIST_WHERE_PG, STATUS_ORDER ", h.hh_no") },
	/* "IS NULL" first: empty values last on both engines (SQLite sorts NULL first, PostgreSQL last) */
	[STMT_HH_LIST_ATTRIBUTE] = { HH_LIST(HH_LIST_WHERE, "h.attribute IS NULL, h.attribute, h.hh_no"),
		HH_LIST(HH_LIST_WHERE_PG, "h.attribute IS NULL, h.attribute, h.hh_no") },
	[STMT_HH_LIST_CAUSE] = { HH_LIST(HH_LIST_WHERE, "h.cause_main IS NULL, h.cause_main, h.hh_no"),
		HH_LIST(HH_LIST_WHERE_PG, "h.cause_main IS NULL, h.cause_main, h.hh_no") },
	[STMT_HH_LIST_COUNT] = { "SELECT COUNT(*) FROM household h " HH_LIST_WHERE,
		"SELECT COUNT(*) FROM household h " HH_LIST_WHERE_PG },
	[STMT_HH_MEMBER_COUNT] = { "SELECT COUNT(*) FROM membership_span s WHERE s.household_id = $1 "
		"AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC, NULL },

	/* Registered households and their members on $1 (as now known) by a household field, in $2..$3. */
	[STMT_BREAKDOWN_ATTRIBUTE] = { BREAKDOWN("h.attribute"), NULL },
	[STMT_BREAKDOWN_CAUSE] = { BREAKDOWN("h.cause_main"), NULL },

	/* ---- data quality: set-based rules ($1 the day, $2 .. as store_check.c binds them) ---- */
	[STMT_RULE_MEMBERS_NONE] = { "SELECT " RULE_HH RULE_NO_MEMBER NULLS4 ", " NULLS4 ", NULL FROM household h " HH_ON("$1")
		"WHERE h.village BETWEEN $2 AND $3 AND NOT EXISTS (SELECT 1 FROM membership_span s "
		"WHERE s.household_id = h.id AND s.valid_from <= $1 AND $1 < s.valid_to AND s.recorded_to = " OPEN_REC ") "
		"ORDER BY h.hh_no", NULL },
	[STMT_RULE_EXIT_YEAR] = { "SELECT " RULE_HH RULE_NO_MEMBER "h.exit_year, (SELECT MAX(e.effective) FROM change_event e "
		"WHERE e.household_id = h.id AND e.type = 'exit' AND e.effective <= $1 AND NOT EXISTS "
		"(SELECT 1 FROM event_supersession x WHERE x.event_id = e.id)), " NULLS2 ", " NULLS4 ", NULL "
		"FROM household h " HH_ON("$1") "WHERE h.village BETWEEN $2 AND $3 AND h.exit_year IS NOT NULL "
		"AND hs.status IN ('exited_supported', 'exited_unsupported') ORDER BY h.hh_no", NULL },
	[STMT_RULE_INCOME_LATEST] = { "SELECT " RULE_HH RULE_NO_MEMBER "i.year, i.net_pc, h.exit_year, h.identified_ym, " NULLS4
		", NULL "
		"FROM household h " HH_ON("$1") "LEFT JOIN income_year i ON i.household_id = h.id AND i.year = "
		LATEST_INCOME("$2") " WHERE h.village BETWEEN $3 AND $4 ORDER BY h.hh_no", NULL },
	[STMT_RULE_INCOME_ITEMS] = { "SELECT " RULE_HH RULE_NO_MEMBER "i.year, i.wage, i.business, i.property, i.transfer, "
		"i.business_cost, i.net_pc, i.size, NULL FROM household h " HH_ON("$1")
		"JOIN income_year i ON i.household_id = h.id AND i.year = " LATEST_INCOME("$2")
		" WHERE h.village BETWEEN $3 AND $4 AND i.wage IS NOT NULL AND i.business IS NOT NULL "
		"AND i.property IS NOT NULL AND i.transfer IS NOT NULL AND i.business_cost IS NOT NULL AND i.size > 0 "
		"ORDER BY h.hh_no", NULL },
	[STMT_HH_VILLAGE_SPAN] = { "SELECT MIN(village), MAX(village) FROM household WHERE village BETWEEN $1 AND $2", NULL },
	[STMT_MEMBER_PRESENT] = { "SELECT 1 FROM membership_span s JOIN household h ON h.id = s.household_id " HH_ON("$2")
		"WHERE s.member_id = $1 AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC, NULL },

	[STMT_RUN_INSERT] = { "INSERT INTO check_run (as_of, division, rules, actor, started_at, finished_at, households, "
		"members, opened, reopened, closed, still_open) VALUES ($1, $2, $3, $4, $5, $5, 0, 0, 0, 0, 0, 0) RETURNING id",
		NULL },
	[STMT_RUN_FINISH] = { "UPDATE check_run SET finished_at = $2, households = $3, members = $4, opened = $5, "
		"reopened = $6, closed = $7, still_open = $8 WHERE id = $1", NULL },
	[STMT_RUN_LATEST] = { "SELECT " RUN_COLUMNS " FROM check_run WHERE division BETWEEN $1 AND $2 ORDER BY id DESC LIMIT 1",
		NULL },

	[STMT_FINDINGS_EACH] = { "SELECT " F_COLS " " F_FROM "WHERE f.village BETWEEN $1 AND $2 ORDER BY f.id", NULL },
	[STMT_FINDINGS_CLOSE_COUNT] = { "SELECT COUNT(*) FROM finding WHERE " CLOSE_LITE,
		"SELECT COUNT(*) FROM finding WHERE " CLOSE_PG },
	[STMT_FINDINGS_CLOSE_EVENTS] = { "INSERT INTO finding_event (finding_id, at, actor, action, note, run_id, ref_kind, "
		"ref_id) SELECT finding.id, $8, $9, 'fixed', NULL, $4, finding.fix_kind, finding.fix_ref FROM finding WHERE "
		CLOSE_LITE, "INSERT INTO finding_event (finding_id, at, actor, action, note, run_id, ref_kind, ref_id) "
		"SELECT finding.id, $8::bigint, $9::text, 'fixed', NULL, $4::bigint, finding.fix_kind, finding.fix_ref "
		"FROM finding WHERE " CLOSE_PG },
	[STMT_FINDINGS_CLOSE] = { "UPDATE finding SET state = 'fixed', closed_at = $8, waiver_pending = 0, last_run = $4, "
		"updated_at = $8 WHERE " CLOSE_LITE, "UPDATE finding SET state = 'fixed', closed_at = $8, waiver_pending = 0, "
		"last_run = $4, updated_at = $8 WHERE " CLOSE_PG },
	[STMT_FINDING_INSERT] = { "INSERT INTO finding (rule, subject, household_id, member_id, village, source, list_id, "
		"message_zh, message_en, evidence, fact, state, waiver_pending, waiver_reason, waiver_by, waiver_at, first_run, "
		"last_run, opened_at, closed_at, fix_kind, fix_ref, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
		"$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) RETURNING id", NULL },
	[STMT_FINDING_UPDATE] = { "UPDATE finding SET household_id = $2, member_id = $3, village = $4, list_id = $5, "
		"message_zh = $6, message_en = $7, evidence = $8, fact = $9, state = $10, waiver_pending = $11, "
		"waiver_reason = $12, waiver_by = $13, waiver_at = $14, last_run = $15, closed_at = $16, fix_kind = $17, "
		"fix_ref = $18, updated_at = $19 WHERE id = $1", NULL },
	[STMT_FINDING_GET] = { "SELECT " F_COLS " " F_FROM "WHERE f.id = $1 AND f.village BETWEEN $2 AND $3", NULL },
	[STMT_FINDING_BY_SUBJECT] = { "SELECT " F_COLS " " F_FROM "WHERE f.rule = $1 AND f.subject = $2", NULL },
	[STMT_FINDING_EVENT_ADD] = { "INSERT INTO finding_event (finding_id, at, actor, action, note, run_id, ref_kind, ref_id) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", NULL },
	[STMT_FINDING_EVENTS] = { "SELECT " FINDING_EVENT_COLUMNS " FROM finding_event WHERE finding_id = $1 ORDER BY id", NULL },
	[STMT_FINDING_LIST] = { "SELECT " F_COLS " " F_FROM F_WHERE "ORDER BY f.village, f.id LIMIT $8 OFFSET $9",
		"SELECT " F_COLS " " F_FROM F_WHERE_PG "ORDER BY f.village, f.id LIMIT $8 OFFSET $9" },
	[STMT_FINDING_LIST_COUNT] = { "SELECT COUNT(*) FROM finding f " F_WHERE, "SELECT COUNT(*) FROM finding f " F_WHERE_PG },
	[STMT_FINDING_COUNTS_VILLAGE] = { "SELECT f.village, f.state, f.waiver_pending, COUNT(*) FROM finding f " F_WHERE
		"GROUP BY f.village, f.state, f.waiver_pending ORDER BY f.village",
		"SELECT f.village, f.state, f.waiver_pending, COUNT(*) FROM finding f " F_WHERE_PG
		"GROUP BY f.village, f.state, f.waiver_pending ORDER BY f.village" },
	[STMT_FINDING_COUNTS_RULE] = { "SELECT f.rule, f.state, f.waiver_pending, COUNT(*) FROM finding f " F_WHERE
		"GROUP BY f.rule, f.state, f.waiver_pending ORDER BY f.rule",
		"SELECT f.rule, f.state, f.waiver_pending, COUNT(*) FROM finding f " F_WHERE_PG
		"GROUP BY f.rule, f.state, f.waiver_pending ORDER BY f.rule" },

	[STMT_CAMPAIGN_INSERT] = { "INSERT INTO campaign (name, rules, division, start_day, deadline, created_by, created_at) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", NULL },
	[STMT_CAMPAIGN_BY_NAME] = { "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE name = $1", NULL },
	[STMT_CAMPAIGN_LIST] = { "SELECT " CAMPAIGN_COLUMNS " FROM campaign ORDER BY start_day DESC, id DESC", NULL },

	/* ---- other departments' lists ---- */
	[STMT_EXT_LIST_INSERT] = { "INSERT INTO external_list (kind, source, list_date, division, division_hi, file, n_rows, "
		"imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8) RETURNING id", NULL },
	[STMT_EXT_LIST_ROWS] = { "UPDATE external_list SET n_rows = $2 WHERE id = $1", NULL },
	/* lists whose divisions meet the scope [$2, $3] */
	[STMT_EXT_LISTS] = { "SELECT " EXT_LIST_COLUMNS " FROM external_list WHERE ($1 = 1 OR deleted_at IS NULL) "
		"AND division <= $3 AND division_hi >= $2 ORDER BY id DESC", NULL },
	[STMT_EXT_LIST_GET] = { "SELECT " EXT_LIST_COLUMNS " FROM external_list WHERE id = $1 AND division <= $3 "
		"AND division_hi >= $2", NULL },
	[STMT_EXT_ENTRIES_DELETE] = { "DELETE FROM external_entry WHERE list_id = $1", NULL },
	[STMT_EXT_LIST_DELETE] = { "UPDATE external_list SET deleted_at = $2, deleted_by = $3 WHERE id = $1", NULL },
	[STMT_EXT_KIND_EXISTS] = { "SELECT 1 FROM external_list WHERE kind = $1 AND deleted_at IS NULL AND list_date <= $2 "
		"LIMIT 1", NULL },
	/* $1 kind, $2 day, $3 $4 the villages, $5 1: only rows of the latest list that applies to the village */
	[STMT_EXT_MATCHES] = { EXT_MATCHES("CROSS JOIN"), EXT_MATCHES("JOIN") },
	[STMT_EXT_MISSED] = { "SELECT " EXT_ROW "0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, "
		"NULL, NULL FROM external_list l JOIN external_entry e ON e.list_id = l.id "
		"WHERE l.kind = $1 AND l.deleted_at IS NULL AND l.list_date <= $2 "
		"AND COALESCE(e.village, l.division) BETWEEN $3 AND $4 "
		"AND l.id = " LATEST_LIST("l.kind", "$2", "COALESCE(e.village, l.division)") " "
		"AND NOT EXISTS (SELECT 1 FROM member m JOIN membership_span s ON s.member_id = m.id AND s.valid_from <= $2 "
		"AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC " JOIN household h ON h.id = s.household_id " HH_ON("$2")
		"WHERE " HOLDS("m", "e") ") ORDER BY COALESCE(e.village, l.division), l.id, e.row_no", NULL },
	[STMT_EXT_NOT_ON_ROLL_DIBAO] = { NOT_ON_ROLL("dibao"), NULL },
	[STMT_EXT_NOT_ON_ROLL_TEKUN] = { NOT_ON_ROLL("tekun"), NULL },
	[STMT_EXT_MATCH_COUNTS] = { EXT_MATCH_COUNTS("CROSS JOIN"), EXT_MATCH_COUNTS("JOIN") },

	[STMT_INSERT_HOUSEHOLD] = { "INSERT INTO household (id, hh_no, village, status, monitored, attribute, "
		"cause_main, cause_other, id_standard, identified_ym, exit_year, phone, code_version, created_at, "
		"updated_at, bank, bank_account) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
		"$16, $17)", NULL },
	[STMT_INSERT_MEMBER] = { "INSERT INTO member (id, household_id, id_no, id_kind, name, sex, birth, relation, "
		"ethnicity, education, schooling, health, labor, work_status, work_months, ins_medical, ins_serious, "
		"ins_pension, dibao, tekun, phone, info_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
		"$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)", NULL },
	[STMT_INSERT_STATUS_SPAN] = { "INSERT INTO household_status_span (id, household_id, status, valid_from, "
		"valid_to, recorded_from, recorded_to, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", NULL },
	[STMT_INSERT_MEMBER_SPAN] = { "INSERT INTO membership_span (id, member_id, household_id, valid_from, "
		"valid_to, recorded_from, recorded_to, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", NULL },
	[STMT_INSERT_EVENT] = { "INSERT INTO change_event (id, household_id, member_id, target_household_id, type, "
		"reason, effective, batch, correction, chain_kind, chain_id, from_status, to_status, actor, "
		"recorded_at, workflow_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
		"$14, $15, $16, $17)", NULL },
	[STMT_INSERT_INCOME] = { "INSERT INTO income_year (household_id, year, wage, business, property, transfer, "
		"business_cost, net_pc, size) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
		"ON CONFLICT (household_id, year) DO UPDATE SET wage = excluded.wage, business = excluded.business, "
		"property = excluded.property, transfer = excluded.transfer, business_cost = excluded.business_cost, "
		"net_pc = excluded.net_pc, size = excluded.size", NULL },

	[STMT_NEXTID_HOUSEHOLD] = { "SELECT COALESCE(MAX(id), 0) FROM household",
		"SELECT nextval('household_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_MEMBER] = { "SELECT COALESCE(MAX(id), 0) FROM member",
		"SELECT nextval('member_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_STATUS_SPAN] = { "SELECT COALESCE(MAX(id), 0) FROM household_status_span",
		"SELECT nextval('household_status_span_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_MEMBER_SPAN] = { "SELECT COALESCE(MAX(id), 0) FROM membership_span",
		"SELECT nextval('membership_span_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_EVENT] = { "SELECT COALESCE(MAX(id), 0) FROM change_event",
		"SELECT nextval('change_event_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_INCOME] = { "SELECT 0", "SELECT 0" },
	[STMT_INSERT_EXTERNAL_ENTRY] = { "INSERT INTO external_entry (" EXT_ENTRY_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, "
		"$7, $8)", NULL },
	[STMT_NEXTID_EXTERNAL_ENTRY] = { "SELECT 0", "SELECT 0" },

	[STMT_COPY_META] = { COPY_PAGE("key, value", "meta", "key", "$1", "$2"), NULL },
	[STMT_COPY_DIVISION] = { COPY_PAGE("code, name, level, parent, poor_village, exit_year, rural_pop", "division",
		"code", "$1", "$2"), NULL },
	[STMT_COPY_HOUSEHOLD] = { COPY_PAGE(HOUSEHOLD_COLUMNS, "household", "id", "$1", "$2"), NULL },
	[STMT_COPY_MEMBER] = { COPY_PAGE(MEMBER_COLUMNS, "member", "id", "$1", "$2"), NULL },
	[STMT_COPY_STATUS_SPAN] = { COPY_PAGE(STATUS_SPAN_COLUMNS, "household_status_span", "id", "$1", "$2"), NULL },
	[STMT_COPY_MEMBER_SPAN] = { COPY_PAGE(MEMBER_SPAN_COLUMNS, "membership_span", "id", "$1", "$2"), NULL },
	[STMT_COPY_EVENT] = { COPY_PAGE(EVENT_COLUMNS, "change_event", "id", "$1", "$2"), NULL },
	[STMT_COPY_SUPERSESSION] = { COPY_PAGE("event_id, by_event_id, at", "event_supersession",
		"event_id, by_event_id", "($1, $2)", "$3"), NULL },
	[STMT_COPY_STAT_DELTA] = { COPY_PAGE("village, status, day, households, persons", "stat_delta",
		"village, status, day", "($1, $2, $3)", "$4"), NULL },
	[STMT_COPY_STAT_ROLLUP] = { COPY_PAGE("level, division, status, day, households, persons", "stat_rollup",
		"level, division, status, day", "($1, $2, $3, $4)", "$5"), NULL },
	[STMT_COPY_INCOME] = { COPY_PAGE(INCOME_COLUMNS, "income_year", "household_id, year", "($1, $2)", "$3"), NULL },
	[STMT_COPY_LINE] = { COPY_PAGE("year, region, kind, amount, note", "poverty_line", "year, region, kind",
		"($1, $2, $3)", "$4"), NULL },
	[STMT_COPY_USER] = { COPY_PAGE(USER_COLUMNS, "app_user", "id", "$1", "$2"), NULL },
	[STMT_COPY_SESSION] = { COPY_PAGE(SESSION_COLUMNS, "session", "id", "$1", "$2"), NULL },
	[STMT_COPY_TOKEN] = { COPY_PAGE(TOKEN_COLUMNS, "api_token", "id", "$1", "$2"), NULL },
	[STMT_COPY_AUDIT] = { COPY_PAGE(A_COLS, "audit", "id", "$1", "$2"), NULL },
	[STMT_COPY_AUDIT_HEAD] = { COPY_PAGE("id, last_id, last_hash", "audit_head", "id", "$1", "$2"), NULL },
	[STMT_COUNT_META] = { "SELECT COUNT(*) FROM meta", NULL },
	[STMT_COUNT_DIVISION] = { "SELECT COUNT(*) FROM division", NULL },
	[STMT_COUNT_HOUSEHOLD] = { "SELECT COUNT(*) FROM household", NULL },
	[STMT_COUNT_MEMBER] = { "SELECT COUNT(*) FROM member", NULL },
	[STMT_COUNT_STATUS_SPAN] = { "SELECT COUNT(*) FROM household_status_span", NULL },
	[STMT_COUNT_MEMBER_SPAN] = { "SELECT COUNT(*) FROM membership_span", NULL },
	[STMT_COUNT_EVENT] = { "SELECT COUNT(*) FROM change_event", NULL },
	[STMT_COUNT_SUPERSESSION] = { "SELECT COUNT(*) FROM event_supersession", NULL },
	[STMT_COUNT_STAT_DELTA] = { "SELECT COUNT(*) FROM stat_delta", NULL },
	[STMT_COUNT_STAT_ROLLUP] = { "SELECT COUNT(*) FROM stat_rollup", NULL },
	[STMT_COUNT_INCOME] = { "SELECT COUNT(*) FROM income_year", NULL },
	[STMT_COUNT_LINE] = { "SELECT COUNT(*) FROM poverty_line", NULL },
	[STMT_COUNT_USER] = { "SELECT COUNT(*) FROM app_user", NULL },
	[STMT_COUNT_SESSION] = { "SELECT COUNT(*) FROM session", NULL },
	[STMT_COUNT_TOKEN] = { "SELECT COUNT(*) FROM api_token", NULL },
	[STMT_COUNT_AUDIT] = { "SELECT COUNT(*) FROM audit", NULL },
	[STMT_COUNT_AUDIT_HEAD] = { "SELECT COUNT(*) FROM audit_head", NULL },
	[STMT_INSERT_SUPERSESSION] = { "INSERT INTO event_supersession (event_id, by_event_id, at) VALUES ($1, $2, $3)",
		NULL },
	[STMT_COPY_INSERT_USER] = { "INSERT INTO app_user (" USER_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
		"$10, $11, $12)", NULL },
	[STMT_COPY_INSERT_SESSION] = { "INSERT INTO session (" SESSION_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7)",
		NULL },
	[STMT_COPY_INSERT_TOKEN] = { "INSERT INTO api_token (" TOKEN_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		NULL },
	/* the head row is seeded by the migration: the copy makes it the source's */
	[STMT_COPY_INSERT_AUDIT_HEAD] = { "INSERT INTO audit_head (id, last_id, last_hash) VALUES ($1, $2, $3) "
		"ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash", NULL },
	[STMT_SEQ_HOUSEHOLD] = { "SELECT 0", SEQ_PAST("household") },
	[STMT_SEQ_MEMBER] = { "SELECT 0", SEQ_PAST("member") },
	[STMT_SEQ_STATUS_SPAN] = { "SELECT 0", SEQ_PAST("household_status_span") },
	[STMT_SEQ_MEMBER_SPAN] = { "SELECT 0", SEQ_PAST("membership_span") },
	[STMT_SEQ_EVENT] = { "SELECT 0", SEQ_PAST("change_event") },
	[STMT_SEQ_USER] = { "SELECT 0", IDENTITY_PAST("app_user") },
	[STMT_SEQ_SESSION] = { "SELECT 0", IDENTITY_PAST("session") },
	[STMT_SEQ_TOKEN] = { "SELECT 0", IDENTITY_PAST("api_token") },
	[STMT_COPY_EXT_LIST] = { COPY_PAGE(EXT_LIST_COLUMNS, "external_list", "id", "$1", "$2"), NULL },
	[STMT_COPY_EXT_ENTRY] = { COPY_PAGE(EXT_ENTRY_COLUMNS, "external_entry", "list_id, row_no", "($1, $2)", "$3"), NULL },
	[STMT_COPY_RUN] = { COPY_PAGE(RUN_COLUMNS, "check_run", "id", "$1", "$2"), NULL },
	[STMT_COPY_FINDING] = { COPY_PAGE(FINDING_COLUMNS, "finding", "id", "$1", "$2"), NULL },
	[STMT_COPY_FINDING_EVENT] = { COPY_PAGE(FINDING_EVENT_COLUMNS, "finding_event", "id", "$1", "$2"), NULL },
	[STMT_COPY_CAMPAIGN] = { COPY_PAGE(CAMPAIGN_COLUMNS, "campaign", "id", "$1", "$2"), NULL },
	[STMT_COUNT_EXT_LIST] = { "SELECT COUNT(*) FROM external_list", NULL },
	[STMT_COUNT_EXT_ENTRY] = { "SELECT COUNT(*) FROM external_entry", NULL },
	[STMT_COUNT_RUN] = { "SELECT COUNT(*) FROM check_run", NULL },
	[STMT_COUNT_FINDING] = { "SELECT COUNT(*) FROM finding", NULL },
	[STMT_COUNT_FINDING_EVENT] = { "SELECT COUNT(*) FROM finding_event", NULL },
	[STMT_COUNT_CAMPAIGN] = { "SELECT COUNT(*) FROM campaign", NULL },
	[STMT_COPY_INSERT_EXT_LIST] = { "INSERT INTO external_list (" EXT_LIST_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
		"$8, $9, $10, $11, $12)", NULL },
	[STMT_COPY_INSERT_RUN] = { "INSERT INTO check_run (" RUN_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
		"$11, $12, $13)", NULL },
	[STMT_COPY_INSERT_FINDING] = { "INSERT INTO finding (" FINDING_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
		"$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)", NULL },
	[STMT_COPY_INSERT_FINDING_EVENT] = { "INSERT INTO finding_event (" FINDING_EVENT_COLUMNS ") VALUES ($1, $2, $3, $4, $5, "
		"$6, $7, $8, $9)", NULL },
	[STMT_COPY_INSERT_CAMPAIGN] = { "INSERT INTO campaign (" CAMPAIGN_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		NULL },
	[STMT_SEQ_EXT_LIST] = { "SELECT 0", IDENTITY_PAST("external_list") },
	[STMT_SEQ_RUN] = { "SELECT 0", IDENTITY_PAST("check_run") },
	[STMT_SEQ_FINDING] = { "SELECT 0", IDENTITY_PAST("finding") },
	[STMT_SEQ_FINDING_EVENT] = { "SELECT 0", IDENTITY_PAST("finding_event") },
	[STMT_SEQ_CAMPAIGN] = { "SELECT 0", IDENTITY_PAST("campaign") },
	[STMT_TABLE_NAMES] = { "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
		"ORDER BY name", "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
		"AND table_type = 'BASE TABLE' ORDER BY table_name" },
};

const char *const table_names[T__MAX] = {
	[T_HOUSEHOLD] = "household",
	[T_MEMBER] = "member",
	[T_STATUS_SPAN] = "household_status_span",
	[T_MEMBER_SPAN] = "membership_span",
	[T_EVENT] = "change_event",
	[T_INCOME] = "income_year",
	[T_EXTERNAL_ENTRY] = "external_entry",
};

const char *const table_columns[T__MAX] = {
	[T_HOUSEHOLD] = HOUSEHOLD_COLUMNS,
	[T_MEMBER] = MEMBER_COLUMNS,
	[T_STATUS_SPAN] = STATUS_SPAN_COLUMNS,
	[T_MEMBER_SPAN] = MEMBER_SPAN_COLUMNS,
	[T_EVENT] = EVENT_COLUMNS,
	[T_INCOME] = INCOME_COLUMNS,
	[T_EXTERNAL_ENTRY] = EXT_ENTRY_COLUMNS,
};

const int table_ncols[T__MAX] = {
	[T_HOUSEHOLD] = HH_NCOLS,
	[T_MEMBER] = M_NCOLS,
	[T_STATUS_SPAN] = 8,
	[T_MEMBER_SPAN] = 8,
	[T_EVENT] = 17,
	[T_INCOME] = 9,
	[T_EXTERNAL_ENTRY] = 8,
};
