/* http.h: what an API handler sees: the request (method, path parameters, query, body, the logged-in user,
 * a store scoped to the user's divisions, an arena freed with the request) and the ways to answer (the JSON
 * envelope of ARCHITECTURE §6, errors with stable codes, files). No domain knowledge in the server itself. */
#ifndef TUOPIN_HTTP_H
#define TUOPIN_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "domain/auth.h"
#include "io/sheet.h"
#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "store/store.h"

struct MHD_Connection;
struct route;

struct req {
	struct MHD_Connection *conn;
	char method[8];
	char *path;                    /* decoded, without the query string */
	const struct route *route;
	char *params[4];               /* :segments of the route pattern, in order */
	struct arena a;
	struct buf body;
	size_t limit;
	bool too_big;
	bool disk_full;       /* an upload could not be written: the disk is full */
	int upload_fd;                 /* upload routes: the body goes to a temporary file */
	char upload_path[256];
	uint64_t upload_n;
	struct store *st;
	struct user user;
	const struct role *role;
	bool authed, via_token;
	bool admitted;                 /* authenticated and authorised on the headers (before the body) */
	bool refused;                  /* answered on the headers: the body is not read */
	char *token, *csrf;
	char ip[64];
	int64_t started_us;
	/* the answer */
	int status;
	struct buf out;
	const char *ctype;
	char *cookie;                  /* Set-Cookie value */
	char *disposition;             /* Content-Disposition value */
	int file_fd;                   /* a file to send instead of out (closed by the server) */
	uint64_t file_size;
	const unsigned char *static_data;
	size_t static_len;
	bool cacheable;
	const char *x_cache;           /* X-Cache: "hit" or "miss" where the page cache was asked */
	const char *csp;               /* a Content-Security-Policy other than the default (printable pages) */
	int retry_after;               /* Retry-After seconds (a throttled login), 0 for none */
	/* an import, run on a thread of its own while the connection is suspended (server.c) */
	bool deferred;
	_Atomic bool finished;
	enum lang lang;
	/* an error's field the domain names field_as[i].from is answered as field_as[i].to (the body's name for
	 * it, or "" for the body as a whole); with a code, only for errors of that code */
	struct { const char *from, *to, *code; } field_as[2];
};

/* Query parameter (decoded) or NULL. */
const char *req_query(struct req *r, const char *name);
/* A request header or NULL. */
const char *req_header(struct req *r, const char *name);
/* The caller may (has the capability). */
bool req_can(struct req *r, unsigned cap);

/* Answers. Each sets the status and the body; the last one called wins. */
void reply_json(struct req *r, int status, json_t *data);   /* {"ok":true,"data":data}; steals data */
/* The same envelope around data already written as JSON text: r->out is reset to {"ok":true,"data": and the
 * caller appends the data to r->out, then calls reply_json_end. */
struct buf *reply_json_begin(struct req *r, int status);
void reply_json_end(struct req *r);
void reply_error(struct req *r, const struct errinfo *e);  /* {"ok":false,"error":{...}}; status from e->err */
void reply_fail(struct req *r, enum err err, const char *field, enum msg id, ...);
/* A failed import: 400 with the error and the whole result (problems) as data; steals data. */
void reply_error_data(struct req *r, const struct errinfo *e, json_t *data);
/* Send an open file (the server closes fd) with a content type and a download name. */
/* filename: UTF-8, as the user will see it (encoded here for Content-Disposition) */
void reply_file(struct req *r, int fd, uint64_t size, const char *ctype, const char *filename);
/* A sheet written to path (removed here) as the answer, XLSX or CSV. */
void reply_sheet(struct req *r, const char *path, enum sheet_kind kind, const char *filename);
/* A fresh temporary file's name for a sheet; false (answered) if none could be made. */
bool tmp_sheet_path(struct req *r, char *path, size_t size);

/* Parse the JSON body as an object whose keys are all in spec: "name:s password:s days:i? locked:b?"
 * (s string, i integer, b boolean, o object, a array, ? optional, n: string or null). On any problem (bad
 * JSON, unknown key, wrong type, missing key) it answers 400 with the field named and returns NULL. */
json_t *req_json(struct req *r, const char *spec);
/* The JSON body as an object, each of its texts (at any depth) checked: no control character but tab and line
 * breaks, no bidirectional override (a name that shows reversed), none longer than REQ_TEXT_MAX bytes. On a
 * problem it answers 400 naming the field (bad_json, control_char, too_long) and returns NULL. */
#define REQ_TEXT_MAX 20000
json_t *req_body(struct req *r);
/* A body jansson could not read: what is wrong and where, in the request's language. */
const char *json_error_words(const json_error_t *jerr, char *out, size_t size);

/* The capability-checked, scoped handlers of the API (one file per noun). */
typedef void (*handler_fn)(struct req *r);

enum route_flags {
	RF_PUBLIC = 1,          /* no login needed */
	RF_UPLOAD = 2,          /* the body is a file streamed to disk */
	RF_MUST_CHANGE = 4,     /* allowed while the user must still change the initial password */
};

struct route {
	const char *method;
	const char *pattern;    /* "/api/households/:no" */
	handler_fn fn;
	unsigned cap;           /* capabilities needed (any of them); 0 with RF_PUBLIC */
	unsigned flags;
	const char *summary;    /* one line, also checked against docs/openapi.yaml */
};

extern const struct route routes[];
extern const size_t n_routes;
/* Find the route for method and path; fills params. *path_known tells whether another method matched. */
const struct route *route_match(const char *method, const char *path, char **params, size_t max_params,
    bool *path_known, struct arena *a);

/* Server options (cli_serve.c sets them). */
struct server_opts {
	const char *db;
	const char *listen;         /* "127.0.0.1:8080" */
	int threads;
	size_t max_body;            /* JSON bodies */
	uint64_t max_upload;        /* imports */
	int timeout;                /* seconds a connection may stay idle */
	const char *access_log;     /* file, "-" for stderr, NULL for none */
	bool trust_proxy;           /* honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy */
	bool secure_cookies;        /* always mark the cookie Secure (behind TLS) */
	size_t page_cache;          /* bytes of rendered household pages kept (page_cache.h); 0: none */
	int max_per_address;        /* connections at once from one client address (0: no limit) */
	int header_timeout;         /* seconds a connection may take to send a request's headers (0: no limit) */
};
/* Run until SIGINT or SIGTERM; returns an exit code. Prints the URL when listening. */
int server_run(const struct server_opts *o);
/* The scheme the proxy in front last forwarded ("https", "http"; NULL: no forwarded request yet, or no
 * --trust-proxy), and when (a UTC stamp). */
const char *server_proxy_seen(int64_t *at);

/* Static web assets (web_assets.c, generated). */
const unsigned char *web_asset(const char *path, size_t *len, const char **ctype);

#endif
