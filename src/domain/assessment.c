/* assessment.c: dated household assessments (入户核实记录, proposal.h): who assessed, when, 不愁吃, 不愁穿,
 * 义务教育, 基本医疗, 住房安全 (A–D or relocated) and 安全饮水, each with a note. The exit check reads the latest
 * one on or before its date. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/fields.h"
#include "domain/proposal.h"
#include "lib/date.h"
#include "lib/util.h"
#include "lib/utf8.h"

static const struct {
	const char *code, *zh, *en, *alias;
} grades[] = {
	{ "A", "A级（安全）", "grade A (safe)", "a" },
	{ "B", "B级（基本安全）", "grade B (basically safe)", "b" },
	{ "C", "C级（局部危险）", "grade C (partly unsafe)", "c" },
	{ "D", "D级（整体危险）", "grade D (unsafe)", "d" },
	{ "relocated", "易地搬迁已入住", "relocated and moved in", "已搬迁" },
};

bool
assessment_housing_code(const char *s, const char **code)
{
	for (size_t i = 0; s && i < NELEM(grades); i++)
		if (strcmp(s, grades[i].code) == 0 || strcmp(s, grades[i].alias) == 0 || strcmp(s, grades[i].zh) == 0) {
			*code = grades[i].code;
			return true;
		}
	return false;
}

const char *
assessment_housing_label(const char *code)
{
	for (size_t i = 0; code && i < NELEM(grades); i++)
		if (strcmp(code, grades[i].code) == 0)
			return msg_lang() == LANG_EN ? grades[i].en : grades[i].zh;
	return code ? code : "";
}

/* The notes (JSON): a general note (note) and one for each item of the check, texts of up to 500 characters;
 * each wrong one named by its field. */
static enum err
notes_check(const char *notes, struct errinfo *e)
{
	static const char *const items[] = { "note", "food", "clothing", "education", "medical", "housing", "water" };
	if (!notes || !*notes)
		return ERR_OK;
	json_t *j = json_loads(notes, 0, NULL);
	if (!json_is_object(j)) {
		json_decref(j);
		return errinfo_set(e, ERR_INVALID, "notes", MSG_BAD_TYPE, "notes", msg_lang() == LANG_EN ? "an object" : "对象");
	}
	enum err rc = ERR_OK;
	const char *key;
	json_t *val;
	json_object_foreach(j, key, val) {
		char field[64];
		snprintf(field, sizeof(field), "notes.%.50s", key);
		bool known = false;
		for (size_t i = 0; i < NELEM(items); i++)
			known |= strcmp(items[i], key) == 0;
		if (!known)
			rc = errinfo_set(e, ERR_INVALID, field, MSG_UNKNOWN_FIELD, field);
		else if (!json_is_string(val))
			rc = errinfo_set(e, ERR_INVALID, field, MSG_BAD_TYPE, field, msg_lang() == LANG_EN ? "a text" : "文字");
		else if (utf8_len(json_string_value(val), strlen(json_string_value(val))) > 500)
			rc = errinfo_set(e, ERR_INVALID, field, MSG_TOO_LONG, 500);
		if (rc != ERR_OK)
			break;
	}
	json_decref(j);
	return rc;
}

enum err
assessment_record(struct txn *t, const char *hh_no, struct assessment *x, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	struct household h;
	char d[11];
	enum err rc = store_household_by_no(t->st, hh_no, &h, &a, e);
	if (rc != ERR_OK)
		goto out;
	if (!x->day)
		x->day = t->today;
	if (!date_valid(x->day)) {
		rc = errinfo_set(e, ERR_INVALID, "date", MSG_REQUIRED);
		goto out;
	}
	if ((rc = record_day(x->day, t->today, "date", MSG_ACT_FUTURE, e)) != ERR_OK)
		goto out;
	if (!x->assessor || str_trim(str_from(x->assessor)).n == 0) {
		rc = errinfo_set(e, ERR_INVALID, "assessor", MSG_REQUIRED);
		goto out;
	}
	if (utf8_len(x->assessor, strlen(x->assessor)) > 60) {
		rc = errinfo_set(e, ERR_INVALID, "assessor", MSG_TOO_LONG, 60);
		goto out;
	}
	if ((rc = notes_check(x->notes, e)) != ERR_OK)
		goto out;
	if (x->housing) {
		const char *code;
		if (!assessment_housing_code(x->housing, &code)) {
			rc = errinfo_set(e, ERR_INVALID, "housing", MSG_BAD_HOUSING, x->housing);
			goto out;
		}
		x->housing = (char *)code;
	}
	if (x->food < 0 && x->clothing < 0 && x->education < 0 && x->medical < 0 && x->water < 0 && !x->housing) {
		rc = errinfo_set(e, ERR_INVALID, "", MSG_ASSESSMENT_EMPTY);
		goto out;
	}
	x->household_id = h.id;
	x->recorded_by = (char *)t->actor;
	x->recorded_at = t->now;
	if ((rc = store_assessment_insert(t->st, x, e)) != ERR_OK)
		goto out;
	json_t *j = json_pack("{s:I, s:s, s:s}", "assessment", (json_int_t)x->id, "date", date_format(x->day, d),
	    "assessor", x->assessor);
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	rc = txn_audit(t, "assessment.record", hh_no, detail, e);
	free(detail);
out:
	arena_free(&a);
	return rc;
}

enum err
assessment_list(struct store *st, const char *hh_no, struct assessment **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	struct household h;
	enum err rc = store_household_by_no(st, hh_no, &h, a, e);
	if (rc != ERR_OK)
		return rc;
	return store_assessments(st, h.id, out, n, a, e);
}
