/* external.h: other departments' lists for comparison with the registry (数据比对, DOMAIN.md §8.2): the kinds
 * of list as data (their columns and what they mean), importing a list all or nothing, listing, showing
 * and deleting lists. A list's rows are personal data: only roles that may compare (CAP_COMPARE) reach these
 * functions, every import, read and deletion is audited, and the rows are never shown beyond what a finding
 * needs. Matching them against the registry is the rules' work (check.c). No SQL, no HTTP. */
#ifndef TUOPIN_EXTERNAL_H
#define TUOPIN_EXTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/problem.h"
#include "io/sheet.h"
#include "store/store.h"

enum xc_type { XT_TEXT, XT_DATE, XT_DIVCODE };
enum xc_role {
	XR_DATA,       /* kept with the row (JSON), shown as evidence where a rule names it */
	XR_DAY,        /* the row's date: the day the fact began (death, move, registration, ...) */
	XR_VALUE,      /* the row's main value (a plate, a company, an address) */
	XR_VILLAGE,    /* the village the row belongs to (rolls of 民政) */
};

struct ext_column {
	const char *key;       /* JSON key and English header */
	const char *label;     /* Chinese header */
	const char *aliases;   /* other headers, '|'-separated, or NULL */
	enum xc_type type;
	enum xc_role role;
	bool required;
};

#define EXT_MAX_COLS 4

struct ext_kind {
	const char *code;              /* "death" */
	const char *zh, *en;           /* 死亡人员, deaths */
	const char *source_zh, *source_en;   /* the department that keeps it */
	bool roll;                     /* a register of who receives something: the latest list replaces earlier ones */
	bool multi;                    /* one person may be on several rows (vehicles, houses, companies) */
	struct ext_column cols[EXT_MAX_COLS];
};
extern const struct ext_kind ext_kinds[];
extern const size_t n_ext_kinds;
/* By code or Chinese name; NULL if none. */
const struct ext_kind *ext_kind_find(const char *s);
const char *ext_kind_label(const struct ext_kind *k);   /* in the current language */
/* "death, vehicle, ..." for messages. */
const char *ext_kind_codes(void);

struct external_opts {
	const char *path;
	const char *file_name;        /* the user's name for the file (NULL: path's last part) */
	struct sheet *sheet;          /* rows given already (the importer closes it); path is NULL */
	const char *kind;             /* a kind's code or Chinese name */
	int date;                     /* the day the list speaks of (0: today); never after today */
	const char *source;           /* the department (NULL: the kind's) */
	bool dry_run;
	bool lenient;                 /* rows with broken ID numbers are listed as warnings and left out */
	int64_t now;
	const char *actor, *ip;
	int64_t division;             /* the importer's scope (0: everything) */
	const struct sheet_limits *limits;
};

struct external_result {
	const struct ext_kind *kind;
	int64_t list_id;
	int date;
	enum sheet_kind sheet_kind;
	enum sheet_encoding encoding;
	int rows;                     /* data rows read */
	int stored;                   /* rows kept */
	int skipped;                  /* rows left out (broken ID numbers, lenient) */
	int64_t matched;              /* rows whose number a member in the scope holds today */
	int64_t other_name;           /* ... of them under another name */
	bool written;
	struct problems problems;
};

/* Import a list: ERR_OK when written (or, with dry_run, it would be), ERR_INVALID with every problem in
 * r->problems (nothing written), or another error (in e): an unknown kind or a date after today is
 * ERR_INVALID with e->field "kind" or "date". r->problems must be initialised with problems_init. */
enum err external_import(struct store *st, const struct external_opts *o, struct external_result *r,
    struct arena *a, struct errinfo *e);

/* The lists whose divisions meet the scope, newest first. */
enum err external_lists(struct store *st, bool deleted, struct external_list_row **out, size_t *n, struct arena *a,
    struct errinfo *e);
/* One list with how many of its rows members in the scope hold (today); audited as a read. */
struct external_summary {
	struct external_list_row list;
	int64_t matched, other_name;
};
enum err external_show(struct store *st, int64_t id, const char *actor, const char *ip, struct external_summary *s,
    struct arena *a, struct errinfo *e);
/* Delete a list's rows (the list's record stays, marked deleted); audited. Findings keep their evidence. */
enum err external_delete(struct store *st, int64_t id, const char *actor, const char *ip, int64_t now,
    struct errinfo *e);

#endif
