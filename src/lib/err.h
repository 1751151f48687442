/* err.h: the error kinds every domain and store function returns, and the one table that maps them to
 * CLI exit codes and HTTP statuses. Messages for users come from msg.h, Chinese first. */
#ifndef TUOPIN_ERR_H
#define TUOPIN_ERR_H

#include "msg.h"

enum err {
	ERR_OK = 0,
	ERR_INVALID,    /* bad input: the user can fix it */
	ERR_NOTFOUND,
	ERR_CONFLICT,   /* the input is well-formed but clashes with what is stored */
	ERR_FORBIDDEN,
	ERR_AUTH,       /* not logged in, bad credentials */
	ERR_DB,         /* the database failed or is unreachable */
	ERR_IO,         /* a file could not be read or written */
	ERR_USAGE,      /* wrong command-line usage */
	ERR_TOOBIG,     /* a request or file over its limit */
	ERR_THROTTLED,  /* too many attempts: wait (HTTP 429) */
	ERR_BUSY,       /* the database's write lock was not free in time (an import writes): try again later */
	ERR__MAX
};

struct errinfo {
	enum err err;
	char field[64];     /* the offending field or column, or "" */
	char code[48];      /* stable machine code, e.g. "id_checksum" */
	char message[512];  /* in the current language */
};

/* Fill e (if not NULL) with err, field and the message id's text formatted with the arguments, in the
 * current language (msg_lang). Returns err, so callers can write `return errinfo_set(...)`. */
enum err errinfo_set(struct errinfo *e, enum err err, const char *field, enum msg id, ...);
/* Like errinfo_set with a message text that is already formatted (from a library, say). */
enum err errinfo_raw(struct errinfo *e, enum err err, const char *field, const char *code, const char *text);
void errinfo_clear(struct errinfo *e);

int err_exit_code(enum err err);
int err_http_status(enum err err);
const char *err_name(enum err err);

#endif
