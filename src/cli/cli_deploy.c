/* cli_deploy.c: what an installation needs around the program: the configuration file (/etc/tuopin/tuopin.conf,
 * read by every command), and `tuopin doctor`, which checks an installation and says in plain words what is
 * wrong. The Debian package (packaging/, scripts/make-deb.sh) installs the file and runs the service with it. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/audit.h"
#include "lib/date.h"
#include "lib/msg.h"
#include "lib/util.h"

/* ---- the configuration file ---- */

/* Settings that stand for an environment variable (the environment, then an option, override the file). */
static const struct {
	const char *key, *env;
} conf_env[] = {
	{ "db", "TUOPIN_DB" },
	{ "tz", "TUOPIN_TZ" },
	{ "lang", "TUOPIN_LANG" },
	{ "audit_key", "TUOPIN_AUDIT_KEY" },
	{ "token_max_days", "TUOPIN_TOKEN_MAX_DAYS" },
	{ "backup_dir", "TUOPIN_BACKUP_DIR" },
};

static char conf_used[512];
static char *serve_args[64];
static int n_serve_args;

const char *
conf_path_used(void)
{
	return conf_used[0] ? conf_used : NULL;
}

/* An option of `serve` named by a setting (listen, page_cache -> --page-cache); false if serve has none. */
static bool
serve_option(const char *key, char *opt, size_t size, bool *has_arg)
{
	char name[64];
	size_t n = strlen(key);
	if (n >= sizeof(name))
		return false;
	for (size_t i = 0; i <= n; i++)
		name[i] = key[i] == '_' ? '-' : key[i];
	for (const struct opt *o = opts_serve; o->name; o++)
		if (strcmp(o->name, name) == 0) {
			snprintf(opt, size, "--%s", name);
			*has_arg = o->has_arg;
			return true;
		}
	return false;
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int
conf_load(void)
{
	const char *path = getenv("TUOPIN_CONFIG");
	bool explicit = path && *path;
	if (explicit && strcmp(path, "none") == 0)
		return 0;
	if (!explicit)
		path = CONF_DEFAULT;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (!explicit && errno == ENOENT)
			return 0;
		fprintf(stderr, msg_lang() == LANG_EN ? "tuopin: cannot read the configuration %s: %s\n"
						      : "tuopin：无法读取配置文件 %s：%s\n", path, strerror(errno));
		/* the service's own file unreadable by this user: say so, and go on without it */
		return explicit ? 2 : 0;
	}
	snprintf(conf_used, sizeof(conf_used), "%s", path);
	char line[1024];
	int no = 0, rc = 0;
	while (fgets(line, sizeof(line), f)) {
		no++;
		char *s = trim(line);
		if (!*s || *s == '#' || *s == ';')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			fprintf(stderr, msg_lang() == LANG_EN ? "tuopin: %s line %d: write KEY = VALUE\n"
							      : "tuopin：%s 第 %d 行：应写成 键 = 值\n", path, no);
			rc = 2;
			break;
		}
		*eq = '\0';
		char *key = trim(s), *val = trim(eq + 1);
		size_t vn = strlen(val);
		if (vn >= 2 && val[0] == '"' && val[vn - 1] == '"') {
			val[vn - 1] = '\0';
			val++;
		}
		bool known = false;
		for (size_t i = 0; i < sizeof(conf_env) / sizeof(conf_env[0]); i++)
			if (strcmp(key, conf_env[i].key) == 0) {
				known = true;
				if (*val)
					setenv(conf_env[i].env, val, 0);   /* the environment wins */
			}
		char opt[80];
		bool has_arg;
		if (!known && serve_option(key, opt, sizeof(opt), &has_arg)) {
			known = true;
			bool on = strcmp(val, "yes") == 0 || strcmp(val, "true") == 0 || strcmp(val, "1") == 0;
			bool off = strcmp(val, "no") == 0 || strcmp(val, "false") == 0 || strcmp(val, "0") == 0;
			if (!has_arg && !on && !off) {
				fprintf(stderr, msg_lang() == LANG_EN ? "tuopin: %s line %d: %s is yes or no, not \"%s\"\n"
								      : "tuopin：%s 第 %d 行：%s 只能是 yes 或 no，不能是“%s”\n", path, no, key, val);
				rc = 2;
				break;
			}
			if (*val && (has_arg || on) && n_serve_args + 2 < (int)(sizeof(serve_args) / sizeof(serve_args[0]))) {
				serve_args[n_serve_args++] = xstrdup(opt);
				if (has_arg)
					serve_args[n_serve_args++] = xstrdup(val);
			}
		}
		if (!known) {
			fprintf(stderr, msg_lang() == LANG_EN ? "tuopin: %s line %d: unknown setting \"%s\"\n"
							      : "tuopin：%s 第 %d 行：未知的设置项“%s”\n", path, no, key);
			rc = 2;
			break;
		}
	}
	fclose(f);
	return rc;
}

int
conf_serve_args(char ***out)
{
	*out = serve_args;
	return n_serve_args;
}

/* ---- doctor ---- */

enum verdict { PASS, WARN, FAIL };

struct doctor {
	json_t *checks;
	int fails, warns;
	bool json;
};

static void
verdict(struct doctor *d, enum verdict v, const char *check, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
verdict(struct doctor *d, enum verdict v, const char *check, const char *fmt, ...)
{
	char text[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	bool en = msg_lang() == LANG_EN;
	static const char *zh[] = { "通过", "警告", "失败" }, *eng[] = { "ok", "warn", "FAIL" }, *code[] = { "ok", "warn", "fail" };
	if (v == FAIL)
		d->fails++;
	else if (v == WARN)
		d->warns++;
	if (d->json)
		json_array_append_new(d->checks, json_pack("{s:s, s:s, s:s}", "check", check, "result", code[v], "detail", text));
	else
		printf("%-4s  %-10s %s\n", en ? eng[v] : zh[v], check, text);
}

static void
check_mode(struct doctor *d, const char *what, const char *path, bool dir)
{
	struct stat sb;
	bool en = msg_lang() == LANG_EN;
	if (stat(path, &sb) != 0) {
		verdict(d, FAIL, "files", en ? "%s %s: %s" : "%s %s：%s", what, path, strerror(errno));
		return;
	}
	if (sb.st_mode & 077)
		verdict(d, FAIL, "files", en ? "%s %s is %03o: others may read it; make it %s (chmod)"
					     : "%s %s 的权限为 %03o，其他用户可读；应改为 %s（chmod）",
		    what, path, (unsigned)(sb.st_mode & 0777), dir ? "0700" : "0600");
	else if (sb.st_uid != geteuid())
		verdict(d, WARN, "files", en ? "%s %s belongs to uid %u, not to this user (%u)"
					     : "%s %s 的属主是 uid %u，不是当前用户（%u）",
		    what, path, (unsigned)sb.st_uid, (unsigned)geteuid());
	else
		verdict(d, PASS, "files", en ? "%s %s: %03o, this user's only" : "%s %s：%03o，仅本用户可读写", what, path,
		    (unsigned)(sb.st_mode & 0777));
}

/* The newest file in dir whose name ends with .db: its age in days (-1: none). */
static double
newest_backup_days(const char *dir, char *name, size_t size)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	time_t newest = 0;
	struct dirent *de;
	while ((de = readdir(dp))) {
		size_t n = strlen(de->d_name);
		if (n < 4 || strcmp(de->d_name + n - 3, ".db") != 0)
			continue;
		char p[1400];
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		struct stat sb;
		if (stat(p, &sb) == 0 && sb.st_mtime > newest) {
			newest = sb.st_mtime;
			snprintf(name, size, "%s", de->d_name);
		}
	}
	closedir(dp);
	if (!newest)
		return -1;
	return (double)(stamp_to_epoch(stamp_now()) - (int64_t)newest) / 86400.0;
}

/* GET /api/health of the service listening on HOST:PORT, over a plain socket with a two-second limit: its
 * JSON, or NULL when nothing answers. */
static json_t *
service_health(const char *listen)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof(host))
		return NULL;
	snprintf(host, sizeof(host), "%.*s", (int)(colon - listen), listen);
	if (strcmp(host, "localhost") == 0 || strcmp(host, "0.0.0.0") == 0)
		snprintf(host, sizeof(host), "127.0.0.1");
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(colon + 1)) };
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return NULL;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return NULL;
	struct timeval tv = { .tv_sec = 2 };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	json_t *j = NULL;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
		static const char req[] = "GET /api/health HTTP/1.0\r\nHost: localhost\r\n\r\n";
		if (write(fd, req, sizeof(req) - 1) == (ssize_t)(sizeof(req) - 1)) {
			char buf[16384];
			size_t n = 0;
			ssize_t k;
			while (n < sizeof(buf) - 1 && (k = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
				n += (size_t)k;
			buf[n] = '\0';
			char *body = strstr(buf, "\r\n\r\n");
			if (body)
				j = json_loads(body + 4, 0, NULL);
		}
	}
	close(fd);
	return j;
}

int
cmd_doctor(struct args *a)
{
	bool en = msg_lang() == LANG_EN;
	struct doctor d = { .checks = json_array(), .json = a->format && strcmp(a->format, "json") == 0 };
	char shown[512];
	const char *conf = conf_path_used();
	verdict(&d, PASS, "config", en ? "configuration: %s" : "配置文件：%s", conf ? conf : en ? "none (defaults and options)" : "无（默认值与命令行选项）");

	/* the database: reachable, its schema current */
	cli_db_shown(a, shown, sizeof(shown));
	struct store *st = NULL;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_open_mode(a->db, false, &st, &e) != ERR_OK) {
		/* the message says it all (a missing file says to run init; a full disk says so): no advice for
		 * another case added to it */
		verdict(&d, FAIL, "database", en ? "%s: %s" : "%s：%s", shown, e.message);
		st = NULL;
	} else if (store_check_schema(st, &e) != ERR_OK)
		verdict(&d, FAIL, "schema", "%s", e.message);
	else
		verdict(&d, PASS, "database", en ? "%s reachable, schema %d (%s, current)" : "%s 可以连接，数据库结构第 %d 版（%s，最新）",
		    shown, store_schema_version_expected(), store_schema_newest_name());

	/* the files: the SQLite database, its directory and the audit key, this user's only */
	const char *file = st && st->ops->file ? st->ops->file(st) : NULL;
	char path_given[1024];
	if (!st) {
		/* not opened: the files and the disk checked still, from the URI (a full disk is why, often) */
		const char *uri = a->db ? a->db : getenv("TUOPIN_DB") && *getenv("TUOPIN_DB") ? getenv("TUOPIN_DB")
		    : "sqlite:tuopin.db";
		if (strncmp(uri, "postgres", 8) != 0) {   /* sqlite:PATH, or a bare path */
			snprintf(path_given, sizeof(path_given), "%s", strncmp(uri, "sqlite:", 7) == 0 ? uri + 7 : uri);
			path_given[strcspn(path_given, "?")] = '\0';
			file = path_given;
		}
	}
	if (file) {
		char dir[1024], key[1100];
		snprintf(dir, sizeof(dir), "%s", file);
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		else
			snprintf(dir, sizeof(dir), ".");
		check_mode(&d, en ? "the database" : "数据库文件", file, false);
		check_mode(&d, en ? "its directory" : "其所在目录", dir, true);
		(void)key;
		/* free disk where the database grows */
		struct statvfs vs;
		if (statvfs(dir, &vs) == 0) {
			double free_mib = (double)vs.f_bavail * (double)vs.f_frsize / (1024.0 * 1024.0);
			enum verdict v = free_mib < 200 ? FAIL : free_mib < 1024 ? WARN : PASS;
			verdict(&d, v, "disk", en ? "%.0f MiB free beside the database%s" : "数据库所在磁盘剩余 %.0f MiB%s", free_mib,
			    v == PASS ? "" : en ? " (keep at least 1 GiB: an import and a backup each need room)" : "（应至少保留 1 GiB：导入与备份都需要空间）");
		}
	}

	/* the audit key where it is (TUOPIN_AUDIT_KEY, --audit-key, the configuration, or beside a SQLite file):
	 * the service user's only, whatever the backend (a PostgreSQL key of 0644 passed unseen) */
	{
		const char *uri = st ? st->uri : a->db ? a->db : getenv("TUOPIN_DB") && *getenv("TUOPIN_DB")
		    ? getenv("TUOPIN_DB") : "sqlite:tuopin.db";
		char kp[1024];
		audit_key_path(uri, kp, sizeof(kp));
		if (access(kp, F_OK) == 0)
			check_mode(&d, en ? "the audit key" : "审计密钥", kp, false);
		if (!file) {
			/* PostgreSQL: its files, disk and backups are the database server's */
			verdict(&d, PASS, "disk", en ? "not checked here: the database is on the PostgreSQL server (watch its disk there)"
						       : "此处不检查：数据库在 PostgreSQL 服务器上（请在那里检查磁盘）");
			verdict(&d, PASS, "backup", en ? "not checked here: PostgreSQL is backed up with pg_dump or WAL archiving (DEPLOY.md §5)"
							 : "此处不检查：PostgreSQL 用 pg_dump 或 WAL 归档备份（见 DEPLOY.md 第 5 节）");
		}
	}

	/* the office's time zone and day */
	{
		char today[11];
		verdict(&d, PASS, "timezone", en ? "office time zone %s: today is %s" : "办公时区 %s：今天是 %s", tz_name(),
		    date_format(date_today(), today));
	}

	/* the audit chain */
	if (st) {
		struct audit_check c;
		memset(&c, 0, sizeof(c));
		errinfo_clear(&e);
		if (audit_verify(st, NULL, &c, &e) != ERR_OK)
			verdict(&d, FAIL, "audit", "%s", e.message);
		else if (c.bad_id || c.check)
			verdict(&d, FAIL, "audit", en ? "the audit log fails its %s check at row %lld: %s (tuopin audit verify)"
						     : "审计日志未通过 %s 检查（第 %lld 行）：%s（见 tuopin audit verify）",
			    c.check ? c.check : "chain", (long long)c.bad_id, c.why);
		else
			verdict(&d, PASS, "audit", en ? "audit log intact: %lld rows, %d anchors" : "审计日志完整：%lld 行，锚点 %d 个",
			    (long long)c.rows, c.anchors);
	}

	/* TLS in front: the running service asked what its proxy forwards, and the configuration */
	{
		char **sa;
		int n = conf_serve_args(&sa);
		bool proxy = false, secure = false;
		const char *listen = "127.0.0.1:8080";
		for (int i = 0; i < n; i++) {
			if (strcmp(sa[i], "--trust-proxy") == 0)
				proxy = true;
			else if (strcmp(sa[i], "--secure-cookies") == 0)
				secure = true;
			else if (strcmp(sa[i], "--listen") == 0 && i + 1 < n)
				listen = sa[i + 1];
		}
		bool loopback = strncmp(listen, "127.", 4) == 0 || strncmp(listen, "localhost", 9) == 0;
		json_t *health = service_health(listen);
		json_t *data = health ? json_object_get(health, "data") : NULL;
		const char *proto = data ? json_string_value(json_object_get(data, "forwarded_proto")) : NULL;
		const char *at = data ? json_string_value(json_object_get(data, "forwarded_at")) : NULL;
		if (!data)
			verdict(&d, WARN, "service", en ? "nothing answers /api/health on %s (systemctl status tuopin)"
							: "%s 上没有服务应答 /api/health（请查看 systemctl status tuopin）", listen);
		else
			verdict(&d, PASS, "service", en ? "the service answers on %s (version %s)" : "服务在 %s 上应答（版本 %s）", listen,
			    json_string_value(json_object_get(data, "version")) ? json_string_value(json_object_get(data, "version")) : "?");
		if (!loopback)
			verdict(&d, WARN, "tls", en ? "listening on %s: put nginx with TLS in front and listen on 127.0.0.1 (docs/DEPLOY.md)"
						   : "在 %s 上监听：应由带 TLS 的 nginx 在前，本服务只监听 127.0.0.1（见 docs/DEPLOY.md）", listen);
		else if (!proxy || !secure)
			verdict(&d, WARN, "tls", en ? "no TLS proxy configured (set trust_proxy = yes and secure_cookies = yes behind nginx with TLS)"
						   : "未配置 TLS 反向代理（在带 TLS 的 nginx 之后应设 trust_proxy = yes、secure_cookies = yes）");
		else if (proto && strcmp(proto, "https") == 0)
			verdict(&d, PASS, "tls", en ? "requests arrive through the TLS proxy (X-Forwarded-Proto https, last at %s)"
						   : "请求经 TLS 反向代理到达（X-Forwarded-Proto 为 https，最近一次 %s）", at ? at : "?");
		else if (proto)
			verdict(&d, FAIL, "tls", en ? "requests arrive through the proxy over plain HTTP (X-Forwarded-Proto %s, last at %s): serve only HTTPS"
						   : "请求经代理以明文 HTTP 到达（X-Forwarded-Proto 为 %s，最近一次 %s）：应只提供 HTTPS", proto, at ? at : "?");
		else
			verdict(&d, WARN, "tls", en ? "configured behind a proxy, but no request has come through it since the service started"
						   : "已配置在反向代理之后，但服务启动以来还没有经代理到达的请求");
		if (health)
			json_decref(health);
	}

	/* backups: the newest one's age */
	if (file) {
		const char *bdir = getenv("TUOPIN_BACKUP_DIR");
		char def[1024], name[256] = "";
		if (!bdir || !*bdir) {
			snprintf(def, sizeof(def), "%s", file);
			char *slash = strrchr(def, '/');
			snprintf(slash ? slash + 1 : def, sizeof(def) - (size_t)(slash ? slash + 1 - def : 0), "backups");
			bdir = def;
		}
		double days = newest_backup_days(bdir, name, sizeof(name));
		if (days < 0)
			verdict(&d, WARN, "backup", en ? "no backup in %s (tuopin backup FILE, each night from cron: DEPLOY.md §5)"
						      : "%s 中没有备份（tuopin backup 文件名，可由 cron 每晚执行：见 DEPLOY.md 第 5 节）", bdir);
		else if (days > 7)
			verdict(&d, WARN, "backup", en ? "the newest backup, %s, is %.0f days old" : "最近的备份 %s 已是 %.0f 天前", name, days);
		else
			verdict(&d, PASS, "backup", en ? "newest backup %s, %.1f days old" : "最近的备份 %s，%.1f 天前", name, days);
	}
	if (st)
		store_close(st);
	if (d.json) {
		json_t *j = json_pack("{s:o, s:i, s:i}", "checks", d.checks, "failures", d.fails, "warnings", d.warns);
		cli_print_json(j);
		json_decref(j);
	} else {
		json_decref(d.checks);
		printf(en ? "\n%d failed, %d warnings\n" : "\n失败 %d 项，警告 %d 项\n", d.fails, d.warns);
	}
	return d.fails ? 1 : 0;
}
