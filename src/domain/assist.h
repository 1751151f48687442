/* assist.h: 帮扶 and 督查 records (DOMAIN.md §7): the kinds of record (cadres, pairings, visits, measures,
 * projects, posts, loans, aid, assets, cases, ...) declared as tables of fields, and the one way every record is
 * read from text — a request's JSON, a command line's key=value pairs or a sheet's row — checked and written.
 * The declarations (assist_kinds.c) say which column a field is stored in, how its text is parsed and whether it
 * may change later; the rules that need the database (overlapping pairings, a post paid twice, ...) are hooks of
 * the kind (assistance.c). No SQL and no HTTP here. */
#ifndef TUOPIN_ASSIST_H
#define TUOPIN_ASSIST_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/codes.h"
#include "domain/problem.h"
#include "domain/txn.h"
#include "store/store.h"

/* ---- code lists of the assistance records (Tuopin's own codes; labels from DOMAIN.md §7) ---- */
enum alist {
	AL_AFFILIATION,      /* 单位隶属关系 */
	AL_TEAM_ROLE,
	AL_VISIT_MODE,
	AL_CATEGORY,         /* 帮扶措施类别 */
	AL_ITEM,             /* 帮扶项目 (sub-items, each of one category) */
	AL_PROJECT_KIND,
	AL_FUND_SOURCE,
	AL_BENEFIT_MODE,
	AL_POST_KIND,
	AL_LOAN_PRODUCT,
	AL_PAID_BY,
	AL_ASSET_CLASS,
	AL_OWNER_LEVEL,
	AL_CASE_SOURCE,
	AL_CASE_CATEGORY,
	AL_ACCOUNTABILITY,
	AL_CHANNEL,
	AL__MAX
};
struct acode {
	const char *code, *zh, *en;
	const char *aliases;     /* '|'-separated */
	const char *parent;      /* AL_ITEM: the category's code */
};
struct acode_list {
	const char *zh, *en;
	const struct acode *v;
	size_t n;
};
const struct acode_list *alist(enum alist l);
/* The entry for text (code, label, English label or alias, folded); within parent for AL_ITEM (NULL: any). */
const struct acode *acode_find(enum alist l, struct str s, const char *parent);
const struct acode *acode_by_code(enum alist l, const char *code);
/* The label of a stored code in the current language (the code itself if unknown, "" for NULL). */
const char *acode_label(enum alist l, const char *code);

/* ---- fields and kinds ---- */
enum aftype {
	AF_TEXT,
	AF_INT,       /* a whole number >= 0 */
	AF_MONEY,     /* yuan with at most two decimals, stored in fen; never negative */
	AF_RATE,      /* a yearly rate in per cent ("4.35", "4.35%"), stored in hundredths */
	AF_DATE,
	AF_YEAR,
	AF_MONTH,     /* YYYYMM ("2018-03", "201803") */
	AF_BOOL,      /* tri-state: 1, 0, NULL */
	AF_CODE,      /* one of an enum alist */
	AF_GCODE,     /* one of an enum codelist (codes.c) */
	AF_ITEM,      /* AL_ITEM within the record's category */
	AF_PHONE,
	AF_IDNO,      /* a person's ID number (a cadre's) */
	AF_DIV,       /* a division in scope: code or unique name */
	AF_VILLAGE,   /* a village in scope */
	AF_HH,        /* a household in scope by 户编号: its id, and its village as the record's division */
	AF_MEMBER,    /* a registered person by 证件号码 (in the household if one is given): id, household, village */
	AF_CADRE,     /* a cadre by number, 证件号码 or unique name */
	AF_REF,       /* the parent record (enum akind in ref) by number, in scope */
	AF_PERSONS,   /* 证件号码 of persons the record helps: child records of kind ref (not stored here) */
	AF_HOUSEHOLDS,/* 户编号 of households the record concerns: child records of kind ref */
};
enum {
	AFL_REQ = 1,      /* required */
	AFL_MUT = 2,      /* may be changed after it is recorded */
	AFL_LIST = 4,     /* shown in lists */
	AFL_MASK = 8,     /* personal: masked unless the user may see it and asks */
	AFL_POS = 16,     /* AF_MONEY: more than zero */
	AFL_AUTO = 32,    /* derived when not given (a default, or from the parent) */
	AFL_AHEAD = 64,   /* AF_DATE: may lie ahead of today (an end, a deadline, a loan's due day); every other
	                   * date is of something done, so not after today; none before DATE_RECORDS_FROM.
	                   * AF_YEAR: may be next year (insurance is paid in the autumn for the year to come);
	                   * every other year is not after this one */
};
struct afield {
	const char *key;          /* JSON key, command-line name, and English header */
	const char *zh, *en;      /* label (Chinese header of a sheet) */
	const char *aliases;      /* other headers, '|'-separated */
	enum aftype type;
	int list;                 /* AF_CODE: enum alist; AF_GCODE: enum codelist; AF_REF/AF_PERSONS/AF_HOUSEHOLDS:
	                           * enum akind */
	const char *col;          /* column (NULL for child records) */
	unsigned flags;
	int max;                  /* AF_TEXT: characters */
};
enum agroup { AG_ASSIST, AG_SUPERVISE };
struct actx;
struct arec;
struct akind_desc {
	enum akind k;
	const char *code;          /* "measure": API path, command line */
	const char *zh, *en;
	const char *plural;        /* "measures": the import's name (tuopin import measures FILE) */
	enum agroup group;
	const char *disc;          /* the value of the table's kind column for this kind, or NULL */
	const struct afield *f;
	size_t nf;
	/* columns with a role (names; NULL: none) */
	const char *scope, *household, *member, *ref, *day, *end;
	int ref_kind;              /* enum akind of the parent, -1 if none */
	/* rules that need the database or several fields; problems go to p (row, the field's label) */
	enum err (*check)(struct actx *c, struct arec *r, bool update, struct problems *p, int row);
	/* writes that follow the record's (a pairing closes the one before; a loan's beneficiaries) */
	enum err (*after)(struct actx *c, struct arec *r, struct errinfo *e);
};
extern const struct akind_desc akinds[AK__MAX];
const struct akind_desc *akind_find(const char *code);   /* by code or plural; NULL if none */
const struct afield *afield_find(const struct akind_desc *d, const char *key);
/* Column index of name in d's table (-1 for NULL or none). */
int acol(const struct akind_desc *d, const char *name);

/* A record: its row (columns in table order, names joined on reads) and the kind. */
struct arec {
	const struct akind_desc *d;
	struct arow r;
	/* child records asked for by AF_PERSONS / AF_HOUSEHOLDS: member or household ids */
	int64_t *children;
	size_t n_children;
};

/* Who writes, and how. */
struct actx {
	struct txn *t;
	struct store *st;
	struct arena *a;
	const char *role;          /* the user's role code; NULL for the command line (no limits) */
	int64_t own_cadre;         /* a cadre user's own cadre record (else 0) */
	bool trusted;              /* the demo: the generator guarantees what the database checks would find */
	bool sheet;                /* problems name a field by its label (a sheet), not by its key (a request) */
	/* set when a person was named by an ID number registered outside the user's divisions: answered as a
	 * number of nobody (no oracle), and the caller audits the attempt after its rollback (write.out_of_scope) */
	const char *probed;
};

/* One input value: by field key (requests, command line) or by column header (sheets). */
struct akv {
	const char *key;
	struct str val;
	const char *label;         /* the column's header as a sheet wrote it, or NULL */
};

/* Parse, check and insert one record of kind k from n values. Problems (row, field label, reason) go to p;
 * ERR_INVALID when there is any. A household, person or parent record out of scope is ERR_NOTFOUND with e
 * filled (and the problem listed). Children (a loan's beneficiaries, a case's households) are written too. The
 * write is audited unless c->t->quiet_audit. out may be NULL. */
/* The attempt to name persons registered outside the user's divisions (actx.probed), written to the audit log
 * after the write's rollback as write.out_of_scope on object (the kind): the first number masked and, for a
 * sheet (rows > 0), how many rows did. */
void assist_audit_probe(struct store *st, const char *actor, const char *ip, const char *object, const char *id_no,
    int rows);
enum err arec_create(struct actx *c, enum akind k, const struct akv *in, size_t n, struct arec *out,
    struct problems *p, int row, struct errinfo *e);
/* Change the mutable fields given of record id (ERR_NOTFOUND out of scope). */
enum err arec_update(struct actx *c, enum akind k, int64_t id, const struct akv *in, size_t n, struct arec *out,
    struct problems *p, struct errinfo *e);
/* Insert a record built by the caller (the demo): the pure checks run, the hooks do not (c->trusted). */
enum err arec_insert_row(struct actx *c, struct arec *r, struct errinfo *e);

/* Value helpers over a record's row. */
int64_t arec_int(const struct arec *r, const char *col);      /* 0 for NULL or no such column */
const char *arec_text(const struct arec *r, const char *col); /* NULL for NULL */
bool arec_null(const struct arec *r, const char *col);
/* Whether a record tells of a person's health: a measure of 健康扶贫 (签约服务, 大病救治, 医疗救助, one with no
 * item; not the insurances or the free check-up, which are everyone's) or a disability allowance. Where health
 * is masked (HEALTH_MASKS), its item and content are withheld too. */
bool arec_tells_health(const struct arec *r);
void arec_set_int(struct arec *r, const char *col, int64_t v);
void arec_set_text(struct arec *r, const char *col, const char *s);
void arec_set_null(struct arec *r, const char *col);
/* An empty record of kind k (every column NULL, the kind column set), in arena a. */
void arec_init(struct arec *r, enum akind k, struct arena *a);

/* Read: a page of kind k by filter, or one record (ERR_NOTFOUND out of scope). */
enum err arec_list(struct store *st, enum akind k, const struct arow_filter *f, struct arec **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e);
/* a record list's download (CSV or Excel) into the audit log: `export.records`, its filter and size */
enum err arec_export_audit(struct store *st, const struct akind_desc *d, const struct arow_filter *f,
    const char *hh_no, int64_t division, const char *format, int64_t rows, bool full, const char *actor,
    const char *ip, struct errinfo *e);
enum err arec_get(struct store *st, enum akind k, int64_t id, struct arec *out, struct arena *a, struct errinfo *e);
/* A full view of a page of records of kind d on record (view.full_id, object the kind), before it is shown:
 * the filter (f, with the household's number hh_no and the division asked as given), the page and the number
 * of records shown of total. */
enum err arec_list_audit_full(struct store *st, const struct akind_desc *d, const struct arow_filter *f,
    const char *hh_no, int64_t division, size_t shown, int64_t total, const char *actor, const char *ip,
    struct errinfo *e);

/* May this role read / write kind k? (cadre users: visits and measures of their own households only) */
bool akind_readable(const struct akind_desc *d, const char *role);
bool akind_writable(const struct akind_desc *d, const char *role);

/* ---- settings (meta) ---- */
struct assist_settings {
	int visit_days;     /* a household is due for a visit this many days after the last one (default 90) */
	int cadre_limit;    /* a cadre helping more households than this is listed (default 30) */
};
enum err assist_settings_get(struct store *st, struct assist_settings *s, struct errinfo *e);
/* Set one setting by key ("visit_days", "cadre_limit") to text v; audited. */
enum err assist_settings_set(struct txn *t, const char *key, const char *v, struct errinfo *e);

/* ---- households, due visits, cadres with too many households ---- */
struct assist_hh_view {
	struct assist_hh h;
	int due;            /* the day the next visit is due: (the last visit or the pairing's start) + visit_days */
	bool overdue;       /* due before the day asked */
};
enum hh_which { HH_ALL, HH_UNASSIGNED, HH_OVERDUE };
/* The households in division (0: the scope) on day that need a cadre and visits, and which of them have none
 * or are overdue. cadre != 0: that cadre's households. */
enum err assist_households(struct store *st, int day, int64_t division, int64_t cadre, enum hh_which which,
    struct assist_hh_view **out, size_t *n, struct arena *a, struct errinfo *e);

/* A visit of a household is late when it comes after the due date of the visit (or pairing) before it. */
bool visit_late(int visit_day, int prev_day, int visit_days);

/* The cadre record linked to an account (0 if none). */
enum err assist_cadre_of_user(struct store *st, const char *user, int64_t *cadre, struct errinfo *e);

/* ---- imports (all or nothing, every problem listed) ---- */
struct import_opts;
struct import_result;
/* Import a sheet of records of kind k (columns by the fields' labels). "insurance" sheets carry 险种 and go to
 * medical_insurance or serious_illness_insurance row by row. */
enum err assist_import(struct store *st, const char *what, const struct import_opts *o, struct import_result *r,
    struct arena *a, struct errinfo *e);
/* Whether what names an assistance import (cadres, pairings, measures, post_payments, loans, insurance, or any
 * kind's code or plural). */
bool assist_import_known(const char *what);
/* The kind an import of what loads (medical_insurance for "insurance"), or NULL. */
const struct akind_desc *assist_import_kind(const char *what);
/* The sheets of records role may import (the import page's choices, the guide's order): its name, label, the
 * kind it loads (columns: the kind's fields by their Chinese labels) and whether it carries 险种. */
struct assist_import_sheet {
	const char *what, *zh, *en;
	const struct akind_desc *d;
	bool insurance;
};
size_t assist_imports(const char *role, struct assist_import_sheet *out, size_t max);

#endif
