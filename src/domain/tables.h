/* tables.h: the standard statistics tables (DOMAIN.md §9.1), each defined once as data: its rows (the
 * divisions at a level, or the bands of a field), its columns (a count of households or persons under a
 * filter, an amount, a count of villages, or a formula over other columns), groups of columns for merged
 * headers, units and a title. One engine computes any definition; src/view/view_table.c renders any result
 * as a screen table, JSON, CSV or XLSX. Adding a table is adding a definition to table_defs.c.
 * No SQL here: the rows come from store_each_fact. */
#ifndef TUOPIN_TABLES_H
#define TUOPIN_TABLES_H

#include "domain/report.h"
#include "io/sheet.h"

/* What a filter looks at. Household fields are the same on every row of a household; person fields belong to
 * one member (a household without members that day has none). Ages are whole years on the as-of date. Money is
 * in fen; the income fields are the survey of the table's income year. */
enum tfield {
	TF_NONE,
	/* person */
	TF_SEX, TF_ETHNICITY, TF_EDUCATION, TF_SCHOOLING, TF_HEALTH, TF_LABOR, TF_WORK, TF_WORK_MONTHS, TF_AGE,
	TF_INS_MEDICAL, TF_INS_SERIOUS, TF_INS_PENSION, TF_DIBAO, TF_TEKUN, TF_ID_KIND, TF_RELATION,
	/* household */
	TF_ATTRIBUTE, TF_CAUSE_MAIN, TF_CAUSE_OTHER, TF_SIZE, TF_INCOME_KNOWN, TF_WAGE, TF_BUSINESS, TF_PROPERTY,
	TF_TRANSFER, TF_COST, TF_TOTAL_INCOME, TF_NET, TF_NET_PC, TF_POOR_VILLAGE,
	/* the household's records besides the registry (store_hh_extras), read only by the tables that name them:
	 * TF_PAIRED 1 when a pairing (结对帮扶) is in force on the day; TF_CADRE_AFF the 单位隶属关系 of its cadres;
	 * TF_HOUSING (住房安全 A-D, relocated) and TF_WATER (安全饮水 1/0) of its latest assessment on or before the day;
	 * TF_MEASURE the categories of its measures (帮扶措施) of the day's year. A text filter on these holds when
	 * any of the household's codes is one of the filter's comma-separated codes (TOP_HAS); TOP_EMPTY: none. */
	TF_PAIRED, TF_CADRE_AFF, TF_HOUSING, TF_WATER, TF_MEASURE,
	TF_ASSESSED,   /* 1 when the household has an assessment on or before the day */
	TF_GROUP,   /* the household's status is in the enum group lo */
	TF__MAX
};
enum top {
	TOP_ALL,      /* every row */
	TOP_EQ,       /* text field equals code (a code list's code); numeric field equals lo */
	TOP_NE,       /* text field is given and differs from code */
	TOP_EMPTY,    /* text field not given; numeric field unknown */
	TOP_RANGE,    /* numeric field in [lo, hi) */
	TOP_HAS,      /* code is one of the comma-separated codes of the field (其他致贫原因) */
	TOP_IN,       /* the text field is one of code's comma-separated codes (低保户 with 低保贫困户) */
	TOP_EMPTY_OR_EQ, /* text field not given or equal to code (非在校生: a member with a 文化程度 has no 在校生状况) */
};
struct tfilter {
	enum tfield f;
	enum top op;
	const char *code;
	int64_t lo, hi;
};
#define T_NOLIMIT INT64_MAX

enum tkind {
	TK_HOUSEHOLDS,     /* households of the universe with a row matching the filters */
	TK_PERSONS,        /* persons of the universe matching the filters */
	TK_SUM,            /* sum of field `sum` over the households matching the filters (each counted once) */
	TK_VILLAGES,       /* villages (行政村) of the row matching the filters (only TF_POOR_VILLAGE, or none) */
	TK_VILLAGES_WITH,  /* villages whose column `a` is above zero */
	TK_RURAL_POP,      /* 乡村人口 of the row's villages (those that have one) */
	TK_CADRES,         /* distinct cadres paired on the day with the row's households of the universe (where[0]
	                    * may be a TF_CADRE_AFF filter on the cadre's 单位隶属关系); division rows only */
	TK_RATIO,          /* column a / column b × scale; empty when b is 0 */
	TK_DIFF,           /* column a − column b */
	/* the change table (a definition with `changes`): households (unit TU_HOUSEHOLDS) or persons (TU_PERSONS) */
	TK_STOCK_START,    /* in the universe on the day before the period */
	TK_STOCK_END,      /* in the universe on the period's last day */
	TK_FLOW,           /* moved into (sign +1) or out of (−1) the universe by events of the types `events` (a mask
	                    * of 1 << evtype) effective in the period; events 0: every movement of that sign and unit
	                    * that no other flow column takes (so the identity holds whatever happens) */
	TK_FLOW_TOTAL,     /* every flow column of the sign and unit */
	TK_BALANCE,        /* start + in − out − end of the unit: 0 when the balance identity holds */
};
enum tunit { TU_HOUSEHOLDS, TU_PERSONS, TU_YUAN, TU_PERCENT, TU_VILLAGES, TU_NUMBER };

struct tcol {
	const char *key;            /* JSON and CSV key, stable: "female" */
	const char *zh, *en;        /* header */
	const char *group_zh, *group_en;   /* merged header over consecutive columns of the same group, or NULL */
	enum tkind kind;
	enum tunit unit;
	struct tfilter where[2];    /* all must hold */
	enum tfield sum;            /* TK_SUM */
	int a, b;                   /* TK_RATIO / TK_DIFF / TK_VILLAGES_WITH: column indexes */
	double scale;               /* TK_RATIO: 100 for a percentage, 0.01 for fen → 元 */
	int decimals;               /* shown decimals (0 for counts) */
	bool hidden;                /* computed for a formula, not shown */
	unsigned events;            /* TK_FLOW: 1 << evtype of the events it counts (0: the others) */
	int sign;                   /* TK_FLOW, TK_FLOW_TOTAL: +1 into the universe, −1 out of it */
};

/* Rows are the divisions at a level under the chosen division (the default), or bands of a field: then the
 * first band whose filter holds takes the household (or the person, for person columns). */
struct tband {
	const char *key, *zh, *en;
	struct tfilter where;
};

struct table_def {
	const char *code;           /* "1.1", used on the command line and in addresses */
	const char *group_zh, *group_en;   /* the section of the reports page: "贫困人口" */
	const char *title_zh, *title_en;
	const char *unit_zh, *unit_en;     /* the unit line: "单位：人" */
	int universe;               /* an enum group: whose households and persons count unless the query says
	                             * otherwise; G__MAX: every household whose status span covers the day */
	bool income;                /* reads the income survey (of the year before the as-of date by default) */
	const struct tcol *cols;
	size_t n_cols;
	const struct tband *bands;  /* NULL: rows are divisions */
	size_t n_bands;
	const char *note_zh, *note_en;     /* how it is counted, printed under the table */
	bool changes;               /* a change table over a period (TK_STOCK_*, TK_FLOW*, TK_BALANCE columns): stocks
	                             * and events as now known, the balance identity checked on every row */
};

/* The definitions, in the order of the reports page. */
const struct table_def *table_defs(size_t *n);
const struct table_def *table_def_find(const char *code);
/* The columns of the facts (enum fact_field bits, store.h) the table reads: the store reads no others. */
unsigned table_fields(const struct table_def *d);
const char *table_title(const struct table_def *d);
const char *table_group(const struct table_def *d);
const char *tcol_label(const struct tcol *c);
const char *tcol_group(const struct tcol *c);
const char *tunit_label(enum tunit u);

struct table_query {
	int as_of;                 /* 0: today */
	int64_t recorded_at;       /* 0: as now known */
	int from, to;              /* a period (kept for tables that take one; the summary tables use as_of) */
	int64_t division;          /* 0: the top of the scope */
	enum by by;                /* BY_CHILDREN, BY_TOWN or BY_VILLAGE */
	int universe;              /* -1: the definition's; else an enum group */
	int income_year;           /* 0: the year before as_of */
};

struct table_row {
	int64_t code;              /* division code (0 for a band row and for the total) */
	const char *key;           /* band key, or NULL */
	const char *name;
	int level;                 /* division level (drill-down goes one below) */
	double *v;                 /* n_cols values */
	bool *null;                /* a value that cannot be computed (a ratio over zero) */
};

struct table_result {
	const struct table_def *def;
	int as_of, from, to;
	int64_t recorded_at;
	int income_year;           /* 0 when the table reads no income */
	enum group universe;
	enum by by;
	struct division div;
	struct table_row *rows;
	size_t n_rows;
	struct table_row total;
	bool balanced;             /* a change table: 期初 + 增加 − 减少 = 期末 on every row and the total */
	enum table_read { TR_ONE_PASS, TR_HALVES, TR_HALVES_AGAIN } read;   /* how the facts were read: in one
				    * pass; in two halves at once; in two halves that saw different registries, so
				    * read again in one pass (tables.c, read_facts) */
};

/* Compute def for q within the store's scope: rows in code order, then the total (the division itself).
 * Everything is allocated in a. A division out of scope: ERR_NOTFOUND. A change table covers from..to (by
 * default 1 January of the as-of date's year to the as-of date; as_of becomes to) as now known: recorded_at is
 * refused (ERR_INVALID); r->balanced says whether the balance identity holds on every row. */
enum err table_compute(struct store *st, const struct table_def *def, const struct table_query *q,
    struct table_result *r, struct arena *a, struct errinfo *e);

/* Whether status s belongs to universe u (an enum group, or G__MAX: any status). */
bool table_universe_has(int u, enum status s);

/* Person lists (名单, DOMAIN.md §9.3): one row per person present on the day in a household of the universe,
 * with the national export's columns the registry holds, in village and 户编号 order, written row by row to a
 * CSV or XLSX file (memory does not grow with the list: one household is held at a time). ID numbers and
 * phones are masked unless full (then the export is audited first, as `export registry --full-id`). */
struct roster_opts {
	const char *path;
	enum sheet_kind kind;
	int as_of;             /* 0: today */
	int64_t division;      /* 0: the top of the scope */
	int universe;          /* -1: registered; else an enum group or G__MAX */
	bool full;
	const char *actor, *ip;
};
struct roster_result {
	int as_of;
	enum group universe;
	struct division div;
	int64_t households, persons;
	bool unaudited;   /* written from a read-only database, so not in its audit log (as export.h's) */
};
enum err roster_export(struct store *st, const struct roster_opts *o, struct roster_result *r, struct arena *a,
    struct errinfo *e);

#endif
