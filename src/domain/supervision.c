/* supervision.c: the rules of the supervision records (督查问责): a case's households and the persons held
 * accountable belong to the case's division; a complaint is about a division (its household's, when it names
 * one) and is answered on or after the day it came. Who may see them is assistance.c's akind_readable: the
 * supervisors and the county office. The figures are assist_report.c's supervision_report. */
#include "domain/assist.h"

#include <stdio.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"

/* Equal texts, NULL equal only to NULL or "". */
static bool
str_eq0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Whether household h lies outside division (its village neither the division nor under it): then a problem
 * under column names them as the clerk names them (the codes when a name is not found). */
static bool
household_outside(struct actx *c, int64_t division, const struct household *h, struct problems *p, int row,
    const char *column)
{
	int64_t lo, hi;
	division_range(division, &lo, &hi);
	if (h->village >= lo && h->village <= hi)
		return false;
	struct division d1, d2;
	struct errinfo e;
	char v1[16], v2[16];
	snprintf(v1, sizeof(v1), "%012lld", (long long)division);
	snprintf(v2, sizeof(v2), "%012lld", (long long)h->village);
	bool n1 = store_division_get(c->st, division, &d1, c->a, &e) == ERR_OK;
	bool n2 = store_division_get(c->st, h->village, &d2, c->a, &e) == ERR_OK;
	problem_add(p, false, row, column, (struct str){ 0 }, MSG_AS_DIVISION_NOT_HOUSEHOLDS, n1 ? d1.name : v1, h->hh_no,
	    n2 ? d2.name : v2);
	return true;
}

/* The case's division came with the reference; a household's village is its own (scoped like any data). A
 * household named twice in one case, or a person held accountable twice the same way in it (the same name,
 * unit and measure), would count twice in the case's figures: refused, also when a change makes it so. */
enum err
check_case_child(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	bool person = r->d->k == AK_CASE_PERSON;
	struct errinfo e;
	/* a person is held accountable on or after the day the case was found (the case's figures count the
	 * persons of the cases found in a period) */
	struct arec cs;
	if (person && !arec_null(r, "decided_on") && arec_get(c->st, AK_CASE, arec_int(r, "case_id"), &cs, c->a, &e) == ERR_OK &&
	    !arec_null(&cs, "found_on") && arec_int(r, "decided_on") < arec_int(&cs, "found_on")) {
		const struct afield *fl = afield_find(r->d, "decided_on");
		char a1[11], a2[11];
		bool en = msg_lang() == LANG_EN;
		date_format((int)arec_int(r, "decided_on"), a1);
		problem_add(p, false, row, c->sheet ? fl->zh : fl->key, str_from(a1), MSG_AS_END_BEFORE_START,
		    en ? fl->en : fl->zh, a1,
		    en ? "the case's found date" : "案件发现日期", date_format((int)arec_int(&cs, "found_on"), a2));
	}
	/* a household of the case is in the case's division (a case of 北泉子二村 took a household of 坪上镇: found by
	 * a walk) */
	struct household hh;
	if (!person && arec_get(c->st, AK_CASE, arec_int(r, "case_id"), &cs, c->a, &e) == ERR_OK &&
	    !arec_null(r, "household_id") && store_household_by_id(c->st, arec_int(r, "household_id"), &hh, c->a, &e) == ERR_OK) {
		const struct afield *fh = afield_find(r->d, "household");
		household_outside(c, arec_int(&cs, "division"), &hh, p, row, c->sheet ? fh->zh : fh->key);
	}
	if (update) {
		/* a change that leaves who it is as it was (a date, a post) is not judged: twins recorded before
		 * this rule stay editable */
		struct arec old;
		if (arec_get(c->st, r->d->k, r->r.v[0].i, &old, c->a, &e) == ERR_OK &&
		    arec_int(&old, "case_id") == arec_int(r, "case_id") &&
		    arec_int(&old, "household_id") == arec_int(r, "household_id") &&
		    str_eq0(arec_text(&old, "name"), arec_text(r, "name")) && str_eq0(arec_text(&old, "unit"), arec_text(r, "unit")) &&
		    str_eq0(arec_text(&old, "measure"), arec_text(r, "measure")))
			return ERR_OK;
	}
	struct arow_filter f = { .ref_id = arec_int(r, "case_id") };
	struct arec *v;
	size_t n;
	if (arec_list(c->st, r->d->k, &f, &v, &n, NULL, c->a, &e) != ERR_OK)
		return ERR_DB;
	const struct afield *fl = afield_find(r->d, person ? "name" : "household");
	const char *col = c->sheet ? fl->zh : fl->key;
	for (size_t i = 0; i < n; i++) {
		if (r->r.v[0].t == SV_INT && v[i].r.v[0].i == r->r.v[0].i)
			continue;   /* itself, changed */
		if (!person && arec_int(&v[i], "household_id") == arec_int(r, "household_id")) {
			problem_add(p, false, row, col, (struct str){ 0 }, MSG_AS_CASE_HOUSEHOLD_TWICE);
			break;
		}
		const char *u1 = arec_text(&v[i], "unit"), *u2 = arec_text(r, "unit");
		if (person && str_eq0(arec_text(&v[i], "name"), arec_text(r, "name")) && str_eq0(u1, u2) &&
		    str_eq0(arec_text(&v[i], "measure"), arec_text(r, "measure"))) {
			problem_add(p, false, row, col, (struct str){ 0 }, MSG_AS_CASE_PERSON_TWICE, arec_text(r, "name"),
			    acode_label(AL_ACCOUNTABILITY, arec_text(r, "measure")));
			break;
		}
	}
	return ERR_OK;
}

/* A date of the record that cannot come before another of it (整改完成 before 发现): a problem under the later. */
static void
not_before(struct actx *c, struct arec *r, struct problems *p, int row, const char *later, const char *earlier)
{
	if (arec_null(r, later) || arec_null(r, earlier) || arec_int(r, later) >= arec_int(r, earlier))
		return;
	const struct afield *fl = afield_find(r->d, later), *fe = afield_find(r->d, earlier);
	char a1[11], a2[11];
	bool en = msg_lang() == LANG_EN;
	date_format((int)arec_int(r, later), a1);   /* the value refused, and in the message */
	problem_add(p, false, row, c->sheet ? fl->zh : fl->key, str_from(a1), MSG_AS_END_BEFORE_START,
	    en ? fl->en : fl->zh, a1, en ? fe->en : fe->zh, date_format((int)arec_int(r, earlier), a2));
}

/* A case's transfer, deadline and rectification come on or after the day it was found. */
enum err
check_case(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	not_before(c, r, p, row, "transferred_on", "found_on");
	not_before(c, r, p, row, "deadline", "found_on");
	not_before(c, r, p, row, "rectified_on", "found_on");
	return ERR_OK;
}

enum err
check_complaint(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	const struct afield *fd = afield_find(r->d, "division");
	struct household h;
	struct errinfo e;
	bool hh = !arec_null(r, "household_id") &&
	    store_household_by_id(c->st, arec_int(r, "household_id"), &h, c->a, &e) == ERR_OK;
	if (arec_null(r, "division")) {
		if (hh)
			arec_set_int(r, "division", h.village);
		else if (arec_null(r, "household_id"))   /* neither field is required alone: said so (必填项为空 named one) */
			problem_add(p, false, row, c->sheet ? fd->zh : fd->key, (struct str){ 0 }, MSG_AS_DIVISION_OR_HOUSEHOLD);
	} else if (hh)   /* the division named is the household's village or one above it (the town, the county) */
		household_outside(c, arec_int(r, "division"), &h, p, row, c->sheet ? fd->zh : fd->key);
	not_before(c, r, p, row, "answered_on", "received_on");
	not_before(c, r, p, row, "deadline", "received_on");
	return ERR_OK;
}
