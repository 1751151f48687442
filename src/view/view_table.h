/* view_table.h: the standard tables (domain/tables.h) rendered from their definitions, shared by the CLI and
 * the API: a screen table, JSON, and a sheet (XLSX laid out as provinces ask; CSV with one header row of keys). */
#ifndef TUOPIN_VIEW_TABLE_H
#define TUOPIN_VIEW_TABLE_H

#include "domain/tables.h"
#include "view/view.h"

/* {"table","title","group","unit","subtitle","as_of","recorded_at","income_year","universe","rows_are",
 * "division","columns":[{"key","label","group","unit","decimals"}],"rows":[{"code","key"?,"name","level" (division rows: "town", "village"),
 * "values":{KEY:number|null}}],"total":{…},"note"}; a change table adds "from","to" and "balance":{"holds":bool,
 * "text"}. Counts are integers, amounts and ratios numbers rounded to
 * the column's decimals, null where a ratio has no denominator. */
json_t *view_table_json(const struct table_result *r);
/* {"tables":[{"code","group","title","universe","rows_are","income","period"}]} in the order of the reports page. */
json_t *view_table_list_json(void);
void view_table_list_text(struct buf *out);
void view_table_text(const struct table_result *r, struct buf *out);
/* The line under the title: 填报单位, 统计时点, whose households count, the income year, recorded-at, the unit.
 * Allocated in a. */
const char *view_table_subtitle(const struct table_result *r, struct arena *a);
/* XLSX: title, the subtitle line, group headers merged over their columns (ungrouped headings reach down over
 * both header rows), a frozen header, "#,##0" / "#,##0.00" number formats, a bold 合计 row, the note. CSV: a
 * header row of keys then the rows and the total. */
enum err view_table_sheet(const struct table_result *r, const char *path, enum sheet_kind kind, struct errinfo *e);

#endif
