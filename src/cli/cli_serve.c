/* cli_serve.c: `tuopin serve`, `tuopin user ...`, `tuopin token add` and `tuopin audit ...`. */
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/audit.h"
#include "domain/auth.h"
#include "domain/report.h"
#include "http/http.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_serve[] = {
	{ "listen", true, "HOST:PORT (default 127.0.0.1:8080)" },
	{ "threads", true, "worker threads (default 4)" },
	{ "timeout", true, "seconds a connection may stay silent before it is closed (default 60)" },
	{ "access-log", true, "file, or - for stderr" },
	{ "max-upload", true, "largest import in MiB (default 200)" },
	{ "page-cache", true, "MiB of rendered household pages kept in memory, masked only (default 64; 0: none)" },
	{ "trust-proxy", false, "behind a reverse proxy: honour X-Forwarded-For and -Proto" },
	{ "secure-cookies", false, "mark the session cookie Secure (served over TLS)" },
	{ "session-idle", true, "seconds before an unused session ends (default 1800)" },
	{ "session-max", true, "seconds before any session ends (default 43200)" },
	{ "max-per-address", true, "connections at once from one client address (default 32; 0: no limit, the default with --trust-proxy)" },
	{ "header-timeout", true, "seconds a connection may take to send a request's headers (default 20; 0: no limit)" },
	{ "audit-anchor", true, "seconds between anchors of the audit log's head (default 60)" },
	{ "token-max-days", true, "the longest an API token lives, in days (default 90, or $TUOPIN_TOKEN_MAX_DAYS)" },
	{ "login-delay-max", true, "the longest wait between login attempts on one account, in seconds (default 60)" },
	{ NULL, false, NULL },
};
const struct opt opts_user[] = {
	{ "role", true, "role" },
	{ "division", true, "division code or name" },
	{ "display-name", true, "name shown" },
	{ "password", true, "password (otherwise read from standard input, or generated)" },
	{ "keep", false, "the user need not change the password at the next login" },
	{ "name", true, "token name" },
	{ "days", true, "token validity in days" },
	{ NULL, false, NULL },
};
const struct opt opts_audit[] = {
	{ "from", true, "first date" },
	{ "to", true, "last date" },
	{ "limit", true, "rows (default 50)" },
	{ "actor", true, "only this user's rows" },
	{ "action", true, "only this action (login, event.record, view.full_id, ...)" },
	{ "object", true, "only rows on this object (a 户编号, a user name, a file)" },
	{ "anchor", true, "verify: also check an anchor kept elsewhere, ROW:MAC (from the audit page or a verify)" },
	{ NULL, false, NULL },
};
const size_t n_opts_serve = OPT_COUNT(opts_serve) - 1, n_opts_user = OPT_COUNT(opts_user) - 1,
	     n_opts_audit = OPT_COUNT(opts_audit) - 1;

static bool
int_opt(struct args *a, const char *name, int lo, int hi, int *out)
{
	const char *v = arg(a, name);
	int64_t x;
	if (!v)
		return true;
	if (!parse_i64(v, strlen(v), &x) || x < lo || x > hi) {
		cli_usage(EN ? "--%s must be a number from %d to %d" : "--%s 须为 %d 到 %d 之间的数", name, lo, hi);
		return false;
	}
	*out = (int)x;
	return true;
}

/* The server's anchors: the audit log's head appended to the anchor file every so often (when it moved) and
 * once more when the server stops, from a connection of its own. */
static struct {
	pthread_mutex_t lock;
	bool stop;
	int every;
	const char *db;
} anchors = { PTHREAD_MUTEX_INITIALIZER, false, 60, NULL };

static void
anchor_now(void)
{
	struct store *st;
	struct errinfo e;
	errinfo_clear(&e);
	bool wrote;
	if (store_open(anchors.db, &st, &e) != ERR_OK)
		return;
	if (audit_anchor(st, &wrote, &e) != ERR_OK)
		fprintf(stderr, "tuopin: %s\n", e.message);
	store_close(st);
}

/* The views waiting in the session database's outbox (SQLite) enter the chain, from a connection of the loop's
 * own: every second while the server runs (not waiting for an import's lock), and once more, waiting, when it
 * stops. */
static struct store *outbox_st;
static bool outbox_none;   /* PostgreSQL: no outbox, nothing to move */

static void
outbox_move(bool wait)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (outbox_none)
		return;
	if (!outbox_st && store_open_mode(anchors.db, false, &outbox_st, &e) != ERR_OK) {
		outbox_st = NULL;
		return;
	}
	if (!store_audit_outbox_used(outbox_st)) {
		outbox_none = true;
		store_close(outbox_st);
		outbox_st = NULL;
		return;
	}
	/* a failure said once, not every second while it lasts (a full disk) */
	static char said[sizeof(e.message)];
	if (audit_outbox_flush(outbox_st, wait, &e) != ERR_OK) {
		if (strcmp(said, e.message) != 0)
			fprintf(stderr, "tuopin: %s\n", e.message);
		snprintf(said, sizeof(said), "%s", e.message);
	} else
		said[0] = '\0';
}

static void *
anchor_loop(void *unused)
{
	(void)unused;
	/* quarter-second sleeps, not a timed wait on a condition: libfaketime (the tests' pinned clock) turns a
	 * timed wait on the monotonic clock into one that returns at once, a busy loop */
	struct timespec last, now;
	clock_gettime(CLOCK_MONOTONIC, &last);
	for (int tick = 1;; tick++) {
		usleep(250 * 1000);
		pthread_mutex_lock(&anchors.lock);
		bool stop = anchors.stop;
		pthread_mutex_unlock(&anchors.lock);
		if (stop)
			break;
		if (tick % 4 == 0)
			outbox_move(false);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - last.tv_sec >= anchors.every) {
			anchor_now();
			clock_gettime(CLOCK_MONOTONIC, &last);
		}
	}
	return NULL;
}

int
cmd_serve(struct args *a)
{
	struct server_opts o = { 0 };
	int threads = 4, upload = 200, timeout = 60, page_cache = 64, per_address = -1, header_timeout = 20;
	o.db = a->db ? a->db : getenv("TUOPIN_DB") ? getenv("TUOPIN_DB") : "sqlite:tuopin.db";
	o.listen = arg(a, "listen") ? arg(a, "listen") : "127.0.0.1:8080";
	if (!int_opt(a, "threads", 1, 64, &threads) || !int_opt(a, "max-upload", 1, 4096, &upload) ||
	    !int_opt(a, "session-idle", 1, 86400 * 7, &auth_policy.idle_seconds) ||
	    !int_opt(a, "session-max", 1, 86400 * 30, &auth_policy.max_seconds) ||
	    !int_opt(a, "timeout", 1, 3600, &timeout) || !int_opt(a, "page-cache", 0, 65536, &page_cache) ||
	    !int_opt(a, "audit-anchor", 1, 86400, &anchors.every) ||
	    !int_opt(a, "token-max-days", 1, 3650, &auth_policy.token_max_days) ||
	    !int_opt(a, "login-delay-max", 1, 86400, &auth_policy.account_cap) ||
	    !int_opt(a, "max-per-address", 0, 1024, &per_address) || !int_opt(a, "header-timeout", 0, 3600, &header_timeout))
		return 2;
	o.page_cache = (size_t)page_cache << 20;
	o.threads = threads;
	o.max_body = 1 << 20;
	o.max_upload = (uint64_t)upload << 20;
	o.timeout = timeout;
	o.access_log = arg(a, "access-log");
	o.trust_proxy = flag(a, "trust-proxy");
	/* behind a proxy every connection comes from the proxy: no per-address limit unless one is asked */
	o.max_per_address = per_address >= 0 ? per_address : o.trust_proxy ? 0 : 32;
	o.header_timeout = header_timeout;
	o.secure_cookies = flag(a, "secure-cookies");
	anchors.db = o.db;
	/* SIGINT and SIGTERM are for server_run's sigwait: blocked before any thread starts, since a thread that
	 * does not block them may take one and die of it (the process stopped with 143, a request cut) */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);   /* reload: reopen the access log */
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	pthread_t th;
	bool anchoring = pthread_create(&th, NULL, anchor_loop, NULL) == 0;
	audit_views_deferred(anchoring);   /* someone must move them */
	int rc = server_run(&o);
	if (anchoring) {
		pthread_mutex_lock(&anchors.lock);
		anchors.stop = true;
		pthread_mutex_unlock(&anchors.lock);
		pthread_join(th, NULL);
		if (rc == 0) {
			outbox_move(true);
			anchor_now();
		}
	}
	store_close(outbox_st);
	outbox_st = NULL;
	return rc;
}

static int
no_password(void)
{
	fputs(EN ? "tuopin: no password on standard input: away from a terminal the password is read from standard input "
		   "(one line); at a terminal one is made and shown\n"
		 : "tuopin: 标准输入中没有密码：不在终端上运行时，密码从标准输入读取（一行）；在终端上运行则自动生成并显示\n",
	    stderr);
	return 2;
}

/* The password: --password, else a line of standard input away from a terminal (NULL: none there), else made.
 * `--password -` is standard input, as the convention is (it was taken as the password "-", too short). */
static const char *
password_arg(struct args *a, bool *generated, char *buf, size_t size)
{
	*generated = false;
	const char *given = arg(a, "password");
	if (given && strcmp(given, "-") == 0) {
		if (!fgets(buf, (int)size, stdin))
			buf[0] = '\0';
		buf[strcspn(buf, "\r\n")] = '\0';
		return buf[0] ? buf : NULL;
	}
	if (given) {
		/* on the command line every local user sees it (ps) and the shell keeps it: copied, wiped from the
		 * process's arguments, and said */
		snprintf(buf, size, "%s", given);
		memset((char *)given, 0, strlen(given));
		fputs(msg_lang() == LANG_EN
			  ? "tuopin: note: a password on the command line is seen by other local users (ps) and kept in the "
			    "shell's history; it was wiped from the arguments: give it on standard input instead\n"
			  : "tuopin: 提示：命令行中的密码可被本机其他用户看到（ps），并留在 shell 历史中；已从进程参数中抹去，"
			    "今后请从标准输入提供\n",
		    stderr);
		return buf;
	}
	if (!isatty(STDIN_FILENO)) {
		if (!fgets(buf, (int)size, stdin))
			buf[0] = '\0';
		buf[strcspn(buf, "\r\n")] = '\0';
		/* nothing there (a script, ssh without a terminal, < /dev/null): said so, not "too short" */
		return buf[0] ? buf : NULL;
	}
	static const char set[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	unsigned char raw[14];
	randombytes_buf(raw, sizeof(raw));
	size_t k = 0;
	for (size_t i = 0; i < sizeof(raw) && k + 1 < size; i++)
		buf[k++] = set[raw[i] % (sizeof(set) - 1)];
	/* the policy wants three kinds of character: add a digit and a symbol */
	buf[k++] = '7';
	buf[k++] = '#';
	buf[k] = '\0';
	*generated = true;
	return buf;
}

static int
division_of(struct args *a, struct store *st, int64_t *code)
{
	*code = 0;
	if (!arg(a, "division"))
		return 0;
	struct arena ar;
	struct division d;
	struct errinfo e;
	arena_init(&ar);
	errinfo_clear(&e);
	enum err rc = division_resolve(st, arg(a, "division"), &d, &ar, &e);
	arena_free(&ar);
	if (rc != ERR_OK)
		return cli_fail(&e);
	*code = d.code;
	return 0;
}

int
cmd_user(struct args *a)
{
	const char *sub = a->pos[0];
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	struct actor_ctx by = { cli_actor(), NULL, 0 };
	enum err err = ERR_OK;
	char pwbuf[256];
	bool generated;
	if (strcmp(sub, "list") == 0) {
		struct arena ar;
		struct user *v;
		size_t n;
		arena_init(&ar);
		err = store_user_list(st, &v, &n, &ar, &e);
		if (err == ERR_OK) {
			struct text_table tb;
			table_init(&tb, 5);
			const char *head[5] = { EN ? "user" : "用户", EN ? "name" : "姓名", EN ? "role" : "角色",
				EN ? "division" : "管辖区划", EN ? "state" : "状态" };
			table_row(&tb, head);
			for (size_t i = 0; i < n; i++) {
				char code[16];
				const struct role *ro = role_find(v[i].role);
				view_code(v[i].division, code, sizeof(code));
				const char *state = v[i].locked ? (EN ? "disabled" : "已停用") :
				    v[i].locked_until > auth_epoch() ? (EN ? "locked out" : "锁定中") :
				    v[i].must_change ? (EN ? "must change password" : "须改密码") : (EN ? "active" : "正常");
				const char *row[5] = { v[i].name, v[i].display_name, ro ? (EN ? ro->en : ro->zh) : v[i].role, code,
					state };
				table_row(&tb, row);
			}
			struct buf b;
			buf_init(&b);
			table_render(&tb, &b);
			table_free(&tb);
			cli_print(&b);
			buf_free(&b);
		}
		arena_free(&ar);
	} else if (a->n_pos < 2 || (a->n_pos > 2 && strcmp(sub, "role") != 0)) {
		/* one NAME (role takes NAME ROLE): "user add li county_admin" would lose the role silently */
		store_close(st);
		return cli_usage(EN ? "usage: tuopin user add NAME --role R [--division C] | passwd|lock|unlock NAME | "
				      "role NAME ROLE | list"
				    : "用法：tuopin user add 用户名 --role 角色 [--division 区划] | passwd|lock|unlock 用户名 | "
				      "role 用户名 角色 | list");
	} else if (strcmp(sub, "add") == 0) {
		int64_t div;
		if ((rc = division_of(a, st, &div))) {
			store_close(st);
			return rc;
		}
		const char *pw = password_arg(a, &generated, pwbuf, sizeof(pwbuf));
		if (!pw) {
			store_close(st);
			return no_password();
		}
		err = user_create(st, &by, a->pos[1], arg(a, "display-name"), arg(a, "role"), div, pw, !flag(a, "keep"), NULL,
		    &e);
		if (err == ERR_OK) {
			printf(EN ? "user %s created\n" : "已创建用户 %s\n", a->pos[1]);
			if (generated)
				printf(EN ? "initial password (shown once; to be changed at the first login): %s\n"
					  : "初始密码（仅显示一次，首次登录须修改）：%s\n", pw);
		}
	} else if (strcmp(sub, "passwd") == 0) {
		const char *pw = password_arg(a, &generated, pwbuf, sizeof(pwbuf));
		if (!pw) {
			store_close(st);
			return no_password();
		}
		struct user_change c = { .password = pw };
		err = user_change(st, &by, a->pos[1], &c, NULL, &e);
		if (err == ERR_OK) {
			printf(EN ? "password of %s reset; to be changed at the next login\n" : "已重置 %s 的密码，下次登录须修改\n",
			    a->pos[1]);
			if (generated)
				printf(EN ? "new password: %s\n" : "新密码：%s\n", pw);
		}
	} else if (strcmp(sub, "lock") == 0 || strcmp(sub, "unlock") == 0) {
		bool locked = strcmp(sub, "lock") == 0;
		struct user_change c = { .locked = &locked };
		err = user_change(st, &by, a->pos[1], &c, NULL, &e);
		if (err == ERR_OK)
			printf(locked ? (EN ? "%s disabled\n" : "已停用 %s\n") : (EN ? "%s enabled\n" : "已启用 %s\n"), a->pos[1]);
	} else if (strcmp(sub, "role") == 0) {
		int64_t div;
		if (a->n_pos < 3) {
			store_close(st);
			return cli_usage(EN ? "usage: tuopin user role NAME ROLE [--division C]"
					    : "用法：tuopin user role 用户名 角色 [--division 区划]");
		}
		if ((rc = division_of(a, st, &div))) {
			store_close(st);
			return rc;
		}
		struct user_change c = { .role = a->pos[2], .division = arg(a, "division") ? &div : NULL };
		err = user_change(st, &by, a->pos[1], &c, NULL, &e);
		if (err == ERR_OK) {
			const struct role *ro = role_find(a->pos[2]);
			printf(EN ? "%s is now %s\n" : "%s 的角色已改为 %s\n", a->pos[1], ro ? (EN ? ro->en : ro->zh) : a->pos[2]);
		}
	} else {
		store_close(st);
		return cli_usage(EN ? "unknown subcommand %s" : "未知子命令 %s", sub);
	}
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

int
cmd_token(struct args *a)
{
	const char *sub = a->pos[0];
	bool add = strcmp(sub, "add") == 0, list = strcmp(sub, "list") == 0, revoke = strcmp(sub, "revoke") == 0;
	if (!((add && a->n_pos == 2) || (list && a->n_pos == 2) || (revoke && a->n_pos == 3)))
		return cli_usage(EN ? "usage: tuopin token add USER [--name N] [--days D] | list USER | revoke USER ID"
				    : "用法：tuopin token add 用户名 [--name 名称] [--days 天数] | list 用户名 | revoke 用户名 编号");
	int days = 0;
	if (!int_opt(a, "days", 1, auth_policy.token_max_days, &days))
		return 2;
	int64_t id = 0;
	if (revoke && !parse_i64(a->pos[2], strlen(a->pos[2]), &id))
		return cli_usage(EN ? "the token is named by its number, not \"%s\"" : "令牌须以编号指定，而不是“%s”", a->pos[2]);
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	struct user u;
	struct errinfo e;
	arena_init(&ar);
	errinfo_clear(&e);
	char *token;
	struct actor_ctx by = { cli_actor(), NULL, 0 };
	enum err err = store_user_by_name(st, a->pos[1], &u, &ar, &e);
	if (err == ERR_NOTFOUND)
		err = errinfo_set(&e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, a->pos[1]);
	if (err == ERR_OK && add) {
		err = auth_token_create(st, &by, &u, arg(a, "name"), days, &token, &id, &ar, &e);
		if (err == ERR_OK)
			printf("%s\n", token);
	} else if (err == ERR_OK && revoke) {
		err = auth_token_revoke(st, &by, &u, id, &e);
		if (err == ERR_OK)
			printf(EN ? "token %lld of %s revoked\n" : "已撤销 %2$s 的令牌 %1$lld\n", (long long)id, a->pos[1]);
	} else if (err == ERR_OK) {
		struct token_row *v;
		size_t n;
		err = store_token_list(st, u.id, &v, &n, &ar, &e);
		if (err == ERR_OK) {
			struct text_table tb;
			table_init(&tb, 5);
			const char *head[5] = { EN ? "id" : "编号", EN ? "name" : "名称", EN ? "created" : "创建时间",
				EN ? "expires" : "到期时间", EN ? "state" : "状态" };
			table_row(&tb, head);
			int64_t now = auth_epoch();
			for (size_t i = 0; i < n; i++) {
				char idb[24], c[20], x[20];
				snprintf(idb, sizeof(idb), "%lld", (long long)v[i].id);
				stamp_format(stamp_from_epoch(v[i].created_at), c);
				stamp_format(stamp_from_epoch(v[i].expires_at), x);
				bool expired = v[i].expires_at < now ||
				    now - v[i].created_at > (int64_t)auth_policy.token_max_days * 86400;
				const char *row[5] = { idb, v[i].name, c, x, v[i].revoked ? (EN ? "revoked" : "已撤销") :
					expired ? (EN ? "expired" : "已过期") : (EN ? "valid" : "有效") };
				table_row(&tb, row);
			}
			struct buf b;
			buf_init(&b);
			table_render(&tb, &b);
			table_free(&tb);
			cli_print(&b);
			buf_free(&b);
		}
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

int
cmd_audit(struct args *a)
{
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	int result = 0;
	/* audit rows of logins still waiting in the session database (SQLite) enter the chain first */
	audit_outbox_flush(st, true, NULL);
	if (strcmp(a->pos[0], "verify") == 0) {
		struct audit_check c;
		err = audit_verify(st, arg(a, "anchor"), &c, &e);
		if (err == ERR_OK && a->format && strcmp(a->format, "json") == 0) {
			json_t *j = view_audit_check_json(&c);
			cli_print_json(j);
			json_decref(j);
			result = c.failed ? 1 : 0;
		} else if (err == ERR_OK && !c.failed) {
			printf(EN ? "audit log intact: %lld rows" : "审计日志完整：共 %lld 行", (long long)c.rows);
			if (c.keyed_from)
				printf(EN ? ", keyed from row %lld" : "，自第 %lld 行起带密钥校验", (long long)c.keyed_from);
			printf(EN ? ", %d anchors checked\nhead: row %lld %s\n" : "，核对锚点 %d 个\n链头：第 %lld 行 %s\n", c.anchors,
			    (long long)c.head_id, c.head_mac);
		} else if (err == ERR_OK) {
			if (c.bad_id && strcmp(c.check, "key") != 0)
				printf(EN ? "audit log BROKEN (check: %s) at row %lld: %s\n" : "审计日志已被篡改（检查项：%s）：第 %lld 行：%s\n",
				    c.check, (long long)c.bad_id, c.why);
			else
				printf(EN ? "audit log NOT VERIFIED (check: %s): %s\n" : "审计日志无法核验（检查项：%s）：%s\n", c.check, c.why);
			result = 1;
		}
	} else if (strcmp(a->pos[0], "anchor") == 0) {
		bool wrote;
		err = audit_anchor(st, &wrote, &e);
		if (err == ERR_OK) {
			char path[1024];
			audit_anchor_path(st->uri, path, sizeof(path));
			printf(wrote ? (EN ? "anchored the head in %s\n" : "已将链头记入 %s\n")
				     : (EN ? "the head is anchored in %s already\n" : "链头已在 %s 中\n"), path);
		}
	} else if (strcmp(a->pos[0], "list") == 0) {
		int from = 0, to = 0, limit = 50;
		if (!cli_date(a, "from", &from) || !cli_date(a, "to", &to) || !int_opt(a, "limit", 1, 100000, &limit)) {
			store_close(st);
			return 2;
		}
		struct arena ar;
		struct audit_row *v;
		size_t n;
		int64_t total;
		arena_init(&ar);
		struct audit_filter f = { .from = from ? (int64_t)from * 1000000 : 0,
			.to = to ? (int64_t)to * 1000000 + 235959 : 99991231235959LL, .actor = arg(a, "actor"),
			.action = arg(a, "action"), .object = arg(a, "object") };
		err = store_audit_page(st, &f, limit, 0, &v, &n, &total, &ar, &e);
		for (size_t i = 0; err == ERR_OK && i < n; i++) {
			char t[20];
			const char *detail = view_audit_detail(v[i].detail, v[i].action, false, &ar);   /* the host's operator: the database is theirs to read */
			printf("%lld  %s  %-12s %-18s %s %s\n", (long long)v[i].id, stamp_format(v[i].at, t), v[i].actor,
			    v[i].action, v[i].object ? v[i].object : "", detail ? detail : "");
		}
		arena_free(&ar);
	} else {
		store_close(st);
		return cli_usage(EN ? "usage: tuopin audit verify [--anchor ROW:MAC] | anchor | list"
				    : "用法：tuopin audit verify [--anchor 行号:校验码] | anchor | list");
	}
	store_close(st);
	if (err != ERR_OK)
		return cli_fail(&e);
	return result;
}

int
cmd_routes(struct args *a)
{
	(void)a;
	for (size_t i = 0; i < n_routes; i++)
		printf("%-6s %-36s %s\n", routes[i].method, routes[i].pattern, routes[i].summary);
	return 0;
}
