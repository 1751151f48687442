/* server.c: HTTP over libmicrohttpd (thread pool, epoll). On the headers, before any body is read, it
 * authenticates, checks the CSRF header and the role's capability: a refused request is answered at once and
 * its connection closed, so an upload nobody may make never reaches the disk and a JSON body nobody may send
 * is never buffered. Accepted bodies stream in (uploads to a temporary file, never to memory); then the scope
 * is set and the route's handler called, answering on the call after the body (STACK.md: replying on the
 * first call breaks keep-alive). Connections are limited per client address, and a connection that has not
 * sent a request's headers within --header-timeout seconds is closed (slow-headers attacks). One store
 * connection per worker thread. Graceful shutdown on SIGINT/SIGTERM: stop accepting, let requests in flight
 * finish, close. No domain knowledge here. */
#include <arpa/inet.h>
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "http/http.h"
#include "http/page_cache.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

static const struct server_opts *opts;
static pthread_key_t store_key;
static atomic_int inflight;
static atomic_bool stopping;
static FILE *access_log;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

#define COOKIE "tuopin_session"

static int64_t
now_us(void)
{
	struct timespec t;   /* durations only: the monotonic clock (the wall clock may be faked in tests) */
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* Uploads stream to files named after the server's process, so that a server starting after one that died
 * (out of memory, say) knows which files nobody will remove. */
#define UPLOAD_PREFIX "tuopin-upload-"

/* Remove the upload files of servers that are no longer running (their process is gone); files of the old
 * form, without a process, once they are a day old. Returns how many. */
static int
upload_cleanup(void)
{
	DIR *d = opendir(tmp_dir());
	if (!d)
		return 0;
	int removed = 0;
	struct dirent *de;
	time_t now = time(NULL);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, UPLOAD_PREFIX, strlen(UPLOAD_PREFIX)) != 0)
			continue;
		const char *rest = de->d_name + strlen(UPLOAD_PREFIX);
		char *end;
		long pid = strtol(rest, &end, 10);
		char path[PATH_MAX];
		snprintf(path, sizeof(path), "%s/%s", tmp_dir(), de->d_name);
		bool stale;
		if (end != rest && *end == '-' && pid > 0)
			stale = pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
		else {
			struct stat sb;
			stale = stat(path, &sb) == 0 && now - sb.st_mtime > 86400;
		}
		if (stale && unlink(path) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}

/* A line for the operator on stderr (the server's log), with the time. */
static void
server_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void
server_log(const char *fmt, ...)
{
	char t[26];
	va_list ap;
	pthread_mutex_lock(&log_lock);
	fprintf(stderr, "%s tuopin: ", stamp_format_iso(stamp_now(), t));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	pthread_mutex_unlock(&log_lock);
}

static void
store_destroy(void *p)
{
	store_close(p);
}

/* The worker thread's store, opened on its first request. */
static struct store *
thread_store(struct errinfo *e)
{
	struct store *st = pthread_getspecific(store_key);
	if (st)
		return st;
	if (store_open_mode(opts->db, false, &st, e) != ERR_OK)
		return NULL;
	pthread_setspecific(store_key, st);
	return st;
}

/* ---- connections waiting for a request's headers ---- */

/* Every open connection, with whether it is waiting for the headers of a request and since when. A watchdog
 * shuts down the socket of one that has waited longer than --header-timeout: a client that sends its headers
 * a byte at a time (slow headers) holds a connection for seconds, not for ever. MHD then closes it as usual;
 * the CLOSED notice (under the same lock) comes before MHD closes the descriptor, so the watchdog never
 * touches a descriptor that was reused.
 *
 * The same list limits the connections of one client address (--max-per-address) across every worker of the
 * pool: libmicrohttpd's own limit counts per worker, so with four workers an address could hold four times
 * its share. A new connection is refused at accept when its address already holds its share, and, since two
 * workers may accept at the same moment, counted again under the lock when it starts: one over the share is
 * shut down at once (MHD then closes it) and does not count. */
struct conn_watch {
	struct conn_watch *prev, *next;
	int fd;
	bool waiting;
	bool refused;               /* over its address's share: shut down, not counted */
	int64_t since_us;
	struct sockaddr_storage addr;  /* the client's address; the port is ignored */
};
static struct conn_watch *watched;
static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static bool watch_stop;

/* Whether two client addresses are the same host (family and address; not the port). */
static bool
same_host(const struct sockaddr_storage *a, const struct sockaddr *b)
{
	if (a->ss_family != b->sa_family)
		return false;
	if (b->sa_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr == ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	if (b->sa_family == AF_INET6)
		return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr, &((const struct sockaddr_in6 *)b)->sin6_addr,
		    sizeof(struct in6_addr)) == 0;
	return false;
}

/* The connections open from ADDR, counted across every worker; the caller holds watch_lock. */
static int
host_connections(const struct sockaddr *addr)
{
	int n = 0;
	for (struct conn_watch *w = watched; w; w = w->next)
		if (!w->refused && same_host(&w->addr, addr))
			n++;
	return n;
}

/* Accept policy: refuse a connection whose address already holds its share, before MHD sets it up. */
static enum MHD_Result
on_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	(void)cls;
	(void)addrlen;
	if (opts->max_per_address <= 0 || !addr)
		return MHD_YES;
	pthread_mutex_lock(&watch_lock);
	bool full = host_connections(addr) >= opts->max_per_address;
	pthread_mutex_unlock(&watch_lock);
	return full ? MHD_NO : MHD_YES;
}

static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_context, enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	pthread_mutex_lock(&watch_lock);
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		struct conn_watch *w = xcalloc(1, sizeof(*w));
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		w->fd = ci ? ci->connect_fd : -1;
		w->waiting = true;
		w->since_us = now_us();
		const union MHD_ConnectionInfo *ca = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ca && ca->client_addr) {
			const struct sockaddr *sa = ca->client_addr;
			memcpy(&w->addr, sa, sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in));
			/* accepted by two workers at once: the one that finds the share taken goes */
			if (opts->max_per_address > 0 && host_connections(sa) >= opts->max_per_address) {
				w->refused = true;
				w->waiting = false;
				if (w->fd >= 0)
					shutdown(w->fd, SHUT_RDWR);
			}
		}
		w->next = watched;
		if (watched)
			watched->prev = w;
		watched = w;
		*socket_context = w;
	} else if (*socket_context) {
		struct conn_watch *w = *socket_context;
		if (w->prev)
			w->prev->next = w->next;
		else
			watched = w->next;
		if (w->next)
			w->next->prev = w->prev;
		free(w);
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&watch_lock);
}

/* The connection's request headers are in (waiting=false), or its request is done and the next one's
 * headers are awaited from now (waiting=true). */
static void
conn_mark(struct MHD_Connection *conn, bool waiting)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	pthread_mutex_lock(&watch_lock);
	struct conn_watch *w = ci ? ci->socket_context : NULL;
	if (w) {
		w->waiting = waiting;
		w->since_us = now_us();
	}
	pthread_mutex_unlock(&watch_lock);
}

static void
conn_headers_done(struct MHD_Connection *conn)
{
	conn_mark(conn, false);
}

static void *
watchdog(void *unused)
{
	(void)unused;
	int64_t limit = (int64_t)opts->header_timeout * 1000000;
	for (;;) {
		/* a quarter of a second's sleep, not a timed wait on a condition: libfaketime (the tests' pinned
		 * clock) turns a timed wait on the monotonic clock into one that returns at once, a busy loop */
		usleep(250 * 1000);
		pthread_mutex_lock(&watch_lock);
		if (watch_stop) {
			pthread_mutex_unlock(&watch_lock);
			break;
		}
		int64_t now = now_us();
		for (struct conn_watch *w = watched; w; w = w->next)
			if (w->waiting && w->fd >= 0 && now - w->since_us > limit) {
				shutdown(w->fd, SHUT_RDWR);
				w->waiting = false;
			}
		pthread_mutex_unlock(&watch_lock);
	}
	return NULL;
}

/* ---- request helpers ---- */

const char *
req_query(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *
req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

bool
req_can(struct req *r, unsigned cap)
{
	return r->role && (r->role->caps & cap) == cap;
}

static void
set_body(struct req *r, int status, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
	buf_reset(&r->out);
	buf_puts(&r->out, s ? s : "{}");
	free(s);
	json_decref(j);
	r->status = status;
	r->ctype = "application/json; charset=utf-8";
}

void
reply_json(struct req *r, int status, json_t *data)
{
	set_body(r, status, json_pack("{s:b, s:o}", "ok", 1, "data", data ? data : json_null()));
}

struct buf *
reply_json_begin(struct req *r, int status)
{
	buf_reset(&r->out);
	buf_puts(&r->out, "{\"ok\":true,\"data\":");
	r->status = status;
	r->ctype = "application/json; charset=utf-8";
	return &r->out;
}

void
reply_json_end(struct req *r)
{
	buf_putc(&r->out, '}');
}

/* The error as the client sees it: a field the domain names otherwise than the route's body does (a member's
 * corrected number is the domain's new_id_no, the body's id_no) is named as the body names it. */
static const char *
field_as(const struct req *r, const char *field, const char *code)
{
	for (size_t i = 0; i < NELEM(r->field_as); i++)
		if (r->field_as[i].from && strcmp(field, r->field_as[i].from) == 0 &&
		    (!r->field_as[i].code || (code && strcmp(code, r->field_as[i].code) == 0)))
			return r->field_as[i].to;
	return field;
}

static json_t *
error_object(const struct req *r, const struct errinfo *e)
{
	const char *field = field_as(r, e->field, e->code);
	return json_pack("{s:s, s:s, s:s}", "code", e->code[0] ? e->code : err_name(e->err), "field", field,
	    "message", e->message);
}

/* The status of an error: its kind's, but a full disk is 507 Insufficient Storage wherever it is met (the
 * database, an audit row, an upload), not a server's fault (500). */
static int
error_status(const struct errinfo *e)
{
	return strcmp(e->code, "disk_full") == 0 ? 507 : err_http_status(e->err);
}

void
reply_error(struct req *r, const struct errinfo *e)
{
	set_body(r, error_status(e), json_pack("{s:b, s:o}", "ok", 0, "error", error_object(r, e)));
}

void
reply_error_data(struct req *r, const struct errinfo *e, json_t *data)
{
	json_t *problems = json_object_get(data, "problems");
	size_t i;
	json_t *p;
	json_array_foreach(problems, i, p) {
		const char *f = json_string_value(json_object_get(p, "field"));
		const char *code = json_string_value(json_object_get(p, "code"));
		if (f && field_as(r, f, code) != f)
			json_object_set_new(p, "field", json_string(field_as(r, f, code)));
	}
	set_body(r, error_status(e), json_pack("{s:b, s:o, s:o}", "ok", 0, "error", error_object(r, e),
	    "data", data));
}

void
reply_fail(struct req *r, enum err err, const char *field, enum msg id, ...)
{
	struct errinfo e;
	va_list ap;
	errinfo_clear(&e);
	e.err = err;
	snprintf(e.field, sizeof(e.field), "%s", field ? field : "");
	snprintf(e.code, sizeof(e.code), "%s", msg_code(id));
	va_start(ap, id);
	vsnprintf(e.message, sizeof(e.message), msg_text(id), ap);
	va_end(ap);
	reply_error(r, &e);
}

void
reply_file(struct req *r, int fd, uint64_t size, const char *ctype, const char *filename)
{
	r->status = 200;
	r->file_fd = fd;
	r->file_size = size;
	r->ctype = ctype;
	/* RFC 6266: an ASCII fallback ("export" with the name's extension) and the UTF-8 name, percent-encoded */
	struct buf enc;
	buf_init(&enc);
	for (const unsigned char *p = (const unsigned char *)filename; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			buf_putc(&enc, (char)*p);
		else
			buf_printf(&enc, "%%%02X", *p);
	}
	const char *dot = strrchr(filename, '.');
	r->disposition = arena_printf(&r->a, "attachment; filename=\"export%s\"; filename*=UTF-8''%.*s",
	    dot && strlen(dot) <= 5 ? dot : "", (int)enc.n, enc.p);
	buf_free(&enc);
}

void
reply_sheet(struct req *r, const char *path, enum sheet_kind kind, const char *filename)
{
	int fd = open(path, O_RDONLY);
	unlink(path);   /* the open descriptor keeps the data until the answer is sent */
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		reply_fail(r, ERR_IO, "", MSG_IO_READ, path, "open");
		return;
	}
	reply_file(r, fd, (uint64_t)sb.st_size, kind == SHEET_XLSX ?
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", filename);
}

bool
tmp_sheet_path(struct req *r, char *path, size_t size)
{
	snprintf(path, size, "/tmp/tuopin-export-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0) {
		reply_fail(r, ERR_IO, "", MSG_IO_WRITE, path, "mkstemp");
		return false;
	}
	close(fd);
	return true;
}

static const char *
type_name(char t)
{
	bool en = msg_lang() == LANG_EN;
	switch (t) {
	case 's': return en ? "a string" : "字符串";
	case 'i': return en ? "an integer" : "整数";
	case 'b': return en ? "true or false" : "布尔值";
	case 'o': return en ? "an object" : "对象";
	case 'a': return en ? "an array" : "数组";
	case 'n': return en ? "a string or null" : "字符串或 null";
	}
	return "?";
}

/* What jansson found wrong with a body, in the request's language (jansson words it in English only), and where. */
const char *
json_error_words(const json_error_t *jerr, char *out, size_t size)
{
	if (msg_lang() == LANG_EN) {
		snprintf(out, size, "%s (line %d, column %d)", jerr->text, jerr->line, jerr->column);
		return out;
	}
	const char *w;
	switch (json_error_code(jerr)) {
	case json_error_invalid_utf8: w = "不是有效的 UTF-8 文本"; break;
	case json_error_premature_end_of_input: w = "内容不完整"; break;
	case json_error_end_of_input_expected: w = "结尾有多余内容"; break;
	case json_error_invalid_syntax: w = "语法错误"; break;
	case json_error_invalid_format: w = "格式错误"; break;
	case json_error_wrong_type: w = "类型不符"; break;
	case json_error_null_character: w = "含有空字符"; break;
	case json_error_null_byte_in_key: w = "键名含有空字符"; break;
	case json_error_duplicate_key: w = "键名重复"; break;
	case json_error_numeric_overflow: w = "数值超出范围"; break;
	case json_error_stack_overflow: w = "嵌套层数过多"; break;
	default: w = "无法解析"; break;
	}
	snprintf(out, size, "%s（第 %d 行第 %d 列）", w, jerr->line, jerr->column);
	return out;
}

/* Every text of v checked; path names the field as the problems of a body do: a key, an array's element
 * (members[1]) and a key within it (members[1].name). */
static bool
texts_ok(struct req *r, json_t *v, const char *path)
{
	if (json_is_string(v)) {
		size_t at, n = json_string_length(v);
		if (n > REQ_TEXT_MAX) {
			reply_fail(r, ERR_INVALID, path, MSG_TEXT_TOO_LONG, n, REQ_TEXT_MAX);   /* field: path */
			return false;
		}
		unsigned c = utf8_bad_char(json_string_value(v), n, true, &at);
		if (c) {
			reply_fail(r, ERR_INVALID, path, MSG_BAD_TEXT, c, at);
			return false;
		}
		return true;
	}
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			char *sub = arena_printf(&r->a, "%s[%zu]", path, i);
			if (!texts_ok(r, x, sub))
				return false;
		}
		return true;
	}
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach(v, k, x) {
			char *sub = *path ? arena_printf(&r->a, "%s.%s", path, k) : (char *)k;
			if (!texts_ok(r, x, sub))
				return false;
		}
	}
	return true;
}

json_t *
req_body(struct req *r)
{
	json_error_t jerr;
	json_t *j = json_loadb(r->body.p ? r->body.p : "", r->body.n, JSON_REJECT_DUPLICATES, &jerr);
	if (!j) {
		char what[200];
		reply_fail(r, ERR_INVALID, "", MSG_BAD_JSON, json_error_words(&jerr, what, sizeof(what)));
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		reply_fail(r, ERR_INVALID, "", MSG_BAD_JSON, msg_lang() == LANG_EN ? "not an object" : "不是对象");
		return NULL;
	}
	if (!texts_ok(r, j, "")) {
		json_decref(j);
		return NULL;
	}
	return j;
}

json_t *
req_json(struct req *r, const char *spec)
{
	json_t *j = req_body(r);
	if (!j)
		return NULL;
	/* parse the spec: "key:t[?] key:t[?] ..." */
	char keys[24][40];
	char types[24];
	bool optional[24];
	size_t n = 0;
	for (const char *p = spec; *p && n < 24;) {
		while (*p == ' ')
			p++;
		const char *c = strchr(p, ':');
		if (!c)
			break;
		snprintf(keys[n], sizeof(keys[n]), "%.*s", (int)(c - p), p);
		types[n] = c[1];
		optional[n] = c[2] == '?';
		p = c + 2 + (optional[n] ? 1 : 0);
		n++;
	}
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		size_t i;
		for (i = 0; i < n; i++)
			if (strcmp(keys[i], key) == 0)
				break;
		if (i == n) {
			reply_fail(r, ERR_INVALID, key, MSG_UNKNOWN_FIELD, key);
			json_decref(j);
			return NULL;
		}
		bool ok;
		switch (types[i]) {
		case 's': ok = json_is_string(v); break;
		case 'i': ok = json_is_integer(v); break;
		case 'b': ok = json_is_boolean(v); break;
		case 'o': ok = json_is_object(v); break;
		case 'a': ok = json_is_array(v); break;
		case 'n': ok = json_is_string(v) || json_is_null(v); break;
		default: ok = false;
		}
		if (!ok) {
			reply_fail(r, ERR_INVALID, key, MSG_BAD_TYPE, key, type_name(types[i]));
			json_decref(j);
			return NULL;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!optional[i] && !json_object_get(j, keys[i])) {
			reply_fail(r, ERR_INVALID, keys[i], MSG_REQUIRED);
			json_decref(j);
			return NULL;
		}
	return j;
}

/* What the proxy in front says of the requests (X-Forwarded-Proto, honoured with --trust-proxy): the last one
 * seen and when, for /api/health and `tuopin doctor` (is TLS really in front?). */
static _Atomic int proxy_proto;          /* 0: none seen, 1: http, 2: https */
static _Atomic int64_t proxy_proto_at;   /* UTC stamp */

static void
proxy_note(struct req *r)
{
	const char *proto = opts->trust_proxy ? req_header(r, "X-Forwarded-Proto") : NULL;
	if (!proto)
		return;
	atomic_store(&proxy_proto, strcmp(proto, "https") == 0 ? 2 : 1);
	atomic_store(&proxy_proto_at, stamp_now());
}

const char *
server_proxy_seen(int64_t *at)
{
	int p = atomic_load(&proxy_proto);
	*at = atomic_load(&proxy_proto_at);
	return p == 2 ? "https" : p == 1 ? "http" : NULL;
}

/* Mark the session cookie Secure when the server sits behind TLS. */
bool server_secure_cookies(struct req *r);
bool
server_secure_cookies(struct req *r)
{
	if (opts->secure_cookies)
		return true;
	const char *proto = opts->trust_proxy ? req_header(r, "X-Forwarded-Proto") : NULL;
	return proto && strcmp(proto, "https") == 0;
}

/* ---- the request cycle ---- */

static void
client_ip(struct req *r)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(r->ip, sizeof(r->ip), "?");
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, r->ip, sizeof(r->ip));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, r->ip,
			    sizeof(r->ip));
	}
	if (opts->trust_proxy) {
		/* The rightmost address is the one our proxy added (the peer it saw); everything left of it was
		 * written by the client and proves nothing. */
		const char *fwd = req_header(r, "X-Forwarded-For");
		if (fwd) {
			const char *comma = strrchr(fwd, ',');
			const char *p = comma ? comma + 1 : fwd;
			while (*p == ' ' || *p == '\t')
				p++;
			size_t n = strlen(p);
			while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
				n--;
			if (n)
				snprintf(r->ip, sizeof(r->ip), "%.*s", (int)n, p);
		}
	}
}

static bool
authenticate(struct req *r, struct errinfo *e)
{
	const char *authz = req_header(r, "Authorization");
	if (authz && strncasecmp(authz, "Bearer ", 7) == 0) {
		if (auth_token(r->st, authz + 7, &r->user, &r->a, e) != ERR_OK)
			return false;
		r->via_token = true;
	} else {
		const char *c = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, COOKIE);
		if (!c)
			return errinfo_set(e, ERR_AUTH, "", MSG_AUTH_REQUIRED), false;
		r->token = arena_strdup(&r->a, c);
		if (auth_session(r->st, c, &r->user, &r->csrf, &r->a, e) != ERR_OK)
			return false;
	}
	r->authed = true;
	r->role = role_find(r->user.role);
	return true;
}

static bool
state_changing(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0;
}

static void dispatch_route(struct req *r, struct errinfo *e);
static void dispatch_db(struct req *r);

/* Imports running on threads of their own (dispatch). */
static atomic_int deferred_running;

static void *
deferred_main(void *arg)
{
	struct req *r = arg;
	msg_set_lang(r->lang);
	dispatch_db(r);
	atomic_store(&r->finished, true);
	MHD_resume_connection(r->conn);   /* MHD calls on_request again, which answers */
	atomic_fetch_sub(&deferred_running, 1);
	return NULL;                      /* the thread's store connection closes with it (store_key) */
}

/* MHD's iterator over the query: the first parameter whose name or value is not UTF-8 (its name, or "?"). */
struct bad_arg {
	const char *name;
};

static enum MHD_Result
arg_utf8(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct bad_arg *b = cls;
	bool key_ok = key && utf8_valid(key, strlen(key), false, NULL);
	if (key_ok && (!value || utf8_valid(value, strlen(value), false, NULL)))
		return MHD_YES;
	b->name = key_ok ? key : "?";
	return MHD_NO;
}

/* A path that names a file of the web UI (a missing one is 404): under /assets/, or with a file's extension.
 * Any other is the single-page app's, which says itself when it has no such page: an address with a dot in
 * it (/reports/1.1, a table's key) answered the API's JSON 404 in the browser. */
static bool
static_file_name(const char *p)
{
	if (strncmp(p, "/assets/", 8) == 0)
		return true;
	static const char *const ext[] = { ".js", ".css", ".svg", ".png", ".ico", ".woff2", ".woff", ".map", ".txt",
		".json", ".webmanifest", ".html", ".jpg", ".webp" };
	size_t n = strlen(p);
	for (size_t i = 0; i < NELEM(ext); i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcasecmp(p + n - k, ext[i]) == 0)
			return true;
	}
	return false;
}

static void
dispatch(struct req *r)
{
	struct errinfo e;
	errinfo_clear(&e);
	bool known = false;
	/* A path or parameter that is not UTF-8 is refused before anything reads it: a search took a cut
	 * character as a byte prefix (and its audit row could not be written as JSON), an error quoting it lost
	 * its envelope. */
	struct bad_arg bad = { NULL };
	if (!utf8_valid(r->path, strlen(r->path), false, NULL))
		bad.name = "";
	else
		MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, arg_utf8, &bad);
	if (bad.name) {
		bool en = msg_lang() == LANG_EN;
		const char *what = !*bad.name ? (en ? "the path" : "请求路径") :
		    arena_printf(&r->a, en ? "parameter %s" : "参数 %s ", bad.name);
		reply_fail(r, ERR_INVALID, *bad.name ? bad.name : "", MSG_PARAM_ENCODING, what);
		return;
	}
	r->route = route_match(r->method, r->path, r->params, 4, &known, &r->a);
	if (!r->route) {
		if (strncmp(r->path, "/api/", 5) == 0 || strcmp(r->path, "/api") == 0) {
			if (known)
				reply_fail(r, ERR_INVALID, "", MSG_METHOD, r->path, r->method);
			else
				reply_fail(r, ERR_NOTFOUND, "", MSG_NO_ROUTE, r->path);
			if (known)
				r->status = 405;
			return;
		}
		/* the web UI: embedded files; anything unknown without a dot is the single-page app */
		const char *ctype;
		size_t len;
		const char *p = r->path;
		if (strstr(p, "..") || strchr(p, '\\')) {
			reply_fail(r, ERR_NOTFOUND, "", MSG_NO_ROUTE, r->path);
			return;
		}
		const unsigned char *data = web_asset(p, &len, &ctype);
		if (!data && !static_file_name(p))
			data = web_asset("/index.html", &len, &ctype);
		if (!data || strcmp(r->method, "GET") != 0) {
			reply_fail(r, ERR_NOTFOUND, "", MSG_NO_ROUTE, r->path);
			return;
		}
		r->status = 200;
		r->static_data = data;
		r->static_len = len;
		r->ctype = ctype;
		r->cacheable = strncmp(p, "/assets/", 8) == 0;
		return;
	}
	if (atomic_load(&stopping)) {
		reply_fail(r, ERR_DB, "", MSG_UNAVAILABLE);
		r->status = 503;
		return;
	}
	if (r->route->flags & RF_UPLOAD) {
		/* An import may write for tens of seconds: it runs on a thread of its own, while this worker goes on
		 * answering its other connections (a browser's keep-alive ones: a login, a page) */
		pthread_attr_t at;
		pthread_t t;
		pthread_attr_init(&at);
		pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
		r->lang = msg_lang();
		r->deferred = true;
		atomic_fetch_add(&deferred_running, 1);
		MHD_suspend_connection(r->conn);
		if (pthread_create(&t, &at, deferred_main, r) == 0) {
			pthread_attr_destroy(&at);
			return;
		}
		pthread_attr_destroy(&at);
		MHD_resume_connection(r->conn);
		atomic_fetch_sub(&deferred_running, 1);
		r->deferred = false;
	}
	dispatch_db(r);
}

/* The part of a request that uses the database, on the thread that runs it (its own store connection). */
static void
dispatch_db(struct req *r)
{
	struct errinfo e;
	errinfo_clear(&e);
	r->st = thread_store(&e);
	if (!r->st) {
		reply_error(r, &e);
		r->status = 503;
		return;
	}
	store_clear_wrote(r->st);
	for (int attempt = 0;; attempt++) {
		store_set_scope(r->st, 0);
		/* A GET reads one consistent snapshot (and pays for one transaction, not one per statement). The
		 * public routes (ping, health) run one statement at most and skip it: on PostgreSQL a BEGIN and a
		 * COMMIT are two round trips, which made the constant /api/ping five times slower than on SQLite. */
		bool snapshot = strcmp(r->method, "GET") == 0 && !(r->route->flags & RF_PUBLIC) &&
		    store_read_begin(r->st, NULL);
		dispatch_route(r, &e);
		store_read_end(r->st, snapshot);
		/* A connection the database dropped (PostgreSQL restarted): a new one, and the request once more
		 * if it had not begun to write; if it had, its transaction died with the connection and the client
		 * is told to try again (503). */
		struct errinfo re;
		errinfo_clear(&re);
		if (!store_reconnect_if_lost(r->st, &re))
			break;
		server_log(msg_lang() == LANG_EN ? "the connection to the database was lost during %s %s; %s" :
		    "处理 %s %s 时与数据库的连接中断；%s", r->method, r->path, re.message[0] ? re.message :
		    (msg_lang() == LANG_EN ? "reconnected" : "已重新连接"));
		if (attempt == 0 && !store_wrote(r->st) && !re.message[0]) {
			buf_reset(&r->out);
			r->status = 0;
			r->cookie = NULL;
			r->x_cache = NULL;
			continue;
		}
		buf_reset(&r->out);
		r->cookie = NULL;
		r->x_cache = NULL;
		reply_fail(r, ERR_BUSY, "", MSG_DB_LOST);
		break;
	}
}

/* Authenticate and authorise r on its headers alone (session or token, CSRF, the initial password, the
 * capability); false after answering. Called before the body is read. */
static bool
admit(struct req *r)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (!authenticate(r, &e)) {
		reply_error(r, &e);
		return false;
	}
	if (!r->via_token && state_changing(r->method)) {
		const char *h = req_header(r, "X-CSRF-Token");
		if (!h || !r->csrf || strlen(h) != strlen(r->csrf) || sodium_memcmp(h, r->csrf, strlen(h)) != 0) {
			reply_fail(r, ERR_FORBIDDEN, "", MSG_CSRF);
			return false;
		}
	}
	if (r->user.must_change && !(r->route->flags & RF_MUST_CHANGE)) {
		reply_fail(r, ERR_FORBIDDEN, "", MSG_PW_MUST_CHANGE);
		return false;
	}
	if (!r->role || !(r->role->caps & r->route->cap)) {
		reply_fail(r, ERR_FORBIDDEN, "", MSG_FORBIDDEN, r->role ? (msg_lang() == LANG_EN ? r->role->en : r->role->zh)
									 : "?");
		return false;
	}
	return true;
}

static void
dispatch_route(struct req *r, struct errinfo *e_out)
{
	struct errinfo e;
	errinfo_clear(&e);
	(void)e_out;
	if (r->disk_full) {
		reply_fail(r, ERR_IO, "", MSG_DISK_FULL, "upload");
		r->status = 507;
		return;
	}
	if (r->too_big) {
		char lim[32];
		uint64_t l = r->route->flags & RF_UPLOAD ? opts->max_upload : opts->max_body;
		snprintf(lim, sizeof(lim), "%llu KiB", (unsigned long long)(l >> 10));
		reply_fail(r, ERR_TOOBIG, "", MSG_TOO_BIG, lim);
		return;
	}
	if (!(r->route->flags & RF_PUBLIC)) {
		if (!r->admitted && !admit(r))
			return;
		/* every data read and write below happens inside the user's divisions */
		store_set_scope(r->st, r->user.division);
	}
	r->route->fn(r);
}

static void
pick_lang(struct req *r)
{
	const char *q = req_query(r, "lang");
	const char *h = req_header(r, "Accept-Language");
	enum lang l = LANG_ZH;
	if (q && msg_parse_lang(q, &l))
		;
	else if (h && strncmp(h, "en", 2) == 0)
		l = LANG_EN;
	msg_set_lang(l);
}

static enum MHD_Result
respond(struct req *r)
{
	struct MHD_Response *resp;
	if (r->file_fd >= 0) {
		resp = MHD_create_response_from_fd(r->file_size, r->file_fd);
		r->file_fd = -1;   /* MHD closes it */
	} else if (r->static_data)
		resp = MHD_create_response_from_buffer(r->static_len, (void *)r->static_data, MHD_RESPMEM_PERSISTENT);
	else
		resp = MHD_create_response_from_buffer(r->out.n, r->out.p ? r->out.p : "", MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", r->ctype ? r->ctype : "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Content-Security-Policy", r->csp ? r->csp :
	    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
	    "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cache-Control", r->cacheable ? "public, max-age=31536000, immutable" : "no-store");
	if (r->cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->cookie);
	if (r->disposition)
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
	if (r->x_cache)
		MHD_add_response_header(resp, "X-Cache", r->x_cache);
	if (r->retry_after > 0) {   /* a throttled login */
		char secs[16];
		snprintf(secs, sizeof(secs), "%d", r->retry_after);
		MHD_add_response_header(resp, "Retry-After", secs);
	} else if (r->status == 503)
		MHD_add_response_header(resp, "Retry-After", "5");   /* the write lock, a lost connection, a stop */
	enum MHD_Result rc = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return rc;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method, const char *version,
    const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	(void)cls, (void)version;
	struct req *r = *con_cls;
	if (!r) {
		r = xcalloc(1, sizeof(*r));
		arena_init(&r->a);
		buf_init(&r->body);
		buf_init(&r->out);
		r->conn = conn;
		r->upload_fd = -1;
		r->file_fd = -1;
		r->started_us = now_us();
		snprintf(r->method, sizeof(r->method), "%s", method);
		r->path = arena_strdup(&r->a, url);
		client_ip(r);
		proxy_note(r);
		atomic_fetch_add(&inflight, 1);
		conn_headers_done(conn);
		*con_cls = r;
		/* Before any body: who asks, and may they? A refused request that carries a body is answered now,
		 * which makes MHD close the connection rather than read the rest: nothing reaches the disk or memory
		 * for someone who may not send it. */
		bool known;
		const struct route *rt = route_match(r->method, r->path, r->params, 4, &known, &r->a);
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		bool body = (cl && strcmp(cl, "0") != 0) || MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding");
		if (rt && !(rt->flags & RF_PUBLIC) && !atomic_load(&stopping)) {
			struct errinfo e;
			errinfo_clear(&e);
			r->route = rt;
			if ((r->st = thread_store(&e)) != NULL) {
				pick_lang(r);
				store_set_scope(r->st, 0);
				r->admitted = admit(r);
				struct errinfo re;
				errinfo_clear(&re);
				if (!r->admitted && store_reconnect_if_lost(r->st, &re)) {
					/* the database dropped the connection (PostgreSQL restarted): a new one, and once more */
					server_log(msg_lang() == LANG_EN ? "the connection to the database was lost during %s %s; %s"
									 : "处理 %s %s 时与数据库的连接中断；%s",
					    r->method, r->path, re.message[0] ? re.message : (msg_lang() == LANG_EN ? "reconnected" : "已重新连接"));
					buf_reset(&r->out);
					r->status = 0;
					r->cookie = NULL;
					r->retry_after = 0;
					store_set_scope(r->st, 0);
					if (re.message[0])
						/* no new connection (the database is still down): 503 and Retry-After, as
						 * /api/health says, not the dead connection's 500 */
						reply_fail(r, ERR_BUSY, "", MSG_DB_LOST);
					else
						r->admitted = admit(r);
				}
				r->refused = !r->admitted;
				if (r->refused && body)
					return respond(r);
			}
		}
		/* a body announced over its limit is refused before it is read too */
		uint64_t limit = rt && (rt->flags & RF_UPLOAD) ? opts->max_upload : opts->max_body;
		if (!r->refused && cl && strtoull(cl, NULL, 10) > limit) {
			char lim[32];
			snprintf(lim, sizeof(lim), "%llu KiB", (unsigned long long)(limit >> 10));
			pick_lang(r);
			reply_fail(r, ERR_TOOBIG, "", MSG_TOO_BIG, lim);
			r->refused = true;
			return respond(r);
		}
		/* uploads stream to a temporary file ($TMPDIR, else /tmp) */
		if (rt && (rt->flags & RF_UPLOAD) && !r->refused) {
			snprintf(r->upload_path, sizeof(r->upload_path), "%s/" UPLOAD_PREFIX "%d-XXXXXX", tmp_dir(),
			    (int)getpid());
			r->upload_fd = mkstemp(r->upload_path);
			if (r->upload_fd < 0)
				r->upload_path[0] = '\0';
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (r->too_big || r->refused)
			return MHD_YES;
		if (r->upload_fd >= 0) {
			if (r->upload_n + n > opts->max_upload) {
				r->too_big = true;
				return MHD_YES;
			}
			if (write(r->upload_fd, upload_data, n) != (ssize_t)n)
				r->disk_full = true;
			r->upload_n += n;
		} else {
			if (r->body.n + n > opts->max_body) {
				r->too_big = true;
				return MHD_YES;
			}
			buf_append(&r->body, upload_data, n);
		}
		return MHD_YES;
	}
	if (r->deferred) {
		/* resumed by its import's thread: answer now (or keep waiting, should MHD call early) */
		if (!atomic_load(&r->finished))
			return MHD_YES;
		msg_set_lang(r->lang);
		return respond(r);
	}
	pick_lang(r);
	if (!r->refused)   /* a refusal without a body was answered on the headers already */
		dispatch(r);
	if (r->deferred)
		return MHD_YES;   /* suspended: the answer comes when its thread is done */
	return respond(r);
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)toe;
	struct req *r = *con_cls;
	conn_mark(conn, true);
	if (!r)
		return;
	if (access_log && r->status) {
		char t[26];
		size_t bytes = r->file_fd >= 0 || r->file_size ? (size_t)r->file_size : r->static_data ? r->static_len : r->out.n;
		pthread_mutex_lock(&log_lock);
		fprintf(access_log, "%s %s %s %s %d %zuB %.1fms %s\n", stamp_format_iso(stamp_now(), t), r->ip, r->method,
		    r->path, r->status, bytes, (double)(now_us() - r->started_us) / 1000.0,
		    r->authed ? r->user.name : "-");
		fflush(access_log);
		pthread_mutex_unlock(&log_lock);
	}
	if (r->upload_fd >= 0)
		close(r->upload_fd);
	if (r->upload_path[0])
		unlink(r->upload_path);
	if (r->file_fd >= 0)
		close(r->file_fd);
	buf_free(&r->body);
	buf_free(&r->out);
	arena_free(&r->a);
	free(r);
	*con_cls = NULL;
	atomic_fetch_sub(&inflight, 1);
}

static bool
parse_listen(const char *s, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(s, ':');
	if (!colon)
		return false;
	snprintf(host, sizeof(host), "%.*s", (int)(colon - s), s);
	int port = atoi(colon + 1);
	if (port <= 0 || port > 65535)
		return false;
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	if (!host[0] || strcmp(host, "0.0.0.0") == 0)
		sa->sin_addr.s_addr = htonl(INADDR_ANY);
	else if (strcmp(host, "localhost") == 0)
		sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	else if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return false;
	return true;
}

/* libmicrohttpd's unescaping of the path and the query's values (%XX), but for %00: a NUL ends the C string
 * early, so "/api/proposals/1%00" was read as proposal 1; kept as its three characters it names nothing. */
static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls, (void)c;
	char *w = s;
	for (const char *p = s; *p; p++) {
		int hi = p[0] == '%' ? hexval(p[1]) : -1, lo = hi >= 0 ? hexval(p[2]) : -1;
		if (lo >= 0 && (hi | lo) != 0) {
			*w++ = (char)(hi * 16 + lo);
			p += 2;
		} else
			*w++ = *p;
	}
	*w = '\0';
	return (size_t)(w - s);
}

int
server_run(const struct server_opts *o)
{
	opts = o;
	struct sockaddr_in sa;
	if (!parse_listen(o->listen, &sa)) {
		fprintf(stderr, "tuopin: --listen %s: use HOST:PORT, e.g. 127.0.0.1:8080\n", o->listen);
		return 2;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "tuopin: libsodium failed to initialise\n");
		return 5;
	}
	/* Check the database once before listening, so a wrong --db fails at once and clearly. */
	struct store *probe = NULL;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_open_mode(o->db, false, &probe, &e) != ERR_OK || store_check_schema(probe, &e) != ERR_OK ||
	    store_sessions_ready(probe, &e) != ERR_OK) {
		fprintf(stderr, "tuopin: %s\n", e.message);
		store_close(probe);
		return err_exit_code(e.err);
	}
	store_close(probe);
	int stale = upload_cleanup();
	if (stale)
		server_log(msg_lang() == LANG_EN ? "removed %d upload files left by a server that stopped" :
		    "已删除已停止的服务器留下的 %d 个上传文件", stale);
	page_cache_init(o->page_cache);
	if (o->access_log)
		access_log = strcmp(o->access_log, "-") == 0 ? stderr : fopen(o->access_log, "a");
	pthread_key_create(&store_key, store_destroy);
	store_checkpoints_behind(true);   /* no request waits for a checkpoint of SQLite's WAL */

	/* Signals go to this thread only: the workers inherit the mask. */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
	    MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME, 0, on_accept, NULL, on_request, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 4),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout > 0 ? o->timeout : 60),
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024,
	    /* no SO_REUSEPORT: a second server on the same address must fail, not share its connections (two
	     * databases answering one address at random); SO_REUSEADDR (libmicrohttpd's default) still lets a
	     * restarted server bind at once */
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_END);
	if (!d) {
		int err = errno;
		fprintf(stderr, msg_lang() == LANG_EN ? "tuopin: cannot listen on %s: %s%s\n" : "tuopin：无法在 %s 上监听：%s%s\n",
		    o->listen, strerror(err), err != EADDRINUSE ? "" : msg_lang() == LANG_EN ?
		    " (is another server, Tuopin or not, already listening there? stop it or choose another --listen)" :
		    "（这个地址已有服务在监听，可能是另一个脱贫服务器：请先停止它，或用 --listen 换一个地址）");
		return 1;
	}
	pthread_t watch_thread;
	bool watching = o->header_timeout > 0 && pthread_create(&watch_thread, NULL, watchdog, NULL) == 0;
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : ntohs(sa.sin_port);
	char host[64];
	inet_ntop(AF_INET, &sa.sin_addr, host, sizeof(host));
	char db_shown[512];
	store_uri_shown(o->db ? o->db : "sqlite:tuopin.db", db_shown, sizeof(db_shown));
	printf(msg_lang() == LANG_EN ? "Tuopin is listening on http://%s:%u/ (database %s)\n"
				     : "脱贫已启动：http://%s:%u/ （数据库 %s）\n",
	    strcmp(host, "0.0.0.0") == 0 ? "127.0.0.1" : host, port, db_shown);
	{
		char today[11], now[26];
		int64_t t = stamp_now();
		printf(msg_lang() == LANG_EN ? "Office time zone %s: today is %s (now %s)\n"
					     : "办公时区 %s：今天是 %s（现在 %s）\n",
		    tz_name(), date_format(stamp_date(t), today), stamp_format_iso(t, now));
	}
	fflush(stdout);

	int sig = 0;
	/* SIGHUP (systemctl reload, logrotate) reopens the access log; SIGINT and SIGTERM stop */
	while (sigwait(&sigs, &sig) == 0 && sig == SIGHUP) {
		if (!o->access_log || strcmp(o->access_log, "-") == 0)
			continue;
		FILE *f = fopen(o->access_log, "a");
		if (!f) {
			server_log(msg_lang() == LANG_EN ? "cannot reopen the access log %s: %s" : "无法重新打开访问日志 %s：%s",
			    o->access_log, strerror(errno));
			continue;
		}
		pthread_mutex_lock(&log_lock);
		FILE *old = access_log;
		access_log = f;
		pthread_mutex_unlock(&log_lock);
		if (old)
			fclose(old);
		server_log(msg_lang() == LANG_EN ? "access log reopened" : "已重新打开访问日志");
	}
	/* Stop taking connections; requests in flight finish (each write is one transaction). */
	atomic_store(&stopping, true);
	MHD_quiesce_daemon(d);
	for (int i = 0; i < 300 && atomic_load(&inflight) > 0; i++)
		usleep(100 * 1000);
	/* an import on its own thread finishes and is answered (MHD must not stop with it suspended) */
	while (atomic_load(&deferred_running) > 0)
		usleep(100 * 1000);
	if (watching) {
		pthread_mutex_lock(&watch_lock);
		watch_stop = true;
		pthread_mutex_unlock(&watch_lock);
		pthread_join(watch_thread, NULL);
	}
	MHD_stop_daemon(d);
	store_checkpoints_behind(false);   /* after the workers' connections have closed */
	if (access_log && access_log != stderr)
		fclose(access_log);
	fprintf(stderr, msg_lang() == LANG_EN ? "tuopin: stopped (signal %d)\n" : "tuopin: 已停止（信号 %d）\n", sig);
	return 0;
}
