/* api_admin.c: accounts (system administrator: create, lock, reset; security administrator: roles and
 * scopes), the roles, the audit log (audit administrator), and the OpenAPI document. 三员分立: none of these
 * roles can touch households, and none can do another's job. */
#include <stdio.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/auth.h"
#include "domain/report.h"
#include "http/api.h"
#include "lib/date.h"
#include "store/embedded.h"
#include "view/view.h"

static json_t *
account_json(struct req *r, const struct user *u)
{
	const struct role *ro = role_find(u->role);
	char code[16], t[20];
	view_code(u->division, code, sizeof(code));
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:s}", "name", u->name, "display_name",
	    u->display_name, "role", u->role, "role_label", ro ? (msg_lang() == LANG_EN ? ro->en : ro->zh) : u->role,
	    "division", code, "locked", u->locked, "locked_out", u->locked_until > auth_epoch(), "must_change",
	    u->must_change, "updated_at", stamp_format(u->updated_at, t));
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

void
api_user_create(struct req *r)
{
	json_t *j = req_json(r, "name:s password:s role:s display_name:s? division:n?");
	if (!j)
		return;
	int64_t div;
	if (!division_arg(r, j, &div)) {
		json_decref(j);
		return;
	}
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	struct user u;
	const char *name = json_string_value(json_object_get(j, "name"));
	enum err rc = user_create(r->st, &by, name, json_string_value(json_object_get(j, "display_name")),
	    json_string_value(json_object_get(j, "role")), div, json_string_value(json_object_get(j, "password")), true, &u,
	    &e);
	if (rc != ERR_OK) {
		json_decref(j);
		reply_error(r, &e);
		return;
	}
	struct user back;
	if (store_user_by_name(r->st, name, &back, &r->a, &e) == ERR_OK)
		reply_json(r, 201, account_json(r, &back));
	else
		reply_error(r, &e);
	json_decref(j);
}

void
api_user_update(struct req *r)
{
	json_t *j = req_json(r, "display_name:s? role:s? division:n? password:s? locked:b?");
	if (!j)
		return;
	/* 三员分立: the system administrator manages accounts (name, lock, password reset); the security
	 * administrator manages roles and scopes. */
	bool roles = json_object_get(j, "role") || json_object_get(j, "division");
	bool accounts = json_object_get(j, "display_name") || json_object_get(j, "password") || json_object_get(j, "locked");
	if ((roles && !req_can(r, CAP_ROLES)) || (accounts && !req_can(r, CAP_USERS))) {
		json_decref(j);
		reply_fail(r, ERR_FORBIDDEN, roles && !req_can(r, CAP_ROLES) ? "role" : "password", MSG_FORBIDDEN,
		    msg_lang() == LANG_EN ? r->role->en : r->role->zh);
		return;
	}
	if (strcmp(r->params[0], r->user.name) == 0 && (roles || json_object_get(j, "locked"))) {
		/* nobody grants themselves a role or unlocks themselves */
		json_decref(j);
		reply_fail(r, ERR_FORBIDDEN, "name", MSG_FORBIDDEN, msg_lang() == LANG_EN ? r->role->en : r->role->zh);
		return;
	}
	struct user_change c = { 0 };
	int64_t div;
	bool locked;
	c.display_name = json_string_value(json_object_get(j, "display_name"));
	c.role = json_string_value(json_object_get(j, "role"));
	c.password = json_string_value(json_object_get(j, "password"));
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
api_roles(struct req *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n_roles; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:o}", "code", roles_table[i].code, "label",
		    msg_lang() == LANG_EN ? roles_table[i].en : roles_table[i].zh, "needs_division",
		    roles_table[i].needs_division, "capabilities", api_caps_json(roles_table[i].caps)));
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
		const char *detail = view_audit_detail(v[i].detail, &r->a);
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
