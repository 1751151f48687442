/* check.h: `tuopin check`: the engine that runs the data-quality rules of rules.h over the registry (DOMAIN.md
 * §8.4), compares it with other departments' lists (§8.2, external.h), and checks the consistency of the
 * history (the yearly balance identity of §6.2, and the maintained aggregates against the spans). Each
 * finding names its rule, the household and the member. A run as of today keeps its findings (finding.h):
 * new ones are opened, fixed ones closed, waived ones stay waived unless their facts change. */
#ifndef TUOPIN_CHECK_H
#define TUOPIN_CHECK_H

#include "domain/rules.h"
#include "store/store.h"

struct finding {
	enum rule rule;
	char *hh_no;        /* or NULL for whole-registry findings */
	char *member;       /* "姓名 3713**********0011" or NULL */
	char *message;      /* in the current language */
	/* what keeping it needs */
	char *message_zh, *message_en;
	char *subject;      /* the same from run to run: "m:12", "h:7", "p:<digest>", "g:<division>:..." */
	char *fact;         /* what a waiver holds for (the Chinese message unless the rule says otherwise) */
	char *source;       /* "registry" or "external:KIND" */
	char *evidence;     /* JSON or NULL */
	int64_t household_id, member_id, village, list_id;
	/* after keeping: its id and state */
	int64_t id;
	enum finding_state state;
	bool is_new, reopened;
	bool duplicate;     /* the same subject a second time in the run: dropped */
};

/* A run holds at most this many findings for its answer; it counts and keeps them all. */
#define CHECK_SHOWN 10000

struct check_query {
	int as_of;            /* 0: today */
	int only;             /* a rule, or -1 for all (or for rules[]) */
	const int *rules;     /* several rules when n_rules > 0 */
	size_t n_rules;
	int64_t division;     /* 0: the scope */
	bool keep;            /* keep the findings (only a run as of today keeps them) */
	const char *actor, *ip;
	int64_t now;          /* recording instant of what is kept (0: the clock) */
};

struct check_result {
	int as_of;
	struct finding *v;            /* the first CHECK_SHOWN findings */
	size_t n, cap;
	size_t total, open;           /* all findings, and those open (not waived) */
	int64_t by_rule[R__MAX];
	bool truncated;
	size_t households, members;   /* examined */
	int64_t division;             /* the root of the divisions checked */
	/* when kept */
	bool kept;
	int64_t run_id;
	int opened, reopened, closed, still_open, waived;
};

enum err check_run(struct store *st, const struct check_query *q, struct check_result *r, struct arena *a,
    struct errinfo *e);

/* The division a run over division (0: the scope) belongs to: that one, else the scope's root, else the
 * smallest division holding every household. */
int64_t check_division(struct store *st, int64_t division);

/* Parse "R1,R2,..." (codes or national numbers) into rules[] (at most R__MAX); on an unknown one, ERR_INVALID
 * naming it (field "rules"). */
enum err check_parse_rules(const char *list, int *rules, size_t *n, struct errinfo *e);

#endif
