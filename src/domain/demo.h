/* demo.h: the synthetic 临港区 district of SCENARIO.md (`tuopin demo`): divisions, 建档立卡 households and
 * members with realistic attributes, and the history from the 2014 identification to the 2018 托底清零
 * campaign, written only through store_division_upsert, household_create and event_record, so that every
 * figure of the article is computed by the normal reports from the records. Deterministic for a seed.
 * No SQL and no printing here. */
#ifndef TUOPIN_DEMO_H
#define TUOPIN_DEMO_H

#include <stdint.h>

#include "domain/demo_assistance.h"
#include "lib/err.h"
#include "store/store.h"

/* The default seed: the article's date. Any seed gives the same figures; names, ages, ID numbers, which
 * household falls in which group and every other detail follow the seed. */
#define DEMO_SEED_DEFAULT 20181008ULL

struct demo_result {
	uint64_t seed;
	int towns, villages, poor_villages;     /* divisions written (besides 省, 市, 区) */
	int households, persons;                /* created: identification plus the missed households */
	int identified_h, identified_p;         /* identification of 2014-01-01 as first recorded */
	int members_added;                      /* persons added by corrections */
	int events;                             /* change events recorded, creations included */
	int days;                               /* recording days (one write transaction each) */
	int first_day, last_day;                /* the first and the last recording date, YYYYMMDD */
	int linked;                             /* exits recorded through a completed proposal */
	int open_proposals;                     /* proposals left open in 北泉子二村 */
	char li_hh_no[24];                      /* 李从山's 户编号 (团林镇北泉子二村), for the tour */
	struct demo_assist_result assist;       /* the 帮扶 and 督查 records (demo_assistance.c) */
	int deaths_listed, findings;            /* the 公安 deaths list compared, and the findings it opened */
	struct {                                /* 2021–2026 防返贫动态监测 (write_monitoring) */
		int lines, incomes, ordinary_h, ordinary_p;
		int proposals, cases, eliminated, held, returns, open;
	} mon;
};

/* Build the demo into st. The database must hold no household (ERR_CONFLICT, nothing written). Everything
 * is one database transaction (then the deaths list, its check and a campaign, each its own): on any error
 * in the first nothing is left behind and e says why. The recording instants
 * are the scenario's (January 2014 to May 2018), not the clock. actor is recorded with every event. */
enum err demo_build(struct store *st, uint64_t seed, const char *actor, struct demo_result *r, struct errinfo *e);

#endif
