/* view.h: the renderings of results that the CLI and the API share, so both speak the same JSON shapes
 * (ARCHITECTURE.md §5): JSON (jansson), readable tables (Chinese first, CJK-aware column widths) and CSV.
 * Knows results, not how they were computed; no SQL, no HTTP. */
#ifndef TUOPIN_VIEW_H
#define TUOPIN_VIEW_H

#include <jansson.h>

#include "domain/audit.h"
#include "domain/campaign.h"
#include "domain/check.h"
#include "domain/external.h"
#include "domain/finding.h"
#include "domain/import.h"
#include "domain/codes.h"
#include "domain/fields.h"
#include "domain/report.h"
#include "io/sheet.h"
#include "lib/buf.h"
#include "lib/jw.h"

json_t *view_stats_json(const struct stats_result *r);
/* The same JSON written straight into out: compact (indent 0, the API's) or indented by that many spaces
 * (the CLI's 2, as jansson's JSON_INDENT). */
void view_stats_write(struct buf *out, const struct stats_result *r, int indent);
json_t *view_changes_json(const struct changes_result *r);
json_t *view_changes_households_json(const struct changes_hh_result *r);
json_t *view_batches_json(const struct batches_result *r);
/* The import kinds a user may use (county_wide: the divisions too), each with its columns and which are required. */
json_t *view_import_kinds_json(bool county_wide);
/* A template of one sheet kind: its header row, nothing else (XLSX: bold and frozen, widths fitted; CSV: BOM). */
enum err view_sheet_template(const struct sheet_spec *sp, const char *path, enum sheet_kind kind, struct errinfo *e);
json_t *view_check_json(const struct check_result *r);
json_t *view_problems_json(const struct problems *p);
json_t *view_import_json(const struct import_result *r, const char *what);
json_t *view_division_json(const struct division *d);
void view_division_write(struct jw *w, const struct division *d);

/* One household in full (struct household_view, domain/report.h): the household page of the API and of
 * `tuopin show --format json`. It is written straight to JSON text (the API sends it as it is); the jansson
 * value is that text parsed, for the CLI to print. */
void view_household_write(struct buf *out, const struct household_view *v);
json_t *view_household_json(const struct household_view *v);
/* A household's incomes by year with each year's recorded versions ({"hh_no","incomes":[…]}; the same
 * objects as the household page's "incomes"), and as a table of versions for the CLI. */
json_t *view_income_json(const struct household_view *v);
void view_income_table(const struct household_view *v, struct buf *out);
/* One household of the list (GET /api/households): its members, written into an object the caller opened (the
 * API adds the names of its village and town, and the member a name search found). */
struct jw;
void view_household_summary_write(struct jw *w, const struct hh_summary *s, bool full);
/* An audit row's detail as it is shown: the phone and bank account numbers of a recorded correction
 * ("changes") masked, as on the household page (the row itself keeps them, under its hash); NULL if a detail
 * that may hold them does not parse. redact (a reader who may not read households): a correction's values,
 * programmes, social security, reasons and notes left out too ("·"), but for an account's own actions (action:
 * a login's reason is the account's). */
const char *view_audit_detail(const char *detail, const char *action, bool redact, struct arena *a);
json_t *view_code_json(enum codelist cl, const char *code);
/* The result of audit_verify: {"intact","check","first_broken","why","rows","keyed_from","anchors",
 * "head":{"row","mac"}} (the same for `tuopin audit verify --format json` and GET /api/audit/verify). */
json_t *view_audit_check_json(const struct audit_check *c);

void view_stats_table(const struct stats_result *r, struct buf *out);
void view_stats_csv(const struct stats_result *r, struct buf *out);
void view_changes_table(const struct changes_result *r, struct buf *out);
/* "生效于 2018-01-01 至 2018-12-31" or "批次“2018-05”": what a change report covers (titles, printouts). */
const char *view_changes_period(const struct changes_result *r, struct arena *a);
/* The 合计 of a change report: the sum of its lines. */
void view_changes_total(const struct changes_result *r, int64_t *households, int64_t *persons);
/* The N户M人 table and the change report as finished sheets (XLSX: a title with the division and the date or
 * period, group headers, a bold frozen header, numbers as numbers, a bold 合计 row). */
enum err view_stats_sheet(const struct stats_result *r, const char *path, enum sheet_kind kind, struct errinfo *e);
enum err view_changes_sheet(const struct changes_result *r, const char *path, enum sheet_kind kind, struct errinfo *e);
void view_changes_csv(const struct changes_result *r, struct buf *out);
void view_problems_table(const struct problems *p, struct buf *out);
void view_import_summary(const struct import_result *r, const char *what, struct buf *out);

/* Data quality (view_check.c): a run's findings, the rules, kept findings, campaigns, other departments'
 * lists. */
json_t *view_check_json(const struct check_result *r);
void view_check_table(const struct check_result *r, struct buf *out);
json_t *view_rules_json(void);
void view_rules_table(struct buf *out);
json_t *view_finding_row_json(const struct finding_row *f, struct arena *a);
json_t *view_findings_json(const struct finding_row *v, size_t n, int64_t total, struct arena *a);
void view_findings_table(const struct finding_row *v, size_t n, int64_t total, struct buf *out, struct arena *a);
void view_findings_csv(const struct finding_row *v, size_t n, struct buf *out, struct arena *a);
json_t *view_finding_json(const struct finding_view *v, struct arena *a);
void view_finding_table(const struct finding_view *v, struct buf *out, struct arena *a);
/* The counts by rule and by village; divs (sorted by code, each once) name the villages. */
json_t *view_finding_counts_json(const struct finding_count *by_rule, size_t n_rule,
    const struct finding_count *by_village, size_t n_village, const struct division *divs, size_t n_divs);
json_t *view_campaign_json(const struct campaign_board *b);
void view_campaign_table(const struct campaign_board *b, struct buf *out);
json_t *view_campaigns_json(const struct campaign_board *v, size_t n);
void view_campaigns_table(const struct campaign_board *v, size_t n, struct buf *out);
json_t *view_external_import_json(const struct external_result *r);
void view_external_import_summary(const struct external_result *r, struct buf *out);
json_t *view_external_list_json(const struct external_list_row *l);
json_t *view_external_lists_json(const struct external_list_row *v, size_t n);
void view_external_lists_table(const struct external_list_row *v, size_t n, struct buf *out);
json_t *view_external_kinds_json(void);

/* "16949户31417人" (or "16949 hh / 31417 p" in English). */
void view_nhmr(int64_t h, int64_t p, char *out, size_t size);
/* "371373000000" */
void view_code(int64_t code, char *out, size_t size);
/* A division level as JSON names it: "province", "city", "county", "town", "village". */
const char *view_level_key(int level);

/* A plain text table: add rows of cells, then render with aligned columns. */
struct text_table {
	char **cells;
	size_t n_rows, n_cols, cap;
	bool *right;   /* right-align column i */
};
void table_init(struct text_table *t, size_t cols);
void table_right(struct text_table *t, size_t col);
void table_row(struct text_table *t, const char *const *cells);
void table_render(const struct text_table *t, struct buf *out);
void table_free(struct text_table *t);

/* A value quoted back (an audit row's, a refused request's problem): an ID number (15 or 18 characters) or a
 * mobile number (11 digits from 1) masked, a bank account where the column says so; else s itself. m holds the
 * masked text (48 bytes do). */
const char *view_masked_value(const char *s, const char *col, char *m, size_t size);

#endif
