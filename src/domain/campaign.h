/* campaign.h: clean-up campaigns (托底清零专项行动): a named campaign with a start and a deadline gathers the
 * findings of chosen rules in its divisions; its board shows them by town or village (open, fixed, waived,
 * overdue), and its change report is the report of the batch named after it (events recorded while fixing
 * carry the campaign's name as their batch). No SQL, no HTTP. */
#ifndef TUOPIN_CAMPAIGN_H
#define TUOPIN_CAMPAIGN_H

#include "domain/finding.h"
#include "domain/report.h"

struct campaign_req {
	const char *name;
	const char *rules;        /* codes or national numbers, comma-separated */
	int start;                /* 0: today */
	int deadline;             /* 0: none; not before start */
	int64_t division;         /* 0: the creator's scope */
};

/* Create a campaign (audited). Only a town or county user (or the command line) may. */
enum err campaign_create(struct store *st, const struct finding_actor *by, const struct campaign_req *q,
    struct campaign_row *out, struct arena *a, struct errinfo *e);

/* Close campaign name (audited): its board as it stands is kept and shown from then on (findings found or
 * fixed later are not the campaign's). A town or county user whose divisions hold all of the campaign's (or
 * the command line); note, the acceptance's words, may be empty. */
/* A change recorded in a batch that names a closed campaign is refused (409 campaign_closed, field batch): the
 * campaign's report is its batch as recorded when it closed, so the change would be in none of its figures.
 * Any other batch, or none, is ERR_OK. */
enum err campaign_batch_open(struct store *st, const char *batch, struct errinfo *e);
enum err campaign_close(struct store *st, const struct finding_actor *by, const char *name, const char *note,
    struct errinfo *e);

struct campaign_cell {
	int64_t code;             /* a town or village, or 0 for the totals */
	char *name;
	int64_t open, pending, fixed, waived, overdue;
};

struct campaign_board {
	struct campaign_row c;
	int rules[R__MAX];
	size_t n_rules;
	int today;
	bool past_deadline;       /* on the day it closed, if closed */
	int by;                   /* LV_TOWN or LV_VILLAGE */
	struct campaign_cell total;
	struct campaign_cell *rows;
	size_t n_rows;
	struct changes_result changes;   /* the batch named after the campaign */
};
/* The board of campaign name by town (by = LV_TOWN) or village, in the reader's scope. */
enum err campaign_show(struct store *st, const char *name, int by, struct campaign_board *b, struct arena *a,
    struct errinfo *e);
/* Every campaign in scope, each with its totals (rows empty). */
enum err campaign_list(struct store *st, struct campaign_board **out, size_t *n, struct arena *a, struct errinfo *e);

#endif
