/* monitor.c: 防返贫动态监测 (see monitor.h): the monitoring line, the checks of monitor_in and risk_eliminate
 * requests, what their approval writes, programme memberships, and the monitoring list and figures as of a day.
 * Every check comes before the first write. */
#include "domain/monitor.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/codes.h"
#include "domain/fields.h"
#include "domain/registry.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"

static bool
exited(enum status s)
{
	return s == ST_EXITED_SUPPORTED || s == ST_EXITED_UNSUPPORTED;
}

/* "unstable 脱贫不稳定户, marginal ..." for messages. */
static const char *
choices(enum codelist cl, char *buf, size_t size)
{
	const struct code_list *l = codes_list(cl);
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < l->n && k < size; i++)
		k += (size_t)snprintf(buf + k, size - k, "%s%s %s", i ? (msg_lang() == LANG_EN ? ", " : "、") : "",
		    l->codes[i].code, code_label(cl, l->codes[i].code));
	return buf;
}

/* A line stored with its audit row (action): the year from first_year on, an amount up to the largest. */
static enum err
line_write(struct txn *t, int year, int first_year, const char *region, const char *kind, int64_t amount,
    const char *note, const char *action, struct errinfo *e)
{
	char y[16];
	snprintf(y, sizeof(y), "%d", year);
	if (year < first_year || year > 2100)
		return errinfo_set(e, ERR_INVALID, "year", MSG_BAD_YEAR, y);
	if (amount <= 0 || amount > MONEY_MAX_FEN) {
		char s[32];
		format_fen(amount, s, sizeof(s));
		return errinfo_set(e, ERR_INVALID, "amount", amount > 0 ? MSG_MONEY_CAP : MSG_BAD_MONEY, s);
	}
	enum err rc = store_poverty_line_set(t->st, year, region, kind, amount, note, e);
	if (rc != ERR_OK)
		return rc;
	char yuan[32];
	json_t *j = json_pack("{s:i, s:s, s:s, s:s}", "year", year, "region", region, "kind", kind, "amount",
	    format_fen(amount, yuan, sizeof(yuan)));
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	rc = txn_audit(t, action, y, detail, e);
	free(detail);
	return rc;
}

static bool
province_code(const char *r)
{
	return r && strlen(r) == 2 && r[0] >= '1' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9';
}

const char *
line_kind_label(const char *kind)
{
	bool en = msg_lang() == LANG_EN;
	if (kind && strcmp(kind, "national") == 0)
		return en ? "national poverty line" : "国家扶贫标准";
	if (kind && strcmp(kind, "provincial") == 0)
		return en ? "provincial poverty line" : "省定扶贫标准";
	if (kind && strcmp(kind, "monitoring") == 0)
		return en ? "monitoring line" : "防返贫监测标准";
	return kind ? kind : "";
}

enum err
poverty_line_set(struct txn *t, int year, const char *region, const char *kind, int64_t amount, const char *note,
    struct errinfo *e)
{
	/* the lines the rules read (income_line): the nation's under CN, a province's own under its code, the
	 * monitoring line under either; any other pair would be stored and never read */
	bool en = msg_lang() == LANG_EN;
	const char *rg = region ? region : "";
	if (!kind || (strcmp(kind, "national") != 0 && strcmp(kind, "provincial") != 0 && strcmp(kind, "monitoring") != 0))
		return errinfo_set(e, ERR_INVALID, "kind", MSG_LINE_KIND, kind ? kind : "");
	if (strcmp(kind, "national") == 0 && strcmp(rg, "CN") != 0)
		return errinfo_set(e, ERR_INVALID, "region", MSG_LINE_REGION, rg, line_kind_label(kind),
		    en ? "CN (the nation)" : "CN（全国）");
	if (strcmp(kind, "provincial") == 0 && !province_code(rg))
		return errinfo_set(e, ERR_INVALID, "region", MSG_LINE_REGION, rg, line_kind_label(kind),
		    en ? "a 2-digit province code such as 37 (Shandong)" : "两位省级代码，如 37（山东省）");
	if (strcmp(kind, "monitoring") == 0 && strcmp(rg, "CN") != 0 && !province_code(rg))
		return errinfo_set(e, ERR_INVALID, "region", MSG_LINE_REGION, rg, line_kind_label(kind),
		    en ? "CN or a 2-digit province code" : "CN 或两位省级代码");
	return line_write(t, year, 1980, region, kind, amount, note, "line.set", e);
}

enum err
monitor_line_set(struct txn *t, int year, const char *region, int64_t amount, const char *note, struct errinfo *e)
{
	const char *rg = region && *region ? region : "CN";
	if (strcmp(rg, "CN") != 0 && !province_code(rg))
		return errinfo_set(e, ERR_INVALID, "region", MSG_BAD_PARAM, "region", rg);
	return line_write(t, year, 2000, rg, "monitoring", amount, note, "monitor.line", e);
}

const char *
monitor_channel_code(const char *s)
{
	const struct code *c = s && *s ? code_find(CL_MON_CHANNEL, str_from(s)) : NULL;
	return c ? c->code : NULL;
}

enum err
monitor_risk_item(const char *item, struct errinfo *e)
{
	char list[400];
	if (!code_find(CL_MON_RISK, str_from(item)))
		return errinfo_set(e, ERR_INVALID, "risks", MSG_MON_RISK, item, choices(CL_MON_RISK, list, sizeof(list)));
	return ERR_OK;
}

enum err
monitor_in_validate(const struct household *h, const char *type, const char *risks, char **payload, struct errinfo *e)
{
	char list[400];
	*payload = NULL;
	if (!exited(h->status) && h->status != ST_ORDINARY)
		return errinfo_set(e, ERR_CONFLICT, "household", MSG_MON_NOT_OBJECT, h->hh_no, status_label(h->status));
	if (h->monitored)
		return errinfo_set(e, ERR_CONFLICT, "type", MSG_MONITORED);
	if (!type || !*type)
		return errinfo_set(e, ERR_INVALID, "monitor_type", MSG_MON_TYPE_REQUIRED, choices(CL_MON_TYPE, list, sizeof(list)));
	const struct code *ty = code_find(CL_MON_TYPE, str_from(type));
	if (!ty)
		return errinfo_set(e, ERR_INVALID, "monitor_type", MSG_MON_TYPE, type, choices(CL_MON_TYPE, list, sizeof(list)));
	bool en = msg_lang() == LANG_EN;
	if (strcmp(ty->code, "unstable") == 0 && !exited(h->status))
		return errinfo_set(e, ERR_INVALID, "monitor_type", MSG_MON_TYPE_FIT, h->hh_no, status_label(h->status),
		    code_label(CL_MON_TYPE, ty->code), en ? "only a former poor household (exited) is unstable" :
		    "脱贫不稳定户须为脱贫户（已脱贫）");
	if (strcmp(ty->code, "marginal") == 0 && h->status != ST_ORDINARY)
		return errinfo_set(e, ERR_INVALID, "monitor_type", MSG_MON_TYPE_FIT, h->hh_no, status_label(h->status),
		    code_label(CL_MON_TYPE, ty->code), en ? "only an ordinary household is marginal" :
		    "边缘易致贫户须为一般农户");
	/* risks: codes or labels separated by , ， 、 or spaces */
	const char *codes[8];
	int n = 0;
	const char *p = risks ? risks : "";
	while (*p) {
		size_t skip = 0;
		if (*p == ',' || *p == ' ' || *p == ';')
			skip = 1;
		else if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0 || strncmp(p, "；", 3) == 0)
			skip = 3;
		if (skip) {
			p += skip;
			continue;
		}
		const char *q = p;
		while (*q && *q != ',' && *q != ' ' && *q != ';' && strncmp(q, "，", 3) != 0 && strncmp(q, "、", 3) != 0 &&
		    strncmp(q, "；", 3) != 0)
			q++;
		char item[96];
		snprintf(item, sizeof(item), "%.*s", (int)(q - p), p);
		p = q;
		const struct code *c = code_find(CL_MON_RISK, str_from(item));
		if (!c)
			return errinfo_set(e, ERR_INVALID, "risks", MSG_MON_RISK, item, choices(CL_MON_RISK, list, sizeof(list)));
		for (int i = 0; i < n && i < 8; i++)
			if (strcmp(codes[i], c->code) == 0)
				return errinfo_set(e, ERR_INVALID, "risks", MSG_MON_RISK_DUP, code_label(CL_MON_RISK, c->code));
		if (n < 8)
			codes[n] = c->code;
		n++;
	}
	if (n == 0)
		return errinfo_set(e, ERR_INVALID, "risks", MSG_MON_RISK_REQUIRED);
	if (n > 5)
		return errinfo_set(e, ERR_INVALID, "risks", MSG_MON_RISK_COUNT, n);
	json_t *arr = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(arr, json_string(codes[i]));
	json_t *j = json_pack("{s:s, s:o}", "monitor_type", ty->code, "risks", arr);
	*payload = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return ERR_OK;
}

enum err
monitor_eliminate_validate(const struct household *h, const char *way, char **payload, struct errinfo *e)
{
	char list[200];
	*payload = NULL;
	if (!h->monitored)
		return errinfo_set(e, ERR_CONFLICT, "type", MSG_NOT_MONITORED);
	if (!way || !*way)
		return errinfo_set(e, ERR_INVALID, "way", MSG_MON_WAY_REQUIRED, choices(CL_MON_WAY, list, sizeof(list)));
	const struct code *c = code_find(CL_MON_WAY, str_from(way));
	if (!c)
		return errinfo_set(e, ERR_INVALID, "way", MSG_MON_WAY, way, choices(CL_MON_WAY, list, sizeof(list)));
	json_t *j = json_pack("{s:s}", "way", c->code);
	*payload = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return ERR_OK;
}

/* ---- effects ---- */

enum err
monitor_effect_in(struct txn *t, const struct household *h, const struct proposal *p, int effective, int64_t *event_id,
    struct errinfo *e)
{
	json_t *j = json_loads(p->payload ? p->payload : "{}", 0, NULL);
	struct buf risks;
	buf_init(&risks);
	json_t *arr = json_object_get(j, "risks");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		if (i)
			buf_puts(&risks, ",");
		buf_puts(&risks, json_string_value(json_array_get(arr, i)));
	}
	buf_putc(&risks, '\0');
	struct monitor_case mc = { 0 };
	mc.type = (char *)json_string_value(json_object_get(j, "monitor_type"));
	mc.risks = risks.p;
	mc.channel = p->channel;
	mc.discovered = p->opened;
	mc.open_proposal_id = p->id;
	struct event_req q = { .type = EV_MONITOR_IN, .hh_no = h->hh_no, .effective = effective, .reason = p->reason,
		.batch = p->batch, .mcase = &mc };
	struct event ev;
	enum err rc = event_record(t, &q, &ev, e);
	if (rc == ERR_OK)
		*event_id = ev.id;
	buf_free(&risks);
	json_decref(j);
	return rc;
}

/* The social security in place on day as programme codes ("dibao,tekun"); "" if none. */
static void
security_codes(struct store *st, const struct household *h, const struct member *ms, size_t nm, int day, char *buf,
    size_t size, struct arena *a)
{
	static const char *const codes[3] = { "dibao", "dibao_edge", "tekun" };
	bool k[3] = { false, false, false };
	struct programme *ps;
	size_t np;
	if (store_programmes_of_household(st, h->id, &ps, &np, a, NULL) == ERR_OK)
		for (size_t i = 0; i < np; i++)
			for (int c = 0; c < 3; c++)
				if (ps[i].valid_from <= day && day < ps[i].valid_to && strcmp(ps[i].kind, codes[c]) == 0)
					k[c] = true;
	for (size_t i = 0; i < nm; i++) {
		k[0] |= ms[i].dibao == 1;
		k[2] |= ms[i].tekun == 1;
	}
	size_t n = 0;
	buf[0] = '\0';
	for (int c = 0; c < 3; c++)
		if (k[c])
			n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? "," : "", codes[c]);
}

enum err
monitor_effect_eliminate(struct txn *t, const struct household *h, const struct proposal *p, int effective,
    int64_t *event_id, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	json_t *j = json_loads(p->payload ? p->payload : "{}", 0, NULL);
	struct member *ms;
	size_t nm;
	enum err rc = store_members_at(t->st, h->id, effective, &ms, &nm, &a, e);
	*event_id = 0;
	if (rc != ERR_OK)
		goto out;
	if (!household_has_labour(ms, nm)) {
		/* 无劳动能力户: 落实社会保障后暂不标注风险消除 — the case stays open with its security recorded */
		struct monitor_case mc;
		if ((rc = store_case_open(t->st, h->id, &mc, &a, e)) != ERR_OK) {
			if (rc == ERR_NOTFOUND)
				rc = errinfo_set(e, ERR_CONFLICT, "type", MSG_NOT_MONITORED);
			goto out;
		}
		char sec[64], d[11];
		security_codes(t->st, h, ms, nm, effective, sec, sizeof(sec), &a);
		if ((rc = store_case_security(t->st, mc.id, effective, sec, t->now, e)) != ERR_OK)
			goto out;
		json_t *x = json_pack("{s:I, s:s, s:s, s:I}", "case", (json_int_t)mc.id, "day", date_format(effective, d),
		    "security", sec, "proposal", (json_int_t)p->id);
		char *detail = json_dumps(x, JSON_COMPACT);
		json_decref(x);
		rc = txn_audit(t, "monitor.hold", h->hh_no, detail, e);
		free(detail);
		goto out;
	}
	struct monitor_case mc = { 0 };
	mc.way = (char *)json_string_value(json_object_get(j, "way"));
	mc.close_proposal_id = p->id;
	struct event_req q = { .type = EV_RISK_ELIMINATE, .hh_no = h->hh_no, .effective = effective, .reason = p->reason,
		.batch = p->batch, .mcase = &mc };
	struct event ev;
	rc = event_record(t, &q, &ev, e);
	if (rc == ERR_OK)
		*event_id = ev.id;
out:
	json_decref(j);
	arena_free(&a);
	return rc;
}

/* ---- programmes ---- */

enum err
programme_add(struct txn *t, const struct programme_req *r, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	enum err rc;
	char list[200], d1[11], d2[11];
	const struct code *k = r->kind && *r->kind ? code_find(CL_PROGRAMME, str_from(r->kind)) : NULL;
	if (!k) {
		rc = errinfo_set(e, ERR_INVALID, "programme", MSG_PROGRAMME_KIND, r->kind ? r->kind : "",
		    choices(CL_PROGRAMME, list, sizeof(list)));
		goto out;
	}
	if (!date_valid(r->from)) {
		rc = errinfo_set(e, ERR_INVALID, "from", MSG_REQUIRED);
		goto out;
	}
	/* not before 1980 (a 低保 approved now may start next month: a day ahead is allowed) */
	if ((rc = record_day(r->from, 0, "from", MSG_DATE_TOO_EARLY, e)) != ERR_OK)
		goto out;
	int to = r->to ? r->to : DATE_INF;
	if (to != DATE_INF && (!date_valid(to) || to <= r->from)) {
		rc = errinfo_set(e, ERR_INVALID, "to", MSG_PROGRAMME_DATES, date_format(to, d1), date_format(r->from, d2));
		goto out;
	}
	const char *hh_no = r->hh_no;
	if ((!hh_no || !*hh_no) && r->id_no && *r->id_no) {
		char *where;
		int64_t mid;
		rc = store_idno_current_household(t->st, r->id_no, r->from, &where, &mid, &a, e);
		if (rc == ERR_NOTFOUND)
			rc = store_idno_current_household(t->st, r->id_no, t->today, &where, &mid, &a, e);
		if (rc == ERR_NOTFOUND) {
			rc = errinfo_set(e, ERR_NOTFOUND, "id_no", MSG_PROGRAMME_WHO, r->id_no);
			goto out;
		}
		if (rc != ERR_OK)
			goto out;
		hh_no = where;
	}
	if (!hh_no || !*hh_no) {
		rc = errinfo_set(e, ERR_INVALID, "household", MSG_HOUSEHOLD_REQUIRED);
		goto out;
	}
	struct household h;
	if ((rc = store_household_by_no(t->st, hh_no, &h, &a, e)) != ERR_OK)
		goto out;
	/* the same programme twice for one household over one day is a double entry, not two programmes */
	struct programme *have;
	size_t nh;
	if ((rc = store_programmes_of_household(t->st, h.id, &have, &nh, &a, e)) != ERR_OK)
		goto out;
	for (size_t i = 0; i < nh; i++)
		if (strcmp(have[i].kind, k->code) == 0 && have[i].valid_from < to && r->from < have[i].valid_to) {
			rc = errinfo_set(e, ERR_CONFLICT, "from", MSG_PROGRAMME_OVERLAP, h.hh_no, code_label(CL_PROGRAMME, k->code),
			    date_format(have[i].valid_from, d1), have[i].valid_to == DATE_INF ? (msg_lang() == LANG_EN ? "now" : "今")
			    : date_format(have[i].valid_to, d2));
			goto out;
		}
	struct programme p = { .household_id = h.id, .kind = (char *)k->code, .valid_from = r->from, .valid_to = to,
		.source = (char *)(r->source && *r->source ? r->source : "form"), .recorded_at = t->now,
		.actor = (char *)t->actor };
	if ((rc = store_programme_insert(t->st, &p, e)) != ERR_OK)
		goto out;
	json_t *j = json_pack("{s:s, s:s, s:s, s:s}", "programme", k->code, "from", date_format(r->from, d1), "to",
	    to == DATE_INF ? "" : date_format(to, d2), "source", p.source);
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	rc = txn_audit(t, "programme.add", h.hh_no, detail, e);
	free(detail);
out:
	arena_free(&a);
	return rc;
}

enum err
programme_list(struct store *st, const char *hh_no, struct programme **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	struct household h;
	enum err rc = store_household_by_no(st, hh_no, &h, a, e);
	if (rc != ERR_OK)
		return rc;
	return store_programmes_of_household(st, h.id, out, n, a, e);
}

enum err
monitor_cases(struct store *st, const char *hh_no, struct monitor_case **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	struct household h;
	enum err rc = store_household_by_no(st, hh_no, &h, a, e);
	if (rc != ERR_OK)
		return rc;
	return store_cases_of_household(st, h.id, out, n, a, e);
}

/* ---- the list and the figures ---- */

static const char *
div_name(struct store *st, int64_t code, struct arena *a)
{
	struct division d;
	return store_division_get(st, code, &d, a, NULL) == ERR_OK ? d.name : NULL;
}

/* Whether the comma-separated list holds code exactly. */
static bool
csv_has(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *s = list; s && *s;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		if (len == n && memcmp(s, code, n) == 0)
			return true;
		s = end ? end + 1 : s + len;
	}
	return false;
}

/* The first of ps[0..n) (sorted by household) of household hh: where its run starts, or where it would. */
static size_t
programmes_first(const struct programme *ps, size_t n, int64_t hh)
{
	return lower_bound_i64(ps, n, sizeof(*ps), offsetof(struct programme, household_id), hh);
}

enum err
monitor_list(struct store *st, const struct monitor_query *q, struct monitor_row **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	int day = q->day ? q->day : date_today();
	int64_t lo = 0, hi = 999999999999LL;
	if (q->division)
		division_range(q->division, &lo, &hi);
	struct monitor_case *cs;
	size_t nc;
	enum err rc = store_cases_in(st, day, lo, hi, &cs, &nc, a, e);
	if (rc != ERR_OK)
		return rc;
	struct programme *ps;
	size_t np;
	if ((rc = store_programmes_in(st, day, lo, hi, &ps, &np, a, e)) != ERR_OK)
		return rc;
	struct monitor_row *v = arena_alloc(a, (nc + 1) * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < nc; i++) {
		/* the rows come by village, household, seq: the household's last row is its latest case */
		int count = 1;
		while (i + 1 < nc && cs[i + 1].household_id == cs[i].household_id) {
			i++;
			count++;
		}
		struct monitor_row r;
		memset(&r, 0, sizeof(r));
		r.c = cs[i];
		r.n_cases = count;
		r.monitored = !r.c.eliminated || r.c.eliminated > day;
		if (r.monitored) {
			/* an elimination recorded after the day does not count yet */
			r.c.eliminated = 0;
			r.c.way = NULL;
		}
		r.held = r.monitored && r.c.security_day && r.c.security_day <= day;
		/* the household's memberships: the programmes come by household, so theirs are a run found by
		 * bisection (a scan of all of them per household was some 10^5 × 10^5 over a province) */
		size_t p0 = programmes_first(ps, np, r.c.household_id), p1 = p0;
		while (p1 < np && ps[p1].household_id == r.c.household_id)
			p1++;
		size_t pk = 0;
		for (size_t j = p0; j < p1; j++)
			if (!strstr(r.programmes, ps[j].kind))
				pk += (size_t)snprintf(r.programmes + pk, sizeof(r.programmes) - pk, "%s%s", pk ? "," : "",
				    ps[j].kind);
		if (q->state && *q->state && strcmp(q->state, r.monitored ? "monitored" : "eliminated") != 0)
			continue;
		if (q->type && *q->type && (!r.c.type || strcmp(r.c.type, q->type) != 0))
			continue;
		if (q->risk && *q->risk && !csv_has(r.c.risks, q->risk))
			continue;
		if (q->programme && *q->programme) {
			bool has = false;
			for (size_t j = p0; j < p1; j++)
				has |= strcmp(ps[j].kind, q->programme) == 0;
			if (!has)
				continue;
		}
		r.village_name = (char *)div_name(st, r.c.village, a);
		r.town_name = (char *)div_name(st, r.c.village / 1000 * 1000, a);
		v[k++] = r;
	}
	*out = v;
	*n = k;
	return ERR_OK;
}

static void
hp_add(struct hp *x, int64_t persons)
{
	x->households++;
	x->persons += persons;
}

static int
risk_index(const char *code)
{
	const struct code_list *l = codes_list(CL_MON_RISK);
	for (size_t i = 0; i < l->n && i < 11; i++)
		if (strcmp(l->codes[i].code, code) == 0)
			return (int)i;
	return -1;
}

static void
count_row(struct monitor_counts *c, const struct monitor_row *r, const struct monitor_case *all, size_t from, size_t to,
    int day)
{
	int64_t p = r->c.persons;
	int y0 = day / 10000 * 10000 + 101;
	if (r->monitored) {
		hp_add(&c->monitored, p);
		if (r->c.type) {
			int t = strcmp(r->c.type, "unstable") == 0 ? MT_UNSTABLE : strcmp(r->c.type, "marginal") == 0 ? MT_MARGINAL
			    : strcmp(r->c.type, "sudden") == 0 ? MT_SUDDEN : -1;
			if (t >= 0)
				hp_add(&c->by_type[t], p);
		}
		if (r->held)
			hp_add(&c->held, p);
		const char *s = r->c.risks ? r->c.risks : "";
		while (*s) {
			char item[32];
			size_t n = strcspn(s, ",");
			snprintf(item, sizeof(item), "%.*s", (int)n, s);
			int k = risk_index(item);
			if (k >= 0)
				hp_add(&c->by_risk[k], p);
			s += n + (s[n] == ',');
		}
	} else {
		hp_add(&c->eliminated, p);
		if (r->c.way)
			hp_add(&c->by_way[strcmp(r->c.way, "natural") == 0 ? MW_NATURAL : MW_HELP], p);
	}
	bool ident = false, elim = false;
	for (size_t i = from; i < to; i++) {
		ident |= all[i].identified >= y0 && all[i].identified <= day;
		elim |= all[i].eliminated >= y0 && all[i].eliminated && all[i].eliminated <= day;
	}
	if (ident)
		hp_add(&c->identified_this_year, p);
	if (elim)
		hp_add(&c->eliminated_this_year, p);
}

enum err
monitor_stats(struct store *st, int day, int64_t division, int by, struct monitor_stats *r, struct arena *a,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	r->day = day ? day : date_today();
	enum err rc;
	if (division) {
		if ((rc = store_division_get(st, division, &r->div, a, e)) != ERR_OK)
			return rc;
	} else if ((rc = division_top(st, &r->div, a, e)) != ERR_OK)
		return rc;
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (r->div.code)
		division_range(r->div.code, &lo, &hi);
	struct monitor_case *cs;
	size_t nc;
	if ((rc = store_cases_in(st, r->day, lo, hi, &cs, &nc, a, e)) != ERR_OK)
		return rc;
	/* the rows: every division of the level asked under div, in scope, zero or not */
	struct division *ds = NULL;
	size_t nd = 0;
	if (by == LV_TOWN || by == LV_VILLAGE) {
		struct division *all;
		size_t na;
		if ((rc = store_division_range(st, lo, hi, &all, &na, a, e)) != ERR_OK)
			return rc;
		ds = arena_alloc(a, (na + 1) * sizeof(*ds));
		for (size_t i = 0; i < na; i++)
			if (all[i].level == by && store_in_scope(st, by == LV_VILLAGE ? all[i].code : all[i].code) &&
			    all[i].code != r->div.code)
				ds[nd++] = all[i];
	}
	r->rows = arena_alloc(a, (nd + 1) * sizeof(*r->rows));
	for (size_t i = 0; i < nd; i++) {
		memset(&r->rows[i], 0, sizeof(r->rows[i]));
		r->rows[i].d = ds[i];
	}
	r->n_rows = nd;
	for (size_t i = 0; i < nc; i++) {
		size_t from = i;
		while (i + 1 < nc && cs[i + 1].household_id == cs[i].household_id)
			i++;
		struct monitor_row row;
		memset(&row, 0, sizeof(row));
		row.c = cs[i];
		row.monitored = !row.c.eliminated || row.c.eliminated > r->day;
		row.held = row.monitored && row.c.security_day && row.c.security_day <= r->day;
		count_row(&r->totals, &row, cs, from, i + 1, r->day);
		/* the row of its village (or town): ds, like the rows, is by code and holds each code once, so a
		 * bisection (a scan of the rows per household was households × 24,960 villages over a province) */
		int64_t unit = by == LV_TOWN ? 1000 : 1;
		const struct division *d = division_find(ds, nd, row.c.village / unit * unit);
		if (d)
			count_row(&r->rows[d - ds].c, &row, cs, from, i + 1, r->day);
	}
	return ERR_OK;
}
