/* workflow.c: parsing, validating and storing workflow definitions (see workflow.h). A definition is JSON:
 *   {"code":"standard","name":"精准识别与退出","types":["exit",...],"limit_days":0,
 *    "steps":[{"code":"assess","label":"入户核实","label_en":"Home visit","roles":["village_operator",...],
 *              "check":true},
 *             {"code":"notice","label":"村内公示","roles":[...],"days":7,"print":"notice","back_to":"review"},
 *             ...]}
 * Every step names at least one known role; codes are unique; back_to names an earlier step. */
#include "domain/workflow.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/auth.h"
#include "lib/msg.h"
#include "lib/util.h"

#define VILLAGE_ROLES "\"village_operator\", \"town_operator\", \"county_admin\""

const char workflow_default_json[] =
    "{\"code\": \"standard\", \"name\": \"精准识别与精准退出\", \"name_en\": \"Identification and exit\",\n"
    " \"types\": [\"identify\", \"include_missed\", \"exit\", \"return\", \"remove\", \"clear\", \"village_exit\"],\n"
    " \"steps\": [\n"
    "  {\"code\": \"assess\", \"label\": \"入户核实\", \"label_en\": \"Home visit\", \"roles\": [" VILLAGE_ROLES "],"
    " \"check\": true},\n"
    "  {\"code\": \"review\", \"label\": \"民主评议\", \"label_en\": \"Village review\", \"roles\": [" VILLAGE_ROLES "],"
    " \"votes\": true},\n"
    "  {\"code\": \"notice\", \"label\": \"村内公示\", \"label_en\": \"Village notice\", \"roles\": [" VILLAGE_ROLES "],"
    " \"days\": 7, \"print\": \"notice\", \"back_to\": \"review\"},\n"
    "  {\"code\": \"town\", \"label\": \"乡镇审核\", \"label_en\": \"Town check\", \"roles\": [\"town_operator\","
    " \"county_admin\"]},\n"
    "  {\"code\": \"county\", \"label\": \"县级审定\", \"label_en\": \"County decision\", \"roles\": [\"county_admin\"]},\n"
    "  {\"code\": \"announce\", \"label\": \"公告\", \"label_en\": \"Announcement\", \"roles\": [\"county_admin\"],"
    " \"print\": \"announce\"}\n"
    " ]}\n";

/* 防返贫监测 (DOMAIN.md §4.2, §5.4): 村内公示 5 天 (only once, in the village), 15 days from discovery to the
 * decision; the case opens or closes at 县级审定 (no 公告). */
const char workflow_monitoring_json[] =
    "{\"code\": \"monitoring\", \"name\": \"防返贫监测\", \"name_en\": \"Monitoring\",\n"
    " \"types\": [\"monitor_in\", \"risk_eliminate\"], \"limit_days\": 15,\n"
    " \"steps\": [\n"
    "  {\"code\": \"assess\", \"label\": \"入户核实\", \"label_en\": \"Home visit\", \"roles\": [" VILLAGE_ROLES "],"
    " \"check\": true},\n"
    "  {\"code\": \"review\", \"label\": \"民主评议\", \"label_en\": \"Village review\", \"roles\": [" VILLAGE_ROLES "],"
    " \"votes\": true},\n"
    "  {\"code\": \"notice\", \"label\": \"村内公示\", \"label_en\": \"Village notice\", \"roles\": [" VILLAGE_ROLES "],"
    " \"days\": 5, \"print\": \"notice\", \"back_to\": \"review\"},\n"
    "  {\"code\": \"town\", \"label\": \"乡镇审核\", \"label_en\": \"Town check\", \"roles\": [\"town_operator\","
    " \"county_admin\"]},\n"
    "  {\"code\": \"county\", \"label\": \"县级审定\", \"label_en\": \"County decision\", \"roles\": [\"county_admin\"]}\n"
    " ]}\n";

/* The proposal types a workflow may serve (proposal.c has a type for each). */
const char *const proposal_type_codes[] = { "identify", "include_missed", "exit", "return", "remove", "clear",
	"village_exit", "monitor_in", "risk_eliminate" };
const size_t n_proposal_types = NELEM(proposal_type_codes);

static bool
type_known(const char *code)
{
	for (size_t i = 0; i < n_proposal_types; i++)
		if (strcmp(proposal_type_codes[i], code) == 0)
			return true;
	return false;
}

static enum err
bad(struct errinfo *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static enum err
bad(struct errinfo *e, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return errinfo_set(e, ERR_INVALID, "definition", MSG_WORKFLOW_INVALID, what);
}

static bool
code_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 32)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	return true;
}

static const char *
str_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

enum err
workflow_parse(const char *json, struct workflow *w, struct arena *a, struct errinfo *e)
{
	bool en = msg_lang() == LANG_EN;
	memset(w, 0, sizeof(*w));
	json_error_t je;
	json_t *j = json_loads(json ? json : "", JSON_REJECT_DUPLICATES, &je);
	enum err rc = ERR_OK;
	if (!j || !json_is_object(j)) {
		rc = bad(e, en ? "not a JSON object (line %d: %s)" : "不是 JSON 对象（第 %d 行：%s）", j ? 1 : je.line,
		    j ? "" : je.text);
		goto out;
	}
	const char *code = str_of(j, "code"), *name = str_of(j, "name");
	if (!code_ok(code)) {
		rc = bad(e, en ? "code must be lower-case letters, digits or _" : "code 须为小写字母、数字或下划线");
		goto out;
	}
	w->code = arena_strdup(a, code);
	w->name = arena_strdup(a, name && *name ? name : code);
	json_t *lim = json_object_get(j, "limit_days");
	if (lim && (!json_is_integer(lim) || json_integer_value(lim) < 0 || json_integer_value(lim) > 3650)) {
		rc = bad(e, en ? "limit_days must be a whole number of days" : "limit_days 须为天数");
		goto out;
	}
	w->limit_days = lim ? (int)json_integer_value(lim) : 0;
	json_t *types = json_object_get(j, "types");
	if (!json_is_array(types) || json_array_size(types) == 0) {
		rc = bad(e, en ? "types must list the proposal types it serves" : "types 须列出适用的申请类型");
		goto out;
	}
	w->n_types = json_array_size(types);
	w->types = arena_alloc(a, w->n_types * sizeof(char *));
	for (size_t i = 0; i < w->n_types; i++) {
		const char *t = json_string_value(json_array_get(types, i));
		if (!code_ok(t)) {
			rc = bad(e, en ? "types[%zu] is not a type code" : "types[%zu] 不是类型代码", i);
			goto out;
		}
		/* a workflow loaded for a type no proposal has would replace the standard one and serve nothing */
		if (!type_known(t)) {
			rc = bad(e, en ? "types[%zu]: no proposal type \"%s\" (the types: identify, include_missed, exit, return, "
			    "remove, clear, village_exit, monitor_in, risk_eliminate)" : "types[%zu]：没有申请类型“%s”（可用：identify、"
			    "include_missed、exit、return、remove、clear、village_exit、monitor_in、risk_eliminate）", i, t);
			goto out;
		}
		w->types[i] = arena_strdup(a, t);
	}
	json_t *steps = json_object_get(j, "steps");
	if (!json_is_array(steps) || json_array_size(steps) == 0 || json_array_size(steps) > 20) {
		rc = bad(e, en ? "steps must list 1 to 20 steps" : "steps 须列出 1 至 20 个步骤");
		goto out;
	}
	w->n_steps = json_array_size(steps);
	w->steps = arena_alloc(a, w->n_steps * sizeof(*w->steps));
	memset(w->steps, 0, w->n_steps * sizeof(*w->steps));
	for (size_t i = 0; i < w->n_steps; i++) {
		struct wf_step *s = &w->steps[i];
		json_t *o = json_array_get(steps, i);
		const char *sc = json_is_object(o) ? str_of(o, "code") : NULL;
		if (!code_ok(sc)) {
			rc = bad(e, en ? "steps[%zu].code is missing or not a code" : "steps[%zu].code 缺失或不是代码", i);
			goto out;
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(w->steps[k].code, sc) == 0) {
				rc = bad(e, en ? "step %s appears twice" : "步骤 %s 重复", sc);
				goto out;
			}
		s->code = arena_strdup(a, sc);
		const char *l = str_of(o, "label"), *le = str_of(o, "label_en");
		s->label = arena_strdup(a, l && *l ? l : sc);
		s->label_en = arena_strdup(a, le && *le ? le : s->label);
		json_t *roles = json_object_get(o, "roles");
		if (!json_is_array(roles) || json_array_size(roles) == 0) {
			rc = bad(e, en ? "step %s names no roles" : "步骤 %s 未指定办理角色", sc);
			goto out;
		}
		s->n_roles = json_array_size(roles);
		s->roles = arena_alloc(a, s->n_roles * sizeof(char *));
		for (size_t k = 0; k < s->n_roles; k++) {
			const char *rc_ = json_string_value(json_array_get(roles, k));
			const struct role *r = role_find(rc_);
			if (!r || !(r->caps & CAP_WRITE)) {
				rc = bad(e, en ? "step %s: \"%s\" is not a role that writes" : "步骤 %s：“%s”不是有录入权限的角色",
				    sc, rc_ ? rc_ : "");
				goto out;
			}
			s->roles[k] = arena_strdup(a, rc_);
		}
		json_t *d = json_object_get(o, "days");
		if (d && (!json_is_integer(d) || json_integer_value(d) < 0 || json_integer_value(d) > 90)) {
			rc = bad(e, en ? "step %s: days must be 0 to 90" : "步骤 %s：days 须为 0 至 90", sc);
			goto out;
		}
		s->days = d ? (int)json_integer_value(d) : 0;
		s->check = json_is_true(json_object_get(o, "check"));
		s->votes = json_is_true(json_object_get(o, "votes"));
		const char *pr = str_of(o, "print");
		if (pr && strcmp(pr, "notice") != 0 && strcmp(pr, "announce") != 0) {
			rc = bad(e, en ? "step %s: print is notice or announce" : "步骤 %s：print 须为 notice 或 announce", sc);
			goto out;
		}
		s->print = pr ? arena_strdup(a, pr) : NULL;
		s->back_to = (int)i;
		const char *back = str_of(o, "back_to");
		if (back) {
			int k = workflow_step_index(w, back);
			if (k < 0 || k >= (int)i) {
				rc = bad(e, en ? "step %s: back_to must name an earlier step" : "步骤 %s：back_to 须为之前的步骤", sc);
				goto out;
			}
			s->back_to = k;
		} else if (s->days > 0 && i > 0)
			s->back_to = (int)i - 1;
	}
out:
	json_decref(j);
	return rc;
}

static enum err
from_row(const struct workflow_row *r, struct workflow *w, struct arena *a, struct errinfo *e)
{
	enum err rc = workflow_parse(r->definition, w, a, e);
	if (rc == ERR_OK) {
		w->id = r->id;
		w->version = r->version;
	}
	return rc;
}

enum err
workflow_load(struct txn *t, const char *json, struct workflow *out, struct arena *a, struct errinfo *e)
{
	struct workflow w;
	enum err rc = workflow_parse(json, &w, a, e);
	if (rc != ERR_OK)
		return rc;
	/* stored compact, as parsed (so what is stored is what was checked) */
	json_t *j = json_loads(json, 0, NULL);
	char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	struct workflow_row row = { .code = w.code, .name = w.name, .definition = text, .loaded_at = t->now,
		.loaded_by = (char *)t->actor };
	rc = store_workflow_insert(t->st, &row, e);
	free(text);
	if (rc != ERR_OK)
		return rc;
	w.id = row.id;
	w.version = row.version;
	char detail[160];
	snprintf(detail, sizeof(detail), "{\"code\":\"%s\",\"version\":%d,\"steps\":%zu}", w.code, w.version, w.n_steps);
	if ((rc = txn_audit(t, "workflow.load", w.code, detail, e)) != ERR_OK)
		return rc;
	if (out)
		*out = w;
	return ERR_OK;
}

enum err
workflow_get(struct store *st, int64_t id, struct workflow *w, struct arena *a, struct errinfo *e)
{
	struct workflow_row r;
	enum err rc = store_workflow_get(st, id, &r, a, e);
	if (rc == ERR_NOTFOUND)
		return errinfo_set(e, ERR_NOTFOUND, "workflow", MSG_WORKFLOW_NONE, "");
	return rc == ERR_OK ? from_row(&r, w, a, e) : rc;
}

enum err
workflow_list(struct store *st, struct workflow **out, size_t *n, struct arena *a, struct errinfo *e)
{
	struct workflow_row *rows;
	size_t nr;
	enum err rc = store_workflow_list(st, &rows, &nr, a, e);
	if (rc != ERR_OK)
		return rc;
	*out = arena_alloc(a, (nr + 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < nr; i++)
		if (from_row(&rows[i], &(*out)[*n], a, NULL) == ERR_OK)
			(*n)++;
	return ERR_OK;
}

enum err
workflow_for_type(struct store *st, struct txn *t, const char *type, struct workflow *w, struct arena *a,
    struct errinfo *e)
{
	struct workflow *all;
	size_t n;
	enum err rc = workflow_list(st, &all, &n, a, e);
	if (rc != ERR_OK)
		return rc;
	const struct workflow *best = NULL;
	for (size_t i = 0; i < n; i++) {
		/* only the latest version of each code counts */
		if (i + 1 < n && strcmp(all[i + 1].code, all[i].code) == 0)
			continue;
		bool serves = false;
		for (size_t k = 0; k < all[i].n_types; k++)
			serves |= strcmp(all[i].types[k], type) == 0;
		if (serves && (!best || all[i].id > best->id))
			best = &all[i];
	}
	if (best) {
		*w = *best;
		return ERR_OK;
	}
	/* none loaded serves it: the built-in default of its kind, stored the first time it is needed */
	bool mon = strcmp(type, "monitor_in") == 0 || strcmp(type, "risk_eliminate") == 0;
	const char *json = mon ? workflow_monitoring_json : workflow_default_json;
	bool has_standard = false;
	for (size_t i = 0; i < n; i++)
		has_standard |= strcmp(all[i].code, mon ? "monitoring" : "standard") == 0;
	struct workflow d;
	if ((rc = workflow_parse(json, &d, a, e)) != ERR_OK)
		return rc;
	bool serves = false;
	for (size_t k = 0; k < d.n_types; k++)
		serves |= strcmp(d.types[k], type) == 0;
	if (!serves || has_standard)
		return errinfo_set(e, ERR_INVALID, "type", MSG_WORKFLOW_NONE, type);
	if (!t) {
		*w = d;
		return ERR_OK;
	}
	return workflow_load(t, json, w, a, e);
}

int
workflow_step_index(const struct workflow *w, const char *code)
{
	for (size_t i = 0; code && i < w->n_steps; i++)
		if (w->steps[i].code && strcmp(w->steps[i].code, code) == 0)
			return (int)i;
	return -1;
}

bool
workflow_role_may(const struct wf_step *s, const char *role)
{
	if (!role)
		return true;
	for (size_t i = 0; i < s->n_roles; i++)
		if (strcmp(s->roles[i], role) == 0)
			return true;
	return false;
}

const char *
workflow_step_label(const struct wf_step *s)
{
	return msg_lang() == LANG_EN ? s->label_en : s->label;
}
