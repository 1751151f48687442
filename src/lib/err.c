/* err.c: error kinds to exit codes and HTTP statuses; errinfo formatting. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int exit_code;
	int http;
} errs[ERR__MAX] = {
	[ERR_OK] = { "ok", 0, 200 },
	[ERR_INVALID] = { "invalid", 1, 400 },
	[ERR_NOTFOUND] = { "not_found", 3, 404 },
	[ERR_CONFLICT] = { "conflict", 1, 409 },
	[ERR_FORBIDDEN] = { "forbidden", 4, 403 },
	[ERR_AUTH] = { "unauthorized", 4, 401 },
	[ERR_DB] = { "database", 5, 500 },
	[ERR_IO] = { "io", 1, 400 },
	[ERR_USAGE] = { "usage", 2, 400 },
	[ERR_TOOBIG] = { "too_big", 1, 413 },
	[ERR_THROTTLED] = { "too_many_requests", 4, 429 },
	[ERR_BUSY] = { "busy", 5, 503 },
};

int
err_exit_code(enum err err)
{
	return err < ERR__MAX ? errs[err].exit_code : 5;
}

int
err_http_status(enum err err)
{
	return err < ERR__MAX ? errs[err].http : 500;
}

const char *
err_name(enum err err)
{
	return err < ERR__MAX ? errs[err].name : "unknown";
}

void
errinfo_clear(struct errinfo *e)
{
	if (e)
		memset(e, 0, sizeof(*e));
}

enum err
errinfo_set(struct errinfo *e, enum err err, const char *field, enum msg id, ...)
{
	if (!e)
		return err;
	va_list ap;
	e->err = err;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	snprintf(e->code, sizeof(e->code), "%s", msg_code(id));
	va_start(ap, id);
	vsnprintf(e->message, sizeof(e->message), msg_text(id), ap);
	va_end(ap);
	return err;
}

enum err
errinfo_raw(struct errinfo *e, enum err err, const char *field, const char *code, const char *text)
{
	if (!e)
		return err;
	e->err = err;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	snprintf(e->code, sizeof(e->code), "%s", code ? code : err_name(err));
	snprintf(e->message, sizeof(e->message), "%s", text ? text : "");
	return err;
}
