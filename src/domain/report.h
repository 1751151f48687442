/* report.h: the registry reports: "N户M人" by status as of a date (and as recorded at an instant), for a
 * division and its towns or villages; and change counts by event type for a period, a recording window or a
 * batch. Every figure is computed from records (spans, events, or the aggregates maintained with them). */
#ifndef TUOPIN_REPORT_H
#define TUOPIN_REPORT_H

#include "domain/model.h"
#include "store/store.h"

/* Status groups reported besides the statuses themselves. */
enum group {
	G_REGISTERED,      /* 建档立卡: poor, returned, exited (not removed, not cancelled) */
	G_CURRENT_POOR,    /* 现有贫困: poor + returned */
	G_POOR,
	G_RETURNED,
	G_EXITED,          /* 已脱贫: supported + unsupported */
	G_EXITED_SUPPORTED,
	G_EXITED_UNSUPPORTED,
	G_REMOVED,
	G_CANCELLED,
	G__MAX
};
const char *group_key(enum group g);     /* JSON key: "registered", ... */
const char *group_label(enum group g);   /* current language */

struct counts {
	int64_t h[G__MAX], p[G__MAX];
};

/* Rows of a stats report: the division's children, its towns or villages, or its households grouped by their
 * main cause of poverty or their attribute (the totals stay the division's). */
enum by { BY_CHILDREN, BY_TOWN, BY_VILLAGE, BY_CAUSE, BY_ATTRIBUTE };

struct stats_query {
	int as_of;             /* 0: today */
	int64_t recorded_at;   /* 0: as now known */
	int64_t division;      /* 0: the top of the scope */
	enum by by;
};

/* Villages under a division: all of them, the 省定贫困村 among them, and those of them exited (出列) by the
 * year of the as-of date. */
struct village_counts {
	int64_t total, poor, exited;
};

struct stats_row {
	struct division d;    /* for BY_CAUSE / BY_ATTRIBUTE: code 0 and the label as name */
	const char *key;      /* BY_CAUSE / BY_ATTRIBUTE: the code ("01"), or "" for households without one */
	struct counts c;
	struct village_counts v;
};

struct stats_result {
	enum by by;
	int as_of;
	int64_t recorded_at;
	struct division div;   /* code 0 and name "全部" when the scope holds several tops */
	struct counts totals;
	struct village_counts villages;
	struct stats_row *rows;
	size_t n_rows;
	int registry_from;     /* the first day the division's registry counts anyone (0: never) */
};

enum err stats_compute(struct store *st, const struct stats_query *q, struct stats_result *r, struct arena *a,
    struct errinfo *e);

struct changes_query {
	enum changes_mode mode;
	int from, to;
	const char *batch;
	int64_t recorded_at;
	int64_t division;
	bool one_type;        /* only the line of type (the totals above the households behind it) */
	enum evtype type;
};

struct changes_result {
	enum changes_mode mode;
	int from, to;
	const char *batch;
	int64_t recorded_at;
	struct division div;
	struct change_cell *rows;   /* in event-type order, only types that occur */
	size_t n_rows;
};

enum err changes_compute(struct store *st, const struct changes_query *q, struct changes_result *r, struct arena *a,
    struct errinfo *e);

/* The households behind one line (type) of a change report: the report's scope (changes_compute's, its one
 * line, zero when the type did not occur) and a page of the households in village and 户编号 order. */
struct changes_hh_result {
	struct changes_result report;
	enum evtype type;
	int64_t households, persons;   /* the line's figures (the whole line, not the page) */
	struct change_hh *rows;
	size_t n_rows;
	int page, per_page;
};
enum err changes_households(struct store *st, const struct changes_query *q, enum evtype type, int page, int per_page,
    struct changes_hh_result *r, struct arena *a, struct errinfo *e);
/* The batches recorded in a division (0: the top of the scope), the latest first. */
struct batches_result {
	struct division div;
	struct batch_row *rows;
	size_t n_rows;
};
enum err changes_batches(struct store *st, int64_t division, struct batches_result *r, struct arena *a,
    struct errinfo *e);

/* Find a division by 12/9/6-digit code or by unique name, within the scope. */
enum err division_resolve(struct store *st, const char *text, struct division *d, struct arena *a, struct errinfo *e);
/* The place of a household list or its export: a division, a town (乡镇) and a village (村), each a code or
 * a unique name or NULL, all in the scope; the narrowest given (0: none). Errors name the parameter
 * ("division", "town", "village"): unknown or outside the scope (404 division_unknown), not a town (not_town),
 * not a village (not_village), a village outside the town or a town outside the division
 * (place_mismatch). */
enum err list_place_resolve(struct store *st, const char *division, const char *town, const char *village,
    int64_t *code, struct arena *a, struct errinfo *e);
/* A search text of the household list as it is looked up: trimmed, spaces inside (half- and full-width)
 * dropped, an 18-character ID number's x upper-cased; longer than 64 characters: too_long (field "q").
 * *kind says what it is: 0 a 户编号 or a name, 1 a whole ID number, 2 the last four of one. */
enum err hh_search_text(const char *in, const char **out, int *kind, struct arena *a, struct errinfo *e);

/* The top of the scope: the highest division in it, or a pseudo-division "全部" (code 0). */
enum err division_top(struct store *st, struct division *d, struct arena *a, struct errinfo *e);

/* Who recorded something, in words: a user's display name with the unit of their division ("王主任（临港区）"),
 * or the name alone for a user without one; "命令行（系统）" for the command line (actor "cli:…"); the actor
 * as stored when no user has that name. Allocated in a. */
const char *actor_display(struct store *st, const char *actor, struct arena *a);

/* One household in full (the household page of the API and of `tuopin show`): its fields with labels, members on the date, incomes,
 * and its whole history (corrections and superseded events marked). full: unmasked ID numbers and phones. */
struct household_view {
	const struct household *h;
	const struct division *village, *town;
	int as_of;
	enum status status_at;
	const struct member *members;
	size_t n_members;
	const struct event *events;
	const bool *superseded;
	size_t n_events;
	const struct member *event_members;   /* the member of each event (id 0 if none) */
	const char *const *event_targets;     /* for split/merge the other household's 户编号, else NULL */
	const struct income *incomes;
	size_t n_incomes;
	const char *const *event_actor_labels;   /* who recorded each event, in words (actor_display) */
	const struct income_revision *income_revisions;   /* every recorded version, by year then recording */
	size_t n_income_revisions;
	bool full;
};
/* Gather the household page of hh_no as of day (0: today): the household, its members on that day, its
 * status then, its whole history with the member and the other household of each event, incomes, its
 * village and town. full: the caller may see full numbers and asked; the view is audited (view.full_id by
 * actor from ip) before it is returned. Out of the store's scope: ERR_NOTFOUND. */
enum err household_view_load(struct store *st, const char *hh_no, int day, bool full, const char *actor,
    const char *ip, struct household_view *v, struct arena *a, struct errinfo *e);

#endif
