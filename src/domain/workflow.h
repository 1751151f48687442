/* workflow.h: workflows as data (ARCHITECTURE.md §10): the ordered steps a proposal walks, which roles act at
 * each, which step is a notice (its days; objections allowed there), where the type's check runs, where votes
 * are recorded, which steps print a 公示 or 公告. A workflow is JSON, loaded from a file or the admin UI and
 * stored versioned: a proposal keeps the version it started with. No SQL here (the store keeps the rows). */
#ifndef TUOPIN_WORKFLOW_H
#define TUOPIN_WORKFLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/txn.h"
#include "lib/arena.h"
#include "lib/err.h"

struct wf_step {
	char *code;             /* "assess", "review", "notice", "town", "county", "announce", ... */
	char *label, *label_en; /* 入户核实 ... */
	char **roles;           /* role codes that may act (auth.c's roles_table) */
	size_t n_roles;
	int days;               /* > 0: a notice of so many days; closable on or after its start + days; objections */
	bool check;             /* the proposal type's check runs when this step is approved */
	bool votes;             /* approving records the votes for/against/abstaining (required) */
	char *print;            /* "notice" (公示) or "announce" (公告): the step has a printable list; or NULL */
	int back_to;            /* the step an objection sends the proposal back to (index) */
};

struct workflow {
	int64_t id;             /* 0 for the built-in default not yet stored */
	int version;
	char *code, *name;
	char **types;           /* the proposal types it serves */
	size_t n_types;
	struct wf_step *steps;
	size_t n_steps;
	int limit_days;         /* 0: none; else days from opening to the decision (monitoring: 15), after which
				 * an open proposal is shown overdue */
};

/* The built-in workflow ("standard": 入户核实 → 民主评议 → 村内公示 7 天 → 乡镇审核 → 县级审定 → 公告), stored as
 * version 1 the first time a proposal needs it. */
extern const char workflow_default_json[];
/* The built-in "monitoring" workflow (monitor_in, risk_eliminate): 入户核实 → 民主评议 → 村内公示 5 天 → 乡镇审核 →
 * 县级审定, limit_days 15. */
extern const char workflow_monitoring_json[];

/* Parse and validate a definition (strings into a). On ERR_INVALID e says what is wrong. */
enum err workflow_parse(const char *json, struct workflow *w, struct arena *a, struct errinfo *e);
/* Store json as the next version of its code (audited). out (may be NULL) gets the stored workflow. */
enum err workflow_load(struct txn *t, const char *json, struct workflow *out, struct arena *a, struct errinfo *e);
/* The workflow of a stored id. */
enum err workflow_get(struct store *st, int64_t id, struct workflow *w, struct arena *a, struct errinfo *e);
/* The workflow new proposals of type use: the latest version of the most recently loaded workflow that serves
 * it; with t not NULL and none stored, the built-in default is stored first (a read with t NULL answers the
 * default with id 0). */
enum err workflow_for_type(struct store *st, struct txn *t, const char *type, struct workflow *w, struct arena *a,
    struct errinfo *e);
/* Every stored version, by code then version. */
enum err workflow_list(struct store *st, struct workflow **out, size_t *n, struct arena *a, struct errinfo *e);

/* Index of step code in w, or -1. */
int workflow_step_index(const struct workflow *w, const char *code);
/* Whether role may act at step s (role NULL: the office at the command line, which may do every step). */
bool workflow_role_may(const struct wf_step *s, const char *role);
/* The step's label in the current language. */
const char *workflow_step_label(const struct wf_step *s);

/* The proposal types a workflow may serve, for lists and checks (proposal.c: one type each). */
extern const char *const proposal_type_codes[];
extern const size_t n_proposal_types;

#endif
