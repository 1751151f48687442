/* store_impl.h: helpers shared by the store's own files (not for other layers). */
#ifndef TUOPIN_STORE_IMPL_H
#define TUOPIN_STORE_IMPL_H

#include "store/store.h"

/* "As now known": the stamp just before the open end, so recorded_from <= T < recorded_to selects the
 * spans that are not closed. */
#define NOW_KNOWN (99991231235959LL - 1)

bool scope_clip(const struct store *st, int64_t *lo, int64_t *hi);
bool read_begin(struct store *st, struct errinfo *e);
void read_end(struct store *st, bool began);
void store_divs_free(struct store *st);
/* Write the cached audit head back (at commit). */
enum err store_audit_flush(struct store *st, struct errinfo *e);
char *col_str(struct store *st, struct stmt *q, int i, struct arena *a);
int col_int_or(struct store *st, struct stmt *q, int i, int dflt);

#endif
