/* stmt.c: every SQL statement of Tuopin, side by side for SQLite and PostgreSQL (NULL where the text is the
 * same). Parameters are $1, $2, ...; nothing is ever built from user data. Scoped statements take the
 * division range as their last two parameters. "As now known" is recorded_to = the open end. */
#include "store/stmt.h"

#include "lib/buf.h"
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
	"u.must_change, u.created_at, u.updated_at, u.reset_sys, u.reset_sec, u.reset_until"
#define A_COLS "id, at, actor, action, object, detail, ip, prev_hash, hash, mac"
/* The search $6: a 户编号 or a 证件号码, found once through their indexes (not tested household by
 * household), or part of a name: $8 for two characters or more at any scope, through the name index
 * member_name_gram (the members having the query's first bigram, confirmed by instr, so exactly the scan's
 * result; schema 0016); one character is a scan, $7 within a town or a village (each household's members
 * read), $8 over a county or more (every name read once); both NULL when the text cannot be part of a name. Not LIKE: SQLite recompiles a
 * statement whose LIKE pattern is a parameter each time it is bound. */
#define HH_LIST_WHERE HH_LIST_WHERE_S("h.status")
#define HH_LIST_WHERE_S(ST) "WHERE h.village BETWEEN $1 AND $2 AND ($3 IS NULL OR " ST " = $3) " \
	"AND ($4 IS NULL OR h.attribute = $4) AND ($5 IS NULL OR h.cause_main = $5) " \
	"AND ($6 IS NULL OR h.id IN (SELECT x.id FROM household x WHERE x.hh_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE m.id_no = $6) " \
	"OR (length($6) = 4 AND h.id IN (SELECT m.household_id FROM member m WHERE substr(m.id_no, -4) = $6)) " \
	"OR ($7 IS NOT NULL AND EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id " \
	"AND instr(replace(m.name, ' ', ''), $7) > 0)) " \
	"OR ($8 IS NOT NULL AND h.id IN (SELECT m.household_id FROM member_name_gram g JOIN member m ON m.id = g.member_id " \
	"WHERE length($8) >= 2 AND g.gram = substr($8, 1, 2) AND g.village BETWEEN $1 AND $2 AND instr(replace(m.name, ' ', ''), $8) > 0 " \
	"UNION ALL SELECT m.household_id FROM member m WHERE length($8) = 1 AND instr(replace(m.name, ' ', ''), $8) > 0)))"
/* PostgreSQL types a parameter where it first meets it, and "$3 IS NULL" says nothing: cast there. */
#define HH_LIST_WHERE_PG HH_LIST_WHERE_S_PG("h.status")
#define HH_LIST_WHERE_S_PG(ST) "WHERE h.village BETWEEN $1 AND $2 AND ($3::text IS NULL OR " ST " = $3) " \
	"AND ($4::text IS NULL OR h.attribute = $4) AND ($5::text IS NULL OR h.cause_main = $5) " \
	"AND ($6::text IS NULL OR h.id IN (SELECT x.id FROM household x WHERE x.hh_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE m.id_no = $6) " \
	"OR (length($6::text) = 4 AND h.id IN (SELECT m.household_id FROM member m WHERE right(m.id_no, 4) = $6)) " \
	"OR ($7::text IS NOT NULL AND EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id " \
	"AND strpos(replace(m.name, ' ', ''), $7) > 0)) " \
	"OR ($8::text IS NOT NULL AND h.id IN (SELECT m.household_id FROM member_name_gram g JOIN member m " \
	"ON m.id = g.member_id WHERE length($8) >= 2 AND g.gram = substr($8, 1, 2) AND g.village BETWEEN $1 AND $2 " \
	"AND strpos(replace(m.name, ' ', ''), $8) > 0 " \
	"UNION ALL SELECT m.household_id FROM member m WHERE length($8) = 1 AND strpos(replace(m.name, ' ', ''), $8) > 0)))"

/* A search that starts from the rows it matches (issue 20): the households found by 户编号, by 证件号码 (whole,
 * or its last four characters), or by part of a name through the name index ($8; one character over a county
 * or more: every name read once; two characters: the households straight from the index, whose key holds them
 * (schema 0018), no member read; three characters or more: the members having its first bigram kept only if they
 * also have its last, from the index alone, before their names are read; the index's key holds each member's
 * village after the gram (schema 0024), so only the scope's range of villages is read), each found once (UNION),
 * then each looked up by its key and filtered by the scope and the other filters: no walk over the households in
 * range. The same terms as HH_LIST_WHERE's, so
 * the same households; not for a one-character name within a town or a village ($7), where walking the few
 * households in range is cheaper than reading every name (the store keeps HH_LIST_WHERE's statements for
 * it). SQLite: CROSS JOIN keeps the matches as the outer loop (no index walk to save the sort). */
#define HH_HITS "SELECT x.id FROM household x WHERE x.hh_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE m.id_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE length($6) = 4 AND substr(m.id_no, -4) = $6 " \
	"UNION SELECT g.household_id FROM member_name_gram g WHERE length($8) = 2 AND g.gram = $8 " \
	"AND g.village BETWEEN $1 AND $2 " \
	"UNION SELECT g.household_id FROM member_name_gram g JOIN member m ON m.id = g.member_id " \
	"WHERE length($8) > 2 AND g.gram = substr($8, 1, 2) AND g.village BETWEEN $1 AND $2 AND EXISTS (SELECT 1 " \
	"FROM member_name_gram l WHERE l.gram = substr($8, -2) AND l.village = g.village " \
	"AND l.household_id = g.household_id AND l.member_id = g.member_id) " \
	"AND instr(replace(m.name, ' ', ''), $8) > 0 " \
	"UNION SELECT m.household_id FROM member m WHERE length($8) = 1 AND instr(replace(m.name, ' ', ''), $8) > 0"
#define HH_HITS_PG "SELECT x.id FROM household x WHERE x.hh_no = $6::text " \
	"UNION SELECT m.household_id FROM member m WHERE m.id_no = $6 " \
	"UNION SELECT m.household_id FROM member m WHERE length($6) = 4 AND right(m.id_no, 4) = $6 " \
	"UNION SELECT g.household_id FROM member_name_gram g WHERE length($8::text) = 2 AND g.gram = $8 " \
	"AND g.village BETWEEN $1 AND $2 " \
	"UNION SELECT g.household_id FROM member_name_gram g JOIN member m ON m.id = g.member_id " \
	"WHERE length($8) > 2 AND g.gram = substr($8, 1, 2) AND g.village BETWEEN $1 AND $2 AND EXISTS (SELECT 1 " \
	"FROM member_name_gram l WHERE l.gram = right($8, 2) AND l.village = g.village " \
	"AND l.household_id = g.household_id AND l.member_id = g.member_id) " \
	"AND strpos(replace(m.name, ' ', ''), $8) > 0 " \
	"UNION SELECT m.household_id FROM member m WHERE length($8) = 1 AND strpos(replace(m.name, ' ', ''), $8) > 0"
#define HH_FIND_FROM "(" HH_HITS ") k CROSS JOIN household h ON h.id = k.id "
#define HH_FIND_FROM_PG "(" HH_HITS_PG ") k JOIN household h ON h.id = k.id "
#define HH_FIND_WHERE HH_FIND_WHERE_S("h.status")
#define HH_FIND_WHERE_S(ST) "WHERE h.village BETWEEN $1 AND $2 AND ($3 IS NULL OR " ST " = $3) " \
	"AND ($4 IS NULL OR h.attribute = $4) AND ($5 IS NULL OR h.cause_main = $5) AND $7 IS NULL"
#define HH_FIND_WHERE_PG HH_FIND_WHERE_S_PG("h.status")
#define HH_FIND_WHERE_S_PG(ST) "WHERE h.village BETWEEN $1 AND $2 AND ($3::text IS NULL OR " ST " = $3) " \
	"AND ($4::text IS NULL OR h.attribute = $4) AND ($5::text IS NULL OR h.cause_main = $5) AND $7::text IS NULL"

/* The page is chosen first, by the households' ids alone (ordered and limited on the household table, one
 * statement per order so an index can give it): the index on (village, status, attribute, cause_main, hh_no)
 * holds every column a filter or an order reads (schema 0023), so the rows the page skips or sorts are never
 * read from the table. The page's rows, their head's name and their size are then read for the page only. */
#define HH_PAGE(from, where, order) "(SELECT h.id FROM " from where " ORDER BY " order " LIMIT $9 OFFSET $10) p " \
	"JOIN household h ON h.id = p.id ORDER BY " order

/* The household list as of a past day D (issue 18): status, head and size on D, and only the households that
 * had a status on D (registered by then); D is $11 in the page statements and $9 in the count. */
#define STATUS_AT(D) "(SELECT x.status FROM household_status_span x WHERE x.household_id = h.id AND x.recorded_to = " \
	OPEN_REC " AND x.valid_from <= " D " AND " D " < x.valid_to)"
#define ASOF_WHERE(where, D) where " AND " STATUS_AT(D) " IS NOT NULL"
#define HH_LIST_ASOF(where, order, D) HH_LIST_ASOF_FROM("household h ", where, order, D)
#define HH_LIST_ASOF_FROM(from, where, order, D) "SELECT " HH_COLS ", (SELECT m.name FROM membership_span s " \
	"JOIN member m ON m.id = s.member_id WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC \
	" AND s.valid_from <= " D " AND " D " < s.valid_to AND m.relation = '01' ORDER BY m.id LIMIT 1), " \
	"(SELECT COUNT(*) FROM membership_span s WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC \
	" AND s.valid_from <= " D " AND " D " < s.valid_to), " STATUS_AT(D) " FROM " HH_PAGE(from, where, order)
#define STATUS_ORDER_AT(D) "CASE " STATUS_AT(D) " WHEN 'poor' THEN 1 WHEN 'returned' THEN 2 " \
	"WHEN 'exited_supported' THEN 3 WHEN 'exited_unsupported' THEN 4 WHEN 'removed' THEN 5 WHEN 'cancelled' THEN 6 " \
	"ELSE 7 END"

/* The audit log's page and count for each set of given filters (1: given, 0: NULL; $1 $2 the time, $3 actor,
 * $4 action, $5 object), so that a statement names only the columns it filters on: a filter on one of actor,
 * action or object then reads one range of the index leading with that column (schema 0026: the column, the
 * id, the time), the count from the index alone. (A catch-all "($3 IS NULL OR actor = $3)" names every column,
 * and neither planner could use such an index for it.) */
#define AF3_1 " AND actor = $3"
#define AF3_0 " AND $3 IS NULL"
#define AF4_1 " AND action = $4"
#define AF4_0 " AND $4 IS NULL"
#define AF5_1 " AND object = $5"
#define AF5_0 " AND $5 IS NULL"
#define AF3PG_1 AF3_1
#define AF3PG_0 " AND $3::text IS NULL"
#define AF4PG_1 AF4_1
#define AF4PG_0 " AND $4::text IS NULL"
#define AF5PG_1 AF5_1
#define AF5PG_0 " AND $5::text IS NULL"
#define AUDIT_W(a, b, c) "WHERE at BETWEEN $1 AND $2" AF3_##a AF4_##b AF5_##c
#define AUDIT_W_PG(a, b, c) "WHERE at BETWEEN $1 AND $2" AF3PG_##a AF4PG_##b AF5PG_##c
#define AUDIT_PAGE_W(a, b, c) { "SELECT " A_COLS " FROM audit " AUDIT_W(a, b, c) " ORDER BY id DESC LIMIT $6 OFFSET $7", \
	"SELECT " A_COLS " FROM audit " AUDIT_W_PG(a, b, c) " ORDER BY id DESC LIMIT $6 OFFSET $7" }
#define AUDIT_COUNT_W(a, b, c) { "SELECT COUNT(*) FROM audit " AUDIT_W(a, b, c), \
	"SELECT COUNT(*) FROM audit " AUDIT_W_PG(a, b, c) }

/* Statuses in the order of their code list (src/domain/codes.c): poor, returned, exited, removed, cancelled. */
#define STATUS_ORDER "CASE h.status WHEN 'poor' THEN 1 WHEN 'returned' THEN 2 WHEN 'exited_supported' THEN 3 " \
	"WHEN 'exited_unsupported' THEN 4 WHEN 'removed' THEN 5 WHEN 'cancelled' THEN 6 ELSE 7 END"

#define HH_LIST(where, order) HH_LIST_FROM("household h ", where, order)
#define HH_HEAD_SIZE "(SELECT m.name FROM membership_span s JOIN member m ON m.id = s.member_id " \
	"WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC " AND s.valid_to = " OPEN_DATE \
	" AND m.relation = '01' ORDER BY m.id LIMIT 1), (SELECT COUNT(*) FROM membership_span s " \
	"WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC " AND s.valid_to = " OPEN_DATE ")"
#define HH_LIST_FROM(from, where, order) "SELECT " HH_COLS ", " HH_HEAD_SIZE " FROM " HH_PAGE(from, where, order)
/* A searched list (the matches of HH_FIND_FROM) also carries on every row of its page how many of all the
 * matches have each status, in the order of enum status from ST_POOR (window sums, taken before the LIMIT):
 * the matches are found and each looked up in household once for the page and its counts, not once for each
 * (a common two-character part of a name matches hundreds of households). */
#define HH_TOTAL(n, code) "SUM(CASE WHEN h.status = '" code "' THEN 1 ELSE 0 END) OVER () AS t" #n
#define HH_TOTALS HH_TOTAL(1, "poor") ", " HH_TOTAL(2, "returned") ", " HH_TOTAL(3, "exited_supported") ", " \
	HH_TOTAL(4, "exited_unsupported") ", " HH_TOTAL(5, "removed") ", " HH_TOTAL(6, "cancelled") ", " \
	HH_TOTAL(7, "ordinary")
#define HH_FOUND(from, where, order) "SELECT " HH_COLS ", " HH_HEAD_SIZE ", p.t1, p.t2, p.t3, p.t4, p.t5, p.t6, " \
	"p.t7 FROM (SELECT h.id, " HH_TOTALS " FROM " from where " ORDER BY " order " LIMIT $9 OFFSET $10) p " \
	"JOIN household h ON h.id = p.id ORDER BY " order

#define BREAKDOWN(col) "SELECT " col ", hs.status, COUNT(DISTINCT h.id), COUNT(m.id) FROM household h " \
	"JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 AND $1 < hs.valid_to " \
	"AND hs.recorded_to = " OPEN_REC " LEFT JOIN membership_span m ON m.household_id = h.id " \
	"AND m.valid_from <= $1 AND $1 < m.valid_to AND m.recorded_to = " OPEN_REC " " \
	"WHERE h.village BETWEEN $2 AND $3 GROUP BY " col ", hs.status"

/* The rows behind the change report's counts, one for each person an event counts (store_changes counts the
 * distinct households and persons of each type; no temporary b-tree of a million keys in the database).
 * Household-level events: each member of the household on the effective date, as known at T (the household
 * alone, with a NULL member, when it had none). T is the "as known at" stamp, LO and HI the division range. */
#define CHANGES_TYPES_H "e.member_id IS NULL AND e.type NOT IN ('merge', 'data_fix')"
#define CHANGES_TYPES_M "e.type IN ('member_add', 'member_remove', 'merge', 'data_fix')"
#define CHANGES_H(where, T, LO, HI, superseded, TY) \
	"SELECT e.type, e.household_id, m.member_id FROM change_event e " \
	"LEFT JOIN membership_span m ON m.household_id = e.household_id AND m.valid_from <= e.effective " \
	"AND e.effective < m.valid_to AND m.recorded_from <= " T " AND " T " < m.recorded_to " \
	"WHERE " where " AND " CHANGES_TYPES_H " " CHANGES_ONE_TYPE(TY) \
	"AND e.recorded_at <= " T " AND e.village BETWEEN " LO " AND " HI " " superseded
/* The same events with the persons each keeps (schema 0028), for a report as now known: one row an event, its
 * members read one by one (CHANGES_PERSONS) only where the number is NULL or the household has two events of
 * the type in the report. */
#define CHANGES_H_KEPT(where, T, LO, HI, superseded, TY) \
	"SELECT e.type, e.household_id, e.persons, e.effective FROM change_event e " \
	"WHERE " where " AND " CHANGES_TYPES_H " " CHANGES_ONE_TYPE(TY) \
	"AND e.recorded_at <= " T " AND e.village BETWEEN " LO " AND " HI " " superseded
/* The persons a household-level event keeps (schema 0028, 0028_event_persons.sql says why): its household's
 * members on its effective day as now known, or NULL when one of them has ever been in another household as now
 * known. Rewritten for the events given by `which` (a condition on change_event). */
#define EVENT_PERSONS(which) "UPDATE change_event SET persons = CASE WHEN EXISTS (SELECT 1 FROM membership_span m " \
	"JOIN membership_span o ON o.member_id = m.member_id AND o.household_id <> m.household_id " \
	"AND o.recorded_to = " OPEN_REC " WHERE m.household_id = change_event.household_id " \
	"AND m.valid_from <= change_event.effective AND change_event.effective < m.valid_to " \
	"AND m.recorded_to = " OPEN_REC ") THEN NULL ELSE (SELECT COUNT(DISTINCT m.member_id) FROM membership_span m " \
	"WHERE m.household_id = change_event.household_id AND m.valid_from <= change_event.effective " \
	"AND change_event.effective < m.valid_to AND m.recorded_to = " OPEN_REC ") END " \
	"WHERE member_id IS NULL AND type NOT IN ('merge', 'data_fix') AND " which
/* Member-level events: the member each names (a merge names none: its household alone). */
#define CHANGES_M(where, T, LO, HI, superseded, TY) \
	"SELECT e.type, e.household_id, e.member_id FROM change_event e " \
	"WHERE " where " AND " CHANGES_TYPES_M " " CHANGES_ONE_TYPE(TY) \
	"AND e.recorded_at <= " T " AND e.village BETWEEN " LO " AND " HI " " superseded
/* TY: one line's type (the totals above its households' list), NULL for every line; the cast types the
 * parameter for PostgreSQL */
#define CHANGES_ONE_TYPE(TY) "AND (CAST(" TY " AS TEXT) IS NULL OR e.type = " TY ") "
/* The households behind one line of the change report (the same conditions as CHANGES_H / CHANGES_M, one
 * type): per household its number, village, current head, the line's persons and first effective date; a
 * page in village and 户编号 order. TY the type, LIM and OFF the page. The page's households are chosen first
 * (the events alone, joined to their households for the order), and only theirs are joined to their members
 * and heads: a province's line of 333,334 households counted every household's persons and looked up every
 * head before the page was cut. */
#define CHANGES_HH_HEAD "(SELECT mm.name FROM membership_span s JOIN member mm ON mm.id = s.member_id " \
	"WHERE s.household_id = h.id AND s.recorded_to = " OPEN_REC " AND s.valid_to = " OPEN_DATE \
	" AND mm.relation = '01' ORDER BY mm.id LIMIT 1)"
#define CHANGES_HH_WHERE(where, T, LO, HI, superseded, TY, types) \
	"WHERE " where " AND " types " AND e.type = " TY " AND e.recorded_at <= " T " AND e.village BETWEEN " LO \
	" AND " HI " " superseded
#define CHANGES_HH_PAGE(where, T, LO, HI, superseded, TY, types, LIM, OFF) \
	"WITH page AS MATERIALIZED (SELECT h.id, h.hh_no, h.village FROM change_event e JOIN household h " \
	"ON h.id = e.household_id " CHANGES_HH_WHERE(where, T, LO, HI, superseded, TY, types) \
	" GROUP BY h.id, h.hh_no, h.village ORDER BY h.village, h.hh_no LIMIT " LIM " OFFSET " OFF ") "
#define CHANGES_HH_H(where, T, LO, HI, superseded, TY, LIM, OFF) \
	CHANGES_HH_PAGE(where, T, LO, HI, superseded, TY, CHANGES_TYPES_H, LIM, OFF) \
	"SELECT h.hh_no, h.village, " CHANGES_HH_HEAD ", COUNT(DISTINCT m.member_id), MIN(e.effective) " \
	"FROM page h JOIN change_event e ON e.household_id = h.id " \
	"LEFT JOIN membership_span m ON m.household_id = e.household_id AND m.valid_from <= e.effective " \
	"AND e.effective < m.valid_to AND m.recorded_from <= " T " AND " T " < m.recorded_to " \
	CHANGES_HH_WHERE(where, T, LO, HI, superseded, TY, CHANGES_TYPES_H) \
	" GROUP BY h.id, h.hh_no, h.village ORDER BY h.village, h.hh_no"
#define CHANGES_HH_M(where, T, LO, HI, superseded, TY, LIM, OFF) \
	CHANGES_HH_PAGE(where, T, LO, HI, superseded, TY, CHANGES_TYPES_M, LIM, OFF) \
	"SELECT h.hh_no, h.village, " CHANGES_HH_HEAD ", COUNT(DISTINCT e.member_id), MIN(e.effective) " \
	"FROM page h JOIN change_event e ON e.household_id = h.id " \
	CHANGES_HH_WHERE(where, T, LO, HI, superseded, TY, CHANGES_TYPES_M) \
	" GROUP BY h.id, h.hh_no, h.village ORDER BY h.village, h.hh_no"
/* Column lists in insert_row order: COPY's column list and the copy's SELECTs use the same text. */
#define HOUSEHOLD_COLUMNS "id, hh_no, village, status, monitored, attribute, cause_main, cause_other, " \
	"id_standard, identified_ym, exit_year, phone, code_version, created_at, updated_at, bank, bank_account"
#define MEMBER_COLUMNS "id, household_id, id_no, id_kind, name, sex, birth, relation, ethnicity, education, " \
	"schooling, health, labor, work_status, work_months, ins_medical, ins_serious, ins_pension, dibao, tekun, " \
	"phone, info_date"
#define STATUS_SPAN_COLUMNS "id, household_id, status, valid_from, valid_to, recorded_from, recorded_to, event_id"
#define MEMBER_SPAN_COLUMNS "id, member_id, household_id, valid_from, valid_to, recorded_from, recorded_to, event_id"
#define EVENT_COLUMNS "id, household_id, member_id, target_household_id, type, reason, effective, batch, " \
	"correction, chain_kind, chain_id, from_status, to_status, actor, recorded_at, workflow_id, detail, village, " \
	"persons"
#define INCOME_COLUMNS "household_id, year, wage, business, property, transfer, business_cost, net_pc, size"
#define INCOME_REV_COLUMNS "household_id, year, wage, business, property, transfer, business_cost, net_pc, size, " \
	"recorded_at, actor, reason, source"

/* A page of the copy: rows after the key (a row value for composite keys) in key order. */
#define COPY_PAGE(cols, table, key, after, limit) \
	"SELECT " cols " FROM " table " WHERE (" key ") > " after " ORDER BY " key " LIMIT " limit
/* PostgreSQL: the next id drawn from the sequence is past every copied id. */
#define SEQ_PAST(table) "SELECT setval('" table "_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM " table "), false)"
/* The same for an identity column, whose sequence the database names. */
#define IDENTITY_PAST(table) "SELECT setval(pg_get_serial_sequence('" table "', 'id'), " \
	"(SELECT COALESCE(MAX(id), 0) + 1 FROM " table "), false)"
#define WF_COLUMNS "id, code, version, name, definition, loaded_at, loaded_by"
#define P_COLUMNS "id, type, household_id, village, workflow_id, state, step_no, step_since, effective, reason, " \
	"channel, batch, override, check_result, payload, event_id, opened, created_by, created_at, updated_at, version"
#define P_COLS "p.id, p.type, p.household_id, p.village, p.workflow_id, p.state, p.step_no, p.step_since, " \
	"p.effective, p.reason, p.channel, p.batch, p.override, p.check_result, p.payload, p.event_id, p.opened, " \
	"p.created_by, p.created_at, p.updated_at, p.version, h.hh_no, (SELECT m.name FROM member m " \
	"WHERE m.household_id = p.household_id AND m.relation = '01' ORDER BY m.id LIMIT 1)"
#define PS_COLUMNS "id, proposal_id, seq, step, decision, day, actor, note, votes_for, votes_against, " \
	"votes_abstain, override, recorded_at"
#define AS_COLUMNS "id, household_id, day, assessor, food, clothing, education, medical, housing, water, notes, " \
	"recorded_by, recorded_at"
#define MC_COLUMNS "id, household_id, seq, type, risks, channel, identified, discovered, open_event_id, " \
	"open_proposal_id, eliminated, way, close_event_id, close_proposal_id, security_day, security, recorded_at, " \
	"updated_at"
#define MC_COLS "c.id, c.household_id, c.seq, c.type, c.risks, c.channel, c.identified, c.discovered, " \
	"c.open_event_id, c.open_proposal_id, c.eliminated, c.way, c.close_event_id, c.close_proposal_id, " \
	"c.security_day, c.security, c.recorded_at, c.updated_at"
/* the household's status span on $1, a 脱贫户 or an 一般农户 */
#define WARN_STATUS "JOIN household_status_span s ON s.household_id = h.id AND s.recorded_to = " OPEN_REC " " \
	"AND s.valid_from <= $1 AND $1 < s.valid_to AND s.status IN ('exited_supported', 'exited_unsupported', " \
	"'ordinary') "
/* Rows of the live lists of kind $1 known on the day $2 and dated in ($5, $2] (the row's date, else the list's),
 * held by a member of a household of villages [$3, $4] that is a 脱贫户 or an 一般农户 on $2: the member as a member
 * of the household on the row's date (its last day counts: a person whose membership ended with the death), with
 * the member's labour capacity last. The join order as EXT_MATCHES (J: CROSS JOIN on SQLite). */
#define WARN_ROW_DAY "COALESCE(NULLIF(e.day, 0), l.list_date)"
#define WARN_EXTERNAL(J) "SELECT " EXT_ROW "m.id, h.id, h.village, h.hh_no, m.name, m.id_no, s.status, h.monitored, " \
	"m.labor FROM external_list l " J " external_entry e ON e.list_id = l.id " J " member m ON " HOLDS("m", "e") \
	" " J " membership_span ms ON ms.member_id = m.id AND ms.valid_from <= " WARN_ROW_DAY " AND " WARN_ROW_DAY \
	" <= ms.valid_to AND ms.recorded_to = " OPEN_REC " " J " household h ON h.id = ms.household_id " \
	J " household_status_span s ON s.household_id = h.id AND s.recorded_to = " OPEN_REC " AND s.valid_from <= $2 " \
	"AND $2 < s.valid_to AND s.status IN ('exited_supported', 'exited_unsupported', 'ordinary') " \
	"WHERE l.kind = $1 AND l.deleted_at IS NULL AND l.list_date <= $2 AND " WARN_ROW_DAY " > $5 " \
	"AND " WARN_ROW_DAY " <= $2 AND h.village BETWEEN $3 AND $4 " \
	"ORDER BY l.id, e.row_no, ms.valid_from DESC"
/* household h monitored on day D: a case identified by D and not eliminated by D; or, monitored before cases were
 * kept (schema 0013), the household's flag */
#define MONITORED_ON(D) "(EXISTS (SELECT 1 FROM monitor_case mc WHERE mc.household_id = h.id AND mc.identified <= " D \
	" AND (mc.eliminated IS NULL OR mc.eliminated > " D ")) OR (h.monitored = 1 AND NOT EXISTS (SELECT 1 " \
	"FROM monitor_case mc WHERE mc.household_id = h.id)))"
#define WD_COLUMNS "id, household_id, rule, basis, reason, day, actor, recorded_at"
#define PG_COLUMNS "id, household_id, kind, valid_from, valid_to, source, recorded_at, actor"
/* the open ones first, the step waiting longest first; then the decided ones, the latest decided first (an
 * approved list of a thousand began with 2017's) */
#define P_LIST(cast_t, cast_i) "SELECT " P_COLS " FROM proposal p LEFT JOIN household h ON h.id = p.household_id " \
	"WHERE p.village BETWEEN $1 AND $2 AND ($3" cast_t " IS NULL OR p.state = $3) AND ($4" cast_t " IS NULL " \
	"OR p.type = $4) AND ($5" cast_t " IS NULL OR p.batch = $5) AND ($6" cast_i " = 0 OR p.household_id = $6) " \
	"ORDER BY p.state <> 'open', CASE WHEN p.state = 'open' THEN p.step_since ELSE -p.step_since END, " \
	"CASE WHEN p.state = 'open' THEN p.id ELSE -p.id END LIMIT $7 OFFSET $8"
#define USER_COLUMNS "id, name, display_name, role, division, pw_hash, locked, failed, locked_until, must_change, " \
	"created_at, updated_at, reset_sys, reset_sec, reset_until"
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
	"AND ($7 = 0 OR f.state = 'open' OR f.closed_at >= $7) AND ($8 = 0 OR f.opened_at <= $8) "
#define F_WHERE_PG "WHERE f.village BETWEEN $1 AND $2 AND ($3::text IS NULL OR f.state = $3) " \
	"AND ($4 = 0 OR f.waiver_pending = 1) " \
	"AND ($5::text IS NULL OR f.rule IN (SELECT json_array_elements_text($5::json))) " \
	"AND ($6::bigint = 0 OR f.household_id = $6) AND ($7::bigint = 0 OR f.state = 'open' OR f.closed_at >= $7) " \
	"AND ($8::bigint = 0 OR f.opened_at <= $8) "
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
/* a campaign with its close (schema 0027), if closed */
#define CAMPAIGN_READ "SELECT c.id, c.name, c.rules, c.division, c.start_day, c.deadline, c.created_by, c.created_at, " \
	"x.closed_at, x.closed_by, x.note, x.counts FROM campaign c LEFT JOIN campaign_close x ON x.campaign_id = c.id "
#define CAMPAIGN_CLOSE_COLUMNS "campaign_id, closed_at, closed_by, note, counts"

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

/* ---- assistance and supervision (store_assistance.c, store_supervision.c) ---- */

/* Column lists in insert_row order, which is also the order of the tables' columns (the lists read "s.*"). */
#define CADRE_COLUMNS "id, division, name, sex, id_no, unit, affiliation, post, phone, user_name, note, recorded_at, recorded_by"
#define PROJECT_COLUMNS "id, kind, name, village, budget, fund_source, start_date, completed, closed, operator, scale, note, recorded_at, recorded_by"
#define LOAN_COLUMNS "id, product, borrower, household_id, village, lender, amount, start_date, end_date, rate, subsidy, purpose, recorded_at, recorded_by"
#define JOB_FAIR_COLUMNS "id, fair_date, name, division, place, organizer, employers, jobs, note, recorded_at, recorded_by"
#define SUPERVISION_CASE_COLUMNS "id, found_on, source, category, division, problem, transferred_to, transferred_on, deadline, rectified_on, result, recorded_at, recorded_by"
#define PUBLIC_POST_COLUMNS "id, post_kind, title, village, household_id, member_id, monthly, start_date, end_date, note, recorded_at, recorded_by"
#define PAIRING_COLUMNS "id, cadre_id, household_id, village, start_date, end_date, note, recorded_at, recorded_by"
#define WORK_TEAM_COLUMNS "id, cadre_id, village, role, start_date, end_date, note, recorded_at, recorded_by"
#define VISIT_COLUMNS "id, household_id, village, cadre_id, visit_date, mode, purpose, found, done, food, clothing, education, medical, housing, water, recorded_at, recorded_by"
#define MEASURE_COLUMNS "id, household_id, village, member_id, year, category, item, amount, source, unit, measure_date, content, signed, recorded_at, recorded_by"
#define BENEFICIARY_COLUMNS "id, kind, ref_id, household_id, member_id, village, mode, start_date, end_date, recorded_at, recorded_by"
#define PAYMENT_COLUMNS "id, kind, ref_id, household_id, member_id, village, period, paid_on, amount, note, recorded_at, recorded_by"
#define AID_COLUMNS "id, kind, household_id, member_id, village, year, aid_date, amount, paid_by, provider, note, recorded_at, recorded_by"
#define ASSET_COLUMNS "id, project_id, name, class, village, value, fund_source, owner_level, owner_household_id, operator, formed_on, confirmed_on, disposed_on, disposal, note, recorded_at, recorded_by"
#define CASE_HOUSEHOLD_COLUMNS "id, case_id, household_id, village, recorded_at, recorded_by"
#define CASE_PERSON_COLUMNS "id, case_id, division, name, unit, post, measure, decided_on, recorded_at, recorded_by"
#define COMPLAINT_COLUMNS "id, channel, received_on, division, household_id, complainant, phone, category, content, assigned_to, deadline, answered_on, answer, case_id, recorded_at, recorded_by"

#define P6 "$1, $2, $3, $4, $5, $6"
#define P9 P6 ", $7, $8, $9"
#define P10 P9 ", $10"
#define P11 P10 ", $11"
#define P12 P11 ", $12"
#define P13 P12 ", $13"
#define P14 P13 ", $14"
#define P15 P14 ", $15"
#define P16 P15 ", $16"
#define P17 P16 ", $17"

/* The current head's name of household hh (a column expression). */
#define HEAD_OF(hh) "(SELECT hm.name FROM membership_span hs2 JOIN member hm ON hm.id = hs2.member_id " \
	"WHERE hs2.household_id = " hh " AND hs2.recorded_to = " OPEN_REC " AND hs2.valid_to = " OPEN_DATE \
	" AND hm.relation = '01' ORDER BY hm.id LIMIT 1)"
/* A kind of record: the table's columns (s.*), the names joined for display (SHOW_* of store.h), and how many
 * rows the filter selects. cols and cond pick the kind's rows of its table; hh, mem and cad are the household,
 * member and cadre columns (or NULL), ref the parent's name, div the division column. Parameters: $1 $2 the
 * division range, $3 the id, $4 the household, $5 the parent, $6 $7 the dates, $8 limit, $9 offset (0: any). */
#define AROW(cols, table, cond, hh, mem, cad, ref, div) \
	"SELECT s.*, h.hh_no, " HEAD_OF("h.id") ", m.name, m.id_no, c.name, " ref ", d.name, COUNT(*) OVER () " \
	"FROM (SELECT " cols " FROM " table " WHERE " cond ") s LEFT JOIN household h ON h.id = " hh " " \
	"LEFT JOIN member m ON m.id = " mem " LEFT JOIN cadre c ON c.id = " cad " " \
	"LEFT JOIN division d ON d.code = s." div " "
#define AROW_WHERE(scope, hh, ref, dates) "WHERE " scope " AND (CAST($3 AS BIGINT) = 0 OR s.id = $3) " \
	"AND (CAST($4 AS BIGINT) = 0 OR " hh " = $4) AND (CAST($5 AS BIGINT) = 0 OR " ref " = $5) AND " dates " "
#define IN_RANGE(col) "s." col " BETWEEN $1 AND $2"
/* the row's date in [$6, $7]; or a row active in it (started by $7, not ended before $6); or no date */
#define ON_DAY(col) "s." col " BETWEEN CAST($6 AS INTEGER) AND CAST($7 AS INTEGER)"
#define ACTIVE(start, end) "s." start " <= CAST($7 AS INTEGER) AND (s." end " IS NULL OR s." end \
	" >= CAST($6 AS INTEGER))"
#define ANY_DAY "CAST($6 AS INTEGER) <= CAST($7 AS INTEGER)"
/* a case's household or person in a period: the case found in it (and the person decided on by its end, or not
 * yet), as the supervision figures count them */
#define CASE_FOUND_IN "EXISTS (SELECT 1 FROM supervision_case x WHERE x.id = s.case_id AND x.found_on BETWEEN " \
	"CAST($6 AS INTEGER) AND CAST($7 AS INTEGER))"
#define AROW_ORDER(order) "ORDER BY " order ", s.id DESC LIMIT $8 OFFSET $9"
/* one kind of a shared table */
#define OF_KIND(k) "kind = '" k "'"
#define REF_NAME(table, col, key) "(SELECT r." col " FROM " table " r WHERE r.id = s." key ")"
#define AID_ROW(k) AROW(AID_COLUMNS, "aid", OF_KIND(k), "s.household_id", "s.member_id", "NULL", "NULL", "village") \
	AROW_WHERE(IN_RANGE("village"), "s.household_id", "NULL", ON_DAY("aid_date")) AROW_ORDER("s.aid_date DESC")
/* A loan is active from its start until it is repaid: $1 start .. $2 end of the period. */
#define REPAID_BEFORE(loan, day) "(SELECT COALESCE(SUM(y.amount), 0) FROM payment y WHERE y.kind = 'repayment' " \
	"AND y.ref_id = " loan " AND y.paid_on < " day ")"
/* Measures and the specialised records as measure categories: (cat, rec, household_id, member_id, day, amount)
 * rows, rec 1 for a record and 0 for money paid on one; $1 $2 the period, $3 $4 the divisions. */
#define MEASURE_ROWS \
	"SELECT m.category AS cat, 1 AS rec, m.household_id, m.member_id, m.measure_date AS day, " \
	"COALESCE(m.amount, 0) AS amount FROM measure m WHERE m.village BETWEEN $3 AND $4 " \
	"AND m.measure_date BETWEEN $1 AND $2 " \
	"UNION ALL SELECT CASE p.kind WHEN 'workshop' THEN 'employment' ELSE 'industry' END, 1, b.household_id, " \
	"b.member_id, CASE WHEN b.start_date < $1 THEN $1 ELSE b.start_date END, 0 FROM beneficiary b " \
	"JOIN project p ON p.id = b.ref_id WHERE b.kind = 'project' AND b.village BETWEEN $3 AND $4 " \
	"AND b.start_date <= $2 AND (b.end_date IS NULL OR b.end_date >= $1) " \
	"UNION ALL SELECT CASE p.kind WHEN 'workshop' THEN 'employment' ELSE 'industry' END, 0, y.household_id, " \
	"y.member_id, y.paid_on, y.amount FROM payment y JOIN beneficiary b ON b.id = y.ref_id " \
	"JOIN project p ON p.id = b.ref_id WHERE y.kind = 'benefit' AND y.village BETWEEN $3 AND $4 " \
	"AND y.paid_on BETWEEN $1 AND $2 " \
	"UNION ALL SELECT 'public_post', 1, p.household_id, p.member_id, CASE WHEN p.start_date < $1 THEN $1 " \
	"ELSE p.start_date END, 0 FROM public_post p WHERE p.village BETWEEN $3 AND $4 AND p.start_date <= $2 " \
	"AND (p.end_date IS NULL OR p.end_date >= $1) " \
	"UNION ALL SELECT 'public_post', 0, y.household_id, y.member_id, y.paid_on, y.amount FROM payment y " \
	"WHERE y.kind = 'post' AND y.village BETWEEN $3 AND $4 AND y.paid_on BETWEEN $1 AND $2 " \
	"UNION ALL SELECT 'finance', 1, b.household_id, b.member_id, l.start_date, 0 FROM beneficiary b " \
	"JOIN loan l ON l.id = b.ref_id WHERE b.kind = 'loan' AND b.village BETWEEN $3 AND $4 " \
	"AND l.start_date BETWEEN $1 AND $2 " \
	"UNION ALL SELECT 'employment', 1, b.household_id, b.member_id, f.fair_date, 0 FROM beneficiary b " \
	"JOIN job_fair f ON f.id = b.ref_id WHERE b.kind = 'job_fair' AND b.village BETWEEN $3 AND $4 " \
	"AND f.fair_date BETWEEN $1 AND $2 " \
	"UNION ALL SELECT CASE a.kind WHEN 'yulu' THEN 'education' WHEN 'charity_card' THEN 'social' " \
	"WHEN 'charity_visit' THEN 'social' ELSE 'health' END, 1, a.household_id, a.member_id, a.aid_date, " \
	"CASE WHEN a.kind IN ('medical_insurance', 'serious_illness_insurance') AND COALESCE(a.paid_by, '') <> 'finance' " \
	"THEN 0 ELSE COALESCE(a.amount, 0) END FROM aid a WHERE a.village BETWEEN $3 AND $4 " \
	"AND a.aid_date BETWEEN $1 AND $2"
/* Households poor, returned or exited with policy on $1, in $2..$3 (the coverage's base). */
/* The households assistance covers on $1, in the villages $2..$3: with policy (未脱贫, 返贫, 脱贫享受政策) or
 * monitored then (STMT_ASSIST_HOUSEHOLDS lists the same) */
#define POLICY_BASE "SELECT h.id FROM household h JOIN household_status_span hs ON hs.household_id = h.id " \
	"AND hs.valid_from <= $1 AND $1 < hs.valid_to AND hs.recorded_to = " OPEN_REC " WHERE h.village BETWEEN $2 " \
	"AND $3 AND (hs.status IN ('poor', 'returned', 'exited_supported') OR " MONITORED_ON("$1") ")"
#define PAIRED_ON(hh, day) "EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = " hh " AND p.start_date <= " \
	day " AND (p.end_date IS NULL OR p.end_date >= " day ")"

/* The household page's reads of one household, HH being its id: "$1" (by id) or HH_OF_NO ($1 its 户编号, for
 * the page's reads that go together with the household's own, store_household_rows). */
#define HH_OF_NO "(SELECT id FROM household WHERE hh_no = $1)"
#define MEMBERS_AT(HH)                                                                                            \
	"SELECT " M_COLS " FROM membership_span s JOIN member m ON m.id = s.member_id "                         \
	"JOIN household h ON h.id = s.household_id WHERE s.household_id = " HH " AND s.valid_from <= $2 "       \
	"AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC " AND h.village BETWEEN $3 AND $4 "                   \
	"ORDER BY CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id"
#define SPANS_STATUS(HH)                                                                                          \
	"SELECT id, household_id, status, valid_from, valid_to, recorded_from, recorded_to, event_id "           \
	"FROM household_status_span WHERE household_id = " HH " AND recorded_to = " OPEN_REC                     \
	" ORDER BY valid_from, id"
#define EVENTS_OF_HH(HH)                                                                                          \
	"SELECT " EV_COLS ", (SELECT COUNT(*) FROM event_supersession x WHERE x.event_id = e.id), m.id, m.name, "  \
	"m.id_no, mh.village, oh.hh_no, oh.village FROM change_event e LEFT JOIN member m ON m.id = e.member_id "  \
	"LEFT JOIN household mh ON mh.id = m.household_id LEFT JOIN household oh ON oh.id = CASE WHEN "           \
	"e.household_id <> " HH " THEN e.household_id ELSE e.target_household_id END WHERE e.household_id = " HH \
	" OR e.target_household_id = " HH " ORDER BY e.effective, e.recorded_at, e.id"
#define INCOME_OF_HH(HH)                                                                                          \
	"SELECT household_id, year, wage, business, property, transfer, business_cost, net_pc, size "            \
	"FROM income_year WHERE household_id = " HH " ORDER BY year"
#define INCOME_REVS_OF_HH(HH)                                                                                     \
	"SELECT " INCOME_REV_COLUMNS " FROM income_revision WHERE household_id = " HH " ORDER BY year, id"

const struct stmt_text stmt_texts[STMT__MAX] = {
	[STMT_MIG_TABLE] = { "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
		/* not information_schema, which hides a table the role may not read: a database restored with another
		 * owner then looked empty ("version 0, run init") instead of saying the privilege is missing */
		"SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END" },
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
	[STMT_HH_NOS_BETWEEN] = { "SELECT hh_no FROM household WHERE hh_no >= $1 AND hh_no < $2 ORDER BY hh_no", NULL },
	/* lists of keys come as one JSON array of strings ($1), the same text for both engines */
	[STMT_HH_NOS_EXIST] = { "SELECT hh_no FROM household WHERE hh_no IN (SELECT value FROM json_each($1))",
		/* driven from the keys, so that a table whose statistics are stale (just filled, not analysed
		 * yet) is still read through its index and not scanned once per thousand keys */
		"SELECT h.hh_no FROM (SELECT DISTINCT json_array_elements_text($1::json) AS no) k "
		"JOIN household h ON h.hh_no = k.no" },
	[STMT_HH_SET_STATUS] = { "UPDATE household SET status = $2, monitored = $3, updated_at = $4, "
		"exit_year = COALESCE($7, exit_year) WHERE id = $1 AND village BETWEEN $5 AND $6", NULL },
	[STMT_HH_UPDATE] = { "UPDATE household SET attribute = $2, cause_main = $3, cause_other = $4, "
		"id_standard = $5, identified_ym = $6, exit_year = $7, phone = $8, updated_at = $9, bank = $12, "
		"bank_account = $13 WHERE id = $1 AND village BETWEEN $10 AND $11", NULL },
	[STMT_HH_COUNT] = { "SELECT COUNT(*) FROM household h WHERE h.village BETWEEN $1 AND $2", NULL },

	[STMT_MEMBER_UPDATE] = { "UPDATE member SET name = $2, sex = $3, relation = $4, ethnicity = $5, "
		"education = $6, schooling = $7, health = $8, labor = $9, work_status = $10, work_months = $11, "
		"ins_medical = $12, ins_serious = $13, ins_pension = $14, dibao = $15, tekun = $16, phone = $17, "
		"info_date = $18, household_id = $19 WHERE id = $1 AND household_id IN "
		"(SELECT id FROM household WHERE village BETWEEN $20 AND $21)", NULL },
	/* a correction of the member's identity: the number, its kind and the birth date it carries */
	[STMT_MEMBER_SET_IDENTITY] = { "UPDATE member SET id_no = $2, id_kind = $3, birth = $4 WHERE id = $1 "
		"AND household_id IN (SELECT id FROM household WHERE village BETWEEN $5 AND $6)", NULL },
	[STMT_MEMBER_BY_ID] = { "SELECT " M_COLS " FROM member m JOIN household h ON h.id = m.household_id "
		"WHERE m.id = $1 AND h.village BETWEEN $2 AND $3", NULL },
	[STMT_MEMBER_IN_HH] = { "SELECT " M_COLS " FROM member m JOIN household h ON h.id = m.household_id "
		"WHERE m.id_no = $2 AND h.village BETWEEN $3 AND $4 AND (m.household_id = $1 OR m.id IN "
		"(SELECT s.member_id FROM membership_span s WHERE s.household_id = $1)) ORDER BY m.id", NULL },
	[STMT_MEMBERS_AT] = { MEMBERS_AT("$1"), NULL },
	[STMT_MEMBERS_AT_NO] = { MEMBERS_AT(HH_OF_NO), NULL },
	/* how many STMT_MEMBERS_AT would list (a membership span always has its member) */
	[STMT_MEMBERS_COUNT_AT] = { "SELECT COUNT(*) FROM membership_span s JOIN household h ON h.id = s.household_id "
		"WHERE s.household_id = $1 AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC
		" AND h.village BETWEEN $3 AND $4", NULL },
	/* the members present on $2 of the households $1 (a JSON array of ids, a list's page) whose names without
	 * spaces hold $3, each household's head first, then by id: the member each household was found by, for
	 * the whole page in one statement */
	[STMT_MEMBERS_NAMED_AT] = { "SELECT s.household_id, m.name, m.relation FROM membership_span s "
		"JOIN member m ON m.id = s.member_id JOIN household h ON h.id = s.household_id "
		"WHERE s.household_id IN (SELECT value FROM json_each($1)) AND s.valid_from <= $2 AND $2 < s.valid_to "
		"AND s.recorded_to = " OPEN_REC " AND instr(replace(m.name, ' ', ''), $3) > 0 AND h.village BETWEEN $4 AND $5 "
		"ORDER BY s.household_id, CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id",
		"SELECT s.household_id, m.name, m.relation FROM membership_span s "
		"JOIN member m ON m.id = s.member_id JOIN household h ON h.id = s.household_id "
		"WHERE s.household_id IN (SELECT json_array_elements_text($1::json)::bigint) AND s.valid_from <= $2 "
		"AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC " AND strpos(replace(m.name, ' ', ''), $3::text) > 0 "
		"AND h.village BETWEEN $4 AND $5 ORDER BY s.household_id, CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id" },
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

	[STMT_SPANS_STATUS] = { SPANS_STATUS("$1"), NULL },
	[STMT_SPANS_STATUS_NO] = { SPANS_STATUS(HH_OF_NO), NULL },
	[STMT_SPANS_MEMBER] = { "SELECT id, member_id, household_id, valid_from, valid_to, recorded_from, "
		"recorded_to, event_id FROM membership_span WHERE member_id = $1 AND recorded_to = " OPEN_REC
		" ORDER BY valid_from, id", NULL },
	[STMT_SPANS_MEMBER_OF_HH] = { "SELECT id, member_id, household_id, valid_from, valid_to, recorded_from, "
		"recorded_to, event_id FROM membership_span WHERE household_id = $1 AND recorded_to = " OPEN_REC
		" ORDER BY member_id, valid_from, id", NULL },
	[STMT_SPAN_CLOSE_STATUS] = { "UPDATE household_status_span SET recorded_to = $2 WHERE id = $1", NULL },
	[STMT_SPAN_CLOSE_MEMBER] = { "UPDATE membership_span SET recorded_to = $2 WHERE id = $1", NULL },
	/* the persons kept by one event ($1), by the events of every household a member ($1) has been in, of
	 * every household the member of a membership ($1) has been in */
	[STMT_EVENT_PERSONS_EVENT] = { EVENT_PERSONS("id = $1"), NULL },
	[STMT_EVENT_PERSONS_MEMBER] = { EVENT_PERSONS("household_id IN (SELECT s.household_id FROM membership_span s "
		"WHERE s.member_id = $1)"), NULL },
	[STMT_EVENT_PERSONS_SPAN] = { EVENT_PERSONS("household_id IN (SELECT s.household_id FROM membership_span s "
		"WHERE s.member_id = (SELECT x.member_id FROM membership_span x WHERE x.id = $1))"), NULL },

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
	[STMT_EVENTS_OF_HH] = { EVENTS_OF_HH("$1"), NULL },
	[STMT_EVENTS_OF_HH_NO] = { EVENTS_OF_HH(HH_OF_NO), NULL },
	[STMT_LAST_STAMP] = { "SELECT COALESCE(MAX(recorded_at), 0) FROM change_event", NULL },

	[STMT_AGG_ADD] = { "INSERT INTO stat_delta (village, status, day, households, persons) "
		"VALUES ($1, $2, $3, $4, $5) ON CONFLICT (village, status, day) DO UPDATE SET "
		"households = stat_delta.households + excluded.households, "
		"persons = stat_delta.persons + excluded.persons", NULL },

#define ROLLUP_ADD(TABLE, PERIOD) "INSERT INTO " TABLE " (level, division, status, " PERIOD ", households, " \
	"persons) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (level, division, status, " PERIOD ") DO UPDATE SET " \
	"households = " TABLE ".households + excluded.households, persons = " TABLE ".persons + excluded.persons"
	[STMT_ROLLUP_ADD] = { ROLLUP_ADD("stat_rollup", "day"), NULL },
	[STMT_ROLLUP_MONTH_ADD] = { ROLLUP_ADD("stat_rollup_month", "month"), NULL },
	/* the deltas as recorded (schema 0019): each transaction's, under its recording instant */
	[STMT_RECORDED_ADD] = { "INSERT INTO stat_recorded (village, status, day, recorded_at, households, persons) "
		"VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (village, status, day, recorded_at) DO UPDATE SET "
		"households = stat_recorded.households + excluded.households, "
		"persons = stat_recorded.persons + excluded.persons", NULL },
	/* the same for a JSON array of deltas [[village, status, day, households, persons], ...] (store_agg_add_many;
	 * SQLite's upsert from a SELECT needs a WHERE before its ON CONFLICT) */
#define AGG_ROWS_LITE "SELECT json_extract(value, '$[0]') AS v, json_extract(value, '$[1]') AS s, " \
	"json_extract(value, '$[2]') AS d, json_extract(value, '$[3]') AS h, json_extract(value, '$[4]') AS p FROM json_each($1)"
#define AGG_ROWS_PG "SELECT (x->>0)::bigint AS v, x->>1 AS s, (x->>2)::int AS d, (x->>3)::bigint AS h, " \
	"(x->>4)::bigint AS p FROM json_array_elements($1::json) x"
#define AGG_DELTA_MANY(ROWS) "INSERT INTO stat_delta (village, status, day, households, persons) " \
	"SELECT v, s, d, h, p FROM (" ROWS ") r WHERE true ON CONFLICT (village, status, day) DO UPDATE SET " \
	"households = stat_delta.households + excluded.households, persons = stat_delta.persons + excluded.persons"
#define AGG_RECORDED_MANY(ROWS, AT) "INSERT INTO stat_recorded (village, status, day, recorded_at, households, persons) " \
	"SELECT v, s, d, " AT ", h, p FROM (" ROWS ") r WHERE true ON CONFLICT (village, status, day, recorded_at) DO UPDATE SET " \
	"households = stat_recorded.households + excluded.households, persons = stat_recorded.persons + excluded.persons"
/* the town, county, city and province of each village (division_at), summed (two villages of a town are one
 * row), in key order: the rows every writer shares are locked in one order. By day into stat_rollup, and by
 * month (day / 100) into stat_rollup_month (schema 0025) */
#define AGG_ROLLUP_MANY(ROWS, TABLE, PERIOD, OF_DAY) "INSERT INTO " TABLE " (level, division, status, " PERIOD \
	", households, persons) SELECT l.level, CASE l.level WHEN 4 THEN r.v / 1000 * 1000 " \
	"WHEN 3 THEN r.v / 1000000 * 1000000 WHEN 2 THEN r.v / 100000000 * 100000000 " \
	"ELSE r.v / 10000000000 * 10000000000 END AS division, r.s, " OF_DAY " AS at_day, " \
	"SUM(r.h), SUM(r.p) FROM (" ROWS ") r CROSS JOIN (SELECT 1 AS level UNION ALL SELECT 2 UNION ALL SELECT 3 " \
	"UNION ALL SELECT 4) l WHERE true GROUP BY l.level, division, r.s, at_day ORDER BY 1, 2, 3, 4 " \
	"ON CONFLICT (level, division, status, " PERIOD ") DO UPDATE SET households = " TABLE ".households + " \
	"excluded.households, persons = " TABLE ".persons + excluded.persons"
	[STMT_AGG_ADD_MANY] = { AGG_DELTA_MANY(AGG_ROWS_LITE), AGG_DELTA_MANY(AGG_ROWS_PG) },
	[STMT_RECORDED_ADD_MANY] = { AGG_RECORDED_MANY(AGG_ROWS_LITE, "$2"), AGG_RECORDED_MANY(AGG_ROWS_PG, "$2::bigint") },
	[STMT_ROLLUP_ADD_MANY] = { AGG_ROLLUP_MANY(AGG_ROWS_LITE, "stat_rollup", "day", "r.d"),
		AGG_ROLLUP_MANY(AGG_ROWS_PG, "stat_rollup", "day", "r.d") },
	[STMT_ROLLUP_MONTH_ADD_MANY] = { AGG_ROLLUP_MANY(AGG_ROWS_LITE, "stat_rollup_month", "month", "r.d / 100"),
		AGG_ROLLUP_MANY(AGG_ROWS_PG, "stat_rollup_month", "month", "r.d / 100") },
	/* a division's figures as of day $2: the months before the day's own (about twelve rows a year for each
	 * division and status, grouped in the key's order, without a sort) and the days of its own month, summed
	 * for each of that month's rows by a subquery that seeks them (the day range is in the key after the
	 * division and the status: one short range each, not every day up to $2). Two rows for a division and
	 * status, which the store sums. (As a join, both planners read every day's row of the range instead:
	 * SQLite looked each one's month up, PostgreSQL hashed them.) */
#define ROLLUP_DAYS_OF_MONTH(COL) "COALESCE((SELECT SUM(d." COL ") FROM stat_rollup d WHERE d.level = m.level " \
	"AND d.division = m.division AND d.status = m.status AND d.day BETWEEN m.month * 100 AND $2), 0)"
	[STMT_STATS_ROLLUP] = { "SELECT division, status, SUM(households), SUM(persons) FROM stat_rollup_month "
		"WHERE level = $1 AND division BETWEEN $3 AND $4 AND month < $2 / 100 GROUP BY division, status "
		"UNION ALL SELECT m.division, m.status, " ROLLUP_DAYS_OF_MONTH("households") ", "
		ROLLUP_DAYS_OF_MONTH("persons") " FROM stat_rollup_month m "
		"WHERE m.level = $1 AND m.division BETWEEN $3 AND $4 AND m.month = $2 / 100", NULL },
	/* the same from the days alone (what the months must add up to: check's AGGREGATE) */
	[STMT_STATS_ROLLUP_DAYS] = { "SELECT d.division, d.status, SUM(d.households), SUM(d.persons) FROM stat_rollup d "
		"WHERE d.level = $1 AND d.day <= $2 AND d.division BETWEEN $3 AND $4 GROUP BY d.division, d.status", NULL },
	[STMT_STATS_AGG] = { "SELECT d.village, d.status, SUM(d.households), SUM(d.persons) FROM stat_delta d "
		"WHERE d.day <= $1 AND d.village BETWEEN $2 AND $3 GROUP BY d.village, d.status", NULL },
	[STMT_STATS_RECORDED] = { "SELECT d.village, d.status, SUM(d.households), SUM(d.persons) FROM stat_recorded d "
		"WHERE d.village BETWEEN $3 AND $4 AND d.day <= $1 AND d.recorded_at <= $2 GROUP BY d.village, d.status",
		NULL },
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

	/* by date: $1 from, $2 to, $3 as-known-at, $4 $5 division range, $6 one type or NULL; by batch: $1 batch,
	 * $2 $3 $4, $5 */
	[STMT_CHANGES_H_EFF] = { CHANGES_H("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"), "$6"),
		NULL },
	[STMT_CHANGES_H_REC] = { CHANGES_H("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"), "$6"),
		NULL },
	[STMT_CHANGES_H_BATCH] = { CHANGES_H("e.batch = $1", "$2", "$3", "$4", "", "$5"), NULL },
	[STMT_CHANGES_H_KEPT_EFF] = { CHANGES_H_KEPT("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5",
		NOT_SUPERSEDED("$3"), "$6"), NULL },
	[STMT_CHANGES_H_KEPT_REC] = { CHANGES_H_KEPT("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5",
		NOT_SUPERSEDED("$3"), "$6"), NULL },
	[STMT_CHANGES_H_KEPT_BATCH] = { CHANGES_H_KEPT("e.batch = $1", "$2", "$3", "$4", "", "$5"), NULL },
	/* one event's persons, as now known: $1 household, $2 the effective day */
	[STMT_CHANGES_PERSONS] = { "SELECT m.member_id FROM membership_span m WHERE m.household_id = $1 "
		"AND m.recorded_to = " OPEN_REC " AND m.valid_from <= $2 AND $2 < m.valid_to", NULL },
	[STMT_CHANGES_M_EFF] = { CHANGES_M("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"), "$6"),
		NULL },
	[STMT_CHANGES_M_REC] = { CHANGES_M("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"), "$6"),
		NULL },
	[STMT_CHANGES_M_BATCH] = { CHANGES_M("e.batch = $1", "$2", "$3", "$4", "", "$5"), NULL },
	/* one line's households: by date $1..$5 as above, $6 type, $7 limit, $8 offset; by batch $1..$4, $5 $6 $7 */
	[STMT_CHANGES_HH_H_EFF] = { CHANGES_HH_H("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"),
		"$6", "$7", "$8"), NULL },
	[STMT_CHANGES_HH_H_REC] = { CHANGES_HH_H("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"),
		"$6", "$7", "$8"), NULL },
	[STMT_CHANGES_HH_H_BATCH] = { CHANGES_HH_H("e.batch = $1", "$2", "$3", "$4", "", "$5", "$6", "$7"), NULL },
	[STMT_CHANGES_HH_M_EFF] = { CHANGES_HH_M("e.effective BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"),
		"$6", "$7", "$8"), NULL },
	[STMT_CHANGES_HH_M_REC] = { CHANGES_HH_M("e.recorded_at BETWEEN $1 AND $2", "$3", "$4", "$5", NOT_SUPERSEDED("$3"),
		"$6", "$7", "$8"), NULL },
	[STMT_CHANGES_HH_M_BATCH] = { CHANGES_HH_M("e.batch = $1", "$2", "$3", "$4", "", "$5", "$6", "$7"), NULL },
	/* the batches recorded in a division range: events, households, first and last effective date */
	[STMT_CHANGES_BATCHES] = { "SELECT e.batch, COUNT(*), COUNT(DISTINCT e.household_id), MIN(e.effective), "
		"MAX(e.effective) FROM change_event e "
		"WHERE e.batch IS NOT NULL AND e.batch <> '' AND e.village BETWEEN $1 AND $2 GROUP BY e.batch "
		"ORDER BY MAX(e.effective) DESC, e.batch", NULL },

	[STMT_FLOWS] = { "SELECT e.household_id, e.member_id, e.target_household_id, e.type, e.from_status, "
		"e.to_status, e.effective, "
		"(SELECT COUNT(*) FROM membership_span m WHERE m.household_id = e.household_id "
		"AND m.valid_from <= e.effective AND e.effective < m.valid_to AND m.recorded_to = " OPEN_REC "), "
		"(SELECT s.status FROM household_status_span s WHERE s.household_id = e.household_id "
		"AND s.valid_from < e.effective AND e.effective <= s.valid_to AND s.recorded_to = " OPEN_REC "), "
		"(SELECT s.status FROM household_status_span s WHERE s.household_id = e.target_household_id "
		"AND s.valid_from < e.effective AND e.effective <= s.valid_to AND s.recorded_to = " OPEN_REC ") "
		"FROM change_event e "
		"WHERE e.effective BETWEEN $1 AND $2 AND e.village BETWEEN $3 AND $4 "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id) ORDER BY e.id", NULL },

	[STMT_EACH_MEMBER] = { "SELECT " HH_COLS ", " M_COLS ", hs.status FROM membership_span s "
		"JOIN member m ON m.id = s.member_id JOIN household h ON h.id = s.household_id "
		"JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 AND $1 < hs.valid_to "
		"AND hs.recorded_to = " OPEN_REC " WHERE s.valid_from <= $1 AND $1 < s.valid_to "
		"AND s.recorded_to = " OPEN_REC " AND h.village BETWEEN $2 AND $3 "
		"ORDER BY h.hh_no, CASE WHEN m.relation = '01' THEN 0 ELSE 1 END, m.id", NULL },
	/* The standard tables (tables.c): every household whose status span covers $1 as known at $2, with each
	 * member on $1 (none: one row of NULLs), ordered by household; the income survey of year $5 as now known
	 * (FACTS) or as recorded at $2 (FACTS_AT: the latest version recorded by then; a household whose year has
	 * no version at all keeps the value it was imported with). */
	/* STMT_TABLE_FACTS and STMT_TABLE_FACTS_AT are built per call with the columns a table reads
	 * (stmt_facts_sql) */
	[STMT_TABLE_FACTS] = { NULL, NULL },
	[STMT_TABLE_FACTS_AT] = { NULL, NULL },
	/* the change table (tables.c): STMT_FLOWS with the villages of the household and of the target household,
	 * for events touching either side's villages in [$3, $4] (a split or merge across villages counts in both),
	 * in no order (the table adds them up); the members counted for a household's event only, the status the
	 * day before for a member's event only (what the table reads of each) */
	[STMT_FLOWS_VILLAGES] = { "SELECT e.household_id, e.member_id, e.target_household_id, e.type, e.from_status, "
		"e.to_status, e.effective, "
		"CASE WHEN e.member_id IS NULL THEN (SELECT COUNT(*) FROM membership_span m WHERE m.household_id = "
		"e.household_id AND m.valid_from <= e.effective AND e.effective < m.valid_to AND m.recorded_to = " OPEN_REC
		") END, CASE WHEN e.member_id IS NOT NULL THEN (SELECT s.status FROM household_status_span s WHERE "
		"s.household_id = e.household_id AND s.valid_from < e.effective AND e.effective <= s.valid_to "
		"AND s.recorded_to = " OPEN_REC ") END, "
		"(SELECT s.status FROM household_status_span s WHERE s.household_id = e.target_household_id "
		"AND s.valid_from < e.effective AND e.effective <= s.valid_to AND s.recorded_to = " OPEN_REC "), "
		"e.village, t.village "
		"FROM change_event e LEFT JOIN household t ON t.id = e.target_household_id "
		"WHERE e.effective BETWEEN $1 AND $2 AND (e.village BETWEEN $3 AND $4 OR t.village BETWEEN $3 AND $4) "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id)", NULL },
	/* the standard tables' records besides the registry, by household: the pairings (结对帮扶) in force on $1 with
	 * their cadre's 单位隶属关系; the latest 入户核实 assessment on or before $1; the categories of the measures of
	 * year $1 */
	[STMT_TABLE_PAIRINGS] = { "SELECT p.household_id, p.cadre_id, c.affiliation, 0 FROM pairing p "
		"JOIN cadre c ON c.id = p.cadre_id WHERE p.village BETWEEN $2 AND $3 AND p.start_date <= $1 "
		"AND (p.end_date IS NULL OR p.end_date >= $1) ORDER BY p.household_id, p.cadre_id", NULL },
	[STMT_TABLE_ASSESSMENTS] = { "SELECT a.household_id, 0, a.housing, a.water FROM assessment a "
		"JOIN household h ON h.id = a.household_id WHERE h.village BETWEEN $2 AND $3 AND a.id = "
		"(SELECT b.id FROM assessment b WHERE b.household_id = a.household_id AND b.day <= $1 "
		"ORDER BY b.day DESC, b.id DESC LIMIT 1) ORDER BY a.household_id", NULL },
	[STMT_TABLE_MEASURES] = { "SELECT DISTINCT household_id, 0, category, 0 FROM measure "
		"WHERE village BETWEEN $2 AND $3 AND year = $1 ORDER BY household_id, category", NULL },
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
	[STMT_INCOME_OF_HH] = { INCOME_OF_HH("$1"), NULL },
	[STMT_INCOME_OF_HH_NO] = { INCOME_OF_HH(HH_OF_NO), NULL },

	/* the first day any household of the range counts (the registry's beginning there) */
	[STMT_FIRST_DAY] = { "SELECT MIN(day) FROM stat_delta WHERE village BETWEEN $1 AND $2 AND households > 0", NULL },
	/* the same for a whole town or wider, from its roll-up: on the first day every delta is an entry, so the
	 * division's sum is positive there too */
	[STMT_FIRST_DAY_ROLLUP] = { "SELECT MIN(day) FROM stat_rollup WHERE level = $1 AND division = $2 "
		"AND households > 0", NULL },
	/* the income survey's versions (0010_income_history.sql) */
	[STMT_INCOME_REV_INSERT] = { "INSERT INTO income_revision (household_id, year, wage, business, property, "
		"transfer, business_cost, net_pc, size, recorded_at, actor, reason, source) VALUES ($1, $2, $3, $4, $5, $6, "
		"$7, $8, $9, $10, $11, $12, $13)", NULL },
	[STMT_INCOME_REVS_OF_HH] = { INCOME_REVS_OF_HH("$1"), NULL },
	[STMT_INCOME_REVS_OF_HH_NO] = { INCOME_REVS_OF_HH(HH_OF_NO), NULL },
	[STMT_INCOME_REV_COUNT] = { "SELECT COUNT(*) FROM income_revision WHERE household_id = $1 AND year = $2", NULL },
	[STMT_INCOME_GET] = { "SELECT household_id, year, wage, business, property, transfer, business_cost, net_pc, "
		"size FROM income_year WHERE household_id = $1 AND year = $2", NULL },
	[STMT_COPY_INCOME_REV] = { COPY_PAGE("id, " INCOME_REV_COLUMNS, "income_revision", "id", "$1", "$2"), NULL },
	[STMT_COUNT_INCOME_REV] = { "SELECT COUNT(*) FROM income_revision", NULL },
	[STMT_COPY_INSERT_INCOME_REV] = { "INSERT INTO income_revision (id, " INCOME_REV_COLUMNS ") VALUES ($1, $2, $3, "
		"$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", NULL },
	[STMT_SEQ_INCOME_REV] = { "SELECT 0", IDENTITY_PAST("income_revision") },

	[STMT_USER_BY_NAME] = { "SELECT " U_COLS " FROM app_user u WHERE u.name = $1", NULL },
	[STMT_USER_BY_ID] = { "SELECT " U_COLS " FROM app_user u WHERE u.id = $1", NULL },
	[STMT_USER_INSERT] = { "INSERT INTO app_user (name, display_name, role, division, pw_hash, locked, failed, "
		"locked_until, must_change, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
		NULL },
	[STMT_USER_UPDATE] = { "UPDATE app_user SET display_name = $2, role = $3, division = $4, pw_hash = $5, "
		"locked = $6, failed = $7, locked_until = $8, must_change = $9, updated_at = $10, reset_sys = $11, "
		"reset_sec = $12, reset_until = $13 WHERE id = $1", NULL },
	[STMT_USER_LIST] = { "SELECT " U_COLS " FROM app_user u ORDER BY u.name", NULL },
	[STMT_SESSION_INSERT] = { "INSERT INTO session (token_hash, user_id, csrf, created_at, seen_at, ip) "
		"VALUES ($1, $2, $3, $4, $4, $5)", NULL },
	/* a request's session or token with its user, in one statement (one round trip on PostgreSQL) */
	[STMT_SESSION_GET] = { "SELECT " U_COLS ", s.id, s.user_id, s.csrf, s.created_at, s.seen_at FROM session s "
		"JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1", NULL },
	[STMT_SESSION_TOUCH] = { "UPDATE session SET seen_at = $2 WHERE id = $1", NULL },
	[STMT_SESSION_DELETE] = { "DELETE FROM session WHERE token_hash = $1", NULL },
	[STMT_SESSION_DELETE_USER] = { "DELETE FROM session WHERE user_id = $1", NULL },
	[STMT_SESSION_DELETE_USER_BUT] = { "DELETE FROM session WHERE user_id = $1 AND token_hash <> $2", NULL },
	[STMT_SESSION_PURGE] = { "DELETE FROM session WHERE seen_at < $1 OR created_at < $2", NULL },
	[STMT_TOKEN_INSERT] = { "INSERT INTO api_token (token_hash, user_id, name, created_at, expires_at) "
		"VALUES ($1, $2, $3, $4, $5)", NULL },
	[STMT_TOKEN_GET] = { "SELECT " U_COLS ", t.id, t.user_id, t.expires_at, t.revoked, t.created_at FROM api_token t "
		"JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1", NULL },
	[STMT_TOKEN_TOUCH] = { "UPDATE api_token SET last_used = $2 WHERE id = $1", NULL },
	[STMT_TOKEN_REVOKE] = { "UPDATE api_token SET revoked = 1 WHERE id = $1 AND user_id = $2", NULL },
	[STMT_TOKEN_REVOKE_USER] = { "UPDATE api_token SET revoked = 1 WHERE user_id = $1 AND revoked = 0", NULL },
	[STMT_TOKEN_LIST] = { "SELECT id, name, created_at, expires_at, last_used, revoked FROM api_token "
		"WHERE user_id = $1 ORDER BY id", NULL },
	/* The head row serialises appends: PostgreSQL locks it for the rest of the transaction (SQLite holds the
	 * database's single write lock already). */
	[STMT_AUDIT_HEAD] = { "SELECT last_id, last_hash, last_mac FROM audit_head WHERE id = 1",
		"SELECT last_id, last_hash, last_mac FROM audit_head WHERE id = 1 FOR UPDATE" },
	[STMT_AUDIT_INSERT] = { "INSERT INTO audit (id, at, actor, action, object, detail, ip, prev_hash, hash, mac) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", NULL },
	[STMT_AUDIT_HEAD_SET] = { "UPDATE audit_head SET last_id = $1, last_hash = $2, last_mac = $3 WHERE id = 1", NULL },
	[STMT_AUDIT_FROM] = { "SELECT " A_COLS " FROM audit WHERE id >= $1 ORDER BY id", NULL },
	/* $1 $2 the stamps, $3 actor, $4 action, $5 object (NULL: any) */
	[STMT_AUDIT_PAGE] = AUDIT_PAGE_W(0, 0, 0),
	/* no filter and no dates (the page an auditor opens): newest first down the table, not the whole log read
	 * through the index on the time and sorted (SQLite chose that for the statement above: 4 s at 6.6 million
	 * rows); PostgreSQL's planner weighs the range itself */
	[STMT_AUDIT_PAGE_UNDATED] = { "SELECT " A_COLS " FROM audit WHERE +at BETWEEN $1 AND $2" AF3_0 AF4_0 AF5_0
		" ORDER BY id DESC LIMIT $6 OFFSET $7", "SELECT " A_COLS " FROM audit " AUDIT_W_PG(0, 0, 0)
		" ORDER BY id DESC LIMIT $6 OFFSET $7" },
	[STMT_AUDIT_COUNT] = AUDIT_COUNT_W(0, 0, 0),
	/* and its total: the rows are numbered 1, 2, 3... with no gap (the chain checks it), so the span of the
	 * numbers, two look-ups, not a count of every row (0.26 s at 6.6 million rows, growing with the log). Two
	 * subqueries: a MIN and a MAX in one SELECT would make SQLite read the whole table. */
	[STMT_AUDIT_COUNT_UNDATED] = { "SELECT COALESCE((SELECT MAX(id) FROM audit) - (SELECT MIN(id) FROM audit) + 1, 0)",
		NULL },
	[STMT_AUDIT_PAGE_ACTOR] = AUDIT_PAGE_W(1, 0, 0),
	[STMT_AUDIT_COUNT_ACTOR] = AUDIT_COUNT_W(1, 0, 0),
	[STMT_AUDIT_PAGE_ACTION] = AUDIT_PAGE_W(0, 1, 0),
	[STMT_AUDIT_COUNT_ACTION] = AUDIT_COUNT_W(0, 1, 0),
	[STMT_AUDIT_PAGE_ACTOR_ACTION] = AUDIT_PAGE_W(1, 1, 0),
	[STMT_AUDIT_COUNT_ACTOR_ACTION] = AUDIT_COUNT_W(1, 1, 0),
	[STMT_AUDIT_PAGE_OBJECT] = AUDIT_PAGE_W(0, 0, 1),
	[STMT_AUDIT_COUNT_OBJECT] = AUDIT_COUNT_W(0, 0, 1),
	[STMT_AUDIT_PAGE_ACTOR_OBJECT] = AUDIT_PAGE_W(1, 0, 1),
	[STMT_AUDIT_COUNT_ACTOR_OBJECT] = AUDIT_COUNT_W(1, 0, 1),
	[STMT_AUDIT_PAGE_ACTION_OBJECT] = AUDIT_PAGE_W(0, 1, 1),
	[STMT_AUDIT_COUNT_ACTION_OBJECT] = AUDIT_COUNT_W(0, 1, 1),
	[STMT_AUDIT_PAGE_ALL] = AUDIT_PAGE_W(1, 1, 1),
	[STMT_AUDIT_COUNT_ALL] = AUDIT_COUNT_W(1, 1, 1),
	/* Household list: every filter is optional (NULL matches all); $1 $2 the division range, $3 status,
	 * $4 attribute, $5 cause, $6 exact text (户编号, name or 证件号码), $7 name pattern, $8 sort, $9 limit,
	 * $10 offset. */
	[STMT_HH_LIST] = { HH_LIST(HH_LIST_WHERE, "h.hh_no"), HH_LIST(HH_LIST_WHERE_PG, "h.hh_no") },
	[STMT_HH_LIST_VILLAGE] = { HH_LIST(HH_LIST_WHERE, "h.village, h.hh_no"),
		HH_LIST(HH_LIST_WHERE_PG, "h.village, h.hh_no") },
	[STMT_HH_LIST_DESC] = { HH_LIST(HH_LIST_WHERE, "h.hh_no DESC"), HH_LIST(HH_LIST_WHERE_PG, "h.hh_no DESC") },
	/* by 户编号 over at most half of the database's villages (a village, a town, a county of a province):
	 * read through the index on village and sorted. "+" keeps SQLite from walking the whole 户编号 index in
	 * order, from the first household of the province to the village's (45 ms for a village of the
	 * 10^7-person province); PostgreSQL plans with its statistics */
	[STMT_HH_LIST_NARROW] = { HH_LIST(HH_LIST_WHERE, "+h.hh_no"), HH_LIST(HH_LIST_WHERE_PG, "h.hh_no") },
	[STMT_HH_LIST_NARROW_DESC] = { HH_LIST(HH_LIST_WHERE, "+h.hh_no DESC"), HH_LIST(HH_LIST_WHERE_PG, "h.hh_no DESC") },
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
	[STMT_HH_LIST_ASOF] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"), "h.hh_no", "$11"),
		HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.hh_no", "$11") },
	[STMT_HH_LIST_ASOF_VILLAGE] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"), "h.village, h.hh_no", "$11"),
		HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.village, h.hh_no", "$11") },
	[STMT_HH_LIST_ASOF_DESC] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"), "h.hh_no DESC", "$11"),
		HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.hh_no DESC", "$11") },
	[STMT_HH_LIST_ASOF_NARROW] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"), "+h.hh_no", "$11"),
		HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.hh_no", "$11") },
	[STMT_HH_LIST_ASOF_NARROW_DESC] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"),
		"+h.hh_no DESC", "$11"), HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.hh_no DESC",
		"$11") },
	[STMT_HH_LIST_ASOF_VILLAGE_DESC] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"),
		"h.village DESC, h.hh_no", "$11"), HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"),
		"h.village DESC, h.hh_no", "$11") },
	[STMT_HH_LIST_ASOF_STATUS] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"),
		STATUS_ORDER_AT("$11") ", h.hh_no", "$11"), HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")), "$11"),
		STATUS_ORDER_AT("$11") ", h.hh_no", "$11") },
	[STMT_HH_LIST_ASOF_ATTRIBUTE] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"),
		"h.attribute IS NULL, h.attribute, h.hh_no", "$11"), HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")),
		"$11"), "h.attribute IS NULL, h.attribute, h.hh_no", "$11") },
	[STMT_HH_LIST_ASOF_CAUSE] = { HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$11")), "$11"),
		"h.cause_main IS NULL, h.cause_main, h.hh_no", "$11"), HH_LIST_ASOF(ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$11")),
		"$11"), "h.cause_main IS NULL, h.cause_main, h.hh_no", "$11") },
	/* how many households of the list have each status (on D for the as-of count: $9) */
	[STMT_HH_LIST_BY_STATUS] = { "SELECT h.status, COUNT(*) FROM household h " HH_LIST_WHERE_S("h.status")
		" GROUP BY h.status", "SELECT h.status, COUNT(*) FROM household h " HH_LIST_WHERE_S_PG("h.status")
		" GROUP BY h.status" },
	[STMT_HH_LIST_ASOF_BY_STATUS] = { "SELECT " STATUS_AT("$9") ", COUNT(*) FROM household h "
		ASOF_WHERE(HH_LIST_WHERE_S(STATUS_AT("$9")), "$9") " GROUP BY 1", "SELECT " STATUS_AT("$9::integer") ", COUNT(*) "
		"FROM household h " ASOF_WHERE(HH_LIST_WHERE_S_PG(STATUS_AT("$9::integer")), "$9::integer") " GROUP BY 1" },
	/* the list searched (HH_FIND_FROM): the same orders, count and statuses, from the households found */
	[STMT_HH_FIND] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, "h.hh_no"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, "h.hh_no") },
	[STMT_HH_FIND_VILLAGE] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, "h.village, h.hh_no"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, "h.village, h.hh_no") },
	[STMT_HH_FIND_DESC] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, "h.hh_no DESC"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, "h.hh_no DESC") },
	[STMT_HH_FIND_VILLAGE_DESC] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, "h.village DESC, h.hh_no"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, "h.village DESC, h.hh_no") },
	[STMT_HH_FIND_STATUS] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, STATUS_ORDER ", h.hh_no"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, STATUS_ORDER ", h.hh_no") },
	[STMT_HH_FIND_ATTRIBUTE] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, "h.attribute IS NULL, h.attribute, h.hh_no"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, "h.attribute IS NULL, h.attribute, h.hh_no") },
	[STMT_HH_FIND_CAUSE] = { HH_FOUND(HH_FIND_FROM, HH_FIND_WHERE, "h.cause_main IS NULL, h.cause_main, h.hh_no"),
		HH_FOUND(HH_FIND_FROM_PG, HH_FIND_WHERE_PG, "h.cause_main IS NULL, h.cause_main, h.hh_no") },
	[STMT_HH_FIND_COUNT] = { "SELECT COUNT(*) FROM " HH_FIND_FROM HH_FIND_WHERE,
		"SELECT COUNT(*) FROM " HH_FIND_FROM_PG HH_FIND_WHERE_PG },
	[STMT_HH_FIND_ASOF] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), "h.hh_no", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.hh_no", "$11") },
	[STMT_HH_FIND_ASOF_VILLAGE] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), "h.village, h.hh_no", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.village, h.hh_no", "$11") },
	[STMT_HH_FIND_ASOF_DESC] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), "h.hh_no DESC", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.hh_no DESC", "$11") },
	[STMT_HH_FIND_ASOF_VILLAGE_DESC] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), "h.village DESC, h.hh_no", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.village DESC, h.hh_no", "$11") },
	[STMT_HH_FIND_ASOF_STATUS] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), STATUS_ORDER_AT("$11") ", h.hh_no", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), STATUS_ORDER_AT("$11") ", h.hh_no", "$11") },
	[STMT_HH_FIND_ASOF_ATTRIBUTE] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), "h.attribute IS NULL, h.attribute, h.hh_no", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.attribute IS NULL, h.attribute, h.hh_no", "$11") },
	[STMT_HH_FIND_ASOF_CAUSE] = { HH_LIST_ASOF_FROM(HH_FIND_FROM, ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$11")), "$11"), "h.cause_main IS NULL, h.cause_main, h.hh_no", "$11"),
		HH_LIST_ASOF_FROM(HH_FIND_FROM_PG, ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$11")), "$11"), "h.cause_main IS NULL, h.cause_main, h.hh_no", "$11") },
	[STMT_HH_FIND_BY_STATUS] = { "SELECT h.status, COUNT(*) FROM " HH_FIND_FROM HH_FIND_WHERE_S("h.status")
		" GROUP BY h.status", "SELECT h.status, COUNT(*) FROM " HH_FIND_FROM_PG HH_FIND_WHERE_S_PG("h.status")
		" GROUP BY h.status" },
	[STMT_HH_FIND_ASOF_BY_STATUS] = { "SELECT " STATUS_AT("$9") ", COUNT(*) FROM " HH_FIND_FROM
		ASOF_WHERE(HH_FIND_WHERE_S(STATUS_AT("$9")), "$9") " GROUP BY 1", "SELECT " STATUS_AT("$9::integer") ", COUNT(*) "
		"FROM " HH_FIND_FROM_PG ASOF_WHERE(HH_FIND_WHERE_S_PG(STATUS_AT("$9::integer")), "$9::integer") " GROUP BY 1" },
	[STMT_REGISTRY_GEN] = { "SELECT gen FROM registry_generation WHERE id = 1", NULL },
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
	/* monitored as of $1 (a case open that day), not the household's flag of today: a check of a past day */
	[STMT_RULE_INCOME_LATEST] = { "SELECT h.id, h.hh_no, h.village, hs.status, CASE WHEN " MONITORED_ON("$1")
		" THEN 1 ELSE 0 END, " RULE_NO_MEMBER "i.year, i.net_pc, h.exit_year, h.identified_ym, " NULLS4
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
	[STMT_FINDING_LIST] = { "SELECT " F_COLS " " F_FROM F_WHERE "ORDER BY f.village, f.id LIMIT $9 OFFSET $10",
		"SELECT " F_COLS " " F_FROM F_WHERE_PG "ORDER BY f.village, f.id LIMIT $9 OFFSET $10" },
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
	[STMT_CAMPAIGN_BY_NAME] = { CAMPAIGN_READ "WHERE c.name = $1", NULL },
	[STMT_CAMPAIGN_LIST] = { CAMPAIGN_READ "ORDER BY c.start_day DESC, c.id DESC", NULL },
	[STMT_CAMPAIGN_CLOSE] = { "INSERT INTO campaign_close (" CAMPAIGN_CLOSE_COLUMNS ") VALUES ($1, $2, $3, $4, $5)", NULL },

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
		/* registered within the list's own divisions (its importer's): a town's list of numbers does not tell
		 * which are registered in another town, and the answer is the same whoever runs the check */
		"WHERE " HOLDS("m", "e") " AND h.village BETWEEN l.division AND l.division_hi) "
		"ORDER BY COALESCE(e.village, l.division), l.id, e.row_no", NULL },
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
		"recorded_at, workflow_id, detail, village, persons) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
		"$11, $12, $13, $14, $15, $16, $17, $18, $19)", NULL },
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
	[STMT_COPY_STAT_ROLLUP_MONTH] = { COPY_PAGE("level, division, status, month, households, persons",
		"stat_rollup_month", "level, division, status, month", "($1, $2, $3, $4)", "$5"), NULL },
	[STMT_COPY_STAT_RECORDED] = { COPY_PAGE("village, status, day, recorded_at, households, persons",
		"stat_recorded", "village, status, day, recorded_at", "($1, $2, $3, $4)", "$5"), NULL },
	[STMT_COPY_INCOME] = { COPY_PAGE(INCOME_COLUMNS, "income_year", "household_id, year", "($1, $2)", "$3"), NULL },
	[STMT_COPY_LINE] = { COPY_PAGE("year, region, kind, amount, note", "poverty_line", "year, region, kind",
		"($1, $2, $3)", "$4"), NULL },
	[STMT_COPY_USER] = { COPY_PAGE(USER_COLUMNS, "app_user", "id", "$1", "$2"), NULL },
	[STMT_COPY_SESSION] = { COPY_PAGE(SESSION_COLUMNS, "session", "id", "$1", "$2"), NULL },
	[STMT_COPY_TOKEN] = { COPY_PAGE(TOKEN_COLUMNS, "api_token", "id", "$1", "$2"), NULL },
	[STMT_COPY_AUDIT] = { COPY_PAGE(A_COLS, "audit", "id", "$1", "$2"), NULL },
	[STMT_COPY_AUDIT_HEAD] = { COPY_PAGE("id, last_id, last_hash, last_mac", "audit_head", "id", "$1", "$2"), NULL },
	[STMT_COUNT_META] = { "SELECT COUNT(*) FROM meta", NULL },
	[STMT_COUNT_DIVISION] = { "SELECT COUNT(*) FROM division", NULL },
	[STMT_COUNT_HOUSEHOLD] = { "SELECT COUNT(*) FROM household", NULL },
	[STMT_COUNT_MEMBER] = { "SELECT COUNT(*) FROM member", NULL },
	[STMT_COUNT_NAME_GRAM] = { "SELECT COUNT(*) FROM member_name_gram", NULL },
	[STMT_COUNT_STATUS_SPAN] = { "SELECT COUNT(*) FROM household_status_span", NULL },
	[STMT_COUNT_MEMBER_SPAN] = { "SELECT COUNT(*) FROM membership_span", NULL },
	[STMT_COUNT_EVENT] = { "SELECT COUNT(*) FROM change_event", NULL },
	[STMT_COUNT_SUPERSESSION] = { "SELECT COUNT(*) FROM event_supersession", NULL },
	[STMT_COUNT_STAT_DELTA] = { "SELECT COUNT(*) FROM stat_delta", NULL },
	[STMT_COUNT_STAT_ROLLUP] = { "SELECT COUNT(*) FROM stat_rollup", NULL },
	[STMT_COUNT_STAT_ROLLUP_MONTH] = { "SELECT COUNT(*) FROM stat_rollup_month", NULL },
	[STMT_COUNT_STAT_RECORDED] = { "SELECT COUNT(*) FROM stat_recorded", NULL },
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
		"$10, $11, $12, $13, $14, $15)", NULL },
	[STMT_COPY_INSERT_SESSION] = { "INSERT INTO session (" SESSION_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7)",
		NULL },
	[STMT_COPY_INSERT_TOKEN] = { "INSERT INTO api_token (" TOKEN_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		NULL },
	/* the head row is seeded by the migration: the copy makes it the source's */
	[STMT_COPY_INSERT_AUDIT_HEAD] = { "INSERT INTO audit_head (id, last_id, last_hash, last_mac) VALUES ($1, $2, $3, $4) "
		"ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash, "
		"last_mac = excluded.last_mac", NULL },
	[STMT_SEQ_HOUSEHOLD] = { "SELECT 0", SEQ_PAST("household") },
	[STMT_SEQ_MEMBER] = { "SELECT 0", SEQ_PAST("member") },
	[STMT_SEQ_STATUS_SPAN] = { "SELECT 0", SEQ_PAST("household_status_span") },
	[STMT_SEQ_MEMBER_SPAN] = { "SELECT 0", SEQ_PAST("membership_span") },
	[STMT_SEQ_EVENT] = { "SELECT 0", SEQ_PAST("change_event") },
	[STMT_SEQ_USER] = { "SELECT 0", IDENTITY_PAST("app_user") },
	[STMT_SEQ_SESSION] = { "SELECT 0", IDENTITY_PAST("session") },
	[STMT_SEQ_TOKEN] = { "SELECT 0", IDENTITY_PAST("api_token") },
	[STMT_WORKFLOW_INSERT] = { "INSERT INTO workflow (code, version, name, definition, loaded_at, loaded_by) "
		"VALUES ($1, (SELECT COALESCE(MAX(version), 0) + 1 FROM workflow WHERE code = $1), $2, $3, $4, $5) "
		"RETURNING id, version", NULL },
	[STMT_WORKFLOW_GET] = { "SELECT " WF_COLUMNS " FROM workflow WHERE id = $1", NULL },
	[STMT_WORKFLOW_LIST] = { "SELECT " WF_COLUMNS " FROM workflow ORDER BY code, version", NULL },
	[STMT_PROPOSAL_INSERT] = { "INSERT INTO proposal (type, household_id, village, workflow_id, state, step_no, "
		"step_since, effective, reason, channel, batch, override, check_result, payload, event_id, opened, "
		"created_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
		"$13, $14, $15, $16, $17, $18, $18, 1) RETURNING id", NULL },
	[STMT_PROPOSAL_GET] = { "SELECT " P_COLS " FROM proposal p LEFT JOIN household h ON h.id = p.household_id "
		"WHERE p.id = $1 AND p.village BETWEEN $2 AND $3", NULL },
	/* the guard of concurrent acts: only the version that was read may move on */
	[STMT_PROPOSAL_UPDATE] = { "UPDATE proposal SET state = $3, step_no = $4, step_since = $5, override = $6, "
		"check_result = $7, event_id = $8, updated_at = $9, household_id = COALESCE(household_id, $10), "
		"version = version + 1 WHERE id = $1 AND version = $2 RETURNING version", NULL },
	[STMT_PROPOSAL_OPEN_HH] = { "SELECT id FROM proposal WHERE household_id = $1 AND state = 'open'", NULL },
	[STMT_PROPOSAL_OPEN_VILLAGE] = { "SELECT id FROM proposal WHERE village = $1 AND household_id IS NULL "
		"AND type = 'village_exit' AND state = 'open'", NULL },
	[STMT_PROPOSAL_LIST] = { P_LIST("", ""), P_LIST("::text", "::bigint") },
	[STMT_PROPOSAL_ACTS] = { "SELECT " PS_COLUMNS " FROM proposal_step WHERE proposal_id = $1 ORDER BY seq", NULL },
	[STMT_PROPOSAL_ACT_INSERT] = { "INSERT INTO proposal_step (proposal_id, seq, step, decision, day, actor, note, "
		"votes_for, votes_against, votes_abstain, override, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
		"$9, $10, $11, $12) RETURNING id", NULL },
	[STMT_ASSESSMENT_INSERT] = { "INSERT INTO assessment (household_id, day, assessor, food, clothing, education, "
		"medical, housing, water, notes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
		"$11, $12) RETURNING id", NULL },
	[STMT_ASSESSMENTS] = { "SELECT " AS_COLUMNS " FROM assessment WHERE household_id = $1 ORDER BY day DESC, id DESC",
		NULL },
	[STMT_COPY_WORKFLOW] = { COPY_PAGE(WF_COLUMNS, "workflow", "id", "$1", "$2"), NULL },
	[STMT_COPY_PROPOSAL] = { COPY_PAGE(P_COLUMNS, "proposal", "id", "$1", "$2"), NULL },
	[STMT_COPY_PROPOSAL_STEP] = { COPY_PAGE(PS_COLUMNS, "proposal_step", "id", "$1", "$2"), NULL },
	[STMT_COPY_ASSESSMENT] = { COPY_PAGE(AS_COLUMNS, "assessment", "id", "$1", "$2"), NULL },
	[STMT_COUNT_WORKFLOW] = { "SELECT COUNT(*) FROM workflow", NULL },
	[STMT_COUNT_PROPOSAL] = { "SELECT COUNT(*) FROM proposal", NULL },
	[STMT_COUNT_PROPOSAL_STEP] = { "SELECT COUNT(*) FROM proposal_step", NULL },
	[STMT_COUNT_ASSESSMENT] = { "SELECT COUNT(*) FROM assessment", NULL },
	[STMT_COPY_INSERT_WORKFLOW] = { "INSERT INTO workflow (" WF_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7)", NULL },
	[STMT_COPY_INSERT_PROPOSAL] = { "INSERT INTO proposal (" P_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
		"$9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)", NULL },
	[STMT_COPY_INSERT_PROPOSAL_STEP] = { "INSERT INTO proposal_step (" PS_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, "
		"$7, $8, $9, $10, $11, $12, $13)", NULL },
	[STMT_COPY_INSERT_ASSESSMENT] = { "INSERT INTO assessment (" AS_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
		"$8, $9, $10, $11, $12, $13)", NULL },
	[STMT_SEQ_WORKFLOW] = { "SELECT 0", IDENTITY_PAST("workflow") },
	[STMT_SEQ_PROPOSAL] = { "SELECT 0", IDENTITY_PAST("proposal") },
	[STMT_SEQ_PROPOSAL_STEP] = { "SELECT 0", IDENTITY_PAST("proposal_step") },
	[STMT_SEQ_ASSESSMENT] = { "SELECT 0", IDENTITY_PAST("assessment") },
	/* assistance and supervision */
	[STMT_INSERT_CADRE] = { "INSERT INTO cadre (" CADRE_COLUMNS ") VALUES (" P13 ")", NULL },
	[STMT_INSERT_PROJECT] = { "INSERT INTO project (" PROJECT_COLUMNS ") VALUES (" P14 ")", NULL },
	[STMT_INSERT_LOAN] = { "INSERT INTO loan (" LOAN_COLUMNS ") VALUES (" P14 ")", NULL },
	[STMT_INSERT_JOB_FAIR] = { "INSERT INTO job_fair (" JOB_FAIR_COLUMNS ") VALUES (" P11 ")", NULL },
	[STMT_INSERT_SUPERVISION_CASE] = { "INSERT INTO supervision_case (" SUPERVISION_CASE_COLUMNS ") VALUES (" P13 ")", NULL },
	[STMT_INSERT_PUBLIC_POST] = { "INSERT INTO public_post (" PUBLIC_POST_COLUMNS ") VALUES (" P12 ")", NULL },
	[STMT_INSERT_PAIRING] = { "INSERT INTO pairing (" PAIRING_COLUMNS ") VALUES (" P9 ")", NULL },
	[STMT_INSERT_WORK_TEAM] = { "INSERT INTO work_team (" WORK_TEAM_COLUMNS ") VALUES (" P9 ")", NULL },
	[STMT_INSERT_VISIT] = { "INSERT INTO visit (" VISIT_COLUMNS ") VALUES (" P17 ")", NULL },
	[STMT_INSERT_MEASURE] = { "INSERT INTO measure (" MEASURE_COLUMNS ") VALUES (" P15 ")", NULL },
	[STMT_INSERT_BENEFICIARY] = { "INSERT INTO beneficiary (" BENEFICIARY_COLUMNS ") VALUES (" P11 ")", NULL },
	[STMT_INSERT_PAYMENT] = { "INSERT INTO payment (" PAYMENT_COLUMNS ") VALUES (" P12 ")", NULL },
	[STMT_INSERT_AID] = { "INSERT INTO aid (" AID_COLUMNS ") VALUES (" P13 ")", NULL },
	[STMT_INSERT_ASSET] = { "INSERT INTO asset (" ASSET_COLUMNS ") VALUES (" P17 ")", NULL },
	[STMT_INSERT_CASE_HOUSEHOLD] = { "INSERT INTO case_household (" CASE_HOUSEHOLD_COLUMNS ") VALUES (" P6 ")", NULL },
	[STMT_INSERT_CASE_PERSON] = { "INSERT INTO case_person (" CASE_PERSON_COLUMNS ") VALUES (" P10 ")", NULL },
	[STMT_INSERT_COMPLAINT] = { "INSERT INTO complaint (" COMPLAINT_COLUMNS ") VALUES (" P16 ")", NULL },
	[STMT_NEXTID_CADRE] = { "SELECT COALESCE(MAX(id), 0) FROM cadre",
		"SELECT nextval('cadre_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_PROJECT] = { "SELECT COALESCE(MAX(id), 0) FROM project",
		"SELECT nextval('project_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_LOAN] = { "SELECT COALESCE(MAX(id), 0) FROM loan",
		"SELECT nextval('loan_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_JOB_FAIR] = { "SELECT COALESCE(MAX(id), 0) FROM job_fair",
		"SELECT nextval('job_fair_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_SUPERVISION_CASE] = { "SELECT COALESCE(MAX(id), 0) FROM supervision_case",
		"SELECT nextval('supervision_case_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_PUBLIC_POST] = { "SELECT COALESCE(MAX(id), 0) FROM public_post",
		"SELECT nextval('public_post_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_PAIRING] = { "SELECT COALESCE(MAX(id), 0) FROM pairing",
		"SELECT nextval('pairing_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_WORK_TEAM] = { "SELECT COALESCE(MAX(id), 0) FROM work_team",
		"SELECT nextval('work_team_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_VISIT] = { "SELECT COALESCE(MAX(id), 0) FROM visit",
		"SELECT nextval('visit_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_MEASURE] = { "SELECT COALESCE(MAX(id), 0) FROM measure",
		"SELECT nextval('measure_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_BENEFICIARY] = { "SELECT COALESCE(MAX(id), 0) FROM beneficiary",
		"SELECT nextval('beneficiary_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_PAYMENT] = { "SELECT COALESCE(MAX(id), 0) FROM payment",
		"SELECT nextval('payment_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_AID] = { "SELECT COALESCE(MAX(id), 0) FROM aid",
		"SELECT nextval('aid_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_ASSET] = { "SELECT COALESCE(MAX(id), 0) FROM asset",
		"SELECT nextval('asset_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_CASE_HOUSEHOLD] = { "SELECT COALESCE(MAX(id), 0) FROM case_household",
		"SELECT nextval('case_household_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_CASE_PERSON] = { "SELECT COALESCE(MAX(id), 0) FROM case_person",
		"SELECT nextval('case_person_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_NEXTID_COMPLAINT] = { "SELECT COALESCE(MAX(id), 0) FROM complaint",
		"SELECT nextval('complaint_id_seq') FROM generate_series(1, $1::integer)" },
	[STMT_UPDATE_CADRE] = { "UPDATE cadre SET division = $2, name = $3, sex = $4, id_no = $5, unit = $6, affiliation = $7, post = $8, phone = $9, user_name = $10, note = $11 WHERE id = $1", NULL },
	[STMT_UPDATE_PROJECT] = { "UPDATE project SET kind = $2, name = $3, village = $4, budget = $5, fund_source = $6, start_date = $7, completed = $8, closed = $9, operator = $10, scale = $11, note = $12 WHERE id = $1", NULL },
	[STMT_UPDATE_LOAN] = { "UPDATE loan SET product = $2, borrower = $3, household_id = $4, village = $5, lender = $6, amount = $7, start_date = $8, end_date = $9, rate = $10, subsidy = $11, purpose = $12 WHERE id = $1", NULL },
	[STMT_UPDATE_JOB_FAIR] = { "UPDATE job_fair SET fair_date = $2, name = $3, division = $4, place = $5, organizer = $6, employers = $7, jobs = $8, note = $9 WHERE id = $1", NULL },
	[STMT_UPDATE_SUPERVISION_CASE] = { "UPDATE supervision_case SET found_on = $2, source = $3, category = $4, division = $5, problem = $6, transferred_to = $7, transferred_on = $8, deadline = $9, rectified_on = $10, result = $11 WHERE id = $1", NULL },
	[STMT_UPDATE_PUBLIC_POST] = { "UPDATE public_post SET post_kind = $2, title = $3, village = $4, household_id = $5, member_id = $6, monthly = $7, start_date = $8, end_date = $9, note = $10 WHERE id = $1", NULL },
	[STMT_UPDATE_PAIRING] = { "UPDATE pairing SET cadre_id = $2, household_id = $3, village = $4, start_date = $5, end_date = $6, note = $7 WHERE id = $1", NULL },
	[STMT_UPDATE_WORK_TEAM] = { "UPDATE work_team SET cadre_id = $2, village = $3, role = $4, start_date = $5, end_date = $6, note = $7 WHERE id = $1", NULL },
	[STMT_UPDATE_VISIT] = { "UPDATE visit SET household_id = $2, village = $3, cadre_id = $4, visit_date = $5, mode = $6, purpose = $7, found = $8, done = $9, food = $10, clothing = $11, education = $12, medical = $13, housing = $14, water = $15 WHERE id = $1", NULL },
	[STMT_UPDATE_MEASURE] = { "UPDATE measure SET household_id = $2, village = $3, member_id = $4, year = $5, category = $6, item = $7, amount = $8, source = $9, unit = $10, measure_date = $11, content = $12, signed = $13 WHERE id = $1", NULL },
	[STMT_UPDATE_BENEFICIARY] = { "UPDATE beneficiary SET kind = $2, ref_id = $3, household_id = $4, member_id = $5, village = $6, mode = $7, start_date = $8, end_date = $9 WHERE id = $1", NULL },
	[STMT_UPDATE_PAYMENT] = { "UPDATE payment SET kind = $2, ref_id = $3, household_id = $4, member_id = $5, village = $6, period = $7, paid_on = $8, amount = $9, note = $10 WHERE id = $1", NULL },
	[STMT_UPDATE_AID] = { "UPDATE aid SET kind = $2, household_id = $3, member_id = $4, village = $5, year = $6, aid_date = $7, amount = $8, paid_by = $9, provider = $10, note = $11 WHERE id = $1", NULL },
	[STMT_UPDATE_ASSET] = { "UPDATE asset SET project_id = $2, name = $3, class = $4, village = $5, value = $6, fund_source = $7, owner_level = $8, owner_household_id = $9, operator = $10, formed_on = $11, confirmed_on = $12, disposed_on = $13, disposal = $14, note = $15 WHERE id = $1", NULL },
	[STMT_UPDATE_CASE_HOUSEHOLD] = { "UPDATE case_household SET case_id = $2, household_id = $3, village = $4 WHERE id = $1", NULL },
	[STMT_UPDATE_CASE_PERSON] = { "UPDATE case_person SET case_id = $2, division = $3, name = $4, unit = $5, post = $6, measure = $7, decided_on = $8 WHERE id = $1", NULL },
	[STMT_UPDATE_COMPLAINT] = { "UPDATE complaint SET channel = $2, received_on = $3, division = $4, household_id = $5, complainant = $6, phone = $7, category = $8, content = $9, assigned_to = $10, deadline = $11, answered_on = $12, answer = $13, case_id = $14 WHERE id = $1", NULL },
	[STMT_COPY_CADRE] = { COPY_PAGE(CADRE_COLUMNS, "cadre", "id", "$1", "$2"), NULL },
	[STMT_COPY_PROJECT] = { COPY_PAGE(PROJECT_COLUMNS, "project", "id", "$1", "$2"), NULL },
	[STMT_COPY_LOAN] = { COPY_PAGE(LOAN_COLUMNS, "loan", "id", "$1", "$2"), NULL },
	[STMT_COPY_JOB_FAIR] = { COPY_PAGE(JOB_FAIR_COLUMNS, "job_fair", "id", "$1", "$2"), NULL },
	[STMT_COPY_SUPERVISION_CASE] = { COPY_PAGE(SUPERVISION_CASE_COLUMNS, "supervision_case", "id", "$1", "$2"), NULL },
	[STMT_COPY_PUBLIC_POST] = { COPY_PAGE(PUBLIC_POST_COLUMNS, "public_post", "id", "$1", "$2"), NULL },
	[STMT_COPY_PAIRING] = { COPY_PAGE(PAIRING_COLUMNS, "pairing", "id", "$1", "$2"), NULL },
	[STMT_COPY_WORK_TEAM] = { COPY_PAGE(WORK_TEAM_COLUMNS, "work_team", "id", "$1", "$2"), NULL },
	[STMT_COPY_VISIT] = { COPY_PAGE(VISIT_COLUMNS, "visit", "id", "$1", "$2"), NULL },
	[STMT_COPY_MEASURE] = { COPY_PAGE(MEASURE_COLUMNS, "measure", "id", "$1", "$2"), NULL },
	[STMT_COPY_BENEFICIARY] = { COPY_PAGE(BENEFICIARY_COLUMNS, "beneficiary", "id", "$1", "$2"), NULL },
	[STMT_COPY_PAYMENT] = { COPY_PAGE(PAYMENT_COLUMNS, "payment", "id", "$1", "$2"), NULL },
	[STMT_COPY_AID] = { COPY_PAGE(AID_COLUMNS, "aid", "id", "$1", "$2"), NULL },
	[STMT_COPY_ASSET] = { COPY_PAGE(ASSET_COLUMNS, "asset", "id", "$1", "$2"), NULL },
	[STMT_COPY_CASE_HOUSEHOLD] = { COPY_PAGE(CASE_HOUSEHOLD_COLUMNS, "case_household", "id", "$1", "$2"), NULL },
	[STMT_COPY_CASE_PERSON] = { COPY_PAGE(CASE_PERSON_COLUMNS, "case_person", "id", "$1", "$2"), NULL },
	[STMT_COPY_COMPLAINT] = { COPY_PAGE(COMPLAINT_COLUMNS, "complaint", "id", "$1", "$2"), NULL },
	[STMT_COUNT_CADRE] = { "SELECT COUNT(*) FROM cadre", NULL },
	[STMT_COUNT_PROJECT] = { "SELECT COUNT(*) FROM project", NULL },
	[STMT_COUNT_LOAN] = { "SELECT COUNT(*) FROM loan", NULL },
	[STMT_COUNT_JOB_FAIR] = { "SELECT COUNT(*) FROM job_fair", NULL },
	[STMT_COUNT_SUPERVISION_CASE] = { "SELECT COUNT(*) FROM supervision_case", NULL },
	[STMT_COUNT_PUBLIC_POST] = { "SELECT COUNT(*) FROM public_post", NULL },
	[STMT_COUNT_PAIRING] = { "SELECT COUNT(*) FROM pairing", NULL },
	[STMT_COUNT_WORK_TEAM] = { "SELECT COUNT(*) FROM work_team", NULL },
	[STMT_COUNT_VISIT] = { "SELECT COUNT(*) FROM visit", NULL },
	[STMT_COUNT_MEASURE] = { "SELECT COUNT(*) FROM measure", NULL },
	[STMT_COUNT_BENEFICIARY] = { "SELECT COUNT(*) FROM beneficiary", NULL },
	[STMT_COUNT_PAYMENT] = { "SELECT COUNT(*) FROM payment", NULL },
	[STMT_COUNT_AID] = { "SELECT COUNT(*) FROM aid", NULL },
	[STMT_COUNT_ASSET] = { "SELECT COUNT(*) FROM asset", NULL },
	[STMT_COUNT_CASE_HOUSEHOLD] = { "SELECT COUNT(*) FROM case_household", NULL },
	[STMT_COUNT_CASE_PERSON] = { "SELECT COUNT(*) FROM case_person", NULL },
	[STMT_COUNT_COMPLAINT] = { "SELECT COUNT(*) FROM complaint", NULL },
	[STMT_SEQ_CADRE] = { "SELECT 0", SEQ_PAST("cadre") },
	[STMT_SEQ_PROJECT] = { "SELECT 0", SEQ_PAST("project") },
	[STMT_SEQ_LOAN] = { "SELECT 0", SEQ_PAST("loan") },
	[STMT_SEQ_JOB_FAIR] = { "SELECT 0", SEQ_PAST("job_fair") },
	[STMT_SEQ_SUPERVISION_CASE] = { "SELECT 0", SEQ_PAST("supervision_case") },
	[STMT_SEQ_PUBLIC_POST] = { "SELECT 0", SEQ_PAST("public_post") },
	[STMT_SEQ_PAIRING] = { "SELECT 0", SEQ_PAST("pairing") },
	[STMT_SEQ_WORK_TEAM] = { "SELECT 0", SEQ_PAST("work_team") },
	[STMT_SEQ_VISIT] = { "SELECT 0", SEQ_PAST("visit") },
	[STMT_SEQ_MEASURE] = { "SELECT 0", SEQ_PAST("measure") },
	[STMT_SEQ_BENEFICIARY] = { "SELECT 0", SEQ_PAST("beneficiary") },
	[STMT_SEQ_PAYMENT] = { "SELECT 0", SEQ_PAST("payment") },
	[STMT_SEQ_AID] = { "SELECT 0", SEQ_PAST("aid") },
	[STMT_SEQ_ASSET] = { "SELECT 0", SEQ_PAST("asset") },
	[STMT_SEQ_CASE_HOUSEHOLD] = { "SELECT 0", SEQ_PAST("case_household") },
	[STMT_SEQ_CASE_PERSON] = { "SELECT 0", SEQ_PAST("case_person") },
	[STMT_SEQ_COMPLAINT] = { "SELECT 0", SEQ_PAST("complaint") },

	/* A cadre is in scope by the division it helps in, or by the households or villages it helps there. */
	[STMT_LIST_CADRE] = { AROW(CADRE_COLUMNS, "cadre", "1 = 1", "NULL", "NULL", "NULL", "NULL", "division")
		AROW_WHERE("(s.division BETWEEN $1 AND $2 OR EXISTS (SELECT 1 FROM pairing p WHERE p.cadre_id = s.id "
		"AND p.village BETWEEN $1 AND $2) OR EXISTS (SELECT 1 FROM work_team w WHERE w.cadre_id = s.id "
		"AND w.village BETWEEN $1 AND $2))", "NULL", "NULL", ANY_DAY) AROW_ORDER("s.division, s.name"), NULL },
	[STMT_LIST_PAIRING] = { AROW(PAIRING_COLUMNS, "pairing", "1 = 1", "s.household_id", "NULL", "s.cadre_id", "NULL",
		"village") AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.cadre_id", ACTIVE("start_date", "end_date"))
		AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_WORK_TEAM] = { AROW(WORK_TEAM_COLUMNS, "work_team", "1 = 1", "NULL", "NULL", "s.cadre_id", "NULL",
		"village") AROW_WHERE(IN_RANGE("village"), "NULL", "s.cadre_id", ACTIVE("start_date", "end_date"))
		AROW_ORDER("s.village, s.start_date DESC"), NULL },
	[STMT_LIST_VISIT] = { AROW(VISIT_COLUMNS, "visit", "1 = 1", "s.household_id", "NULL", "s.cadre_id", "NULL",
		"village") AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.cadre_id", ON_DAY("visit_date"))
		AROW_ORDER("s.visit_date DESC"), NULL },
	[STMT_LIST_MEASURE] = { AROW(MEASURE_COLUMNS, "measure", "1 = 1", "s.household_id", "s.member_id", "NULL", "NULL",
		"village") AROW_WHERE(IN_RANGE("village"), "s.household_id", "NULL", ON_DAY("measure_date"))
		AROW_ORDER("s.measure_date DESC"), NULL },
	[STMT_LIST_PROJECT] = { AROW(PROJECT_COLUMNS, "project", "1 = 1", "NULL", "NULL", "NULL", "NULL", "village")
		AROW_WHERE(IN_RANGE("village"), "NULL", "NULL", ACTIVE("start_date", "closed"))
		AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_PROJECT_BENEFICIARY] = { AROW(BENEFICIARY_COLUMNS, "beneficiary", OF_KIND("project"),
		"s.household_id", "s.member_id", "NULL", REF_NAME("project", "name", "ref_id"), "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.ref_id", ACTIVE("start_date", "end_date"))
		AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_PROJECT_PAYMENT] = { AROW(PAYMENT_COLUMNS, "payment", OF_KIND("benefit"), "s.household_id",
		"s.member_id", "NULL", "(SELECT r.name FROM beneficiary b JOIN project r ON r.id = b.ref_id "
		"WHERE b.id = s.ref_id)", "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.ref_id", ON_DAY("paid_on"))
		AROW_ORDER("s.paid_on DESC"), NULL },
	[STMT_LIST_PUBLIC_POST] = { AROW(PUBLIC_POST_COLUMNS, "public_post", "1 = 1", "s.household_id", "s.member_id",
		"NULL", "NULL", "village") AROW_WHERE(IN_RANGE("village"), "s.household_id", "NULL",
		ACTIVE("start_date", "end_date")) AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_POST_PAYMENT] = { AROW(PAYMENT_COLUMNS, "payment", OF_KIND("post"), "s.household_id", "s.member_id",
		"NULL", REF_NAME("public_post", "title", "ref_id"), "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.ref_id", ON_DAY("paid_on"))
		AROW_ORDER("s.period DESC"), NULL },
	[STMT_LIST_LOAN] = { AROW(LOAN_COLUMNS, "loan", "1 = 1", "s.household_id", "NULL", "NULL", "NULL", "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "NULL", ACTIVE("start_date", "end_date"))
		AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_LOAN_BENEFICIARY] = { AROW(BENEFICIARY_COLUMNS, "beneficiary", OF_KIND("loan"), "s.household_id",
		"s.member_id", "NULL", REF_NAME("loan", "borrower", "ref_id"), "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.ref_id", ACTIVE("start_date", "end_date"))
		AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_LOAN_REPAYMENT] = { AROW(PAYMENT_COLUMNS, "payment", OF_KIND("repayment"), "NULL", "NULL", "NULL",
		REF_NAME("loan", "borrower", "ref_id"), "village")
		AROW_WHERE(IN_RANGE("village"), "NULL", "s.ref_id", ON_DAY("paid_on")) AROW_ORDER("s.paid_on DESC"), NULL },
	[STMT_LIST_JOB_FAIR] = { AROW(JOB_FAIR_COLUMNS, "job_fair", "1 = 1", "NULL", "NULL", "NULL", "NULL", "division")
		AROW_WHERE(IN_RANGE("division"), "NULL", "NULL", ON_DAY("fair_date")) AROW_ORDER("s.fair_date DESC"), NULL },
	[STMT_LIST_FAIR_HIRE] = { AROW(BENEFICIARY_COLUMNS, "beneficiary", OF_KIND("job_fair"), "s.household_id",
		"s.member_id", "NULL", REF_NAME("job_fair", "name", "ref_id"), "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.ref_id", ACTIVE("start_date", "end_date"))
		AROW_ORDER("s.start_date DESC"), NULL },
	[STMT_LIST_HEALTH_CHECKUP] = { AID_ROW("health_checkup"), NULL },
	[STMT_LIST_MEDICAL_INSURANCE] = { AID_ROW("medical_insurance"), NULL },
	[STMT_LIST_SERIOUS_INSURANCE] = { AID_ROW("serious_illness_insurance"), NULL },
	[STMT_LIST_YULU] = { AID_ROW("yulu"), NULL },
	[STMT_LIST_CHARITY_CARD] = { AID_ROW("charity_card"), NULL },
	[STMT_LIST_CHARITY_VISIT] = { AID_ROW("charity_visit"), NULL },
	[STMT_LIST_ASSET] = { AROW(ASSET_COLUMNS, "asset", "1 = 1", "s.owner_household_id", "NULL", "NULL",
		REF_NAME("project", "name", "project_id"), "village") AROW_WHERE(IN_RANGE("village"),
		"s.owner_household_id", "s.project_id", ACTIVE("formed_on", "disposed_on"))
		AROW_ORDER("s.village, s.formed_on DESC"), NULL },
	[STMT_LIST_ASSET_INCOME] = { AROW(PAYMENT_COLUMNS, "payment", OF_KIND("asset"), "s.household_id", "NULL", "NULL",
		REF_NAME("asset", "name", "ref_id"), "village") AROW_WHERE(IN_RANGE("village"), "s.household_id",
		"s.ref_id", ON_DAY("paid_on")) AROW_ORDER("s.paid_on DESC"), NULL },
	[STMT_LIST_CASE] = { AROW(SUPERVISION_CASE_COLUMNS, "supervision_case", "1 = 1", "NULL", "NULL", "NULL", "NULL",
		"division") AROW_WHERE(IN_RANGE("division"), "NULL", "NULL", ON_DAY("found_on"))
		AROW_ORDER("s.found_on DESC"), NULL },
	[STMT_LIST_CASE_HOUSEHOLD] = { AROW(CASE_HOUSEHOLD_COLUMNS, "case_household", "1 = 1", "s.household_id", "NULL",
		"NULL", REF_NAME("supervision_case", "problem", "case_id"), "village")
		AROW_WHERE(IN_RANGE("village"), "s.household_id", "s.case_id", CASE_FOUND_IN) AROW_ORDER("s.case_id DESC"), NULL },
	[STMT_LIST_CASE_PERSON] = { AROW(CASE_PERSON_COLUMNS, "case_person", "1 = 1", "NULL", "NULL", "NULL",
		REF_NAME("supervision_case", "problem", "case_id"), "division")
		AROW_WHERE(IN_RANGE("division"), "NULL", "s.case_id", CASE_FOUND_IN " AND (s.decided_on IS NULL OR "
		"s.decided_on <= CAST($7 AS INTEGER))") AROW_ORDER("s.case_id DESC"), NULL },
	[STMT_LIST_COMPLAINT] = { AROW(COMPLAINT_COLUMNS, "complaint", "1 = 1", "s.household_id", "NULL", "NULL",
		REF_NAME("supervision_case", "problem", "case_id"), "division")
		AROW_WHERE(IN_RANGE("division"), "s.household_id", "s.case_id", ON_DAY("received_on"))
		AROW_ORDER("s.received_on DESC"), NULL },

	[STMT_CADRE_BY_IDNO] = { "SELECT id FROM cadre WHERE id_no = $1 ORDER BY id", NULL },
	[STMT_CADRE_BY_NAME] = { "SELECT id FROM cadre WHERE name = $1 ORDER BY id", NULL },
	[STMT_CADRE_BY_USER] = { "SELECT id FROM cadre WHERE user_name = $1 ORDER BY id", NULL },
	/* $1 day, $2 $3 divisions, $4 one cadre's households (0: all); monitored on $1: a case open then (or, for a
	 * household monitored before cases were kept, the flag) */
	[STMT_ASSIST_HOUSEHOLDS] = { "SELECT h.id, h.village, h.hh_no, " HEAD_OF("h.id") ", d.name, hs.status, "
		"CASE WHEN " MONITORED_ON("$1") " THEN 1 ELSE 0 END, "
		"p.cadre_id, c.name, p.start_date, (SELECT MAX(v.visit_date) FROM visit v WHERE v.household_id = h.id "
		"AND v.visit_date <= $1), (SELECT COUNT(*) FROM membership_span ms WHERE ms.household_id = h.id "
		"AND ms.valid_from <= $1 AND $1 < ms.valid_to AND ms.recorded_to = " OPEN_REC ") "
		"FROM household h JOIN household_status_span hs ON hs.household_id = h.id AND hs.valid_from <= $1 "
		"AND $1 < hs.valid_to AND hs.recorded_to = " OPEN_REC " LEFT JOIN pairing p ON p.household_id = h.id "
		"AND p.start_date <= $1 AND (p.end_date IS NULL OR p.end_date >= $1) LEFT JOIN cadre c ON c.id = p.cadre_id "
		"LEFT JOIN division d ON d.code = h.village WHERE h.village BETWEEN $2 AND $3 "
		"AND (hs.status IN ('poor', 'returned', 'exited_supported') OR " MONITORED_ON("$1") ") "
		"AND (CAST($4 AS BIGINT) = 0 OR p.cadre_id = $4) ORDER BY h.village, h.hh_no", NULL },
	/* $1 day, $2 $3 divisions, $4 the limit */
	[STMT_CADRE_LOADS] = { "SELECT c.id, c.name, c.unit, c.affiliation, COUNT(*) FROM pairing p "
		"JOIN cadre c ON c.id = p.cadre_id WHERE p.village BETWEEN $2 AND $3 AND p.start_date <= $1 "
		"AND (p.end_date IS NULL OR p.end_date >= $1) GROUP BY c.id, c.name, c.unit, c.affiliation "
		"HAVING COUNT(*) > $4 ORDER BY COUNT(*) DESC, c.id", NULL },

	/* The figures: records, households, persons, amount (fen), jobs. A record is counted where it is (its
	 * division); the persons it helps where their households are. */
	/* $1 $2 project kinds, $3 $4 the period, $5 $6 divisions; a project runs from start_date until closed */
	[STMT_AS_PROJECTS] = { "SELECT (SELECT COUNT(*) FROM project p WHERE p.kind IN ($1, $2) AND p.village BETWEEN $5 "
		"AND $6 AND p.start_date <= $4 AND (p.closed IS NULL OR p.closed >= $3)), "
		"(SELECT COUNT(DISTINCT b.household_id) FROM beneficiary b JOIN project p ON p.id = b.ref_id "
		"WHERE b.kind = 'project' AND p.kind IN ($1, $2) AND b.village BETWEEN $5 AND $6 AND b.start_date <= $4 "
		"AND (b.end_date IS NULL OR b.end_date >= $3) AND p.start_date <= $4 AND (p.closed IS NULL OR p.closed >= $3)), "
		"(SELECT COUNT(DISTINCT b.member_id) FROM beneficiary b JOIN project p ON p.id = b.ref_id "
		"WHERE b.kind = 'project' AND p.kind IN ($1, $2) AND b.village BETWEEN $5 AND $6 AND b.start_date <= $4 "
		"AND (b.end_date IS NULL OR b.end_date >= $3) AND p.start_date <= $4 AND (p.closed IS NULL OR p.closed >= $3)), "
		"(SELECT COALESCE(SUM(y.amount), 0) FROM payment y JOIN beneficiary b ON b.id = y.ref_id "
		"JOIN project p ON p.id = b.ref_id WHERE y.kind = 'benefit' AND p.kind IN ($1, $2) "
		"AND y.village BETWEEN $5 AND $6 AND y.paid_on BETWEEN $3 AND $4), 0", NULL },
	/* $1 $2 the period, $3 $4 divisions */
	[STMT_AS_POSTS] = { "SELECT (SELECT COUNT(*) FROM public_post p WHERE p.village BETWEEN $3 AND $4 "
		"AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)), "
		"(SELECT COUNT(DISTINCT p.household_id) FROM public_post p WHERE p.village BETWEEN $3 AND $4 "
		"AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)), "
		"(SELECT COUNT(DISTINCT p.member_id) FROM public_post p WHERE p.village BETWEEN $3 AND $4 "
		"AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)), "
		"(SELECT COALESCE(SUM(y.amount), 0) FROM payment y WHERE y.kind = 'post' AND y.village BETWEEN $3 AND $4 "
		"AND y.paid_on BETWEEN $1 AND $2), 0", NULL },
	[STMT_AS_FAIRS] = { "SELECT (SELECT COUNT(*) FROM job_fair f WHERE f.division BETWEEN $3 AND $4 "
		"AND f.fair_date BETWEEN $1 AND $2), "
		"(SELECT COUNT(DISTINCT b.household_id) FROM beneficiary b JOIN job_fair f ON f.id = b.ref_id "
		"WHERE b.kind = 'job_fair' AND b.village BETWEEN $3 AND $4 AND f.fair_date BETWEEN $1 AND $2), "
		"(SELECT COUNT(DISTINCT b.member_id) FROM beneficiary b JOIN job_fair f ON f.id = b.ref_id "
		"WHERE b.kind = 'job_fair' AND b.village BETWEEN $3 AND $4 AND f.fair_date BETWEEN $1 AND $2), 0, "
		"(SELECT COALESCE(SUM(f.jobs), 0) FROM job_fair f WHERE f.division BETWEEN $3 AND $4 "
		"AND f.fair_date BETWEEN $1 AND $2)", NULL },
	/* $1 product, $2 $3 the period, $4 $5 divisions: loans granted by the end of the period and not repaid
	 * before it; the amount granted in it */
	[STMT_AS_LOANS] = { "SELECT (SELECT COUNT(*) FROM loan l WHERE l.product = $1 AND l.village BETWEEN $4 AND $5 "
		"AND l.start_date <= $3 AND l.amount > " REPAID_BEFORE("l.id", "$2") "), "
		"(SELECT COUNT(DISTINCT b.household_id) FROM beneficiary b JOIN loan l ON l.id = b.ref_id "
		"WHERE b.kind = 'loan' AND l.product = $1 AND b.village BETWEEN $4 AND $5 AND l.start_date <= $3 "
		"AND l.amount > " REPAID_BEFORE("l.id", "$2") "), "
		"(SELECT COUNT(DISTINCT b.member_id) FROM beneficiary b JOIN loan l ON l.id = b.ref_id "
		"WHERE b.kind = 'loan' AND l.product = $1 AND b.village BETWEEN $4 AND $5 AND l.start_date <= $3 "
		"AND l.amount > " REPAID_BEFORE("l.id", "$2") "), "
		"(SELECT COALESCE(SUM(l.amount), 0) FROM loan l WHERE l.product = $1 AND l.village BETWEEN $4 AND $5 "
		"AND l.start_date BETWEEN $2 AND $3), 0", NULL },
	/* $1 aid kind, $2 $3 the period, $4 $5 divisions; a household's aid helps its members of that day */
	[STMT_AS_AID] = { "SELECT (SELECT COUNT(*) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.aid_date BETWEEN $2 AND $3), "
		"(SELECT COUNT(DISTINCT a.household_id) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.aid_date BETWEEN $2 AND $3), "
		"(SELECT COUNT(*) FROM (SELECT a.member_id AS p FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.aid_date BETWEEN $2 AND $3 AND a.member_id IS NOT NULL UNION SELECT ms.member_id FROM aid a "
		"JOIN membership_span ms ON ms.household_id = a.household_id AND ms.valid_from <= a.aid_date "
		"AND a.aid_date < ms.valid_to AND ms.recorded_to = " OPEN_REC " WHERE a.kind = $1 AND a.village BETWEEN $4 "
		"AND $5 AND a.aid_date BETWEEN $2 AND $3 AND a.member_id IS NULL) x), "
		"(SELECT COALESCE(SUM(a.amount), 0) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.aid_date BETWEEN $2 AND $3), 0", NULL },
	/* insurance: the records of the years the period touches ($6 $7); the premiums the finance bureau paid in
	 * the period */
	[STMT_AS_INSURANCE] = { "SELECT (SELECT COUNT(*) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.year BETWEEN $6 AND $7), "
		"(SELECT COUNT(DISTINCT a.household_id) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.year BETWEEN $6 AND $7), "
		"(SELECT COUNT(DISTINCT a.member_id) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.year BETWEEN $6 AND $7), "
		"(SELECT COALESCE(SUM(a.amount), 0) FROM aid a WHERE a.kind = $1 AND a.village BETWEEN $4 AND $5 "
		"AND a.paid_by = 'finance' AND a.aid_date BETWEEN $2 AND $3), 0", NULL },
	/* $1 day, $2 $3 divisions, $4 visited since, $5 the insurance year */
	[STMT_AS_COVERAGE] = { "WITH base AS (" POLICY_BASE "), people AS (SELECT ms.member_id FROM base "
		"JOIN membership_span ms ON ms.household_id = base.id AND ms.valid_from <= $1 AND $1 < ms.valid_to "
		"AND ms.recorded_to = " OPEN_REC ") SELECT (SELECT COUNT(*) FROM base), (SELECT COUNT(*) FROM people), "
		"(SELECT COUNT(*) FROM base WHERE EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = base.id "
		"AND p.start_date <= $1 AND (p.end_date IS NULL OR p.end_date >= $1))), "
		"(SELECT COUNT(*) FROM base WHERE EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = base.id "
		"AND p.start_date <= $1 AND (p.end_date IS NULL OR p.end_date >= $1) AND (p.start_date >= $4 "
		"OR EXISTS (SELECT 1 FROM visit v WHERE v.household_id = base.id AND v.visit_date BETWEEN $4 AND $1)))), "
		"(SELECT COUNT(*) FROM people WHERE EXISTS (SELECT 1 FROM aid a WHERE a.member_id = people.member_id "
		"AND a.kind = 'medical_insurance' AND a.year = $5)), "
		"(SELECT COUNT(*) FROM people WHERE EXISTS (SELECT 1 FROM aid a WHERE a.member_id = people.member_id "
		"AND a.kind = 'serious_illness_insurance' AND a.year = $5))", NULL },
	/* $1 $2 the period, $3 $4 divisions */
	[STMT_AS_MEASURES] = { "SELECT x.cat, SUM(x.rec), COUNT(DISTINCT x.household_id), SUM(x.amount) FROM ("
		MEASURE_ROWS ") x GROUP BY x.cat", NULL },
	/* the persons: those named, and for a household's record its members on the record's day */
	[STMT_AS_MEASURE_PERSONS] = { "SELECT y.cat, COUNT(DISTINCT y.person) FROM (SELECT x.cat, "
		"COALESCE(x.member_id, ms.member_id) AS person FROM (" MEASURE_ROWS ") x LEFT JOIN membership_span ms "
		"ON x.member_id IS NULL AND ms.household_id = x.household_id AND ms.valid_from <= x.day "
		"AND x.day < ms.valid_to AND ms.recorded_to = " OPEN_REC " WHERE x.rec = 1) y WHERE y.person IS NOT NULL "
		"GROUP BY y.cat", NULL },
	/* $1 $2 the period, $3 $4 divisions: granted in the period; outstanding and overdue on its last day */
	[STMT_AS_LOANS_BY_PRODUCT] = { "SELECT l.product, "
		"SUM(CASE WHEN l.start_date BETWEEN $1 AND $2 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN l.start_date BETWEEN $1 AND $2 THEN l.amount ELSE 0 END), "
		"SUM(CASE WHEN l.start_date <= $2 AND l.amount > l.repaid THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN l.start_date <= $2 AND l.amount > l.repaid THEN l.amount - l.repaid ELSE 0 END), "
		"SUM(CASE WHEN l.end_date < $2 AND l.amount > l.repaid THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN l.end_date < $2 AND l.amount > l.repaid THEN l.amount - l.repaid ELSE 0 END) "
		"FROM (SELECT k.product, k.amount, k.start_date, k.end_date, (SELECT COALESCE(SUM(y.amount), 0) "
		"FROM payment y WHERE y.kind = 'repayment' AND y.ref_id = k.id AND y.paid_on <= $2) AS repaid FROM loan k "
		"WHERE k.village BETWEEN $3 AND $4) l GROUP BY l.product ORDER BY l.product", NULL },
	[STMT_AS_PAID] = { "SELECT y.kind, COUNT(*), COUNT(DISTINCT y.household_id), SUM(y.amount) FROM payment y "
		"WHERE y.kind <> 'repayment' AND y.village BETWEEN $3 AND $4 AND y.paid_on BETWEEN $1 AND $2 "
		"GROUP BY y.kind UNION ALL SELECT 'aid:' || a.kind, COUNT(*), COUNT(DISTINCT a.household_id), "
		"SUM(a.amount) FROM aid a WHERE a.village BETWEEN $3 AND $4 AND a.aid_date BETWEEN $1 AND $2 "
		"AND a.amount > 0 AND (a.kind NOT IN ('medical_insurance', 'serious_illness_insurance') "
		"OR a.paid_by = 'finance') GROUP BY a.kind ORDER BY 1", NULL },
	/* $1 day, $2 $3 the income's period, $4 $5 divisions */
	[STMT_AS_ASSETS_BY_CLASS] = { "SELECT a.class, a.owner_level, 0, NULL, COUNT(*), SUM(a.value), "
		"SUM(COALESCE(i.income, 0)) FROM asset a LEFT JOIN (SELECT y.ref_id, SUM(y.amount) AS income FROM payment y "
		"WHERE y.kind = 'asset' AND y.paid_on BETWEEN $2 AND $3 GROUP BY y.ref_id) i ON i.ref_id = a.id "
		"WHERE a.village BETWEEN $4 AND $5 AND a.formed_on <= $1 AND (a.disposed_on IS NULL OR a.disposed_on > $1) "
		"GROUP BY a.class, a.owner_level ORDER BY a.class, a.owner_level", NULL },
	[STMT_AS_ASSETS_BY_VILLAGE] = { "SELECT NULL, NULL, a.village, d.name, COUNT(*), SUM(a.value), "
		"SUM(COALESCE(i.income, 0)) FROM asset a LEFT JOIN (SELECT y.ref_id, SUM(y.amount) AS income FROM payment y "
		"WHERE y.kind = 'asset' AND y.paid_on BETWEEN $2 AND $3 GROUP BY y.ref_id) i ON i.ref_id = a.id "
		"LEFT JOIN division d ON d.code = a.village "
		"WHERE a.village BETWEEN $4 AND $5 AND a.formed_on <= $1 AND (a.disposed_on IS NULL OR a.disposed_on > $1) "
		"GROUP BY a.village, d.name ORDER BY a.village", NULL },
	/* $1 $2 the period, $3 $4 divisions: cases found in it, with the persons held accountable in them by its end
	 * (decided on or before $2, or on a day not recorded) */
	[STMT_SV_CASES] = { "SELECT c.category, COUNT(DISTINCT c.id), COUNT(CASE WHEN p.decided_on IS NULL OR "
		"p.decided_on <= $2 THEN p.id END) FROM supervision_case c "
		"LEFT JOIN case_person p ON p.case_id = c.id WHERE c.division BETWEEN $3 AND $4 "
		"AND c.found_on BETWEEN $1 AND $2 GROUP BY c.category", NULL },
	/* received in the period and of those answered by its end; open (and overdue) at its end whenever received:
	 * a complaint of an earlier period still open is still the office's to answer */
	[STMT_SV_COMPLAINTS] = { "SELECT COALESCE(SUM(CASE WHEN received_on >= $1 THEN 1 ELSE 0 END), 0), "
		"COALESCE(SUM(CASE WHEN received_on >= $1 AND answered_on IS NOT NULL AND answered_on <= $2 "
		"THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN answered_on IS NULL OR answered_on > $2 THEN 1 ELSE 0 END), 0), "
		"COALESCE(SUM(CASE WHEN (answered_on IS NULL OR answered_on > $2) AND deadline IS NOT NULL "
		"AND deadline < $2 THEN 1 ELSE 0 END), 0) FROM complaint WHERE division BETWEEN $3 AND $4 "
		"AND received_on <= $2", NULL },
	[STMT_CASE_INSERT] = { "INSERT INTO monitor_case (household_id, seq, type, risks, channel, identified, discovered, "
		"open_event_id, open_proposal_id, recorded_at, updated_at) VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM monitor_case WHERE household_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id, seq", NULL },
	[STMT_CASE_OPEN] = { "SELECT " MC_COLUMNS " FROM monitor_case WHERE household_id = $1 AND eliminated IS NULL "
		"ORDER BY seq DESC LIMIT 1", NULL },
	[STMT_CASE_CLOSE] = { "UPDATE monitor_case SET eliminated = $2, way = $3, close_event_id = $4, "
		"close_proposal_id = $5, updated_at = $6 WHERE id = $1", NULL },
	[STMT_CASE_SECURITY] = { "UPDATE monitor_case SET security_day = $2, security = $3, updated_at = $4 WHERE id = $1",
		NULL },
	[STMT_CASES_OF_HH] = { "SELECT " MC_COLUMNS " FROM monitor_case WHERE household_id = $1 ORDER BY seq", NULL },
	/* every case identified by $1 in villages $2..$3, with the household and its members on $1 */
	[STMT_CASES_IN] = { "SELECT " MC_COLS ", h.hh_no, h.village, h.status, "
		"(SELECT COUNT(*) FROM membership_span s WHERE s.household_id = h.id AND s.valid_from <= $1 "
		"AND $1 < s.valid_to AND s.recorded_to = " OPEN_REC "), "
		"(SELECT m.name FROM membership_span s JOIN member m ON m.id = s.member_id WHERE s.household_id = h.id "
		"AND s.valid_from <= $1 AND $1 < s.valid_to AND s.recorded_to = " OPEN_REC " AND m.relation = '01' "
		"ORDER BY m.id LIMIT 1) "
		"FROM monitor_case c JOIN household h ON h.id = c.household_id "
		"WHERE h.village BETWEEN $2 AND $3 AND c.identified <= $1 ORDER BY h.village, h.hh_no, c.seq", NULL },
	[STMT_PROGRAMME_INSERT] = { "INSERT INTO programme (household_id, kind, valid_from, valid_to, source, recorded_at, "
		"actor) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", NULL },
	[STMT_PROGRAMMES_OF_HH] = { "SELECT " PG_COLUMNS " FROM programme WHERE household_id = $1 "
		"ORDER BY valid_from, kind, id", NULL },
	[STMT_PROGRAMMES_IN] = { "SELECT p.id, p.household_id, p.kind, p.valid_from, p.valid_to, p.source, p.recorded_at, "
		"p.actor FROM programme p JOIN household h ON h.id = p.household_id WHERE h.village BETWEEN $2 AND $3 "
		"AND p.valid_from <= $1 AND $1 < p.valid_to ORDER BY p.household_id, p.kind", NULL },
	[STMT_COPY_MONITOR_CASE] = { COPY_PAGE(MC_COLUMNS, "monitor_case", "id", "$1", "$2"), NULL },
	[STMT_COUNT_MONITOR_CASE] = { "SELECT COUNT(*) FROM monitor_case", NULL },
	[STMT_COPY_INSERT_MONITOR_CASE] = { "INSERT INTO monitor_case (" MC_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, "
		"$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)", NULL },
	[STMT_SEQ_MONITOR_CASE] = { "SELECT 0", IDENTITY_PAST("monitor_case") },
	[STMT_COPY_PROGRAMME] = { COPY_PAGE(PG_COLUMNS, "programme", "id", "$1", "$2"), NULL },
	[STMT_COUNT_PROGRAMME] = { "SELECT COUNT(*) FROM programme", NULL },
	[STMT_COPY_INSERT_PROGRAMME] = { "INSERT INTO programme (" PG_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		NULL },
	[STMT_SEQ_PROGRAMME] = { "SELECT 0", IDENTITY_PAST("programme") },
	[STMT_COPY_EXT_LIST] = { COPY_PAGE(EXT_LIST_COLUMNS, "external_list", "id", "$1", "$2"), NULL },
	[STMT_COPY_EXT_ENTRY] = { COPY_PAGE(EXT_ENTRY_COLUMNS, "external_entry", "list_id, row_no", "($1, $2)", "$3"), NULL },
	[STMT_COPY_RUN] = { COPY_PAGE(RUN_COLUMNS, "check_run", "id", "$1", "$2"), NULL },
	[STMT_COPY_FINDING] = { COPY_PAGE(FINDING_COLUMNS, "finding", "id", "$1", "$2"), NULL },
	[STMT_COPY_FINDING_EVENT] = { COPY_PAGE(FINDING_EVENT_COLUMNS, "finding_event", "id", "$1", "$2"), NULL },
	[STMT_COPY_CAMPAIGN] = { COPY_PAGE(CAMPAIGN_COLUMNS, "campaign", "id", "$1", "$2"), NULL },
	[STMT_COPY_CAMPAIGN_CLOSE] = { COPY_PAGE(CAMPAIGN_CLOSE_COLUMNS, "campaign_close", "campaign_id", "$1", "$2"), NULL },
	[STMT_COUNT_EXT_LIST] = { "SELECT COUNT(*) FROM external_list", NULL },
	[STMT_COUNT_EXT_ENTRY] = { "SELECT COUNT(*) FROM external_entry", NULL },
	[STMT_COUNT_RUN] = { "SELECT COUNT(*) FROM check_run", NULL },
	[STMT_COUNT_FINDING] = { "SELECT COUNT(*) FROM finding", NULL },
	[STMT_COUNT_FINDING_EVENT] = { "SELECT COUNT(*) FROM finding_event", NULL },
	[STMT_COUNT_CAMPAIGN] = { "SELECT COUNT(*) FROM campaign", NULL },
	[STMT_COUNT_CAMPAIGN_CLOSE] = { "SELECT COUNT(*) FROM campaign_close", NULL },
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
	[STMT_COPY_INSERT_CAMPAIGN_CLOSE] = { "INSERT INTO campaign_close (" CAMPAIGN_CLOSE_COLUMNS ") VALUES ($1, $2, $3, $4, "
		"$5)", NULL },
	[STMT_SEQ_EXT_LIST] = { "SELECT 0", IDENTITY_PAST("external_list") },
	[STMT_SEQ_RUN] = { "SELECT 0", IDENTITY_PAST("check_run") },
	[STMT_SEQ_FINDING] = { "SELECT 0", IDENTITY_PAST("finding") },
	[STMT_SEQ_FINDING_EVENT] = { "SELECT 0", IDENTITY_PAST("finding_event") },
	[STMT_SEQ_CAMPAIGN] = { "SELECT 0", IDENTITY_PAST("campaign") },
	/* early warnings (monitor_warn.c). $1 the day, $2 $3 villages: every 脱贫户 and 一般农户 on $1 */
	[STMT_WARN_INCOMES] = { "SELECT h.id, h.hh_no, h.village, s.status FROM household_status_span s "
		"JOIN household h ON h.id = s.household_id WHERE s.recorded_to = " OPEN_REC " "
		"AND s.valid_from <= $1 AND $1 < s.valid_to AND s.status IN ('exited_supported', 'exited_unsupported', "
		"'ordinary') AND h.village BETWEEN $2 AND $3", NULL },
	/* $1 the last income year: every income known, in the table's order (one scan; store_warn_incomes joins
	 * them to the households in memory) */
	[STMT_WARN_INCOME_ROWS] = { "SELECT household_id, year, net_pc FROM income_year WHERE year <= $1 "
		"AND net_pc IS NOT NULL", NULL },
	/* members recorded with a serious illness (03) or a disability (04) by an event effective in ($4, $1]: a
	 * correction of the health field (its detail holds [before, after]), or a member added or enrolled so (the
	 * member's span found through the household's: the events of the year lead, not a scan of every span) */
	[STMT_WARN_HEALTH] = { "SELECT e.household_id, e.id, e.type, e.effective, e.detail, m.name, m.health, h.hh_no, "
		"h.village, s.status FROM change_event e JOIN member m ON m.id = e.member_id "
		"JOIN household h ON h.id = e.household_id " WARN_STATUS
		"WHERE e.type = 'data_fix' AND e.effective > $4 AND e.effective <= $1 AND e.village BETWEEN $2 AND $3 "
		"AND e.detail LIKE '%\"health\"%' "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id) "
		"UNION ALL SELECT e.household_id, e.id, e.type, e.effective, NULL, m.name, m.health, h.hh_no, h.village, "
		"s.status FROM change_event e JOIN membership_span ms ON ms.household_id = e.household_id "
		"AND ms.event_id = e.id AND ms.recorded_to = " OPEN_REC " "
		"JOIN member m ON m.id = ms.member_id JOIN household h ON h.id = e.household_id " WARN_STATUS
		"WHERE e.type IN ('member_add', 'enrol') AND e.effective > $4 AND e.effective <= $1 "
		"AND e.village BETWEEN $2 AND $3 AND m.health IN ('03', '04') "
		"AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id) "
		"ORDER BY 1, 2, 6", NULL },
	[STMT_WARN_EXTERNAL] = { WARN_EXTERNAL("CROSS JOIN"), WARN_EXTERNAL("JOIN") },
	/* one household on $2: its persons and its head's name */
	[STMT_WARN_HOUSEHOLD] = { "SELECT (SELECT COUNT(*) FROM membership_span s WHERE s.household_id = $1 "
		"AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC "), "
		"(SELECT m.name FROM membership_span s JOIN member m ON m.id = s.member_id WHERE s.household_id = $1 "
		"AND s.valid_from <= $2 AND $2 < s.valid_to AND s.recorded_to = " OPEN_REC " AND m.relation = '01' "
		"ORDER BY m.id LIMIT 1)", NULL },
	/* as recorded on the day $3: opened by then and not decided by then (the day of its last step) */
	[STMT_WARN_PROPOSALS] = { "SELECT p.household_id, p.id FROM proposal p WHERE p.type = 'monitor_in' "
		"AND p.village BETWEEN $1 AND $2 AND p.household_id IS NOT NULL AND p.opened <= $3 AND (p.state = 'open' "
		"OR (SELECT MAX(s.day) FROM proposal_step s WHERE s.proposal_id = p.id) > $3)", NULL },
	/* dismissed on or before the day $3 */
	[STMT_WARN_DISMISSALS] = { "SELECT d.household_id, d.rule, d.basis, d.reason, d.day, d.actor, d.recorded_at "
		"FROM warning_dismissal d JOIN household h ON h.id = d.household_id WHERE h.village BETWEEN $1 AND $2 "
		"AND d.day <= $3", NULL },
	[STMT_WARN_DISMISS] = { "INSERT INTO warning_dismissal (household_id, rule, basis, reason, day, actor, recorded_at) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", NULL },
	[STMT_COPY_WARNING_DISMISSAL] = { COPY_PAGE(WD_COLUMNS, "warning_dismissal", "id", "$1", "$2"), NULL },
	[STMT_COUNT_WARNING_DISMISSAL] = { "SELECT COUNT(*) FROM warning_dismissal", NULL },
	[STMT_COPY_INSERT_WARNING_DISMISSAL] = { "INSERT INTO warning_dismissal (" WD_COLUMNS ") VALUES ($1, $2, $3, $4, "
		"$5, $6, $7, $8)", NULL },
	[STMT_SEQ_WARNING_DISMISSAL] = { "SELECT 0", IDENTITY_PAST("warning_dismissal") },
	[STMT_TABLE_NAMES] = { "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
		"ORDER BY name", "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
		"AND table_type = 'BASE TABLE' ORDER BY table_name" },
	/* the session database: its SQLite texts run on the second file (store_session.c), whose tables are
	 * session (as in 0003_security.sql), login_failure, audit_outbox, activity and aux_meta */
	[STMT_AUX_SESSION_GET] = { "SELECT id, user_id, csrf, created_at, seen_at FROM session WHERE token_hash = $1",
		NULL },
	[STMT_LOGIN_FAILURE_GET] = { "SELECT failed, locked_until FROM login_failure WHERE user_id = $1",
		"SELECT failed, locked_until FROM app_user WHERE id = $1" },
	[STMT_LOGIN_FAILURE_SET] = { "INSERT INTO login_failure (user_id, failed, locked_until) VALUES ($1, $2, $3) "
		"ON CONFLICT (user_id) DO UPDATE SET failed = excluded.failed, locked_until = excluded.locked_until",
		"UPDATE app_user SET failed = $2, locked_until = $3 WHERE id = $1" },
	[STMT_OUTBOX_ADD] = { "INSERT INTO audit_outbox (at, actor, action, object, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)",
		NULL },
	[STMT_OUTBOX_LIST] = { "SELECT id, at, actor, action, object, detail, ip FROM audit_outbox WHERE id > $1 "
		"ORDER BY id LIMIT 1000", NULL },
	[STMT_OUTBOX_DELETE] = { "DELETE FROM audit_outbox WHERE id <= $1", NULL },
	[STMT_AUX_META_GET] = { "SELECT value FROM aux_meta WHERE key = $1", NULL },
	[STMT_ACTIVITY_ADD] = { "INSERT INTO activity (what, pid, host, started) VALUES ($1, $2, $3, $4)", NULL },
	[STMT_ACTIVITY_LIST] = { "SELECT id, what, pid, host FROM activity ORDER BY id", NULL },
	[STMT_ACTIVITY_DELETE] = { "DELETE FROM activity WHERE id = $1", NULL },
	[STMT_ACTIVITY_PG] = { "SELECT 0", "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
		"AND application_name = 'tuopin import' AND pid <> pg_backend_pid()" },
};

/* The bulk path's statements of each table, for both backends: its INSERT and its next id. */
const enum stmt_id stmt_insert_of[T__MAX] = {
	[T_HOUSEHOLD] = STMT_INSERT_HOUSEHOLD,
	[T_MEMBER] = STMT_INSERT_MEMBER,
	[T_STATUS_SPAN] = STMT_INSERT_STATUS_SPAN,
	[T_MEMBER_SPAN] = STMT_INSERT_MEMBER_SPAN,
	[T_EVENT] = STMT_INSERT_EVENT,
	[T_INCOME] = STMT_INSERT_INCOME,
	[T_CADRE] = STMT_INSERT_CADRE,
	[T_PROJECT] = STMT_INSERT_PROJECT,
	[T_LOAN] = STMT_INSERT_LOAN,
	[T_JOB_FAIR] = STMT_INSERT_JOB_FAIR,
	[T_SUPERVISION_CASE] = STMT_INSERT_SUPERVISION_CASE,
	[T_PUBLIC_POST] = STMT_INSERT_PUBLIC_POST,
	[T_PAIRING] = STMT_INSERT_PAIRING,
	[T_WORK_TEAM] = STMT_INSERT_WORK_TEAM,
	[T_VISIT] = STMT_INSERT_VISIT,
	[T_MEASURE] = STMT_INSERT_MEASURE,
	[T_BENEFICIARY] = STMT_INSERT_BENEFICIARY,
	[T_PAYMENT] = STMT_INSERT_PAYMENT,
	[T_AID] = STMT_INSERT_AID,
	[T_ASSET] = STMT_INSERT_ASSET,
	[T_CASE_HOUSEHOLD] = STMT_INSERT_CASE_HOUSEHOLD,
	[T_CASE_PERSON] = STMT_INSERT_CASE_PERSON,
	[T_COMPLAINT] = STMT_INSERT_COMPLAINT,
	[T_EXTERNAL_ENTRY] = STMT_INSERT_EXTERNAL_ENTRY,
};

const enum stmt_id stmt_nextid_of[T__MAX] = {
	[T_HOUSEHOLD] = STMT_NEXTID_HOUSEHOLD,
	[T_MEMBER] = STMT_NEXTID_MEMBER,
	[T_STATUS_SPAN] = STMT_NEXTID_STATUS_SPAN,
	[T_MEMBER_SPAN] = STMT_NEXTID_MEMBER_SPAN,
	[T_EVENT] = STMT_NEXTID_EVENT,
	[T_INCOME] = STMT_NEXTID_INCOME,
	[T_CADRE] = STMT_NEXTID_CADRE,
	[T_PROJECT] = STMT_NEXTID_PROJECT,
	[T_LOAN] = STMT_NEXTID_LOAN,
	[T_JOB_FAIR] = STMT_NEXTID_JOB_FAIR,
	[T_SUPERVISION_CASE] = STMT_NEXTID_SUPERVISION_CASE,
	[T_PUBLIC_POST] = STMT_NEXTID_PUBLIC_POST,
	[T_PAIRING] = STMT_NEXTID_PAIRING,
	[T_WORK_TEAM] = STMT_NEXTID_WORK_TEAM,
	[T_VISIT] = STMT_NEXTID_VISIT,
	[T_MEASURE] = STMT_NEXTID_MEASURE,
	[T_BENEFICIARY] = STMT_NEXTID_BENEFICIARY,
	[T_PAYMENT] = STMT_NEXTID_PAYMENT,
	[T_AID] = STMT_NEXTID_AID,
	[T_ASSET] = STMT_NEXTID_ASSET,
	[T_CASE_HOUSEHOLD] = STMT_NEXTID_CASE_HOUSEHOLD,
	[T_CASE_PERSON] = STMT_NEXTID_CASE_PERSON,
	[T_COMPLAINT] = STMT_NEXTID_COMPLAINT,
	[T_EXTERNAL_ENTRY] = STMT_NEXTID_EXTERNAL_ENTRY,
};

const char *const table_names[T__MAX] = {
	[T_HOUSEHOLD] = "household",
	[T_MEMBER] = "member",
	[T_STATUS_SPAN] = "household_status_span",
	[T_MEMBER_SPAN] = "membership_span",
	[T_EVENT] = "change_event",
	[T_INCOME] = "income_year",
	[T_CADRE] = "cadre",
	[T_PROJECT] = "project",
	[T_LOAN] = "loan",
	[T_JOB_FAIR] = "job_fair",
	[T_SUPERVISION_CASE] = "supervision_case",
	[T_PUBLIC_POST] = "public_post",
	[T_PAIRING] = "pairing",
	[T_WORK_TEAM] = "work_team",
	[T_VISIT] = "visit",
	[T_MEASURE] = "measure",
	[T_BENEFICIARY] = "beneficiary",
	[T_PAYMENT] = "payment",
	[T_AID] = "aid",
	[T_ASSET] = "asset",
	[T_CASE_HOUSEHOLD] = "case_household",
	[T_CASE_PERSON] = "case_person",
	[T_COMPLAINT] = "complaint",
	[T_EXTERNAL_ENTRY] = "external_entry",
};

const char *const table_columns[T__MAX] = {
	[T_HOUSEHOLD] = HOUSEHOLD_COLUMNS,
	[T_MEMBER] = MEMBER_COLUMNS,
	[T_STATUS_SPAN] = STATUS_SPAN_COLUMNS,
	[T_MEMBER_SPAN] = MEMBER_SPAN_COLUMNS,
	[T_EVENT] = EVENT_COLUMNS,
	[T_INCOME] = INCOME_COLUMNS,
	[T_CADRE] = CADRE_COLUMNS,
	[T_PROJECT] = PROJECT_COLUMNS,
	[T_LOAN] = LOAN_COLUMNS,
	[T_JOB_FAIR] = JOB_FAIR_COLUMNS,
	[T_SUPERVISION_CASE] = SUPERVISION_CASE_COLUMNS,
	[T_PUBLIC_POST] = PUBLIC_POST_COLUMNS,
	[T_PAIRING] = PAIRING_COLUMNS,
	[T_WORK_TEAM] = WORK_TEAM_COLUMNS,
	[T_VISIT] = VISIT_COLUMNS,
	[T_MEASURE] = MEASURE_COLUMNS,
	[T_BENEFICIARY] = BENEFICIARY_COLUMNS,
	[T_PAYMENT] = PAYMENT_COLUMNS,
	[T_AID] = AID_COLUMNS,
	[T_ASSET] = ASSET_COLUMNS,
	[T_CASE_HOUSEHOLD] = CASE_HOUSEHOLD_COLUMNS,
	[T_CASE_PERSON] = CASE_PERSON_COLUMNS,
	[T_COMPLAINT] = COMPLAINT_COLUMNS,
	[T_EXTERNAL_ENTRY] = EXT_ENTRY_COLUMNS,
};

const int table_ncols[T__MAX] = {
	[T_HOUSEHOLD] = HH_NCOLS,
	[T_MEMBER] = M_NCOLS,
	[T_STATUS_SPAN] = 8,
	[T_MEMBER_SPAN] = 8,
	[T_EVENT] = 19,
	[T_INCOME] = 9,
	[T_CADRE] = 13,
	[T_PROJECT] = 14,
	[T_LOAN] = 14,
	[T_JOB_FAIR] = 11,
	[T_SUPERVISION_CASE] = 13,
	[T_PUBLIC_POST] = 12,
	[T_PAIRING] = 9,
	[T_WORK_TEAM] = 9,
	[T_VISIT] = 17,
	[T_MEASURE] = 15,
	[T_BENEFICIARY] = 11,
	[T_PAYMENT] = 12,
	[T_AID] = 13,
	[T_ASSET] = 17,
	[T_CASE_HOUSEHOLD] = 6,
	[T_CASE_PERSON] = 10,
	[T_COMPLAINT] = 16,
	[T_EXTERNAL_ENTRY] = 8,
};

/* The rows of the standard tables (STMT_TABLE_FACTS, STMT_TABLE_FACTS_AT): household, member, village, status,
 * the coded fields, then the income columns (wage, business, property, transfer, cost, net_pc, size, known).
 * $1 day, $2 as known at, $3 $4 division range, $5 income year, $6-$12 the statuses asked for (a household of
 * another status is not read, nor its members: a table of the 现有贫困 reads only them). Only the columns in
 * fields are read, the others are NULL in their places; the member table is joined only for a member's column,
 * the income only for FF_INCOME (half the time for a table of one field: reading a column costs about as much
 * as finding the row). The households in id order drive the join (CROSS JOIN keeps that order on SQLite, which
 * otherwise scanned the status spans and sorted the million joined rows), and the income is joined once per
 * household, before its members. at: as known at $2 (the income of the latest revision recorded by then). */
void
stmt_facts_sql(struct buf *b, unsigned fields, bool at, bool pg, bool narrow)
{
	static const char *const cols[FF__COUNT] = { "h.attribute", "h.cause_main", "h.cause_other", "m.sex",
		"m.ethnicity", "m.education", "m.schooling", "m.health", "m.labor", "m.work_status", "m.relation", "m.birth",
		"m.work_months", "m.id_kind", "m.ins_medical", "m.ins_serious", "m.ins_pension", "m.dibao", "m.tekun" };
	static const char *const inc[] = { "wage", "business", "property", "transfer", "business_cost", "net_pc", "size" };
	bool member = false;
	buf_puts(b, "SELECT h.id, s.member_id, h.village, hs.status");
	for (int i = 0; i < FF__COUNT; i++) {
		bool on = fields & (1u << i);
		member |= on && cols[i][0] == 'm';
		buf_printf(b, ", %s", on ? cols[i] : "NULL");
	}
	bool income = fields & FF_INCOME;
	for (size_t i = 0; i < sizeof(inc) / sizeof(*inc); i++) {
		if (!income)
			buf_puts(b, ", NULL");
		else if (at)
			buf_printf(b, ", CASE WHEN i.id IS NOT NULL THEN i.%s ELSE y.%s END", inc[i], inc[i]);
		else
			buf_printf(b, ", i.%s", inc[i]);
	}
	/* without the income, $5 still has a place (PostgreSQL types every parameter up to the last): always NULL */
	buf_puts(b, !income ? ", NULLIF(CAST($5 AS INTEGER), CAST($5 AS INTEGER))"
			    : at ? ", COALESCE(i.household_id, y.household_id)" : ", i.household_id");
	buf_printf(b, " FROM household h %s household_status_span hs ON hs.household_id = h.id ",
	    pg ? "JOIN" : "CROSS JOIN");
	if (income && at)
		buf_puts(b, "LEFT JOIN income_revision i ON i.id = (SELECT MAX(r.id) FROM income_revision r WHERE "
			    "r.household_id = h.id AND r.year = $5 AND r.recorded_at <= $2) "
			    "LEFT JOIN income_year y ON y.household_id = h.id AND y.year = $5 AND NOT EXISTS (SELECT 1 FROM "
			    "income_revision r2 WHERE r2.household_id = h.id AND r2.year = $5) ");
	else if (income)
		buf_puts(b, "LEFT JOIN income_year i ON i.household_id = h.id AND i.year = $5 ");
	buf_puts(b, "LEFT JOIN membership_span s ON s.household_id = h.id AND s.valid_from <= $1 AND $1 < s.valid_to "
		    "AND s.recorded_from <= $2 AND $2 < s.recorded_to ");
	if (member)
		buf_puts(b, "LEFT JOIN member m ON m.id = s.member_id ");
	buf_puts(b, "WHERE hs.valid_from <= $1 AND $1 < hs.valid_to AND hs.recorded_from <= $2 AND $2 < hs.recorded_to "
		    "AND hs.status IN ($6, $7, $8, $9, $10, $11, $12) AND h.village BETWEEN $3 AND $4 ");
	/* a household's rows together, whatever the order of the households. narrow (SQLite, a small part of the
	 * database: a county of a province): in the order of the index (village, 户编号), which reads only the
	 * range's households; otherwise by id, one scan of the households without the index's lookups (for a
	 * county alone in its database 0.7 s against 1.5 s; for a county of a province of 10^7 persons 1.14 s
	 * against 0.19 s) */
	buf_puts(b, narrow && !pg ? "ORDER BY h.village, h.hh_no" : "ORDER BY h.id");
}
