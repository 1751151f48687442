/* api_util.c: query parameters and small helpers shared by the handlers. */
#include <stdio.h>
#include <string.h>

#include "domain/auth.h"
#include "domain/report.h"
#include "http/api.h"
#include "http/page_cache.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

bool
q_date(struct req *r, const char *name, int *out)
{
	const char *v = req_query(r, name);
	*out = 0;
	if (!v || !*v)
		return true;
	if (!date_parse(str_from(v), out)) {
		reply_fail(r, ERR_INVALID, name, MSG_BAD_DATE, v);
		return false;
	}
	return true;
}

bool
q_stamp(struct req *r, const char *name, int64_t *out)
{
	const char *v = req_query(r, name);
	*out = 0;
	if (!v || !*v)
		return true;
	if (!stamp_parse(str_from(v), true, out)) {
		reply_fail(r, ERR_INVALID, name, MSG_BAD_STAMP, v);
		return false;
	}
	return true;
}

bool
q_int(struct req *r, const char *name, int lo, int hi, int dflt, int *out)
{
	const char *v = req_query(r, name);
	int64_t x;
	*out = dflt;
	if (!v || !*v)
		return true;
	if (!parse_i64(v, strlen(v), &x) || x < lo || x > hi) {
		reply_fail(r, ERR_INVALID, name, MSG_BAD_PARAM, name, v);
		return false;
	}
	*out = (int)x;
	return true;
}

bool
q_text(struct req *r, const char *name, size_t max_chars, const char **out)
{
	const char *v = req_query(r, name);
	*out = NULL;
	if (!v)
		return true;
	struct str t = str_trim(str_from(v));
	if (t.n == 0)
		return true;
	if (!utf8_valid(t.p, t.n, false, NULL) || utf8_len(t.p, t.n) > max_chars) {
		reply_fail(r, ERR_INVALID, name, MSG_TOO_LONG, (int)max_chars);
		return false;
	}
	*out = arena_strndup(&r->a, t.p, t.n);
	return true;
}

bool
q_bool(struct req *r, const char *name)
{
	const char *v = req_query(r, name);
	return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcmp(v, "yes") == 0);
}

bool
q_format(struct req *r, enum q_form dflt, bool json_ok, enum q_form *out)
{
	const char *f = req_query(r, "format");
	if (!f || !*f)
		*out = dflt;
	else if (strcmp(f, "xlsx") == 0)
		*out = FORM_XLSX;
	else if (strcmp(f, "csv") == 0)
		*out = FORM_CSV;
	else if (json_ok && strcmp(f, "json") == 0)
		*out = FORM_JSON;
	else {
		reply_fail(r, ERR_INVALID, "format", MSG_BAD_PARAM, "format", f);
		return false;
	}
	return true;
}

bool
q_division(struct req *r, int64_t *code)
{
	const char *v = req_query(r, "division");
	*code = 0;
	if (!v || !*v)
		return true;
	struct division d;
	struct errinfo e;
	errinfo_clear(&e);
	if (division_resolve(r->st, v, &d, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	*code = d.code;
	return true;
}

const char *
req_actor(struct req *r)
{
	return r->authed ? r->user.name : "anonymous";
}

bool
want_full(struct req *r)
{
	return q_bool(r, "full") && req_can(r, CAP_FULL_ID);
}

bool
req_county_office(struct req *r)
{
	if (auth_is_county_office(r->st, &r->user))
		return true;
	reply_fail(r, ERR_FORBIDDEN, "", MSG_FORBIDDEN, r->role ? (msg_lang() == LANG_EN ? r->role->en : r->role->zh) : "?");
	return false;
}

bool
cached_answer(struct req *r, struct cached *c, const char *key, int status)
{
	c->key = NULL;
	c->gen = 0;
	if (!page_cache_enabled())
		return false;
	r->x_cache = "miss";
	if (!store_registry_generation(r->st, &c->gen))
		return false;
	c->key = key;
	if (!page_cache_get(c->key, c->gen, r->st, reply_json_begin(r, status)))
		return false;
	reply_json_end(r);
	r->x_cache = "hit";
	return true;
}

void
cached_keep(struct req *r, const struct cached *c, int64_t village, const struct buf *out, size_t start)
{
	uint64_t again;
	if (c->key && store_registry_generation(r->st, &again) && again == c->gen)
		page_cache_put(c->key, c->gen, village, out->p + start, out->n - start);
}

json_t *
api_caps_json(unsigned caps)
{
	static const struct {
		unsigned cap;
		const char *name;
	} names[] = { { CAP_READ, "read" }, { CAP_WRITE, "write" }, { CAP_IMPORT, "import" }, { CAP_EXPORT, "export" },
		{ CAP_FULL_ID, "full_id" }, { CAP_USERS, "users" }, { CAP_ROLES, "roles" }, { CAP_AUDIT, "audit" },
		{ CAP_ASSIST, "assist" }, { CAP_SUPERVISE, "supervise" },
		{ CAP_COMPARE, "compare" } };
	json_t *a = json_array();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (caps & names[i].cap)
			json_array_append_new(a, json_string(names[i].name));
	return a;
}

bool
q_file_name(struct req *r, const char **out)
{
	const char *v = req_query(r, "filename");
	*out = v && *v ? v : NULL;
	if (!*out)
		return true;
	size_t n = strlen(v), at;
	/* no control character, nor a bidirectional override (a name in the audit log that reads reversed:
	 * "\u202Ecsv.exe"), as a JSON body's texts */
	bool printable = n <= 255 && utf8_valid(v, n, false, NULL) && utf8_bad_char(v, n, false, &at) == 0;
	bool ok = printable && !strchr(v, '/');
	if (!ok)   /* a name with a slash is quoted; one with control characters or too long is not */
		reply_fail(r, ERR_INVALID, "filename", MSG_BAD_PARAM, "filename", printable ? v : "");
	return ok;
}
