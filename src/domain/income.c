/* income.c: income arithmetic and poverty lines. */
#include "domain/income.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/txn.h"
#include "lib/date.h"
#include "lib/util.h"

static int64_t
known(int64_t v, bool *complete)
{
	if (v < 0) {
		*complete = false;
		return 0;
	}
	return v;
}

int64_t
income_total(const struct income *in, bool *complete)
{
	bool c = true;
	int64_t t = known(in->wage, &c) + known(in->business, &c) + known(in->property, &c) + known(in->transfer, &c);
	if (complete)
		*complete = c;
	return t;
}

int64_t
income_net(const struct income *in, bool *complete)
{
	bool c1, c2 = true;
	int64_t t = income_total(in, &c1) - known(in->business_cost, &c2);
	if (complete)
		*complete = c1 && c2;
	return t;
}

int64_t
div_round(int64_t a, int64_t b)
{
	if (a >= 0)
		return (a + b / 2) / b;
	return -((-a + b / 2) / b);
}

bool
income_net_pc(const struct income *in, int size, int64_t *out)
{
	if (size < 1)
		return false;
	*out = div_round(income_net(in, NULL), size);
	return true;
}

enum err
income_line(struct store *st, int year, int64_t division, const char *kind, int64_t *amount, int *found_year,
    bool *provincial, struct errinfo *e)
{
	char prov[3];
	snprintf(prov, sizeof(prov), "%02u", (unsigned)(division / 10000000000LL) % 100);
	if (!kind)
		kind = "national";
	enum err rc;
	if (strcmp(kind, "national") == 0) {
		rc = store_poverty_line(st, year, prov, "provincial", amount, e);
		if (rc == ERR_OK) {
			*found_year = year;
			*provincial = true;
			return ERR_OK;
		}
		if (rc != ERR_NOTFOUND)
			return rc;
	}
	/* A monitoring line is set by the province each year (region "37") or by the nation (region "CN"): the
	 * latest year set, the province's before the nation's within a year. */
	bool mon = strcmp(kind, "monitoring") == 0;
	*provincial = false;
	for (int y = year; y >= 2010; y--) {
		if (mon) {
			rc = store_poverty_line(st, y, prov, kind, amount, e);
			if (rc == ERR_OK) {
				*found_year = y;
				*provincial = true;
				return ERR_OK;
			}
			if (rc != ERR_NOTFOUND)
				return rc;
		}
		rc = store_poverty_line(st, y, "CN", kind, amount, e);
		if (rc == ERR_OK) {
			*found_year = y;
			return ERR_OK;
		}
		if (rc != ERR_NOTFOUND)
			return rc;
	}
	return ERR_NOTFOUND;
}

/* ---- the yearly survey ---- */

static bool
same_income(const struct income *a, const struct income *b)
{
	return a->wage == b->wage && a->business == b->business && a->property == b->property &&
	    a->transfer == b->transfer && a->business_cost == b->business_cost && a->net_pc == b->net_pc &&
	    a->size == b->size;
}

enum err
income_set(struct txn *t, const struct income_req *r, struct income *out, bool *changed, struct errinfo *e)
{
	struct store *st = t->st;
	struct arena a;
	struct household h;
	enum err rc;
	bool ch = false;
	struct income x = r->in;
	arena_init(&a);
	int year_now = t->today / 10000;
	if (x.year < 2000 || x.year > year_now) {
		rc = errinfo_set(e, ERR_INVALID, "year", MSG_INCOME_YEAR, x.year, year_now);
		goto out;
	}
	/* every way in (a form, the command line, a sheet) is held to the same largest amount */
	const struct { const char *key; int64_t v; } items[] = { { "wage", x.wage }, { "business", x.business },
		{ "property", x.property }, { "transfer", x.transfer }, { "business_cost", x.business_cost },
		{ "net_income_pc", x.net_pc } };
	for (size_t i = 0; i < NELEM(items); i++)
		if (items[i].v > MONEY_MAX_FEN) {
			char v[32];
			rc = errinfo_set(e, ERR_INVALID, items[i].key, MSG_MONEY_CAP, format_fen(items[i].v, v, sizeof(v)));
			goto out;
		}
	if ((rc = store_household_by_no(st, r->hh_no, &h, &a, e)) != ERR_OK)
		goto out;
	x.household_id = h.id;
	bool any = x.wage >= 0 || x.business >= 0 || x.property >= 0 || x.transfer >= 0 || x.business_cost >= 0;
	if (!any && x.net_pc < 0) {
		rc = errinfo_set(e, ERR_INVALID, "wage", MSG_INCOME_EMPTY);
		goto out;
	}
	if (x.size <= 0) {
		/* that year's household: its members at the end of the year, or today for the year under way */
		int day = x.year == year_now ? t->today : x.year * 10000 + 1231;
		int64_t nm;
		if ((rc = store_members_count_at(st, h.id, day, &nm, e)) != ERR_OK)
			goto out;
		if (nm == 0) {
			char d[11];
			rc = errinfo_set(e, ERR_INVALID, "size", MSG_INCOME_NO_MEMBERS, date_format(day, d));
			goto out;
		}
		x.size = (int)nm;
	}
	if (any) {
		int64_t pc = 0;
		income_net_pc(&x, x.size, &pc);
		if (x.net_pc >= 0 && x.net_pc != pc) {
			char given[32], computed[32];
			rc = errinfo_set(e, ERR_INVALID, "net_income_pc", MSG_INCOME_NET_MISMATCH, format_fen(x.net_pc, given,
			    sizeof(given)), format_fen(pc, computed, sizeof(computed)), x.size);
			goto out;
		}
		x.net_pc = pc;
	}
	struct income old;
	bool had = false;
	rc = store_income_get(st, h.id, x.year, &old, e);
	if (rc == ERR_OK)
		had = true;
	else if (rc != ERR_NOTFOUND)
		goto out;
	rc = ERR_OK;
	errinfo_clear(e);
	if (had && same_income(&old, &x))
		goto out;
	ch = true;
	if (had) {
		/* values that came without a version (with the registry) become the first version */
		int64_t nv;
		if ((rc = store_income_revision_count(st, h.id, x.year, &nv, e)) != ERR_OK)
			goto out;
		if (nv == 0) {
			struct income_revision first = { old, h.created_at, "", NULL, "registry", NULL };
			if ((rc = store_income_revision_add(st, &first, e)) != ERR_OK)
				goto out;
		}
	}
	if ((rc = store_income_put(st, &x, e)) != ERR_OK)
		goto out;
	struct income_revision rev = { x, t->now, (char *)t->actor, (char *)r->reason, (char *)(r->source ? r->source
													    : "form"), NULL };
	if ((rc = store_income_revision_add(st, &rev, e)) != ERR_OK)
		goto out;
	if (!t->quiet_audit) {
		char pc[32];
		json_t *j = json_pack("{s:i, s:s, s:i, s:b, s:s}", "year", x.year, "net_income_pc", format_fen(x.net_pc, pc,
		    sizeof(pc)), "size", x.size, "correction", had, "source", rev.source);
		if (r->reason)
			json_object_set_new(j, "reason", json_string(r->reason));
		char *detail = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		rc = txn_audit(t, "income.set", h.hh_no, detail, e);
		free(detail);
	}
out:
	if (rc == ERR_OK) {
		if (out)
			*out = x;
		if (changed)
			*changed = ch;
	}
	arena_free(&a);
	return rc;
}
