/* cli_common.c: option parsing, opening the database, printing. */
#include <jansson.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/audit.h"
#include "lib/date.h"
#include "lib/util.h"

int
cli_usage(const char *fmt, ...)
{
	va_list ap;
	fputs("tuopin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int
args_parse(int argc, char **argv, const struct command *cmd, struct args *out)
{
	memset(out, 0, sizeof(*out));
	out->spec = cmd->opts;
	out->n_spec = cmd->n_opts;
	out->pos = xcalloc((size_t)argc + 1, sizeof(char *));
	for (int i = 0; i < argc; i++) {
		char *s = argv[i];
		if (strncmp(s, "--", 2) != 0 || s[2] == '\0') {
			out->pos[out->n_pos++] = s;
			continue;
		}
		char *name = s + 2, *eq = strchr(name, '=');
		size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
		const char *val = eq ? eq + 1 : NULL;
#define GLOBAL(opt, field) \
	if (nlen == strlen(opt) && strncmp(name, opt, nlen) == 0) { \
		if (!val) { \
			if (i + 1 >= argc) \
				return cli_usage(msg_text(MSG_OPTION_VALUE), s); \
			val = argv[++i]; \
		} \
		field = val; \
		continue; \
	}
		GLOBAL("db", out->db)
		GLOBAL("format", out->format)
		GLOBAL("tz", out->tz)   /* applied by main before the command runs */
		if (nlen == 9 && strncmp(name, "audit-key", 9) == 0) {
			/* where the audit key is: for this process, as TUOPIN_AUDIT_KEY (domain/audit.h) */
			if (!val) {
				if (i + 1 >= argc)
					return cli_usage(msg_text(MSG_OPTION_VALUE), s);
				val = argv[++i];
			}
			setenv("TUOPIN_AUDIT_KEY", val, 1);
			continue;
		}
		if (nlen == 4 && strncmp(name, "lang", 4) == 0) {
			if (!val) {
				if (i + 1 >= argc)
					return cli_usage(msg_text(MSG_OPTION_VALUE), s);
				val = argv[++i];
			}
			enum lang l;
			if (!msg_parse_lang(val, &l))
				return cli_usage(msg_text(MSG_UNKNOWN_OPTION), val);
			msg_set_lang(l);
			continue;
		}
		if (nlen == 3 && strncmp(name, "now", 3) == 0) {
			if (!val) {
				if (i + 1 >= argc)
					return cli_usage(msg_text(MSG_OPTION_VALUE), s);
				val = argv[++i];
			}
			if (!stamp_parse(str_from(val), false, &out->now))
				return cli_usage(msg_text(MSG_BAD_STAMP), val);
			continue;
		}
		size_t k;
		for (k = 0; k < cmd->n_opts; k++)
			if (strlen(cmd->opts[k].name) == nlen && strncmp(cmd->opts[k].name, name, nlen) == 0)
				break;
		if (k == cmd->n_opts)
			return cli_usage(msg_text(MSG_UNKNOWN_OPTION), s);
		if (cmd->opts[k].has_arg && !val) {
			if (i + 1 >= argc)
				return cli_usage(msg_text(MSG_OPTION_VALUE), s);
			val = argv[++i];
		}
		out->set[k] = true;
		out->val[k] = val;
	}
	if (out->n_pos < cmd->min_pos || out->n_pos > cmd->max_pos)
		return cli_usage(msg_lang() == LANG_EN ? "usage: tuopin %s" : "用法：tuopin %s", cmd->usage);
	return 0;
#undef GLOBAL
}

static int
find(const struct args *a, const char *name)
{
	for (size_t k = 0; k < a->n_spec; k++)
		if (strcmp(a->spec[k].name, name) == 0)
			return (int)k;
	return -1;
}

const char *
arg(const struct args *a, const char *name)
{
	int k = find(a, name);
	return k >= 0 && a->set[k] ? a->val[k] : NULL;
}

bool
flag(const struct args *a, const char *name)
{
	int k = find(a, name);
	return k >= 0 && a->set[k];
}

int
cli_fail(const struct errinfo *e)
{
	fprintf(stderr, "tuopin: %s\n", e->message[0] ? e->message : err_name(e->err));
	return err_exit_code(e->err);
}

int
cli_open(const struct args *a, struct store **st, bool migrate)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (store_open_mode(a->db, migrate, st, &e) != ERR_OK)
		return cli_fail(&e);
	if (!migrate && store_check_schema(*st, &e) != ERR_OK) {
		store_close(*st);
		*st = NULL;
		return cli_fail(&e);
	}
	return 0;
}

const char *
cli_db_shown(const struct args *a, char *buf, size_t size)
{
	const char *uri = a->db ? a->db : getenv("TUOPIN_DB") && *getenv("TUOPIN_DB") ? getenv("TUOPIN_DB")
	    : "sqlite:tuopin.db";
	store_uri_shown(uri, buf, size);
	return buf;
}

const char *
cli_actor(void)
{
	static char buf[64];
	if (!buf[0]) {
		struct passwd *pw = getpwuid(geteuid());
		snprintf(buf, sizeof(buf), "cli:%s", pw ? pw->pw_name : "unknown");
	}
	return buf;
}

bool
cli_date(const struct args *a, const char *name, int *out)
{
	const char *v = arg(a, name);
	*out = 0;
	if (!v)
		return true;
	if (!date_parse(str_from(v), out)) {
		cli_usage(msg_text(MSG_BAD_DATE), v);
		return false;
	}
	return true;
}

bool
cli_stamp(const struct args *a, const char *name, bool end_of_day, int64_t *out)
{
	const char *v = arg(a, name);
	*out = 0;
	if (!v)
		return true;
	if (!stamp_parse(str_from(v), end_of_day, out)) {
		cli_usage(msg_text(MSG_BAD_STAMP), v);
		return false;
	}
	return true;
}

const char *
cli_format(const struct args *a, const char *const *allowed, size_t n)
{
	if (!a->format)
		return allowed[0];
	for (size_t i = 0; i < n; i++)
		if (strcmp(a->format, allowed[i]) == 0)
			return allowed[i];
	cli_usage(msg_text(MSG_BAD_FORMAT_OPT), a->format);
	return NULL;
}

void
cli_print(const struct buf *b)
{
	if (b->n)
		fwrite(b->p, 1, b->n, stdout);
}

void
cli_print_json(void *json)
{
	char *s = json_dumps(json, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (s) {
		fputs(s, stdout);
		fputc('\n', stdout);
		free(s);
	}
}

void
cli_anchor(const struct args *a)
{
	struct store *st;
	struct errinfo e;
	errinfo_clear(&e);
	bool wrote;
	if (store_open(a->db, &st, &e) != ERR_OK)
		return;
	if (audit_anchor(st, &wrote, &e) != ERR_OK)
		fprintf(stderr, "tuopin: %s\n", e.message);
	store_close(st);
}

