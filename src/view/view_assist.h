/* view_assist.h: the renderings of the assistance and supervision records and figures that the CLI and the
 * API share (the JSON of ARCHITECTURE.md §10, readable tables, CSV and the cells of an XLSX sheet), the
 * descriptions of the kinds for the web UI's forms, and the household's cards, handbook and measure card.
 * JSON is written with jw so that money keeps its two decimals (108000.00). No SQL, no HTTP. */
#ifndef TUOPIN_VIEW_ASSIST_H
#define TUOPIN_VIEW_ASSIST_H

#include <jansson.h>

#include "domain/assist.h"
#include "domain/assist_report.h"
#include "io/sheet.h"
#include "lib/buf.h"
#include "lib/jw.h"

/* One record as a JSON object: its fields by key (codes with their labels, references with their names;
 * personal fields masked unless full). */
void view_arec_write(struct jw *w, const struct arec *r, bool full);
/* {"kind":..., "total":N, "items":[...]} */
void view_arecs_write(struct buf *out, const struct akind_desc *d, const struct arec *v, size_t n, int64_t total,
    bool full);
/* Records as a sheet's rows (the record list's export): a header of the fields' labels first when head, then a
 * row a record, its fields in words (as view_arec_write says them), masked unless full. */
enum err view_arecs_sheet(struct sheet_writer *w, const struct akind_desc *d, const struct arec *v, size_t n, bool head,
    bool full, struct errinfo *e);
/* Every kind with its fields, code lists and what the role may do: the web UI builds its forms from it. */
void view_akinds_write(struct buf *out, const char *role);

/* The report of `tuopin assistance` (ARCHITECTURE.md §10) and its table, CSV and sheet. */
void view_assist_write(struct buf *out, const struct assist_result *r);
void view_assist_table(const struct assist_result *r, struct buf *out);
void view_assist_csv(const struct assist_result *r, struct buf *out);
enum err view_assist_sheet(const struct assist_result *r, struct sheet_writer *w, struct errinfo *e);
/* `tuopin supervision` */
void view_supervision_write(struct buf *out, const struct supervision_result *r);
void view_supervision_table(const struct supervision_result *r, struct buf *out);
void view_supervision_csv(const struct supervision_result *r, struct buf *out);
enum err view_supervision_sheet(const struct supervision_result *r, struct sheet_writer *w, struct errinfo *e);

/* The asset ledgers. */
void view_ledger_write(struct buf *out, const struct asset_ledger *l);
void view_ledger_table(const struct asset_ledger *l, struct buf *out);

/* Households that need a cadre and visits (all, unassigned, overdue), and cadres with too many households. */
void view_assist_hh_write(struct buf *out, const struct assist_hh_view *v, size_t n, int day, int64_t total);
void view_assist_hh_table(const struct assist_hh_view *v, size_t n, struct buf *out);
void view_cadre_loads_write(struct buf *out, const struct cadre_load *v, size_t n, int limit);
/* The same as a titled text table (`tuopin assistance cadres --overloaded`). */
void view_cadre_loads_table(struct buf *out, const struct cadre_load *v, size_t n, int limit);

/* One household's assistance (the household page's cards). */
void view_assist_household_write(struct buf *out, const struct assist_household *h, bool full);
/* The 扶贫手册 (sections of DOMAIN.md §7.6) or the 明白卡 of a household: the registry's household page (hv)
 * and its assistance, for printing. Masked (!full), a measure that tells of health shows its category alone. */
void view_handbook_write(struct buf *out, const struct household_view *hv, const struct assist_household *h,
    bool card, bool full);
void view_handbook_text(const struct household_view *hv, const struct assist_household *h, bool card, bool full,
    struct buf *out);

/* JSON text re-indented for a terminal (numbers kept exactly as written). */
void view_json_pretty(const char *json, size_t n, struct buf *out);

/* The record sheets role may import, appended to the import page's kinds ({kind, label, columns, note}). */
void view_assist_import_kinds(json_t *kinds, const char *role);
/* The template (header row) of record sheet what, as role may import it (*label: its name); ERR_NOTFOUND if it
 * may not. */
enum err view_assist_template(const char *what, const char *role, const char *path, enum sheet_kind kind,
    const char **label, struct errinfo *e);

#endif
