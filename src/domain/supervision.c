/* supervision.c: the rules of the supervision records (督查问责): a case's households and the persons held
 * accountable belong to the case's division; a complaint is about a division (its household's, when it names
 * one) and is answered on or after the day it came. Who may see them is assistance.c's akind_readable: the
 * supervisors and the county office. The figures are assist_report.c's supervision_report. */
#include "domain/assist.h"

#include <string.h>

#include "lib/date.h"
#include "lib/util.h"

enum err
check_case_child(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)c, (void)update, (void)p, (void)row;
	/* the case's division came with the reference; a household's village is its own (scoped like any data) */
	return ERR_OK;
}

enum err
check_complaint(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	const struct afield *fd = afield_find(r->d, "division"), *fa = afield_find(r->d, "answered_on"),
			    *fr = afield_find(r->d, "received_on");
	if (arec_null(r, "division")) {
		if (!arec_null(r, "household_id")) {
			struct household h;
			struct errinfo e;
			if (store_household_by_id(c->st, arec_int(r, "household_id"), &h, c->a, &e) == ERR_OK)
				arec_set_int(r, "division", h.village);
		} else
			problem_add(p, false, row, c->sheet ? fd->zh : fd->key, (struct str){ 0 }, MSG_REQUIRED);
	}
	if (!arec_null(r, "answered_on") && arec_int(r, "answered_on") < arec_int(r, "received_on")) {
		char a1[11], a2[11];
		bool en = msg_lang() == LANG_EN;
		problem_add(p, false, row, c->sheet ? fa->zh : fa->key, (struct str){ 0 }, MSG_AS_END_BEFORE_START,
		    en ? fa->en : fa->zh, date_format((int)arec_int(r, "answered_on"), a1), en ? fr->en : fr->zh,
		    date_format((int)arec_int(r, "received_on"), a2));
	}
	return ERR_OK;
}
