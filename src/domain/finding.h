/* finding.h: findings with a life cycle (托底清零 made routine). A run of `tuopin check` as of today keeps what
 * it found: a finding is opened once per rule and subject, closed as fixed by a later run that no longer finds
 * it (with the fix linked to it, if a clerk's edit, event or proposal named it), or waived with a reason that
 * a town or county user gives or confirms; a waived finding stays waived until its facts change, then it
 * reopens. Every step is a row of the finding's history. Findings are assigned to the village of their
 * household and read within the reader's scope. No SQL, no HTTP. */
#ifndef TUOPIN_FINDING_H
#define TUOPIN_FINDING_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/check.h"
#include "domain/txn.h"
#include "io/sheet.h"

/* Who acts on a finding: the level of their scope decides whether a waiver they give needs confirming. */
struct finding_actor {
	const char *name, *ip;
	int level;            /* the division level of the actor's scope root (LV_*), 0 for the command line */
	int64_t now;          /* 0: the clock */
};

/* Keeping a run's findings as the run finds them (check.c, for a run as of today), in one write transaction:
 * begin records the run; add opens a finding, or updates it (reopening a fixed one, or a waived one whose
 * facts changed) and sets its id and state; end closes as fixed the open findings of the rules that ran in
 * [lo, hi] that the run did not see, and commits. abort rolls everything back. */
struct finding_keeper;
enum err finding_keeper_begin(struct store *st, const struct check_query *q, struct check_result *r, const bool *ran,
    int64_t lo, int64_t hi, struct finding_keeper **out, struct errinfo *e);
enum err finding_keeper_add(struct finding_keeper *k, struct finding *f, struct errinfo *e);
enum err finding_keeper_end(struct finding_keeper *k, struct errinfo *e);
void finding_keeper_abort(struct finding_keeper *k);

/* A finding with its history, for its page. */
struct finding_view {
	struct finding_row f;
	enum rule rule;
	struct finding_event_row *events;
	size_t n_events;
	struct division village;      /* the village (or division) it is assigned to */
	char *town_name;
};
enum err finding_get(struct store *st, int64_t id, struct finding_view *v, struct arena *a, struct errinfo *e);

struct finding_query {
	int64_t division;             /* 0: the scope */
	int state;                    /* enum finding_state or -1 */
	bool pending;                 /* waivers waiting for confirmation */
	int rule;                     /* enum rule or -1 */
	int category;                 /* enum category or -1 */
	const char *hh_no;            /* one household, or NULL */
	const char *campaign;         /* a campaign's findings (its rules, divisions and period, as its board counts
				       * them), or NULL */
	int limit, offset;
};
enum err finding_list(struct store *st, const struct finding_query *q, struct finding_row **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e);
/* Counts by rule and by village of the findings q selects (paging aside). */
enum err finding_counts(struct store *st, const struct finding_query *q, bool by_rule, struct finding_count **out,
    size_t *n, struct arena *a, struct errinfo *e);

/* Waive an open finding with a reason (required). A town or county user's waiver (or the command line's) takes
 * effect at once; a village user's waits for one of them to confirm it. */
enum err finding_waive(struct store *st, const struct finding_actor *by, int64_t id, const char *reason,
    struct finding_row *out, struct arena *a, struct errinfo *e);
/* A town or county user confirms (accept) or refuses a waiting waiver; a refusal needs a note. */
enum err finding_decide(struct store *st, const struct finding_actor *by, int64_t id, bool accept, const char *note,
    struct finding_row *out, struct arena *a, struct errinfo *e);
/* Inside t: link the fix ref (kind "edit", "event" or "proposal") of household hh to open finding id. */
enum err finding_link(struct txn *t, int64_t id, int64_t hh, const char *kind, int64_t ref, struct errinfo *e);
/* Check the finding's rule again in its village (keeping the result): a fixed finding closes. */
enum err finding_recheck(struct store *st, int64_t id, const struct finding_actor *by, struct finding_row *out,
    struct arena *a, struct errinfo *e);

/* What a finding's source is called, in the current language: the registry's own rules, or the list it was
 * compared with (死亡人员名单); the code itself when neither. buf holds the text made. */
const char *finding_source_label(const char *source, char *buf, size_t size);

/* Write the findings q selects to path (CSV or XLSX) for a village working on paper: masked numbers, the rule,
 * the fix advice, and blank columns for the result of the visit. Returns how many. A list of names and
 * households: recorded in the audit log (export.findings, by, its filter and size), the file removed when the
 * row cannot be written. */
enum err finding_export(struct store *st, const struct finding_actor *by, const struct finding_query *q,
    const char *path, enum sheet_kind kind, int *rows, struct errinfo *e);

/* The rule a finding row names (or -1). */
int finding_rule(const struct finding_row *f);
/* The member of a finding for showing: "姓名 3713**********0011" (masked) in a, or NULL. */
char *finding_member_label(const struct finding_row *f, struct arena *a);
/* The finding's message in the current language. */
const char *finding_message(const struct finding_row *f);

#endif
