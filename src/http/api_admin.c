/* api_admin.c: accounts (system administrator: create without a role, lock, unlock; security administrator:
 * roles and divisions, anyone's API tokens; either: its half of a one-time code), the division tree to pick
 * from, the roles, the audit log (audit administrator), and the OpenAPI document. 三员分立 (auth_admin_may):
 * none of these roles can touch households, none can do another's job, none can log in as a user. */
#include <stdio.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/auth.h"
#include "domain/report.h"
#include "http/api.h"
#include "lib/date.h"
#include "lib/util.h"
#include "store/embedded.h"
#include "view/view.h"

static json_t *
account_json(struct req *r, const struct user *u)
{
	const struct role *ro = role_find(u->role);
	char code[16], t[20];
	view_code(u->division, code, sizeof(code));
	bool live = u->reset_until > auth_epoch();
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:s, s:b, s:{s:b, s:b}}", "name", u->name,
	    "display_name", u->display_name, "role", u->role, "role_label",
	    ro ? (msg_lang() == LANG_EN ? ro->en : ro->zh) : u->role, "division", code, "locked", u->locked, "locked_out",
	    auth_throttle_wait(u->name, NULL) > 0, "must_change", u->must_change, "updated_at",
	    stamp_format(u->updated_at, t), "admin", role_is_admin(u->role), "code", "sys", live && u->reset_sys != NULL,
	    "sec", live && u->reset_sec != NULL);
	struct division d;
	struct errinfo e;
	if (u->division && store_division_get(r->st, u->division, &d, &r->a, &e) == ERR_OK)
		json_object_set_new(j, "division_name", json_string(d.name));
	return j;
}

void
api_users(struct req *r)
{
	struct user *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_user_list(r->st, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, account_json(r, &v[i]));
	reply_json(r, 200, a);
}

static bool
division_arg(struct req *r, json_t *j, int64_t *code)
{
	json_t *d = json_object_get(j, "division");
	*code = 0;
	if (!d || json_is_null(d))
		return true;
	struct division div;
	struct errinfo e;
	errinfo_clear(&e);
	/* administrators have no scope of their own: look the division up without one */
	int64_t lo = r->st->scope_lo, hi = r->st->scope_hi;
	store_set_scope(r->st, 0);
	enum err rc = division_resolve(r->st, json_string_value(d), &div, &r->a, &e);
	r->st->scope_lo = lo;
	r->st->scope_hi = hi;
	if (rc != ERR_OK) {
		e.err = ERR_INVALID;
		snprintf(e.field, sizeof(e.field), "division");
		reply_error(r, &e);
		return false;
	}
	*code = div.code;
	return true;
}

/* The account named name, or 404 answered. */
static bool
account_of(struct req *r, const char *name, struct user *u)
{
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = store_user_by_name(r->st, name, u, &r->a, &e);
	if (rc == ERR_NOTFOUND)
		errinfo_set(&e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, name);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	return true;
}

static bool
may(struct req *r, enum admin_act act, const struct user *target, const char *new_role)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (auth_admin_may(&r->user, act, target, new_role, &e) != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	return true;
}

/* An account with its code half: {"user":…, "code":{"part":1,"code":"ABCD-EFGH","until":"…"}}. */
static json_t *
with_code(struct req *r, const struct user *u, int part, const char *code, int64_t until)
{
	char t[20];
	return json_pack("{s:o, s:{s:i, s:s, s:s}}", "user", account_json(r, u), "code", "part", part, "code", code,
	    "until", stamp_format(stamp_from_epoch(until), t));
}

void
api_user_create(struct req *r)
{
	/* no password and no role here (三员分立): a password the system administrator set would be one it
	 * could log in with, and roles are the security administrator's */
	json_t *j = req_json(r, "name:s display_name:s? password:s? role:s? division:n?");
	if (!j)
		return;
	if (!may(r, ADMIN_CREATE, NULL, NULL)) {
		json_decref(j);
		return;
	}
	if (json_object_get(j, "password")) {
		json_decref(j);
		reply_fail(r, ERR_FORBIDDEN, "password", MSG_SOD_NO_PASSWORD);
		return;
	}
	const char *role = json_string_value(json_object_get(j, "role"));
	if ((role && strcmp(role, "none") != 0) || (json_object_get(j, "division") && !json_is_null(json_object_get(j, "division")))) {
		json_decref(j);
		reply_fail(r, ERR_FORBIDDEN, "role", MSG_SOD_ROLE);
		return;
	}
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	const char *name = json_string_value(json_object_get(j, "name"));
	enum err rc = user_create(r->st, &by, name, json_string_value(json_object_get(j, "display_name")), "none", 0, NULL,
	    true, NULL, &e);
	char code[16];
	int64_t until = 0;
	if (rc == ERR_OK)
		rc = user_code_issue(r->st, &by, name, 1, code, &until, &e);
	struct user back;
	if (rc == ERR_OK)
		rc = store_user_by_name(r->st, name, &back, &r->a, &e);
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 201, with_code(r, &back, 1, code, until));
}

void
api_user_update(struct req *r)
{
	json_t *j = req_json(r, "display_name:s? role:s? division:n? locked:b?");
	if (!j)
		return;
	struct user target;
	if (!account_of(r, r->params[0], &target)) {
		json_decref(j);
		return;
	}
	/* 三员分立: the system administrator manages accounts (name, lock); the security administrator roles and
	 * divisions. */
	bool roles = json_object_get(j, "role") || json_object_get(j, "division");
	bool accounts = json_object_get(j, "display_name") || json_object_get(j, "locked");
	const char *new_role = json_string_value(json_object_get(j, "role"));
	if ((roles && !may(r, ADMIN_ROLE, &target, new_role)) || (accounts && !may(r, ADMIN_ACCOUNT, &target, NULL))) {
		json_decref(j);
		return;
	}
	struct user_change c = { 0 };
	int64_t div;
	bool locked;
	c.display_name = json_string_value(json_object_get(j, "display_name"));
	c.role = new_role;
	if (json_object_get(j, "division")) {
		if (!division_arg(r, j, &div)) {
			json_decref(j);
			return;
		}
		c.division = &div;
	}
	if (json_object_get(j, "locked")) {
		locked = json_is_true(json_object_get(j, "locked"));
		c.locked = &locked;
	}
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	enum err rc = user_change(r->st, &by, r->params[0], &c, NULL, &e);
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct user back;
	if (store_user_by_name(r->st, r->params[0], &back, &r->a, &e) == ERR_OK)
		reply_json(r, 200, account_json(r, &back));
	else
		reply_error(r, &e);
}

void
api_user_code(struct req *r)
{
	struct user target;
	if (!account_of(r, r->params[0], &target) || !may(r, ADMIN_CODE, &target, NULL))
		return;
	int part = req_can(r, CAP_USERS) ? 1 : 2;
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	char code[16];
	int64_t until;
	struct user back;
	if (user_code_issue(r->st, &by, target.name, part, code, &until, &e) != ERR_OK ||
	    store_user_by_name(r->st, target.name, &back, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, with_code(r, &back, part, code, until));
}

void
api_user_tokens(struct req *r)
{
	struct user target;
	if (!account_of(r, r->params[0], &target) || !may(r, ADMIN_TOKENS, &target, NULL))
		return;
	api_token_list_of(r, target.id);
}

void
api_user_token_revoke(struct req *r)
{
	struct user target;
	if (!account_of(r, r->params[0], &target) || !may(r, ADMIN_TOKENS, &target, NULL))
		return;
	int64_t id = 0;
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	if (!parse_i64(r->params[1], strlen(r->params[1]), &id))
		errinfo_set(&e, ERR_NOTFOUND, "id", MSG_TOKEN_NOT_FOUND, (long long)0);
	else
		auth_token_revoke(r->st, &by, &target, id, &e);
	if (e.err) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, json_object());
}

/* The division tree for choosing an account's division: the children of ?parent= (the top when absent),
 * codes and names only (no figures: administrators see no registry). Not scoped. */
void
api_admin_divisions(struct req *r)
{
	const char *p = req_query(r, "parent");
	int64_t parent = 0;
	if (p && *p && (!parse_i64(p, strlen(p), &parent) || parent <= 0)) {
		reply_fail(r, ERR_INVALID, "parent", MSG_BAD_PARAM, "parent", p);
		return;
	}
	int64_t lo = 0, hi = 999999999999LL;
	if (parent)
		division_range(parent, &lo, &hi);
	struct division *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	store_set_scope(r->st, 0);
	if (store_division_range(r->st, lo, hi, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	/* the top: divisions whose parent is not in the table. v is sorted by code (a province holds 26,000
	 * divisions): each parent is found by bisection, not by a pass over all of them */
	bool *has_kids = arena_alloc(&r->a, n + 1);
	memset(has_kids, 0, n + 1);
	for (size_t k = 0; k < n; k++) {
		const struct division *up = division_find(v, n, v[k].parent);
		if (up)
			has_kids[up - v] = true;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		if (parent ? v[i].parent != parent : division_find(v, n, v[i].parent) != NULL)
			continue;
		bool kids = has_kids[i];
		if (!kids && !parent)
			kids = v[i].level < LV_VILLAGE;
		json_t *x = view_division_json(&v[i]);
		json_object_set_new(x, "has_children", json_boolean(kids));
		json_array_append_new(a, x);
	}
	reply_json(r, 200, a);
}

void
api_roles(struct req *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n_roles; i++) {
		char lv[64];
		/* the levels its division may be (the roles page said "county, town or village" of every role) */
		json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:s?, s:o}", "code", roles_table[i].code, "label",
		    msg_lang() == LANG_EN ? roles_table[i].en : roles_table[i].zh, "needs_division",
		    roles_table[i].needs_division, "division_levels", roles_table[i].needs_division ?
		    role_levels_text(&roles_table[i], lv, sizeof(lv)) : NULL, "capabilities",
		    api_caps_json(roles_table[i].caps)));
	}
	reply_json(r, 200, a);
}

void
api_audit(struct req *r)
{
	int from = 0, to = 0, page, per;
	if (!q_date(r, "from", &from) || !q_date(r, "to", &to) || !q_int(r, "page", 1, 1000000, 1, &page) ||
	    !q_int(r, "per_page", 1, 500, 50, &per))
		return;
	struct audit_filter f = { .from = from ? (int64_t)from * 1000000 : 0,
		.to = to ? (int64_t)to * 1000000 + 235959 : 99991231235959LL };
	if (!q_text(r, "actor", 64, &f.actor) || !q_text(r, "action", 64, &f.action) || !q_text(r, "object", 128, &f.object))
		return;
	struct audit_row *v;
	size_t n;
	int64_t total;
	struct errinfo e;
	errinfo_clear(&e);
	audit_outbox_catch_up(r->st);   /* the views and logins still waiting in the outbox, first */
	if (store_audit_page(r->st, &f, per, (page - 1) * per, &v, &n, &total, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		char at[20];
		json_t *x = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s?, s:s}", "id", (json_int_t)v[i].id, "at",
		    stamp_format(v[i].at, at), "actor", v[i].actor, "action", v[i].action, "object", v[i].object, "ip",
		    v[i].ip, "hash", v[i].hash);
		/* the log's readers may not read households (三员分立): what rows say about persons left out */
		const char *detail = view_audit_detail(v[i].detail, v[i].action, !(r->role->caps & CAP_READ), &r->a);
		json_object_set_new(x, "detail", detail ? json_loads(detail, 0, NULL) : json_null());
		json_array_append_new(a, x);
	}
	reply_json(r, 200, json_pack("{s:I, s:i, s:i, s:o}", "total", (json_int_t)total, "page", page, "per_page", per,
	    "items", a));
}

void
api_audit_verify(struct req *r)
{
	struct audit_check c;
	struct errinfo e;
	errinfo_clear(&e);
	const char *anchor = req_query(r, "anchor");
	audit_outbox_catch_up(r->st);
	if (audit_verify(r->st, anchor && *anchor ? anchor : NULL, &c, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_audit_check_json(&c));
}

extern const struct embedded_file docs_files[];
extern const size_t docs_files_count;

void
api_openapi(struct req *r)
{
	for (size_t i = 0; i < docs_files_count; i++)
		if (strcmp(docs_files[i].name, "openapi.yaml") == 0) {
			r->status = 200;
			r->static_data = docs_files[i].data;
			r->static_len = docs_files[i].len;
			r->ctype = "application/yaml; charset=utf-8";
			return;
		}
	reply_fail(r, ERR_NOTFOUND, "", MSG_NO_ROUTE, r->path);
}
