/* page_cache.h: rendered household pages (the JSON of GET /api/households/{no}), masked ones only, kept in
 * memory and shared by the server's threads. An entry is valid only under the registry generation it was
 * rendered under (store_registry_generation, schema 0018): a write to the registry, by this server or another
 * process, gives the registry a new generation and every older entry becomes stale; logins, sessions and
 * audit rows do not. Generations are random values, not counts: only equality means anything. An entry
 * carries the household's village so a hit is answered only inside the asking user's divisions; a full view
 * (unmasked numbers) is never cached, since each one must be read afresh and audited. Least recently used
 * entries go first when the budget is full. */
#ifndef TUOPIN_PAGE_CACHE_H
#define TUOPIN_PAGE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "store/store.h"

/* Set the budget in bytes (0 turns the cache off) and drop everything kept. From 1 MiB on the budget is split
 * into 16 shards with a lock each; a smaller one is a single shard. Not thread-safe: call it before the
 * server starts its threads. */
void page_cache_init(size_t bytes);
bool page_cache_enabled(void);
/* Append the page kept under key to out and return true, if it was rendered under generation epoch and its
 * village is in st's scope; otherwise false and out is unchanged (a page of another generation is dropped). */
bool page_cache_get(const char *key, uint64_t epoch, const struct store *st, struct buf *out);
/* Keep a page rendered under generation epoch for the household of village (in place of any other). */
void page_cache_put(const char *key, uint64_t epoch, int64_t village, const char *page, size_t n);
/* Drop everything (the tests' way to start from nothing; the server never needs it). */
void page_cache_clear(void);

struct page_cache_stats {
	uint64_t hits, misses, entries, bytes;
};
void page_cache_stats(struct page_cache_stats *s);

#endif
