/* api_auth.c: health, login and logout, the logged-in user, own password and API tokens. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "domain/auth.h"
#include "http/api.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

/* The office's clock: the zone and its today, which the web UI takes as its own (the browser never decides
 * what day it is), and now with its offset. */
static void
clock_fields(json_t *j)
{
	char d[11], t[26];
	int64_t now = stamp_now();
	json_object_set_new(j, "today", json_string(date_format(stamp_date(now), d)));
	json_object_set_new(j, "tz", json_string(tz_name()));
	json_object_set_new(j, "server_time", json_string(stamp_format_iso(now, t)));
}

void
api_health(struct req *r)
{
	struct errinfo e;
	int64_t n = 0;
	errinfo_clear(&e);
	enum err rc = store_check_schema(r->st, &e);
	if (rc == ERR_OK)
		rc = store_division_count(r->st, &n, &e);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		r->status = 503;
		return;
	}
	json_t *j = json_pack("{s:s, s:s, s:s, s:i}", "status", "ok", "version", TUOPIN_VERSION_STRING,
	    "database", r->st->ops->name, "schema", store_schema_version_expected());
	/* what the proxy in front last forwarded (for `tuopin doctor`: is TLS in front?) */
	int64_t at;
	const char *proto = server_proxy_seen(&at);
	char iso[26];
	json_object_set_new(j, "forwarded_proto", proto ? json_string(proto) : json_null());
	json_object_set_new(j, "forwarded_at", proto ? json_string(stamp_format_iso(at, iso)) : json_null());
	clock_fields(j);
	reply_json(r, 200, j);
}

void
api_ping(struct req *r)
{
	reply_json(r, 200, json_string("pong"));
}

static json_t *
user_json(struct req *r, const struct user *u)
{
	const struct role *ro = role_find(u->role);
	json_t *div = json_null();
	if (u->division) {
		struct division d;
		struct errinfo e;
		if (store_division_get(r->st, u->division, &d, &r->a, &e) == ERR_OK)
			div = view_division_json(&d);
	}
	json_t *caps = ro ? api_caps_json(ro->caps) : json_array();
	return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:b}", "name", u->name, "display_name", u->display_name,
	    "role", u->role, "role_label", ro ? (msg_lang() == LANG_EN ? ro->en : ro->zh) : u->role, "division", div,
	    "capabilities", caps, "must_change", u->must_change);
}

bool server_secure_cookies(struct req *r);

void
api_login(struct req *r)
{
	/* A form post (text/plain, urlencoded) is what a cross-site page can send without asking: only JSON. */
	const char *ct = req_header(r, "Content-Type");
	if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
		reply_fail(r, ERR_INVALID, "", MSG_NOT_JSON, ct ? ct : "-");
		r->status = 415;
		return;
	}
	json_t *j = req_json(r, "name:s password:s");
	if (!j)
		return;
	struct errinfo e;
	errinfo_clear(&e);
	char *token, *csrf;
	struct user u;
	int wait = 0;
	enum err rc = auth_login(r->st, json_string_value(json_object_get(j, "name")),
	    json_string_value(json_object_get(j, "password")), r->ip, &token, &csrf, &u, &wait, &r->a, &e);
	json_decref(j);
	if (rc != ERR_OK) {
		if (rc == ERR_THROTTLED)
			r->retry_after = wait;
		reply_error(r, &e);
		return;
	}
	r->cookie = arena_printf(&r->a, "tuopin_session=%s; Path=/; HttpOnly; SameSite=Strict%s", token,
	    server_secure_cookies(r) ? "; Secure" : "");
	r->authed = true;
	r->user = u;
	json_t *out = json_pack("{s:o, s:s}", "user", user_json(r, &u), "csrf", csrf);
	clock_fields(out);
	reply_json(r, 200, out);
}

void
api_logout(struct req *r)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (!r->via_token && auth_logout(r->st, r->token, r->user.name, r->ip, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	r->cookie = arena_printf(&r->a, "tuopin_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	reply_json(r, 200, json_object());
}

void
api_me(struct req *r)
{
	json_t *j = json_pack("{s:o}", "user", user_json(r, &r->user));
	if (!r->via_token && r->csrf)
		json_object_set_new(j, "csrf", json_string(r->csrf));
	clock_fields(j);
	reply_json(r, 200, j);
}

/* The database location without credentials: sqlite path, or postgresql host/database. */
static const char *
db_location(struct req *r)
{
	const char *u = r->st->uri ? r->st->uri : "";
	const char *at = strchr(u, '@');
	if (strncmp(u, "postgres", 8) == 0 && at)
		return arena_printf(&r->a, "postgresql://%s", at + 1);
	return u;
}

void
api_about(struct req *r)
{
	struct errinfo e;
	int64_t households = 0, divisions = 0;
	errinfo_clear(&e);
	if (req_can(r, CAP_USERS)) {
		store_household_count(r->st, &households, &e);
		store_division_count(r->st, &divisions, &e);
	}
	json_t *j = json_pack("{s:s, s:s, s:i}", "version", TUOPIN_VERSION_STRING, "database", r->st->ops->name,
	    "schema", store_schema_version_expected());
	/* Where the database is and how big the whole registry is are the system administrator's business
	 * only: a town clerk learns neither the server's paths nor the county's size from here. */
	if (req_can(r, CAP_USERS)) {
		json_object_set_new(j, "location", json_string(db_location(r)));
		json_object_set_new(j, "households", json_integer(households));
		json_object_set_new(j, "divisions", json_integer(divisions));
	}
	clock_fields(j);
	reply_json(r, 200, j);
}

void
api_me_password(struct req *r)
{
	json_t *j = req_json(r, "old_password:s new_password:s");
	if (!j)
		return;
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	enum err rc = user_change_password(r->st, &by, r->user.name, json_string_value(json_object_get(j, "old_password")),
	    json_string_value(json_object_get(j, "new_password")), r->via_token ? NULL : r->token, &e);
	json_decref(j);
	if (rc != ERR_OK) {
		if (rc == ERR_THROTTLED)
			r->retry_after = auth_throttle_wait(r->user.name, r->ip);
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, json_object());
}

/* The API tokens of user id, as JSON (own tokens, or the security administrator's view of anyone's). */
void
api_token_list_of(struct req *r, int64_t user_id)
{
	struct token_row *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_token_list(r->st, user_id, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *a = json_array();
	int64_t now = auth_epoch();
	for (size_t i = 0; i < n; i++) {
		bool expired = v[i].expires_at < now || now - v[i].created_at > (int64_t)auth_policy.token_max_days * 86400;
		json_array_append_new(a, json_pack("{s:I, s:s, s:I, s:I, s:b, s:b, s:o}", "id", (json_int_t)v[i].id, "name",
		    v[i].name, "created_at", (json_int_t)v[i].created_at, "expires_at", (json_int_t)v[i].expires_at,
		    "revoked", v[i].revoked, "expired", expired, "last_used",
		    v[i].last_used ? json_integer(v[i].last_used) : json_null()));
	}
	reply_json(r, 200, a);
}

void
api_tokens(struct req *r)
{
	api_token_list_of(r, r->user.id);
}

void
api_token_create(struct req *r)
{
	json_t *j = req_json(r, "name:s days:i?");
	if (!j)
		return;
	/* a token is for a machine's reads and writes; making more tokens takes a person who logged in */
	if (r->via_token) {
		json_decref(j);
		reply_fail(r, ERR_FORBIDDEN, "", MSG_TOKEN_BY_TOKEN);
		return;
	}
	json_int_t days = json_integer_value(json_object_get(j, "days"));
	/* absent: the longest; given, 1 to the longest (0 was taken for the longest too) */
	if ((json_object_get(j, "days") && days < 1) || days < 0 || days > auth_policy.token_max_days) {
		reply_fail(r, ERR_INVALID, "days", MSG_BAD_RANGE, "days", 1, auth_policy.token_max_days);
		json_decref(j);
		return;
	}
	struct errinfo e;
	errinfo_clear(&e);
	char *token;
	int64_t id;
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	enum err rc = auth_token_create(r->st, &by, &r->user, json_string_value(json_object_get(j, "name")), (int)days,
	    &token, &id, &r->a, &e);
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 201, json_pack("{s:I, s:s}", "id", (json_int_t)id, "token", token));
}

void
api_token_revoke(struct req *r)
{
	int64_t id = 0;
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { r->user.name, r->ip, 0 };
	if (!parse_i64(r->params[0], strlen(r->params[0]), &id))
		errinfo_set(&e, ERR_NOTFOUND, "id", MSG_TOKEN_NOT_FOUND, (long long)0);
	else
		auth_token_revoke(r->st, &by, &r->user, id, &e);
	if (e.err) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, json_object());
}
