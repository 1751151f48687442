/* demo_assistance.h: the 帮扶 and 督查 records of the Lingang demo district (SCENARIO.md): cadres for every
 * registered household and 第一书记 for the 50 poor villages, visits (a few overdue on the article's day),
 * measures, projects and workshops with the persons they help, public posts and their monthly payments (李从山's
 * cleaning post), loans, job fairs, health checks and insurance, 雨露计划, charity, project assets, supervision
 * cases and complaints, so that `tuopin assistance` and `tuopin supervision` for 2018-01-01..2018-10-08 show
 * the article's figures, counted from the records. Built by demo.c after the registry; deterministic for a
 * seed. No SQL and no printing here. */
#ifndef TUOPIN_DEMO_ASSISTANCE_H
#define TUOPIN_DEMO_ASSISTANCE_H

#include <stdint.h>

#include "domain/model.h"
#include "lib/err.h"
#include "store/store.h"

/* A demo household as demo.c made it. group is demo.c's enum kind (the order below). */
enum demo_group { DG_POOR, DG_REMOVE, DG_RESUME, DG_UNSUP, DG_END, DG_ADD, DG_SUP, DG_MISSED };
struct demo_household {
	int64_t id;
	const char *hh_no;
	int64_t village;            /* code */
	int village_index;
	enum demo_group group;
	struct member *m;           /* own members [0, n_own) with their ids, then the ones the campaign added */
	int n, n_own;
	int campaign_day;           /* YYYYMMDD, 0 if the campaign did not touch it */
	const char *attribute;      /* 贫困户属性 code */
};
struct demo_village {
	int64_t code, town;
	const char *name, *town_name;
	bool poor;
};
struct demo_assist_result {
	int cadres, pairings, work_team, visits, overdue, measures, projects, beneficiaries, posts, payments, loans,
	    fairs, aid, assets, cases, complaints;
	int records;                /* every row written */
};

/* Write the records in one write transaction recorded on 2018-10-08 (the article's day). li is the index of
 * 李从山's household. */
enum err demo_assistance_build(struct store *st, uint64_t seed, const char *actor, struct demo_household *hh,
    int n_hh, const struct demo_village *v, int n_v, int li, struct demo_assist_result *r, struct errinfo *e);

#endif
