/* exitcheck.c: the checks a proposal runs (proposal.h): a household's exit (income above the year's line,
 * 两不愁三保障 and safe water from the latest assessment) and a village's exit (poverty incidence). Each line
 * carries its reason in both languages, so a stored result reads in either. Reads only. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/codes.h"
#include "domain/income.h"
#include "domain/monitor.h"
#include "domain/proposal.h"
#include "lib/date.h"
#include "lib/util.h"

static const struct {
	const char *code, *zh, *en;
} labels[] = {
	{ "income", "收入超过扶贫标准", "income above the line" },
	{ "food_clothing", "不愁吃、不愁穿", "food and clothing" },
	{ "education", "义务教育有保障", "compulsory education" },
	{ "medical", "基本医疗有保障", "basic medical care" },
	{ "housing", "住房安全有保障", "safe housing" },
	{ "water", "饮水安全有保障", "safe drinking water" },
	{ "incidence", "贫困发生率", "poverty incidence" },
	{ "income_monitoring", "收入不低于监测标准", "income not below the monitoring line" },
	{ "labour", "劳动能力", "labour capacity" },
	{ "security", "社会保障", "social security" },
};

const char *
check_line_label(const char *code)
{
	for (size_t i = 0; code && i < NELEM(labels); i++)
		if (strcmp(labels[i].code, code) == 0)
			return msg_lang() == LANG_EN ? labels[i].en : labels[i].zh;
	return code ? code : "";
}

/* A line with its reason formatted in both languages (the arguments are read twice). */
static void
line(struct checklist *r, struct arena *a, const char *code, bool pass, enum msg id, ...)
{
	struct check_line *l = &r->lines[r->n++];
	char buf[512];
	va_list ap;
	l->code = code;
	l->pass = pass;
	va_start(ap, id);
	vsnprintf(buf, sizeof(buf), msg_text_in(id, LANG_ZH), ap);
	va_end(ap);
	l->reason = arena_strdup(a, buf);
	va_start(ap, id);
	vsnprintf(buf, sizeof(buf), msg_text_in(id, LANG_EN), ap);
	va_end(ap);
	l->reason_en = arena_strdup(a, buf);
	if (!pass)
		r->pass = false;
}

static const char *const item_zh[] = { "工资性", "生产经营性", "财产性", "转移性" };
static const char *const item_en[] = { "wage", "business", "property", "transfer" };

enum err
exit_check(struct store *st, const struct household *h, int date, int year, struct checklist *r, struct arena *a,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	r->pass = true;
	r->date = date;
	r->year = year;
	char d[11];
	date_format(date, d);
	/* income of the year against the year's line */
	struct income *incs;
	size_t ni;
	enum err rc = store_income_of_household(st, h->id, &incs, &ni, a, e);
	if (rc != ERR_OK)
		return rc;
	const struct income *in = NULL;
	for (size_t i = 0; i < ni; i++)
		if (incs[i].year == year)
			in = &incs[i];
	int64_t line_fen = 0;
	int found_year = 0;
	bool prov = false;
	rc = income_line(st, year, h->village, "national", &line_fen, &found_year, &prov, e);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	bool have_line = rc == ERR_OK && found_year == year;
	struct member *ms;
	size_t nm;
	if ((rc = store_members_at(st, h->id, date, &ms, &nm, a, e)) != ERR_OK)
		return rc;
	if (!have_line)
		line(r, a, "income", false, MSG_CHK_NO_LINE, year);
	else if (!in)
		line(r, a, "income", false, MSG_CHK_INCOME_NONE, year);
	else {
		unsigned items = settings_exit_income_items(st);
		int64_t comp[4] = { in->wage, in->business, in->property, in->transfer };
		bool any = false;
		for (int i = 0; i < 4; i++)
			any |= comp[i] >= 0;
		int64_t pc;
		char note_zh[160], note_en[160];
		if (!any) {
			/* only the per-capita figure of the registry sheet: the items cannot be told apart */
			pc = in->net_pc;
			snprintf(note_zh, sizeof(note_zh), "%s", msg_text_in(MSG_CHK_INCOME_AS_REPORTED, LANG_ZH));
			snprintf(note_en, sizeof(note_en), "%s", msg_text_in(MSG_CHK_INCOME_AS_REPORTED, LANG_EN));
		} else {
			int64_t total = 0;
			char lz[80] = "", le[80] = "";
			size_t kz = 0, ke = 0;
			for (int i = 0; i < 4; i++) {
				if (!(items & (1u << i)))
					continue;
				if (comp[i] > 0)
					total += comp[i];
				kz += (size_t)snprintf(lz + kz, sizeof(lz) - kz, "%s%s", kz ? "、" : "", item_zh[i]);
				ke += (size_t)snprintf(le + ke, sizeof(le) - ke, "%s%s", ke ? ", " : "", item_en[i]);
			}
			if (in->business_cost > 0)
				total -= in->business_cost;
			int size = in->size > 0 ? in->size : (int)nm;
			if (size < 1)
				size = 1;
			pc = div_round(total, size);
			snprintf(note_zh, sizeof(note_zh), msg_text_in(MSG_CHK_INCOME_ITEMS, LANG_ZH), lz, size);
			snprintf(note_en, sizeof(note_en), msg_text_in(MSG_CHK_INCOME_ITEMS, LANG_EN), le, size);
		}
		char yi[32], yl[32];
		format_fen(pc, yi, sizeof(yi));
		format_fen(line_fen, yl, sizeof(yl));
		bool ok = pc > line_fen;
		/* the note differs by language: format each side with its own */
		struct check_line *l = &r->lines[r->n++];
		char buf[512];
		l->code = "income";
		l->pass = ok;
		snprintf(buf, sizeof(buf), msg_text_in(ok ? MSG_CHK_INCOME_OK : MSG_CHK_INCOME_LOW, LANG_ZH), year, yi, yl,
		    note_zh);
		l->reason = arena_strdup(a, buf);
		snprintf(buf, sizeof(buf), msg_text_in(ok ? MSG_CHK_INCOME_OK : MSG_CHK_INCOME_LOW, LANG_EN), year, yi, yl,
		    note_en);
		l->reason_en = arena_strdup(a, buf);
		if (!ok)
			r->pass = false;
	}
	/* the latest assessment on or before the date */
	struct assessment *as;
	size_t na;
	if ((rc = store_assessments(st, h->id, &as, &na, a, e)) != ERR_OK)
		return rc;
	const struct assessment *x = NULL;
	for (size_t i = 0; i < na && !x; i++)
		if (as[i].day <= date)
			x = &as[i];
	static const char *const codes[] = { "food_clothing", "education", "medical", "housing", "water" };
	if (!x) {
		for (size_t i = 0; i < NELEM(codes); i++)
			line(r, a, codes[i], false, MSG_CHK_NO_ASSESSMENT, d);
		return ERR_OK;
	}
	char ad[11];
	date_format(x->day, ad);
	const char *who = x->assessor;
	/* food and clothing together */
	if (x->food < 0 || x->clothing < 0)
		line(r, a, "food_clothing", false, MSG_CHK_NOT_ASSESSED, ad);
	else
		line(r, a, "food_clothing", x->food == 1 && x->clothing == 1,
		    x->food == 1 && x->clothing == 1 ? MSG_CHK_YES : MSG_CHK_NO, ad, who, "");
	/* education: with the children of compulsory-school age */
	if (x->education < 0)
		line(r, a, "education", false, MSG_CHK_NOT_ASSESSED, ad);
	else
		line(r, a, "education", x->education == 1, x->education == 1 ? MSG_CHK_YES : MSG_CHK_NO, ad, who, "");
	/* medical: the assessment and the registry's insurance flags of every present member */
	int insured = 0;
	for (size_t i = 0; i < nm; i++)
		insured += ms[i].ins_medical == 1;
	if (x->medical < 0)
		line(r, a, "medical", false, MSG_CHK_NOT_ASSESSED, ad);
	else {
		bool ok = x->medical == 1 && insured == (int)nm;
		struct check_line *l = &r->lines[r->n++];
		char buf[512], tail[128];
		l->code = "medical";
		l->pass = ok;
		snprintf(tail, sizeof(tail), msg_text_in(MSG_CHK_INSURED, LANG_ZH), (int)nm, insured);
		snprintf(buf, sizeof(buf), msg_text_in(x->medical == 1 ? MSG_CHK_YES : MSG_CHK_NO, LANG_ZH), ad, who, tail);
		l->reason = arena_strdup(a, buf);
		snprintf(tail, sizeof(tail), msg_text_in(MSG_CHK_INSURED, LANG_EN), (int)nm, insured);
		snprintf(buf, sizeof(buf), msg_text_in(x->medical == 1 ? MSG_CHK_YES : MSG_CHK_NO, LANG_EN), ad, who, tail);
		l->reason_en = arena_strdup(a, buf);
		if (!ok)
			r->pass = false;
	}
	/* housing: A or B, or relocated */
	if (!x->housing)
		line(r, a, "housing", false, MSG_CHK_NOT_ASSESSED, ad);
	else {
		bool ok = strcmp(x->housing, "A") == 0 || strcmp(x->housing, "B") == 0 ||
		    strcmp(x->housing, "relocated") == 0;
		struct check_line *l = &r->lines[r->n++];
		char buf[512];
		enum lang keep = msg_lang();
		l->code = "housing";
		l->pass = ok;
		msg_set_lang(LANG_ZH);
		snprintf(buf, sizeof(buf), msg_text_in(MSG_CHK_HOUSING, LANG_ZH), ad, who, assessment_housing_label(x->housing));
		l->reason = arena_strdup(a, buf);
		msg_set_lang(LANG_EN);
		snprintf(buf, sizeof(buf), msg_text_in(MSG_CHK_HOUSING, LANG_EN), ad, who, assessment_housing_label(x->housing));
		l->reason_en = arena_strdup(a, buf);
		msg_set_lang(keep);
		if (!ok)
			r->pass = false;
	}
	if (x->water < 0)
		line(r, a, "water", false, MSG_CHK_NOT_ASSESSED, ad);
	else
		line(r, a, "water", x->water == 1, x->water == 1 ? MSG_CHK_YES : MSG_CHK_NO, ad, who, "");
	return ERR_OK;
}

/* The social security in place on date: the household's programmes (低保, 低保边缘, 特困) and the members'
 * 是否享受低保 / 是否特困供养 flags, as labels joined by "、" into buf; false if none. */
static bool
security_in_place(struct store *st, const struct household *h, const struct member *ms, size_t nm, int date,
    char *buf, size_t size, struct arena *a)
{
	bool kinds[3] = { false, false, false };
	static const char *const codes[3] = { "dibao", "dibao_edge", "tekun" };
	struct programme *ps;
	size_t np;
	if (store_programmes_of_household(st, h->id, &ps, &np, a, NULL) == ERR_OK)
		for (size_t i = 0; i < np; i++)
			for (int k = 0; k < 3; k++)
				if (ps[i].valid_from <= date && date < ps[i].valid_to && strcmp(ps[i].kind, codes[k]) == 0)
					kinds[k] = true;
	for (size_t i = 0; i < nm; i++) {
		kinds[0] |= ms[i].dibao == 1;
		kinds[2] |= ms[i].tekun == 1;
	}
	size_t k = 0;
	buf[0] = '\0';
	for (int i = 0; i < 3; i++)
		if (kinds[i])
			k += (size_t)snprintf(buf + k, k < size ? size - k : 0, "%s%s", k ? "、" : "", code_label(CL_PROGRAMME,
			    codes[i]));
	return k > 0;
}

enum err
eliminate_check(struct store *st, const struct household *h, int date, struct checklist *r, struct arena *a,
    struct errinfo *e)
{
	/* 两不愁三保障 and water as the exit check has them; its first line (the national line) gives way to the
	 * monitoring line */
	enum err rc = exit_check(st, h, date, date / 10000, r, a, e);
	if (rc != ERR_OK)
		return rc;
	struct income *incs;
	size_t ni;
	if ((rc = store_income_of_household(st, h->id, &incs, &ni, a, e)) != ERR_OK)
		return rc;
	const struct income *in = NULL;
	for (size_t i = 0; i < ni; i++)
		if (incs[i].year <= date / 10000 && (!in || incs[i].year > in->year))
			in = &incs[i];
	struct member *ms;
	size_t nm;
	if ((rc = store_members_at(st, h->id, date, &ms, &nm, a, e)) != ERR_OK)
		return rc;
	struct checklist x = *r;
	r->n = 0;
	r->pass = true;
	int year = in ? in->year : date / 10000;
	r->year = year;
	int64_t line_fen = 0;
	int found = 0;
	bool prov = false;
	rc = in ? income_line(st, year, h->village, "monitoring", &line_fen, &found, &prov, e) : ERR_NOTFOUND;
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	errinfo_clear(e);
	if (!in)
		line(r, a, "income_monitoring", false, MSG_CHK_MON_NO_INCOME, date / 10000);
	else if (rc == ERR_NOTFOUND) {
		/* the latest survey older than the first monitoring line: the income of the monitoring era is missing,
		 * not the line */
		int first = 0;
		for (int y = year + 1; y <= date / 10000 && !first; y++) {
			int64_t l2;
			int f2 = 0;
			bool p2;
			if (income_line(st, y, h->village, "monitoring", &l2, &f2, &p2, NULL) == ERR_OK)
				first = f2;
		}
		if (first)
			line(r, a, "income_monitoring", false, MSG_CHK_MON_INCOME_OLD, first, year);
		else
			line(r, a, "income_monitoring", false, MSG_CHK_NO_MON_LINE, year);
	}
	else {
		int64_t pc = in->net_pc;
		if (pc < 0 && !income_net_pc(in, in->size > 0 ? in->size : (int)(nm ? nm : 1), &pc))
			pc = 0;
		char yi[32], yl[32];
		format_fen(pc, yi, sizeof(yi));
		format_fen(line_fen, yl, sizeof(yl));
		/* the monitoring range is below the line: at the line the household is out of it */
		bool ok = pc >= line_fen;
		line(r, a, "income_monitoring", ok, ok ? MSG_CHK_MON_INCOME_OK : MSG_CHK_MON_INCOME_LOW, year, yi, found, yl,
		    "");
	}
	r->lines[r->n - 1].hard = true;
	for (size_t i = 1; i < x.n && r->n < NELEM(r->lines) - 2; i++) {
		r->lines[r->n++] = x.lines[i];
		if (!x.lines[i].pass)
			r->pass = false;
	}
	int labour = 0;
	for (size_t i = 0; i < nm; i++)
		labour += ms[i].labor && (strcmp(ms[i].labor, "01") == 0 || strcmp(ms[i].labor, "02") == 0 ||
		    strcmp(ms[i].labor, "05") == 0);
	if (labour > 0)
		line(r, a, "labour", true, MSG_CHK_LABOUR, labour);
	else {
		r->keep_monitoring = true;
		line(r, a, "labour", true, MSG_CHK_NO_LABOUR);
		char sec[96];
		bool have = security_in_place(st, h, ms, nm, date, sec, sizeof(sec), a);
		if (have)
			line(r, a, "security", true, MSG_CHK_SECURITY, sec);
		else
			line(r, a, "security", false, MSG_CHK_NO_SECURITY);
	}
	return ERR_OK;
}

bool
household_has_labour(const struct member *ms, size_t nm)
{
	for (size_t i = 0; i < nm; i++)
		if (ms[i].labor && (strcmp(ms[i].labor, "01") == 0 || strcmp(ms[i].labor, "02") == 0 ||
		    strcmp(ms[i].labor, "05") == 0))
			return true;
	return false;
}

enum err
village_check(struct store *st, int64_t village, int date, struct checklist *r, struct arena *a,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	r->pass = true;
	r->date = date;
	r->year = date / 10000;
	struct division v;
	enum err rc = store_division_get(st, village, &v, a, e);
	if (rc != ERR_OK)
		return rc;
	if (v.rural_pop <= 0) {
		line(r, a, "incidence", false, MSG_CHK_NO_RURAL_POP, v.name);
		return ERR_OK;
	}
	struct stat_cell *cells;
	size_t nc;
	if ((rc = store_stats(st, date, 0, village, village, &cells, &nc, a, e)) != ERR_OK)
		return rc;
	int64_t poor = 0;
	for (size_t i = 0; i < nc; i++)
		if (cells[i].village == village && (cells[i].status == ST_POOR || cells[i].status == ST_RETURNED))
			poor += cells[i].persons;
	int thr = settings_village_threshold(st);   /* hundredths of a percent */
	/* incidence in hundredths of a percent, rounded half up, for the reason; the test is exact */
	int64_t inc = div_round(poor * 10000, v.rural_pop);
	char si[32], st_[32];
	snprintf(si, sizeof(si), "%lld.%02lld", (long long)(inc / 100), (long long)(inc % 100));
	snprintf(st_, sizeof(st_), "%d.%02d", thr / 100, thr % 100);
	bool ok = poor * 10000 < (int64_t)thr * v.rural_pop;
	line(r, a, "incidence", ok, MSG_CHK_INCIDENCE, v.name, (long long)poor, (long long)v.rural_pop, si, st_);
	return ERR_OK;
}

char *
checklist_json(const struct checklist *r)
{
	char d[11];
	json_t *lines = json_array();
	for (size_t i = 0; i < r->n; i++) {
		json_t *l = json_pack("{s:s, s:b, s:s, s:s}", "code", r->lines[i].code, "pass", r->lines[i].pass, "reason",
		    r->lines[i].reason, "reason_en", r->lines[i].reason_en);
		if (r->lines[i].hard)
			json_object_set_new(l, "hard", json_true());
		json_array_append_new(lines, l);
	}
	json_t *j = json_pack("{s:b, s:s, s:i, s:o}", "pass", r->pass, "date", date_format(r->date, d), "year", r->year,
	    "lines", lines);
	if (r->keep_monitoring)
		json_object_set_new(j, "keep_monitoring", json_true());
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}
