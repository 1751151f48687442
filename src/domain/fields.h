/* fields.h: the columns of the registry and events sheets (ARCHITECTURE.md §4), matched by Chinese label or
 * English alias after folding, and the cell parsers that turn text into typed values with a precise problem.
 * The same field names are the JSON keys of the API. No I/O, no SQL. */
#ifndef TUOPIN_FIELDS_H
#define TUOPIN_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/codes.h"
#include "domain/problem.h"
#include "lib/arena.h"
#include "lib/buf.h"

enum col {
	C_VILLAGE_CODE, C_TOWN, C_VILLAGE, C_HH_NO, C_NAME, C_ID_NO, C_RELATION, C_SEX, C_ETHNICITY, C_EDUCATION,
	C_SCHOOLING, C_HEALTH, C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION,
	C_DIBAO, C_TEKUN, C_MEMBER_PHONE, C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD, C_STATUS,
	C_IDENTIFIED_YM, C_EXIT_YEAR, C_PHONE, C_BANK, C_BANK_ACCOUNT, C_NET_INCOME_PC, C_INCOME_YEAR,
	/* events sheet */
	C_EVENT_TYPE, C_EFFECTIVE, C_BATCH, C_REASON, C_CORRECTION, C_TARGET_HH_NO,
	/* data_fix of a member's identity: the corrected 证件号码 and 出生日期 */
	C_NEW_ID_NO, C_BIRTH,
	/* member_remove of the head: the member who becomes the head; data_fix making a member the head: the
	 * relation the head there was takes */
	C_NEW_HEAD, C_FORMER_HEAD,
	/* income survey sheet (收入, one row per household and year) */
	C_WAGE, C_BUSINESS, C_PROPERTY, C_TRANSFER, C_BUSINESS_COST, C_HH_SIZE,
	/* divisions sheet */
	C_DIV_CODE, C_DIV_NAME, C_DIV_LEVEL, C_DIV_PARENT, C_DIV_POOR, C_DIV_EXIT_YEAR, C_DIV_RURAL_POP,
	C__MAX
};

enum ftype { F_TEXT, F_CODE, F_BOOL, F_INT, F_MONEY, F_DATE, F_YM, F_YEAR, F_IDNO, F_PHONE, F_ACCOUNT, F_CAUSES,
	F_DIVCODE };

struct field {
	const char *key;      /* API name and English header alias */
	const char *label;    /* Chinese header */
	const char *aliases;  /* other header spellings, '|'-separated */
	enum ftype type;
	enum codelist cl;     /* for F_CODE */
	int max;              /* F_TEXT: characters; F_INT: largest value */
};

extern const struct field fields[C__MAX];

/* The column index in a header row for each field (-1 if absent). */
struct header {
	int col[C__MAX];
	const char *label[C__MAX];   /* the header text as the file wrote it */
};

/* Map a header row. Duplicate known columns are reported as problems on row 1; unknown columns are
 * ignored (national exports carry many). Returns the number of known columns found. */
int header_map(struct header *h, const struct str *cells, size_t n, struct problems *p, struct arena *a);
/* The cell of field c in a row, trimmed; empty if the column is absent or short. */
struct str header_cell(const struct header *h, enum col c, const struct str *cells, size_t n);
/* The column label for messages: as the file wrote it, else the field's Chinese label. */
const char *header_label(const struct header *h, enum col c);

/* The sheets one imports (ARCHITECTURE.md §4): each kind's columns in template order and those it requires.
 * The templates (GET /api/imports/KIND/template) and the import page's list of required
 * columns are made from this table, and the importers require the same columns. */
struct sheet_spec {
	const char *kind;             /* divisions, registry, events, income */
	const char *label, *label_en; /* 建档立卡名单 ... */
	const enum col *cols;
	size_t n_cols;
	const enum col *required;
	size_t n_required;
	bool county_only;             /* only an office whose scope is a county or wider imports it */
	const char *note, *note_en;   /* what else the sheet needs, in words (NULL: nothing) */
};
extern const struct sheet_spec sheet_specs[];
extern const size_t n_sheet_specs;
const struct sheet_spec *sheet_spec_find(const char *kind);

/* Cell parsers: false with a problem added (when p is not NULL) if the text is not acceptable. An empty
 * cell yields the "unknown" value (NULL, -1 or 0) and true; callers decide what is required. */
bool parse_code(enum codelist cl, struct str s, const char **out, struct problems *p, int row, const char *col);
bool parse_bool(struct str s, int *out, struct problems *p, int row, const char *col);
bool parse_int_range(struct str s, int lo, int hi, int *out, struct problems *p, int row, const char *col);
bool parse_money(struct str s, int64_t *out, struct problems *p, int row, const char *col);
bool parse_date_cell(struct str s, int *out, struct problems *p, int row, const char *col);
bool parse_ym(struct str s, int *out, struct problems *p, int row, const char *col);
bool parse_year(struct str s, int *out, struct problems *p, int row, const char *col);
/* The day of a record: not before DATE_RECORDS_FROM (date_too_early) and, when today is not 0, not after it
 * (future, the message of the record's kind). The error names field. */
enum err record_day(int day, int today, const char *field, enum msg future, struct errinfo *e);
bool parse_phone(struct str s, char **out, struct arena *a, struct problems *p, int row, const char *col);
/* 银行账号: 8 to 32 digits; spaces and hyphens between groups are dropped ("6217 0000 …" is stored as digits). */
bool parse_bank_account(struct str s, char **out, struct arena *a, struct problems *p, int row, const char *col);
/* 其他致贫原因: up to two causes separated by 、 , ， ; or spaces; stored as "01,07". */
bool parse_causes(struct str s, char **out, struct arena *a, struct problems *p, int row, const char *col);
bool parse_text(struct str s, int max_chars, char **out, struct arena *a, struct problems *p, int row,
    const char *col);
/* A 12-digit division code (6- and 9-digit forms are padded with zeros). */
bool parse_divcode(struct str s, int64_t *out, struct problems *p, int row, const char *col);
/* The cell text of a JSON value given for a sheet column (a household or a member sent as JSON, turned into a
 * sheet row for the importers): strings as they are, numbers in decimal, booleans 是/否, arrays joined by 、,
 * null "", an object "\x01" (the callers refuse objects first). jv is a json_t *. */
const char *field_json_text(void *jv, struct arena *a);

#endif
