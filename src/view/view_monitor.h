/* view_monitor.h: the monitoring list and figures as JSON and tables (ARCHITECTURE.md §10: `tuopin monitor
 * list|stats` and GET /api/monitor/list|stats print the same shapes). */
#ifndef TUOPIN_VIEW_MONITOR_H
#define TUOPIN_VIEW_MONITOR_H

#include <jansson.h>

#include "domain/monitor.h"
#include "lib/buf.h"

json_t *view_monitor_list_json(const struct monitor_row *v, size_t n, int day);
void view_monitor_list_table(const struct monitor_row *v, size_t n, struct buf *out);
json_t *view_monitor_stats_json(const struct monitor_stats *r);
void view_monitor_stats_table(const struct monitor_stats *r, struct buf *out);
json_t *view_monitor_case_json(const struct monitor_case *c);
json_t *view_programme_json(const struct programme *p);
/* A household's cases (oldest first) and its programmes, as two text tables (`tuopin monitor cases`). */
void view_monitor_cases_table(const struct monitor_case *c, size_t n, const struct programme *p, size_t np,
    struct buf *out);
json_t *view_warnings_json(const struct warning_list *l);
void view_warnings_table(const struct warning_list *l, struct buf *out);

#endif
