/* proposal.h: the proposal engine (精准识别/精准退出, and later 防返贫监测): a proposal for a household or a
 * village walks the steps of its workflow (workflow.h), each done by a role that the step allows, on a date
 * never before the previous step's; a notice closes only after its days; an objection during a notice sends it
 * back; a rejection ends it; the registry changes only when the last step is approved, through the registry's
 * own functions (registry.c), and the event is linked to the proposal.
 *
 * What differs between types is one row of proposal_types[] (proposal.c):
 *   fits   may a proposal of this type be opened for this subject now (the state machine of status.c);
 *   check  the checklist run when a step marked "check" is approved (exit: income, 两不愁三保障, 安全饮水;
 *          village exit: poverty incidence); a failing check needs an override with a reason;
 *   effect what the last step's approval writes (an event through event_record; a village's exit year).
 * No SQL and no HTTP here. */
#ifndef TUOPIN_PROPOSAL_H
#define TUOPIN_PROPOSAL_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/problem.h"
#include "domain/txn.h"
#include "domain/workflow.h"

/* Who acts. role NULL: the office at the command line, which may do every step in the store's scope. */
struct proposal_user {
	const char *name;
	const char *role;
};

struct proposal_new {
	const char *type;       /* exit, return, remove, clear, ... or village_exit */
	const char *hh_no;      /* household types */
	int64_t village;        /* village types */
	int effective;          /* the event's effective date; 0: the announce date */
	const char *reason;
	const char *channel;    /* apply 农户申请, screening 干部排查, comparison 部门比对, feedback 上级反馈; monitor_in:
				 * the discovery channel of CL_MON_CHANNEL (required) */
	const char *monitor_type;   /* monitor_in: unstable, marginal or sudden (CL_MON_TYPE, code or label) */
	const char *risks;          /* monitor_in: 1 to 5 risk types (CL_MON_RISK), comma-separated */
	const char *way;            /* risk_eliminate: help or natural (CL_MON_WAY) */
	const char *batch;      /* a campaign */
	int date;               /* the day it was opened; 0: today */
	/* identify, include_missed: the household to create, JSON text of one object with the registry's field
	 * keys and members: [...] (the body of POST /api/households; hh_no defaults to hh_no above) */
	const char *new_household;
	/* identify, include_missed: when the new household is refused for its fields, every problem of it (field
	 * path new_household.members[N].KEY, the import's code and message) is added here; e tells the first with
	 * the count. NULL: e alone. */
	struct problems *problems;
};
/* Open a proposal (audited). Refused: an unknown type, a subject out of scope (not found), a household not in
 * a state the type fits, a second open proposal for the same household or village. */
enum err proposal_open(struct txn *t, const struct proposal_user *u, const struct proposal_new *r, int64_t *id,
    struct errinfo *e);

struct proposal_action {
	int64_t id;
	const char *action;     /* approve, reject, object */
	const char *step;       /* the step the actor acts on (NULL: whatever is current); another one: conflict */
	int date;               /* the day it happened; 0: today */
	const char *note;
	const char *votes;      /* "FOR/AGAINST/ABSTAIN" at a step that records votes */
	const char *override;   /* the reason to go on although the step's check failed */
};
/* Do one action (audited). On refusal nothing is written and e names the field and the reason. Two actions
 * on the same step at once: one succeeds, the other answers ERR_CONFLICT. */
enum err proposal_act(struct txn *t, const struct proposal_user *u, const struct proposal_action *r,
    struct errinfo *e);

/* One line of a check: its code ("income", "food_clothing", ... "incidence"), whether it passes, and why
 * (both languages, so a stored result reads in either). */
struct check_line {
	const char *code;
	bool pass;
	bool hard;              /* failing, it cannot be overridden (elimination under the monitoring line) */
	char *reason, *reason_en;
};
struct checklist {
	bool pass;
	bool keep_monitoring;   /* 风险消除 of a household without labour: approved, it stays monitored once its social
				 * security is in place, no elimination recorded (monitor_effect_eliminate) */
	int date, year;
	struct check_line lines[8];
	size_t n;
};
/* The exit check of household h on date for income year year (DOMAIN.md §5.2–5.3): income above the year's
 * line (the items counted are the setting exit_income_items), 不愁吃不愁穿, 义务教育, 基本医疗, 住房安全,
 * 安全饮水 from the latest assessment on or before date. */
enum err exit_check(struct store *st, const struct household *h, int date, int year, struct checklist *r,
    struct arena *a, struct errinfo *e);
/* The risk elimination check of household h on date (DOMAIN.md §4.2): the latest per-capita net income (the
 * latest surveyed year on or before date's) not below that year's monitoring line — a hard line, no override —,
 * 两不愁三保障 and 安全饮水 from the latest assessment, the labour capacity of the members on date and, without
 * it, the social security in place (the case then stays monitored, monitor.h). */
enum err eliminate_check(struct store *st, const struct household *h, int date, struct checklist *r,
    struct arena *a, struct errinfo *e);
/* The village exit check: poverty incidence on date against the setting village_exit_threshold (%). */
enum err village_check(struct store *st, int64_t village, int date, struct checklist *r, struct arena *a,
    struct errinfo *e);
/* The check's label (不愁吃、不愁穿 ...) in the current language. */
const char *check_line_label(const char *code);
/* The result as JSON text (malloc'd) and back (into a). */
char *checklist_json(const struct checklist *r);

/* A proposal as shown. */
struct proposal_view {
	struct proposal p;
	struct workflow wf;
	struct proposal_act *acts;
	size_t n_acts;
	char *village_name, *town_name;
	const struct wf_step *step;   /* the current step, NULL once decided */
	int notice_end;               /* at a notice: the first day it may be closed; else 0 */
	int deadline;                 /* with the workflow's limit_days: the last day for the decision; else 0 */
	bool overdue;                 /* open past the deadline (as of today) */
};
enum err proposal_load(struct store *st, int64_t id, struct proposal_view *v, struct arena *a, struct errinfo *e);
/* The proposal's check (exit: 两不愁三保障 and income; village exit; risk elimination) as of day, as the step that
 * runs it would find it then (a read: nothing written). *has false: the type has no check (c untouched). */
enum err proposal_check_as_of(struct store *st, const struct proposal_view *v, int day, struct checklist *c,
    bool *has, struct arena *a, struct errinfo *e);

struct proposal_query {
	int64_t division;       /* 0: the whole scope */
	const char *state, *type, *batch, *step, *hh_no;
	const char *inbox_role; /* with inbox: proposals whose step waits for this role (step_waits_for) */
	bool inbox;
};
/* Proposals in scope, oldest step first. */
/* The 户编号 of the new households (新识别, 应纳未纳) open proposals of village (0: the whole scope) carry: not
 * in the registry yet, and not to be registered or proposed otherwise. */
enum err proposal_hh_nos_open(struct store *st, int64_t village, const char ***out, size_t *n, struct arena *a,
    struct errinfo *e);
enum err proposal_list(struct store *st, const struct proposal_query *q, struct proposal_view **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* Whether u may do the current step of v (role and state; the scope is the store's). */
bool proposal_may_act(const struct proposal_view *v, const struct proposal_user *u);

/* A printable notice: the village 公示 list of a notice step, or the county 公告, for proposal id (its current
 * notice step, else the last printable step it passed). rows are the proposals on the same list. */
struct notice {
	const char *kind;       /* "notice" or "announce" */
	const struct wf_step *step;
	int start, days, end;   /* end: the day the notice may close (start + days) */
	char *village_name, *town_name, *county_name;
	int64_t village;
	struct proposal_view *rows;
	size_t n_rows;
	int64_t *sizes;         /* household size of each row */
};
enum err proposal_notice(struct store *st, int64_t id, struct notice *n, struct arena *a, struct errinfo *e);

/* What the exit analysis sheet shows: the household's members on the check's date, the latest assessment on
 * or before it (NULL if none), and the exit check as of that date (the date of the check recorded at the
 * step that ran it, else today). */
struct exit_sheet {
	struct proposal_view v;
	struct member *members;
	size_t n_members;
	struct assessment *assessment;
	struct checklist check;
};
enum err proposal_exit_sheet(struct store *st, int64_t id, struct exit_sheet *s, struct arena *a, struct errinfo *e);

/* Every 省定贫困村 in division (0: the scope) with its poverty incidence on day, the threshold, its exit year
 * and its open exit proposal (the county's view of village exit). */
struct village_row {
	struct division v;
	char *town_name;
	int64_t poor_persons;
	int64_t incidence;       /* hundredths of a percent; -1 without a rural population */
	bool below;              /* under the threshold */
	int64_t proposal;        /* the open village_exit proposal, 0 if none */
	const char *step;        /* its step's code */
};
enum err village_exit_list(struct store *st, int64_t division, int day, struct village_row **out, size_t *n,
    int *threshold, struct arena *a, struct errinfo *e);

/* The proposal types (for lists and messages). */
bool proposal_type_known(const char *code);
bool proposal_type_village(const char *code);
const char *proposal_type_label(const char *code);
/* Channels: code -> label. */
const char *proposal_channel_label(const char *code);
bool proposal_channel_known(const char *code);
const char *proposal_state_code(enum proposal_state s);
const char *proposal_state_label(enum proposal_state s);

/* ---- the household of a 新识别 / 应纳未纳 proposal (proposal_newhh.c) ---- */
/* Check the keys and types of the JSON object json (the new household of proposal hh_no) and give the payload
 * stored on the proposal (malloc'd JSON, hh_no filled in) and its village code. */
enum err newhh_parse(const char *json, const char *hh_no, char **payload, int64_t *village, struct errinfo *e);
/* Run the registry's checks on the payload's household as created by event ev on as_of, in t; with write, create
 * it (its id and creation event's in household, event). A problem is named by its path in the payload
 * (new_household.members[1].id_no) and its reason; nothing is written then. Every problem goes to all too,
 * when not NULL. */
enum err newhh_import(struct txn *t, const char *payload, enum evtype ev, int as_of, const char *batch,
    const char *reason, bool write, int64_t *household, int64_t *event, struct problems *all, struct errinfo *e);

/* ---- settings (meta) ---- */
/* require_review: status events of data roles go through proposals. */
bool settings_require_review(struct store *st);
/* Whether ROLE may record an event of TYPE (a code or label of CL_EVENT) directly, as one edit: 纳入监测 and
 * 风险消除 never may (only through the monitoring workflow, whose checks give the type, risks and way), a
 * status event (识别, 补录, 退出, 返贫, 清退, 清零) of a data role may not while require_review is on; the
 * county office keeps the direct route for history and corrections, as imports do. ERR_FORBIDDEN with e's
 * field "type" when it may not; ERR_OK for every other type, unknown ones included (the event's own checks
 * name those). */
enum err settings_event_direct(struct store *st, const char *role, const char *type, struct errinfo *e);
/* The same for many events (an import's rows): *review caches the setting (-1 before it is read). */
enum err settings_event_direct_cached(struct store *st, int *review, const char *role, const char *type,
    struct errinfo *e);
/* The income items the exit check counts: bit 1 wage, 2 business, 4 property, 8 transfer. */
unsigned settings_exit_income_items(struct store *st);
/* The village exit threshold in hundredths of a percent (200 = 2 %). */
int settings_village_threshold(struct store *st);
/* Set a setting after checking the value (audited). keys: require_review (on|off), exit_income_items
 * (wage,business,property,transfer), village_exit_threshold (percent, e.g. 2 or 3). */
enum err settings_set(struct txn *t, const char *key, const char *value, struct errinfo *e);
/* The value shown for key (arena), or NULL with ERR_INVALID for an unknown key. */
enum err settings_get(struct store *st, const char *key, char **value, struct arena *a, struct errinfo *e);
extern const char *const settings_keys[];
extern const size_t n_settings_keys;

/* ---- assessments (入户核实记录) ---- */
/* Record an assessment of household hh_no (audited). x->household_id and x->recorded_* are filled here. */
enum err assessment_record(struct txn *t, const char *hh_no, struct assessment *x, struct errinfo *e);
/* A household's assessments (newest first). */
enum err assessment_list(struct store *st, const char *hh_no, struct assessment **out, size_t *n, struct arena *a,
    struct errinfo *e);
/* Parse a housing grade ("A".."D", "relocated", 已搬迁) into its code; false if not one. */
bool assessment_housing_code(const char *s, const char **code);
const char *assessment_housing_label(const char *code);

#endif
