/* monitor.h: 防返贫动态监测 (DOMAIN.md §4.2, §4.3, §5.4): the monitoring line per year, monitoring cases (opened by
 * a monitor_in proposal with the monitoring workflow, closed by a risk_eliminate proposal; a household without
 * labour capacity stays monitored with its social security recorded), programme memberships (低保, 低保边缘, 特困,
 * with dates and source), and the monitoring list and figures as of any date. No SQL and no HTTP here.
 *
 * Who may be monitored: a former poor household (脱贫户: exited_supported / exited_unsupported) or an ordinary
 * rural household (一般农户: status ordinary, entered through the registry's creation path, in no 建档立卡
 * figure). The type must fit: 脱贫不稳定户 (unstable) a 脱贫户, 边缘易致贫户 (marginal) an 一般农户, 突发严重困难户
 * (sudden) either. */
#ifndef TUOPIN_MONITOR_H
#define TUOPIN_MONITOR_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/txn.h"
#include "lib/arena.h"
#include "lib/err.h"

/* A standard line (year, region, kind: the poverty line the exit and check rules read, a province's own line)
 * set by an administrator: one audit row (line.set) with the figures. The kind is national (region CN),
 * provincial (a 2-digit province code) or monitoring (either): a line no rule would read is refused (bad_line_kind,
 * bad_line_region). */
enum err poverty_line_set(struct txn *t, int year, const char *region, const char *kind, int64_t amount,
    const char *note, struct errinfo *e);
/* What a kind of line is called: 国家扶贫标准, 省定扶贫标准, 防返贫监测标准 (the kind itself if none). */
const char *line_kind_label(const char *kind);
/* Set the monitoring line of year for region ("CN" or a 2-digit province code), in fen (audited). */
enum err monitor_line_set(struct txn *t, int year, const char *region, int64_t amount, const char *note,
    struct errinfo *e);

/* Check a monitor_in request for household h and give the payload stored on the proposal (malloc'd JSON:
 * {"monitor_type":"unstable","risks":["illness",...]}). Errors name the field (monitor_type, risks). */
enum err monitor_in_validate(const struct household *h, const char *type, const char *risks, char **payload,
    struct errinfo *e);
/* One risk of a list sent item by item (the API's array): a code or label, whole (an item holding a
 * separator is refused, not split). */
enum err monitor_risk_item(const char *item, struct errinfo *e);
/* The same for risk_eliminate ({"way":"help"}): the household must be monitored. */
enum err monitor_eliminate_validate(const struct household *h, const char *way, char **payload, struct errinfo *e);
/* The discovery channel's code for a code or label (CL_MON_CHANNEL), NULL if none. */
const char *monitor_channel_code(const char *s);

/* What the last approval of a proposal writes (proposal.c's effect hooks): monitor_in records the event and
 * opens a case; risk_eliminate records the event and closes the case, or — no member with labour capacity on
 * the day — keeps the case open with the social security in place (no event; *event_id 0). */
struct proposal;
enum err monitor_effect_in(struct txn *t, const struct household *h, const struct proposal *p, int effective,
    int64_t *event_id, struct errinfo *e);
enum err monitor_effect_eliminate(struct txn *t, const struct household *h, const struct proposal *p,
    int effective, int64_t *event_id, struct errinfo *e);
/* Whether a member on the list has labour capacity (普通, 技能, 弱/半劳动力). */
bool household_has_labour(const struct member *ms, size_t nm);

/* ---- programmes ---- */
struct programme_req {
	const char *hh_no;       /* the household, or */
	const char *id_no;       /* a member's 证件号码 (民政's rolls name the head) */
	const char *kind;        /* CL_PROGRAMME code or label */
	int from, to;            /* to 0: open */
	const char *source;      /* "form" or the sheet's name */
};
enum err programme_add(struct txn *t, const struct programme_req *r, struct errinfo *e);
/* A household's memberships, oldest first. */
enum err programme_list(struct store *st, const char *hh_no, struct programme **out, size_t *n, struct arena *a,
    struct errinfo *e);
/* A household's cases, oldest first. */
enum err monitor_cases(struct store *st, const char *hh_no, struct monitor_case **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* ---- lists and figures ---- */
struct monitor_row {
	struct monitor_case c;     /* the household's latest case identified on or before the day */
	bool monitored;            /* open on the day (not eliminated by then) */
	bool held;                 /* no labour capacity: elimination held back, still monitored */
	int n_cases;               /* cases of the household up to the day */
	char programmes[64];       /* codes in force on the day, comma-separated */
	char *village_name, *town_name;
};
struct monitor_query {
	int day;                   /* 0: today */
	int64_t division;          /* 0: the scope */
	const char *state;         /* monitored, eliminated or NULL for both */
	const char *type;          /* CL_MON_TYPE code or NULL */
	const char *programme;     /* CL_PROGRAMME code or NULL */
	const char *risk;          /* CL_MON_RISK code or NULL: the latest case lists that risk */
};
enum err monitor_list(struct store *st, const struct monitor_query *q, struct monitor_row **out, size_t *n,
    struct arena *a, struct errinfo *e);

struct hp {
	int64_t households, persons;
};
enum { MT_UNSTABLE, MT_MARGINAL, MT_SUDDEN, MT__MAX };
enum { MW_HELP, MW_NATURAL, MW__MAX };
struct monitor_counts {
	struct hp monitored, eliminated, by_type[MT__MAX], by_way[MW__MAX], identified_this_year,
	    eliminated_this_year, held, by_risk[11];
};
struct monitor_stats_row {
	struct division d;
	struct monitor_counts c;
};
struct monitor_stats {
	int day;
	struct division div;
	struct monitor_counts totals;
	struct monitor_stats_row *rows;
	size_t n_rows;
};
/* by: 0 none, LV_TOWN or LV_VILLAGE (rows under div). */
enum err monitor_stats(struct store *st, int day, int64_t division, int by, struct monitor_stats *r,
    struct arena *a, struct errinfo *e);

/* ---- early warnings (issue 16 point 5) ----
 * As of a day, the 脱贫户 and 一般农户 of the scope not monitored on that day that the data says should be looked at:
 *   low_income   the latest 人均纯收入 (year <= the day's year) under that year's monitoring line;
 *   income_fall  the latest 人均纯收入 fell from the year before by at least the configured share
 *                (settings key warning_income_fall, percent, 30 by default);
 *   health       a member recorded with a serious illness (患有大病) or a disability (残疾) by an event effective
 *                in the twelve months up to the day: a correction of the health field, a member added or enrolled;
 *   medical_cost a member on a 医保 list of high out-of-pocket costs (external kind medical_cost) with at least
 *                the configured amount (settings key warning_medical_cost, yuan, 10000 by default: exactly the
 *                amount is a warning) dated in the twelve months up to the day (the row's 结算日期, else the
 *                list's date);
 *   disaster     a member on a list of disaster victims (external kind disaster) dated in those twelve months;
 *   labour_death 主要劳动力死亡: a member recorded as 普通劳动力 (01) or 技能劳动力 (02) on a 公安 list of deaths
 *                (external kind death) dated in those twelve months.
 * The three list rules see the members of 脱贫户 and 一般农户 (as on the day) not monitored on the day, a member
 * being a member of the household on the row's date; their basis is the list row (list id × 1000000 + row number).
 * A warning is named RULE:HH_NO:BASIS (basis: the income year, or the health event's id); a dismissal with a
 * reason is stored against that name and audited; a monitor_in proposal opened for the household shows on it. */
enum { WR_LOW_INCOME, WR_INCOME_FALL, WR_HEALTH, WR_MEDICAL_COST, WR_DISASTER, WR_LABOUR_DEATH, WR__MAX };
#define MEDICAL_COST_WARN 1000000   /* fen: the default of the setting warning_medical_cost */
extern const char *const warning_rules[WR__MAX];
struct monitor_warning {
	char key[80];
	int rule;                  /* WR_* */
	int64_t basis;
	int64_t household_id;
	char *hh_no, *head_name, *village_name, *town_name;
	int64_t village;
	enum status status;
	int persons;
	int year, prev_year, line_year;         /* income rules */
	int64_t net_pc, prev_net_pc, line;      /* fen */
	int fall;                  /* hundredths of a percent */
	int64_t event_id;          /* health */
	int day;
	char *member_name, *health;
	char *labor;               /* labour_death: the member's 劳动技能 */
	char *source, *value;      /* list rules: the list's department and the row's value (amount, hazard) */
	int64_t amount;            /* medical_cost: fen */
	int64_t proposal_id;       /* an open monitor_in proposal of the household, 0 none */
	const struct warning_dismissal *dismissed;   /* NULL if not dismissed */
};
struct warning_query {
	int day;                   /* 0: today */
	int64_t division;          /* 0: the scope */
	const char *rule;          /* a rule code or NULL */
	bool all;                  /* dismissed ones too */
	int64_t household_id;      /* 0: every household */
};
struct warning_list {
	int day;
	int fall_share;            /* hundredths of a percent */
	int64_t medical_cost;      /* fen: the medical_cost rule's amount */
	struct division div;
	struct monitor_warning *rows;
	size_t n;
	size_t households;         /* distinct households among rows */
};
enum err monitor_warnings(struct store *st, const struct warning_query *q, struct warning_list *out, struct arena *a,
    struct errinfo *e);
/* Dismiss the warning named key (RULE:HH_NO:BASIS) raised on day (0: today) with reason; audited as
 * monitor.dismiss. Unknown or out of scope: ERR_NOTFOUND; dismissed before: ERR_CONFLICT. */
enum err monitor_warning_dismiss(struct txn *t, const char *key, const char *reason, int day, struct errinfo *e);
/* The share (hundredths of a percent) of the income_fall rule. */
int settings_warning_fall(struct store *st);
/* The amount (fen) from which a row of a medical_cost list is a warning (setting warning_medical_cost). */
int64_t settings_warning_medical_cost(struct store *st);

#endif
