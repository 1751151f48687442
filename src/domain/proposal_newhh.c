/* proposal_newhh.c: the household a 新识别 or 应纳未纳 proposal carries (proposal.payload) until its last step.
 * The household and its members are given as one JSON object with the keys of the registry's fields (the body
 * of POST /api/households: hh_no, village_code, attribute, ..., members: [{name, id_no, relation, ...}]); they
 * become the registry's rows (a header of field keys, one row per member) and go through the registry import's
 * own checks (import_registry, within the proposal's transaction): checked only when the proposal is opened,
 * checked again and written when its last step is approved. Nothing here writes by itself; no SQL. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "domain/fields.h"
#include "domain/import.h"
#include "domain/proposal.h"
#include "io/sheet.h"
#include "lib/util.h"

static const enum col hh_cols[] = { C_VILLAGE_CODE, C_HH_NO, C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD,
	C_STATUS, C_IDENTIFIED_YM, C_EXIT_YEAR, C_PHONE, C_BANK, C_BANK_ACCOUNT, C_NET_INCOME_PC, C_INCOME_YEAR };
static const enum col member_cols[] = { C_NAME, C_ID_NO, C_RELATION, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING,
	C_HEALTH, C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN,
	C_MEMBER_PHONE };

#define NEWHH_MAX_MEMBERS 30

static bool
col_of(const char *key, const enum col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[cols[i]].key, key) == 0)
			return true;
	return false;
}

/* Keys and value types of one object (the household or a member). */
static enum err
check_keys(json_t *o, const enum col *cols, size_t n, bool household, const char *prefix, struct errinfo *e)
{
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		char path[96];
		snprintf(path, sizeof(path), "%s%s", prefix, key);
		if (household && strcmp(key, "members") == 0)
			continue;
		if (!col_of(key, cols, n))
			return errinfo_set(e, ERR_INVALID, path, MSG_UNKNOWN_FIELD, path);
		bool scalar = json_is_string(v) || json_is_number(v) || json_is_boolean(v) || json_is_null(v);
		bool list = json_is_array(v) && strcmp(key, "cause_other") == 0;
		if (list)
			for (size_t i = 0; i < json_array_size(v); i++)
				list &= json_is_string(json_array_get(v, i)) != 0;
		if (!scalar && !list)
			return errinfo_set(e, ERR_INVALID, path, MSG_BAD_TYPE, path,
			    msg_lang() == LANG_EN ? "a string, a number or true/false" : "字符串、数字或布尔值");
	}
	return ERR_OK;
}

enum err
newhh_parse(const char *json, const char *hh_no, char **payload, int64_t *village, struct errinfo *e)
{
	*payload = NULL;
	*village = 0;
	json_error_t je;
	json_t *j = json_loads(json ? json : "", 0, &je);
	enum err rc = ERR_OK;
	if (!json_is_object(j)) {
		rc = errinfo_set(e, ERR_INVALID, "new_household", MSG_BAD_TYPE, "new_household",
		    msg_lang() == LANG_EN ? "an object" : "对象");
		goto out;
	}
	if ((rc = check_keys(j, hh_cols, NELEM(hh_cols), true, "new_household.", e)) != ERR_OK)
		goto out;
	json_t *members = json_object_get(j, "members");
	size_t nm = json_array_size(members);
	if (!json_is_array(members) || nm == 0 || nm > NEWHH_MAX_MEMBERS) {
		rc = errinfo_set(e, ERR_INVALID, "new_household.members", MSG_BAD_RANGE, "members", 1, NEWHH_MAX_MEMBERS);
		goto out;
	}
	for (size_t i = 0; i < nm; i++) {
		char prefix[48];
		snprintf(prefix, sizeof(prefix), "new_household.members[%zu].", i);
		json_t *m = json_array_get(members, i);
		if (!json_is_object(m)) {
			prefix[strlen(prefix) - 1] = '\0';
			rc = errinfo_set(e, ERR_INVALID, prefix, MSG_BAD_TYPE, prefix, msg_lang() == LANG_EN ? "an object" : "对象");
			goto out;
		}
		if ((rc = check_keys(m, member_cols, NELEM(member_cols), false, prefix, e)) != ERR_OK)
			goto out;
	}
	/* 户编号: the proposal's */
	json_t *no = json_object_get(j, "hh_no");
	if (no && !json_is_null(no)) {
		const char *s = json_string_value(no);
		if (!s || strcmp(s, hh_no) != 0) {
			rc = errinfo_set(e, ERR_INVALID, "new_household.hh_no", MSG_NEWHH_HH_NO, s ? s : "", hh_no);
			goto out;
		}
	} else
		json_object_set_new(j, "hh_no", json_string(hh_no));
	const char *vc = json_string_value(json_object_get(j, "village_code"));
	int64_t v = 0;
	if (!vc || !*vc) {
		rc = errinfo_set(e, ERR_INVALID, "new_household.village_code", MSG_REQUIRED);
		goto out;
	}
	if (!parse_i64(vc, strlen(vc), &v) || v < 100000000000LL || v > 999999999999LL) {
		rc = errinfo_set(e, ERR_INVALID, "new_household.village_code", MSG_DIV_CODE, vc);
		goto out;
	}
	*village = v;
	*payload = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
out:
	json_decref(j);
	return rc;
}

/* The payload's field path of a problem: its row (1 the header, 2.. the members) and column (a field key). */
static const char *
problem_path(const struct problem *x, const enum col *hh, size_t n_hh, struct arena *a)
{
	const char *col = x->column && *x->column ? x->column : "";
	if (x->row < 2 || !*col)
		return arena_printf(a, "new_household%s%s", *col ? "." : "", col);
	if (col_of(col, hh, n_hh))
		return arena_printf(a, "new_household.%s", col);
	return arena_printf(a, "new_household.members[%d].%s", x->row - 2, col);
}

/* The same, as a clerk reads it: 第 2 位成员的证件号码 (member 2's id_no), or the household's field. */
static const char *
problem_label(const struct problem *x, const enum col *hh, size_t n_hh, struct arena *a)
{
	bool en = msg_lang() == LANG_EN;
	const char *col = x->column && *x->column ? x->column : "";
	const struct field *f = NULL;
	for (int c = 0; c < C__MAX && !f; c++)
		if (strcmp(fields[c].key, col) == 0)
			f = &fields[c];
	const char *name = f ? (en ? f->key : f->label) : col;
	if (x->row < 2 || !*col || col_of(col, hh, n_hh))
		return *name ? name : (en ? "the household" : "农户信息");
	return arena_printf(a, en ? "member %d's %s" : "第 %d 位成员的%s", x->row - 1, name);
}

enum err
newhh_import(struct txn *t, const char *payload, enum evtype ev, int as_of, const char *batch, const char *reason,
    bool write, int64_t *household, int64_t *event, struct problems *all, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	enum err rc;
	json_t *j = json_loads(payload ? payload : "", 0, NULL);
	json_t *members = json_object_get(j, "members");
	size_t nm = json_array_size(members);
	if (!json_is_object(j) || nm == 0) {
		rc = errinfo_set(e, ERR_INVALID, "new_household", MSG_NEWHH_REQUIRED);
		goto out;
	}
	/* one row per member; the household's columns on every row */
	size_t cols = NELEM(hh_cols) + NELEM(member_cols);
	const char **cells = arena_alloc(&a, cols * (nm + 1) * sizeof(char *));
	for (size_t c = 0; c < NELEM(hh_cols); c++)
		cells[c] = fields[hh_cols[c]].key;
	for (size_t c = 0; c < NELEM(member_cols); c++)
		cells[NELEM(hh_cols) + c] = fields[member_cols[c]].key;
	for (size_t i = 0; i < nm; i++) {
		const char **row = cells + (i + 1) * cols;
		for (size_t c = 0; c < NELEM(hh_cols); c++) {
			row[c] = field_json_text(json_object_get(j, fields[hh_cols[c]].key), &a);
			if (hh_cols[c] == C_STATUS && !*row[c])
				row[c] = "poor";   /* a newly identified household is poor unless said otherwise */
		}
		json_t *m = json_array_get(members, i);
		for (size_t c = 0; c < NELEM(member_cols); c++)
			row[NELEM(hh_cols) + c] = field_json_text(json_object_get(m, fields[member_cols[c]].key), &a);
	}
	struct import_opts o = {
		.sheet = sheet_open_memory(cells, cols, nm + 1),
		.as_of = as_of,
		.event = ev,
		.batch = batch,
		.reason = reason,
		.dry_run = !write,
		.proposal = true,
		.lenient = t->lenient,
		.now = t->now,
		.actor = t->actor,
		.ip = t->ip,
		.txn = t,
	};
	struct import_result r;
	memset(&r, 0, sizeof(r));
	problems_init(&r.problems, &a);
	rc = import_registry(t->st, &o, &r, &a, e);
	if (rc == ERR_INVALID && r.problems.n_errors > 0) {
		const struct problem *x = NULL;
		for (size_t i = 0; i < r.problems.n && !x; i++)
			if (!r.problems.v[i].warning)
				x = &r.problems.v[i];
		if (x) {
			const char *path = problem_path(x, hh_cols, NELEM(hh_cols), &a);
			const char *hh = json_string_value(json_object_get(j, "hh_no"));
			rc = errinfo_set(e, ERR_INVALID, path, MSG_NEWHH_INVALID, hh ? hh : "",
			    problem_label(x, hh_cols, NELEM(hh_cols), &a), x->message, r.problems.n_errors);
			if (strlen(x->code) < sizeof(e->code))
				snprintf(e->code, sizeof(e->code), "%s", x->code);
		}
		/* each problem at its field, so the form marks every one at once */
		for (size_t i = 0; all && i < r.problems.n; i++) {
			const struct problem *y = &r.problems.v[i];
			if (y->warning)
				continue;
			struct errinfo pe;
			errinfo_raw(&pe, y->conflict ? ERR_CONFLICT : ERR_INVALID, problem_path(y, hh_cols, NELEM(hh_cols), &a),
			    y->code, y->message);
			problem_from_err(all, false, 0, NULL, (struct str){ 0 }, &pe);
		}
		goto out;
	}
	if (rc == ERR_INVALID && e && !*e->message)
		errinfo_set(e, ERR_INVALID, "new_household", MSG_NEWHH_REQUIRED);
	if (rc != ERR_OK)
		goto out;
	if (household)
		*household = r.last_household;
	if (event)
		*event = r.last_event;
out:
	json_decref(j);
	arena_free(&a);
	return rc;
}
