/* cli_assistance.c: `tuopin assistance` and `tuopin supervision`: the figures for a period and a division
 * (ARCHITECTURE.md §10), and the records behind them: add, update, list, show, import, the households that need
 * a cadre or a visit, cadres with too many households, the asset ledgers, the household handbook and measure
 * card, and the settings. Every action calls the same domain function as the API. No rules here. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/assist.h"
#include "domain/assist_report.h"
#include "domain/audit.h"
#include "domain/import.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"
#include "view/view_assist.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_assistance[] = {
	{ "from", true, "first day of the period" },
	{ "to", true, "last day of the period (default today)" },
	{ "division", true, "division code or name" },
	{ "out", true, "write the report to this file (csv or xlsx)" },
	{ "as-of", true, "date" },
	{ "household", true, "户编号" },
	{ "ref", true, "the parent record's number (a project's beneficiaries, ...)" },
	{ "limit", true, "rows" },
	{ "offset", true, "rows skipped" },
	{ "full-id", false, "unmasked ID and phone numbers (audited)" },
	{ "unassigned", false, "only households without a cadre" },
	{ "overdue", false, "only households whose visit is overdue" },
	{ "overloaded", false, "only cadres over the limit" },
	{ "cadre", true, "one cadre's households (number)" },
	{ "card", false, "the measure card instead of the handbook" },
	{ "year", true, "year" },
	{ "dry-run", false, "validate only" },
	{ NULL, false, NULL },
};

static void
print_buf(const struct buf *b, bool pretty)
{
	if (!pretty) {
		cli_print(b);
		return;
	}
	struct buf p;
	buf_init(&p);
	view_json_pretty(b->p ? b->p : "", b->n, &p);
	cli_print(&p);
	buf_free(&p);
}

static int
division_opt(struct args *a, struct store *st, int64_t *code, struct arena *ar)
{
	*code = 0;
	if (!arg(a, "division"))
		return 0;
	struct errinfo e;
	struct division d;
	errinfo_clear(&e);
	if (division_resolve(st, arg(a, "division"), &d, ar, &e) != ERR_OK)
		return cli_fail(&e);
	*code = d.code;
	return 0;
}

/* The report (no subcommand). */
static int
report(struct args *a, bool supervision)
{
	static const char *const formats[] = { "table", "json", "csv", "xlsx" };
	const char *format = cli_format(a, formats, 4);
	if (!format)
		return 2;
	struct assist_query q = { 0 };
	if (!cli_date(a, "from", &q.from) || !cli_date(a, "to", &q.to))
		return 2;
	if (q.from && q.to && q.from > q.to)
		return cli_usage(EN ? "--from is after --to" : "--from 晚于 --to");
	if (strcmp(format, "xlsx") == 0 && !arg(a, "out"))
		return cli_usage(EN ? "--format xlsx needs --out FILE" : "--format xlsx 须用 --out 指定文件");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	if ((rc = division_opt(a, st, &q.division, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct assist_result ar_;
	struct supervision_result sr;
	enum err err = supervision ? supervision_report(st, &q, &sr, &ar, &e) : assist_report(st, &q, &ar_, &ar, &e);
	struct buf b;
	buf_init(&b);
	if (err == ERR_OK) {
		if (strcmp(format, "json") == 0) {
			supervision ? view_supervision_write(&b, &sr) : view_assist_write(&b, &ar_);
			print_buf(&b, true);
		} else if (strcmp(format, "csv") == 0 && !arg(a, "out")) {
			supervision ? view_supervision_csv(&sr, &b) : view_assist_csv(&ar_, &b);
			cli_print(&b);
		} else if (strcmp(format, "table") == 0) {
			supervision ? view_supervision_table(&sr, &b) : view_assist_table(&ar_, &b);
			cli_print(&b);
		} else {
			struct sheet_writer *w = sheet_writer_open(arg(a, "out"), strcmp(format, "xlsx") == 0 ? SHEET_XLSX :
			    SHEET_CSV, false, supervision ? (EN ? "supervision" : "督查问责") : (EN ? "assistance" : "帮扶情况"), &e);
			if (!w)
				err = e.err;
			else {
				err = supervision ? view_supervision_sheet(&sr, w, &e) : view_assist_sheet(&ar_, w, &e);
				if (err == ERR_OK)
					err = sheet_writer_close(w, &e);
				else
					sheet_writer_abort(w);
			}
			if (err == ERR_OK)
				printf(EN ? "written: %s\n" : "已写入：%s\n", arg(a, "out"));
		}
	}
	buf_free(&b);
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

/* KIND from a positional argument, limited to the command's group. */
static const struct akind_desc *
kind_arg(const char *s, bool supervision)
{
	const struct akind_desc *d = akind_find(s);
	if (!d || (d->group == AG_SUPERVISE) != supervision) {
		struct buf b;
		buf_init(&b);
		for (int k = 0; k < AK__MAX; k++)
			if ((akinds[k].group == AG_SUPERVISE) == supervision) {
				if (b.n)
					buf_puts(&b, ", ");
				buf_puts(&b, akinds[k].code);
			}
		fprintf(stderr, "tuopin: ");
		fprintf(stderr, msg_text(MSG_AS_KIND_UNKNOWN), s, b.p);
		fputc('\n', stderr);
		buf_free(&b);
		return NULL;
	}
	return d;
}

/* key=value arguments from index first on. */
static int
pairs(struct args *a, int first, struct akv **out, size_t *n, struct arena *ar)
{
	*n = 0;
	*out = arena_alloc(ar, (size_t)(a->n_pos + 1) * sizeof(**out));
	for (int i = first; i < a->n_pos; i++) {
		const char *eq = strchr(a->pos[i], '=');
		if (!eq || eq == a->pos[i])
			return cli_usage(EN ? "expected KEY=VALUE, not \"%s\"" : "应为 字段=值，而不是“%s”", a->pos[i]);
		(*out)[(*n)++] = (struct akv){ arena_strndup(ar, a->pos[i], (size_t)(eq - a->pos[i])), str_from(eq + 1), NULL };
	}
	return 0;
}

static void
print_problems(const struct problems *p)
{
	struct buf b;
	buf_init(&b);
	view_problems_table(p, &b);
	fwrite(b.p, 1, b.n, stderr);
	buf_free(&b);
}

static int
write_record(struct args *a, const struct akind_desc *d, int64_t id)
{
	static const char *const formats[] = { "json", "table" };
	if (!cli_format(a, formats, 2))
		return 2;
	struct arena ar;
	arena_init(&ar);
	struct akv *kv;
	size_t n;
	int rc = pairs(a, id ? 3 : 2, &kv, &n, &ar);
	if (rc) {
		arena_free(&ar);
		return rc;
	}
	struct store *st;
	if ((rc = cli_open(a, &st, false))) {
		arena_free(&ar);
		return rc;
	}
	struct errinfo e;
	errinfo_clear(&e);
	struct problems p;
	problems_init(&p, &ar);
	struct txn t;
	enum err err = txn_begin(&t, st, a->now, cli_actor(), &e);
	struct arec r;
	if (err == ERR_OK) {
		struct actx c = { .t = &t, .st = st, .a = &ar };
		err = id ? arec_update(&c, d->k, id, kv, n, &r, &p, &e) : arec_create(&c, d->k, kv, n, &r, &p, 0, &e);
		if (err == ERR_OK)
			err = txn_commit(&t, &e);
		else
			txn_rollback(&t);
	}
	if (err == ERR_OK) {
		/* read it back, with the names joined */
		arec_get(st, d->k, r.r.v[0].i, &r, &ar, &e);
		struct buf b;
		struct jw w;
		buf_init(&b);
		jw_init(&w, &b);
		view_arec_write(&w, &r, false);
		print_buf(&b, true);
		buf_free(&b);
	} else if (p.n) {
		print_problems(&p);
	}
	store_close(st);
	arena_free(&ar);
	if (err == ERR_OK)
		return 0;
	if (p.n)
		return err_exit_code(err);
	return cli_fail(&e);
}

static int
list_records(struct args *a, const struct akind_desc *d, int64_t id)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	struct arow_filter f = { .id = id };
	if (!cli_date(a, "from", &f.from) || !cli_date(a, "to", &f.to))
		return 2;
	if (arg(a, "limit"))
		f.limit = atoi(arg(a, "limit"));
	if (arg(a, "offset"))
		f.offset = atoi(arg(a, "offset"));
	if (arg(a, "ref"))
		f.ref_id = atoll(arg(a, "ref"));
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	int64_t div = 0;
	if ((rc = division_opt(a, st, &div, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	if (div)
		division_range(div, &f.lo, &f.hi);
	enum err err = ERR_OK;
	if (arg(a, "household")) {
		struct household h;
		if ((err = store_household_by_no(st, arg(a, "household"), &h, &ar, &e)) == ERR_NOTFOUND)
			errinfo_set(&e, ERR_NOTFOUND, "household", MSG_HH_NOT_FOUND, arg(a, "household"));
		f.household_id = h.id;
	}
	bool full = flag(a, "full-id");
	struct arec *v = NULL;
	size_t n = 0;
	int64_t total = 0;
	if (err == ERR_OK)
		err = arec_list(st, d->k, &f, &v, &n, &total, &ar, &e);
	if (err == ERR_OK && id && n == 0) {
		char t[24];
		snprintf(t, sizeof(t), "%lld", (long long)id);
		err = errinfo_set(&e, ERR_NOTFOUND, "id", MSG_AS_RECORD_NOT_FOUND, t, EN ? d->en : d->zh);
	}
	if (err == ERR_OK && full && n)
		err = arec_list_audit_full(st, d, &f, arg(a, "household"), div, n, total, cli_actor(), NULL, &e);
	if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		if (strcmp(format, "json") == 0 || id) {
			if (id) {
				struct jw w;
				jw_init(&w, &b);
				view_arec_write(&w, &v[0], full);
			} else
				view_arecs_write(&b, d, v, n, total, full);
			print_buf(&b, true);
		} else {
			/* the list columns, as text */
			size_t nc = 1;
			for (size_t i = 0; i < d->nf; i++)
				nc += (d->f[i].flags & AFL_LIST) && d->f[i].col ? 1 : 0;
			struct text_table tb;
			table_init(&tb, nc);
			const char **cells = arena_alloc(&ar, nc * sizeof(char *));
			cells[0] = EN ? "no." : "编号";
			for (size_t i = 0, k = 1; i < d->nf; i++)
				if ((d->f[i].flags & AFL_LIST) && d->f[i].col)
					cells[k++] = EN ? d->f[i].en : d->f[i].zh;
			table_row(&tb, cells);
			for (size_t r = 0; r < n; r++) {
				/* each cell from the record's JSON value: one text per field */
				struct buf one;
				struct jw w;
				buf_init(&one);
				jw_init(&w, &one);
				view_arec_write(&w, &v[r], full);
				json_t *j = json_loadb(one.p, one.n, 0, NULL);
				cells[0] = arena_printf(&ar, "%lld", (long long)v[r].r.v[0].i);
				for (size_t i = 0, k = 1; i < d->nf; i++) {
					if (!((d->f[i].flags & AFL_LIST) && d->f[i].col))
						continue;
					json_t *x = json_object_get(j, d->f[i].key);
					const char *s = "";
					if (json_is_string(x))
						s = arena_strdup(&ar, json_string_value(x));
					else if (json_is_integer(x))
						s = arena_printf(&ar, "%lld", (long long)json_integer_value(x));
					else if (json_is_real(x))
						s = arena_printf(&ar, "%.2f", json_real_value(x));
					else if (json_is_true(x))
						s = EN ? "yes" : "是";
					else if (json_is_false(x))
						s = EN ? "no" : "否";
					else if (json_is_object(x)) {
						const char *keys[] = { "label", "name", "hh_no", "code" };
						for (size_t q = 0; q < NELEM(keys) && !*s; q++)
							if (json_is_string(json_object_get(x, keys[q])))
								s = arena_strdup(&ar, json_string_value(json_object_get(x, keys[q])));
					}
					cells[k++] = s;
				}
				table_row(&tb, cells);
				json_decref(j);
				buf_free(&one);
			}
			table_render(&tb, &b);
			table_free(&tb);
			buf_printf(&b, EN ? "%lld in all\n" : "共 %lld 条\n", (long long)total);
			cli_print(&b);
		}
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
import_records(struct args *a)
{
	if (a->n_pos != 3)
		return cli_usage(EN ? "usage: tuopin assistance import KIND FILE" : "用法：tuopin assistance import 类型 文件");
	return cli_import_assist(a, a->pos[1], a->pos[2]);
}

int
cli_import_assist(struct args *a, const char *what, const char *path)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct import_result r;
	memset(&r, 0, sizeof(r));
	problems_init(&r.problems, &ar);
	struct import_opts o = { .path = path, .dry_run = flag(a, "dry-run"), .now = a->now, .actor = cli_actor() };
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = assist_import(st, what, &o, &r, &ar, &e);
	if (err != ERR_OK && err != ERR_INVALID) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	if (strcmp(format, "json") == 0) {
		json_t *j = view_import_json(&r, what);
		cli_print_json(j);
		json_decref(j);
	} else {
		struct buf b;
		buf_init(&b);
		view_import_summary(&r, what, &b);
		if (err == ERR_INVALID)
			fwrite(b.p, 1, b.n, stderr);
		else
			cli_print(&b);
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : 1;
}

static int
households(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	int day;
	if (!cli_date(a, "as-of", &day))
		return 2;
	day = day ? day : date_today();
	enum hh_which which = flag(a, "unassigned") ? HH_UNASSIGNED : flag(a, "overdue") ? HH_OVERDUE : HH_ALL;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	int64_t div = 0;
	if ((rc = division_opt(a, st, &div, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct assist_hh_view *v;
	size_t n;
	enum err err = assist_households(st, day, div, arg(a, "cadre") ? atoll(arg(a, "cadre")) : 0, which, &v, &n, &ar,
	    &e);
	if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		if (strcmp(format, "json") == 0) {
			view_assist_hh_write(&b, v, n, day, (int64_t)n);
			print_buf(&b, true);
		} else {
			view_assist_hh_table(v, n, &b);
			buf_printf(&b, EN ? "%zu households\n" : "共 %zu 户\n", n);
			cli_print(&b);
		}
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
cadres(struct args *a)
{
	int day;
	if (!cli_date(a, "as-of", &day))
		return 2;
	if (!flag(a, "overloaded"))
		return list_records(a, &akinds[AK_CADRE], 0);
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	day = day ? day : date_today();
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	struct assist_settings s;
	enum err err = assist_settings_get(st, &s, &e);
	struct cadre_load *v = NULL;
	size_t n = 0;
	if (err == ERR_OK)
		err = store_cadre_loads(st, day, 0, 999999999999LL, s.cadre_limit, &v, &n, &ar, &e);
	if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		bool json = strcmp(format, "json") == 0;
		if (json)
			view_cadre_loads_write(&b, v, n, s.cadre_limit);
		else
			view_cadre_loads_table(&b, v, n, s.cadre_limit);
		print_buf(&b, json);
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
handbook(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	if (a->n_pos != 2)
		return cli_usage(EN ? "usage: tuopin assistance handbook HH_NO [--card] [--as-of D]"
				    : "用法：tuopin assistance handbook 户编号 [--card] [--as-of 日期]");
	int day;
	if (!cli_date(a, "as-of", &day))
		return 2;
	day = day ? day : date_today();
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	bool full = flag(a, "full-id");
	struct household_view hv;
	struct assist_household h;
	enum err err = household_view_load(st, a->pos[1], day, full, cli_actor(), NULL, &hv, &ar, &e);
	if (err == ERR_OK)
		err = assist_household_load(st, a->pos[1], day, &h, &ar, &e);
	if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		if (strcmp(format, "json") == 0) {
			view_handbook_write(&b, &hv, &h, flag(a, "card"), full);
			print_buf(&b, true);
		} else {
			view_handbook_text(&hv, &h, flag(a, "card"), full, &b);
			cli_print(&b);
		}
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
ledger(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	int day;
	if (!cli_date(a, "as-of", &day))
		return 2;
	int year = arg(a, "year") ? atoi(arg(a, "year")) : 0;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	int64_t div = 0;
	if ((rc = division_opt(a, st, &div, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct asset_ledger l;
	enum err err = asset_ledger_load(st, day, year, div, &l, &ar, &e);
	if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		if (strcmp(format, "json") == 0) {
			view_ledger_write(&b, &l);
			print_buf(&b, true);
		} else {
			view_ledger_table(&l, &b);
			cli_print(&b);
		}
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
settings(struct args *a)
{
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	if (a->n_pos > 1) {
		struct txn t;
		err = txn_begin(&t, st, a->now, cli_actor(), &e);
		for (int i = 1; err == ERR_OK && i < a->n_pos; i++) {
			const char *eq = strchr(a->pos[i], '=');
			char *key = eq ? arena_strndup(&ar, a->pos[i], (size_t)(eq - a->pos[i])) : a->pos[i];
			err = assist_settings_set(&t, key, eq ? eq + 1 : NULL, &e);
		}
		if (err == ERR_OK)
			err = txn_commit(&t, &e);
		else if (a->n_pos > 1)
			txn_rollback(&t);
	}
	struct assist_settings s;
	if (err == ERR_OK)
		err = assist_settings_get(st, &s, &e);
	if (err == ERR_OK)
		printf("visit_days=%d\ncadre_limit=%d\n", s.visit_days, s.cadre_limit);
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
kinds(struct args *a)
{
	(void)a;
	struct buf b;
	buf_init(&b);
	view_akinds_write(&b, NULL);
	print_buf(&b, true);
	buf_free(&b);
	return 0;
}

static int
run(struct args *a, bool supervision)
{
	if (a->n_pos == 0)
		return report(a, supervision);
	const char *sub = a->pos[0];
	if (strcmp(sub, "add") == 0 || strcmp(sub, "list") == 0 || strcmp(sub, "show") == 0 ||
	    strcmp(sub, "update") == 0) {
		if (a->n_pos < 2)
			return cli_usage(EN ? "usage: tuopin %s %s KIND ..." : "用法：tuopin %s %s 类型 …",
			    supervision ? "supervision" : "assistance", sub);
		const struct akind_desc *d = kind_arg(a->pos[1], supervision);
		if (!d)
			return 2;
		int64_t id = 0;
		if (strcmp(sub, "show") == 0 || strcmp(sub, "update") == 0) {
			if (a->n_pos < 3 || (id = atoll(a->pos[2])) <= 0)
				return cli_usage(EN ? "give the record's number" : "请给出记录编号");
		}
		if (strcmp(sub, "add") == 0)
			return write_record(a, d, 0);
		if (strcmp(sub, "update") == 0)
			return write_record(a, d, id);
		return list_records(a, d, id);
	}
	if (strcmp(sub, "import") == 0)
		return import_records(a);
	if (supervision)
		return cli_usage(EN ? "usage: tuopin supervision [add|update|list|show|import] ..."
				    : "用法：tuopin supervision [add|update|list|show|import] …");
	if (strcmp(sub, "households") == 0)
		return households(a);
	if (strcmp(sub, "cadres") == 0)
		return cadres(a);
	if (strcmp(sub, "handbook") == 0)
		return handbook(a);
	if (strcmp(sub, "ledger") == 0)
		return ledger(a);
	if (strcmp(sub, "settings") == 0)
		return settings(a);
	if (strcmp(sub, "kinds") == 0)
		return kinds(a);
	return cli_usage(EN ? "unknown subcommand %s (add, update, list, show, import, households, cadres, handbook, "
			      "ledger, settings, kinds)" : "未知的子命令 %s（add、update、list、show、import、households、"
			      "cadres、handbook、ledger、settings、kinds）", sub);
}

int
cmd_assistance(struct args *a)
{
	return run(a, false);
}

int
cmd_supervision(struct args *a)
{
	return run(a, true);
}
