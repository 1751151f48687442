/* api_income.c: the yearly income survey of a household: GET /api/households/:no/incomes (every year with its
 * recorded versions) and PUT /api/households/:no/incomes/:year (record a year, a correction keeping the old
 * version). The same domain function as `tuopin income set`; an income sheet goes through POST
 * /api/imports/income like the other sheets. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "domain/income.h"
#include "domain/report.h"
#include "domain/txn.h"
#include "http/api.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

void
api_incomes(struct req *r)
{
	struct errinfo e;
	errinfo_clear(&e);
	struct household_view v;
	if (household_view_load(r->st, r->params[0], date_today(), false, req_actor(r), r->ip, &v, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_income_json(&v));
}

/* A money field: a string or a number of yuan ("3200.50", 3200.5); absent or null is unknown (-1). A bad one
 * is added to problems (the first also to first), so the form marks every bad amount at once. */
static bool
money_field(json_t *j, const char *key, int64_t *out, json_t *problems, struct errinfo *first)
{
	json_t *v = json_object_get(j, key);
	*out = -1;
	if (!v || json_is_null(v))
		return true;
	char text[64] = "";
	if (json_is_string(v))
		snprintf(text, sizeof(text), "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(text, sizeof(text), "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(text, sizeof(text), "%.15g", json_real_value(v));   /* 0.005 is refused, not rounded */
	struct errinfo pe;
	errinfo_clear(&pe);
	struct str s = str_trim(str_from(json_is_string(v) || json_is_number(v) ? text : ""));
	if (!json_is_string(v) && !json_is_number(v))
		errinfo_set(&pe, ERR_INVALID, key, MSG_BAD_TYPE, key, msg_lang() == LANG_EN ? "an amount" : "金额");
	else if (s.n == 0)
		return true;
	else if (s.p[0] == '-' && parse_money_fen(s.p + 1, s.n - 1, out))
		errinfo_set(&pe, ERR_INVALID, key, MSG_MONEY_NEGATIVE, text);   /* said as such, not "not an amount" */
	else if (!parse_money_fen(s.p, s.n, out) || *out < 0 || *out > MONEY_MAX_FEN)
		errinfo_set(&pe, ERR_INVALID, key, *out > MONEY_MAX_FEN ? MSG_MONEY_CAP : MSG_BAD_MONEY, text);
	else
		return true;
	*out = -1;
	json_array_append_new(problems, json_pack("{s:s, s:s, s:s}", "field", key, "code", pe.code, "message",
	    pe.message));
	if (!first->message[0])
		*first = pe;
	return false;
}

void
api_income_set(struct req *r)
{
	int64_t year;
	if (!parse_i64(r->params[1], strlen(r->params[1]), &year) || year < 1000 || year > 9999) {
		reply_fail(r, ERR_INVALID, "year", MSG_BAD_YEAR, r->params[1]);
		return;
	}
	/* amounts may be strings or numbers, which req_json's types do not say: the keys are checked here */
	json_t *j = req_body(r);
	if (!j)
		return;
	static const char *const keys[] = { "wage", "business", "property", "transfer", "business_cost", "net_income_pc",
		"size", "reason" };
	const char *key;
	json_t *val;
	json_object_foreach(j, key, val) {
		size_t k = 0;
		while (k < NELEM(keys) && strcmp(keys[k], key) != 0)
			k++;
		if (k == NELEM(keys)) {
			reply_fail(r, ERR_INVALID, key, MSG_UNKNOWN_FIELD, key);
			json_decref(j);
			return;
		}
		if ((k == 6 && !json_is_integer(val) && !json_is_null(val)) || (k == 7 && !json_is_string(val) &&
		    !json_is_null(val))) {
			reply_fail(r, ERR_INVALID, key, MSG_BAD_TYPE, key, k == 6 ? (msg_lang() == LANG_EN ? "an integer" : "整数")
			    : (msg_lang() == LANG_EN ? "a string" : "字符串"));
			json_decref(j);
			return;
		}
	}
	struct income_req q = { .hh_no = r->params[0], .source = "form" };
	q.in.year = (int)year;
	json_t *problems = json_array();
	struct errinfo first;
	errinfo_clear(&first);
	/* every amount read, each bad one listed (the form showed one a save) */
	bool ok = money_field(j, "wage", &q.in.wage, problems, &first);
	ok = money_field(j, "business", &q.in.business, problems, &first) && ok;
	ok = money_field(j, "property", &q.in.property, problems, &first) && ok;
	ok = money_field(j, "transfer", &q.in.transfer, problems, &first) && ok;
	ok = money_field(j, "business_cost", &q.in.business_cost, problems, &first) && ok;
	ok = money_field(j, "net_income_pc", &q.in.net_pc, problems, &first) && ok;
	if (!ok)
		reply_error_data(r, &first, json_pack("{s:o}", "problems", problems));
	else
		json_decref(problems);
	json_t *size = json_object_get(j, "size");   /* null or absent: the members at the end of the year */
	if (ok && size && !json_is_null(size)) {
		json_int_t n = json_integer_value(size);
		if (n < 1 || n > 30) {
			char v[32];
			snprintf(v, sizeof(v), "%lld", (long long)n);
			reply_fail(r, ERR_INVALID, "size", MSG_BAD_RANGE, v, 1, 30);
			ok = false;
		} else
			q.in.size = (int)n;
	}
	const char *reason = json_string_value(json_object_get(j, "reason"));
	if (reason && *reason)
		q.reason = arena_strdup(&r->a, reason);
	json_decref(j);
	if (!ok)
		return;
	struct errinfo e;
	errinfo_clear(&e);
	struct txn t;
	bool changed = false;
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = income_set(&t, &q, NULL, &changed, &e);
		if (rc == ERR_OK && !changed)
			rc = errinfo_set(&e, ERR_INVALID, "", MSG_NOTHING_TO_FIX);
		if (rc == ERR_OK)
			rc = txn_commit(&t, &e);
		else
			txn_rollback(&t);
	}
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	api_incomes(r);
}
