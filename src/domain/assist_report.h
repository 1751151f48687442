/* assist_report.h: the figures of 帮扶 and 督查 for a period and a division (ARCHITECTURE.md §10: `tuopin
 * assistance`, `tuopin supervision`), the ledgers of the project assets (DOMAIN.md §7.7), and what one household
 * has received (the household page's cards, the 扶贫手册 and the 明白卡, §7.6). Every figure is counted from
 * the records; nothing is stored as a total. No SQL and no HTTP here. */
#ifndef TUOPIN_ASSIST_REPORT_H
#define TUOPIN_ASSIST_REPORT_H

#include "domain/assist.h"
#include "domain/report.h"

struct assist_query {
	int from, to;          /* 0: the first of January of to's year; to 0: today */
	int64_t division;      /* 0: the top of the scope */
};

/* The rows of the contract, in order, then Tuopin's own. */
enum arow_code {
	AR_INDUSTRY_PROJECT,
	AR_WORKSHOP,
	AR_PROJECT_BENEFICIARIES,
	AR_PUBLIC_POST,
	AR_JOB_FAIR,
	AR_LOAN_FUMIN_PRODUCTION,
	AR_HEALTH_CHECKUP,
	AR_MEDICAL_INSURANCE,
	AR_SERIOUS_INSURANCE,
	AR_YULU,
	AR_CHARITY_CARD,
	AR_CHARITY_VISIT,
	AR_PV_STATION,
	AR_LOAN_FUMIN_HOUSEHOLD,
	AR__MAX
};
const char *arow_code(enum arow_code c);
const char *arow_label(enum arow_code c);   /* current language */

struct assist_result {
	int from, to;
	struct division div;
	struct assist_cell rows[AR__MAX];
	struct assist_coverage cov;             /* on to */
	int visit_days;
	struct measure_cell *measures;          /* every category, in the code list's order */
	size_t n_measures;
	struct loan_cell *loans;                /* every product with a loan */
	size_t n_loans;
	struct paid_cell *paid;                 /* money paid by kind */
	size_t n_paid;
};
enum err assist_report(struct store *st, const struct assist_query *q, struct assist_result *r, struct arena *a,
    struct errinfo *e);
/* A share 0..1 of part in whole (1 when whole is 0), to four decimals. */
double assist_share(int64_t part, int64_t whole);

struct supervision_result {
	int from, to;
	struct division div;
	int64_t cases, persons;
	struct case_cell *rows;                 /* every category, in the code list's order */
	size_t n_rows;
	struct complaint_counts complaints;
};
enum err supervision_report(struct store *st, const struct assist_query *q, struct supervision_result *r,
    struct arena *a, struct errinfo *e);

/* The county's 总账 (by class and owner) and the villages' 明细台账 (every asset of a village), on day, with the
 * income distributed in [from, to]. */
struct asset_ledger {
	int day, from, to;
	struct division div;
	struct asset_cell *by_class, *by_village;
	size_t n_class, n_village;
	int64_t assets, value, income;
	struct arec *items;                     /* village: its assets */
	size_t n_items;
};
enum err asset_ledger_load(struct store *st, int day, int year, int64_t division, struct asset_ledger *l,
    struct arena *a, struct errinfo *e);

/* Everything one household has received and who helps it, as of day (the household card, the 扶贫手册). */
struct assist_household {
	const struct household *h;
	int day;
	struct assist_hh_view now;              /* the cadre on day, the last visit, the due date */
	bool needs_visits;                      /* poor, returned, with policy, or monitored on day */
	struct arec *cadre;                     /* the cadre record on day, or NULL */
	int cadre_since;                        /* the start of that cadre's pairing */
	int last_visit;                         /* the last visit on or before day (also of a household that
	                                         * needs no visits now), 0 if none */
	struct arec *pairings, *visits, *measures, *posts, *benefits, *loans, *aid, *payments;
	size_t n_pairings, n_visits, n_measures, n_posts, n_benefits, n_loans, n_aid, n_payments;
	bool *late;                             /* per visit: after the due date */
	const char **benefit_category;          /* per benefit: the measure category it counts in */
	int visit_days;
};
/* The household hh_no in scope (ERR_NOTFOUND otherwise). */
enum err assist_household_load(struct store *st, const char *hh_no, int day, struct assist_household *out,
    struct arena *a, struct errinfo *e);

#endif
