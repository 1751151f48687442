/* api_check.c: running the data-quality rules (GET /api/check answers without keeping; POST /api/check/runs
 * keeps what it finds), the rule table, and other departments' lists (CAP_COMPARE only: import, list, show,
 * delete; every import, read and deletion audited). The same domain functions and JSON as the CLI. */
#include <stdio.h>
#include <string.h>

#include "domain/check.h"
#include "domain/external.h"
#include "http/api.h"
#include "lib/util.h"
#include "view/view.h"

/* Rule codes "R1,R2" (from ?rules=, ?rule= or a body field) into q; false after answering 400. */
static bool
rules_of(struct req *r, const char *field, const char *v, struct check_query *q, int *sel)
{
	if (!v || !*v)
		return true;
	struct errinfo e;
	errinfo_clear(&e);
	if (check_parse_rules(v, sel, &q->n_rules, &e) != ERR_OK) {
		snprintf(e.field, sizeof(e.field), "%s", field);
		reply_error(r, &e);
		return false;
	}
	q->rules = sel;
	return true;
}

void
api_check(struct req *r)
{
	struct check_query q = { .only = -1 };
	int sel[R__MAX];
	const char *list = req_query(r, "rules");
	const char *field = "rules";
	if (!list || !*list)
		list = req_query(r, "rule"), field = "rule";
	if (!q_date(r, "as_of", &q.as_of) || !q_division(r, &q.division) || !rules_of(r, field, list, &q, sel))
		return;
	struct check_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (check_run(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_check_json(&res));
}

void
api_check_rules(struct req *r)
{
	reply_json(r, 200, view_rules_json());
}

/* A run as of today that keeps its findings: {"rules": "R1,R2", "division": "CODE or name"} (both optional:
 * every rule, the whole scope). */
void
api_check_run(struct req *r)
{
	json_t *j = req_json(r, "rules:s? division:s?");
	if (!j)
		return;
	struct check_query q = { .only = -1, .keep = true, .actor = req_actor(r), .ip = r->ip };
	int sel[R__MAX];
	const char *div = json_string_value(json_object_get(j, "division"));
	bool ok = rules_of(r, "rules", json_string_value(json_object_get(j, "rules")), &q, sel);
	if (ok && div && *div) {
		struct division d;
		struct errinfo e;
		errinfo_clear(&e);
		if (division_resolve(r->st, div, &d, &r->a, &e) != ERR_OK) {
			snprintf(e.field, sizeof(e.field), "division");
			reply_error(r, &e);
			ok = false;
		} else
			q.division = d.code;
	}
	if (ok) {
		struct check_result res;
		struct errinfo e;
		errinfo_clear(&e);
		if (check_run(r->st, &q, &res, &r->a, &e) != ERR_OK)
			reply_error(r, &e);
		else
			reply_json(r, 201, view_check_json(&res));
	}
	json_decref(j);
}

/* ---- other departments' lists ---- */

void
api_external_kinds(struct req *r)
{
	reply_json(r, 200, view_external_kinds_json());
}

void
api_external_lists(struct req *r)
{
	struct external_list_row *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (external_lists(r->st, q_bool(r, "deleted"), &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_external_lists_json(v, n));
}

void
api_external_import(struct req *r)
{
	struct external_opts o = { .kind = req_query(r, "kind"), .source = req_query(r, "source"),
		.dry_run = q_bool(r, "dry_run"), .lenient = q_bool(r, "lenient"), .actor = req_actor(r), .ip = r->ip,
		.division = r->user.division, .path = r->upload_path };
	if (!q_date(r, "date", &o.date) || !q_file_name(r, &o.file_name))
		return;
	if (!o.kind || !*o.kind) {
		reply_fail(r, ERR_INVALID, "kind", MSG_EXT_KIND, "", ext_kind_codes());
		return;
	}
	if (r->upload_fd < 0 || r->upload_n == 0) {
		reply_fail(r, ERR_INVALID, "", MSG_EMPTY_FILE);
		return;
	}
	struct external_result res;
	struct errinfo e;
	memset(&res, 0, sizeof(res));
	errinfo_clear(&e);
	problems_init(&res.problems, &r->a);
	enum err rc = external_import(r->st, &o, &res, &r->a, &e);
	if (rc == ERR_OK)
		reply_json(r, o.dry_run ? 200 : 201, view_external_import_json(&res));
	else if (rc == ERR_INVALID && res.problems.n) {
		errinfo_raw(&e, ERR_INVALID, "file", "invalid_file",
		    msg_lang() == LANG_EN ? "the list has problems; nothing was written" : "名单中有问题，未写入任何数据");
		reply_error_data(r, &e, view_external_import_json(&res));
	} else
		reply_error(r, &e);
}

static bool
list_id(struct req *r, int64_t *id)
{
	if (!parse_i64(r->params[0], strlen(r->params[0]), id) || *id < 1) {
		reply_fail(r, ERR_NOTFOUND, "id", MSG_LIST_NOT_FOUND, r->params[0]);
		return false;
	}
	return true;
}

void
api_external_list(struct req *r)
{
	int64_t id;
	if (!list_id(r, &id))
		return;
	struct external_summary s;
	struct errinfo e;
	errinfo_clear(&e);
	if (external_show(r->st, id, req_actor(r), r->ip, &s, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *j = view_external_list_json(&s.list);
	json_object_set_new(j, "matched", json_integer(s.matched));
	json_object_set_new(j, "other_name", json_integer(s.other_name));
	reply_json(r, 200, j);
}

void
api_external_delete(struct req *r)
{
	int64_t id;
	if (!list_id(r, &id))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	if (external_delete(r->st, id, req_actor(r), r->ip, 0, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id, "deleted", 1));
}
