/* page_cache.c: 16 shards, each a hash table of rendered pages under its own mutex with its own least
 * recently used list and a sixteenth of the budget (one mutex for all made the server's threads wait on each
 * other: a futex system call on most hits). A lookup copies the page out under the lock (a few kilobytes),
 * so entries are never shared with a request. */
#include "http/page_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

struct entry {
	struct entry *chain;            /* the next entry in the same bucket */
	struct entry *newer, *older;    /* the LRU list */
	uint64_t hash, epoch;
	int64_t village;
	size_t n, cost;
	char *key;
	char page[];
};

#define SHARDS 16

static struct shard {
	pthread_mutex_t lock;
	struct entry **buckets;
	size_t n_buckets;          /* a power of two */
	struct entry *newest, *oldest;
	size_t budget, used, count;
	uint64_t hits, misses;
} __attribute__((aligned(64))) shards[SHARDS];

static size_t total_budget;
static unsigned n_shards = 1;   /* SHARDS, or 1 for a budget under 1 MiB (a shard must hold a few pages) */
static pthread_once_t locks_once = PTHREAD_ONCE_INIT;

static void
init_locks(void)
{
	for (int i = 0; i < SHARDS; i++)
		pthread_mutex_init(&shards[i].lock, NULL);
}

static uint64_t
hash_key(const char *k)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211ULL;
	return h;
}

static struct shard *
shard_of(uint64_t h)
{
	return &shards[(h >> 56) % n_shards];   /* the top bits pick the shard, the low bits the bucket */
}

static void
lru_unlink(struct shard *s, struct entry *x)
{
	if (x->newer)
		x->newer->older = x->older;
	else
		s->newest = x->older;
	if (x->older)
		x->older->newer = x->newer;
	else
		s->oldest = x->newer;
	x->newer = x->older = NULL;
}

static void
lru_push(struct shard *s, struct entry *x)
{
	x->older = s->newest;
	x->newer = NULL;
	if (s->newest)
		s->newest->newer = x;
	s->newest = x;
	if (!s->oldest)
		s->oldest = x;
}

/* The link that points at the entry for key (or at the NULL ending its bucket). */
static struct entry **
find(struct shard *s, const char *key, uint64_t h)
{
	struct entry **p = &s->buckets[h & (s->n_buckets - 1)];
	while (*p && ((*p)->hash != h || strcmp((*p)->key, key) != 0))
		p = &(*p)->chain;
	return p;
}

static void
drop(struct shard *s, struct entry **link)
{
	struct entry *x = *link;
	*link = x->chain;
	lru_unlink(s, x);
	s->used -= x->cost;
	s->count--;
	free(x->key);
	free(x);
}

static void
clear_locked(struct shard *s)
{
	while (s->oldest)
		drop(s, find(s, s->oldest->key, s->oldest->hash));
}

void
page_cache_init(size_t bytes)
{
	pthread_once(&locks_once, init_locks);
	total_budget = bytes;
	n_shards = bytes >= (1 << 20) ? SHARDS : 1;
	for (unsigned i = 0; i < SHARDS; i++) {
		struct shard *s = &shards[i];
		pthread_mutex_lock(&s->lock);
		if (s->buckets)
			clear_locked(s);
		free(s->buckets);
		s->buckets = NULL;
		s->budget = i < n_shards ? bytes / n_shards : 0;
		/* about one bucket per 4 KiB of budget (a page is 2-6 KiB), at least 16 */
		for (s->n_buckets = 16; s->n_buckets < s->budget / 4096; s->n_buckets *= 2)
			;
		if (s->budget)
			s->buckets = xcalloc(s->n_buckets, sizeof(*s->buckets));
		s->hits = s->misses = 0;
		pthread_mutex_unlock(&s->lock);
	}
}

bool
page_cache_enabled(void)
{
	return total_budget > 0;
}

void
page_cache_clear(void)
{
	pthread_once(&locks_once, init_locks);
	for (int i = 0; i < SHARDS; i++) {
		pthread_mutex_lock(&shards[i].lock);
		if (shards[i].buckets)
			clear_locked(&shards[i]);
		pthread_mutex_unlock(&shards[i].lock);
	}
}

bool
page_cache_get(const char *key, uint64_t epoch, const struct store *st, struct buf *out)
{
	bool hit = false;
	uint64_t h = hash_key(key);
	struct shard *s = shard_of(h);
	pthread_mutex_lock(&s->lock);
	if (s->buckets) {
		struct entry **link = find(s, key, h), *x = *link;
		if (x && x->epoch != epoch)
			drop(s, link);   /* rendered under another generation of the registry (an earlier one, as a rule) */
		else if (x && x->epoch == epoch && store_in_scope(st, x->village)) {
			buf_append(out, x->page, x->n);
			lru_unlink(s, x);
			lru_push(s, x);
			hit = true;
		}
		hit ? s->hits++ : s->misses++;
	}
	pthread_mutex_unlock(&s->lock);
	return hit;
}

void
page_cache_put(const char *key, uint64_t epoch, int64_t village, const char *page, size_t n)
{
	size_t klen = strlen(key);
	size_t cost = sizeof(struct entry) + n + klen + 1;
	uint64_t h = hash_key(key);
	struct shard *s = shard_of(h);
	pthread_mutex_lock(&s->lock);
	if (!s->buckets || cost > s->budget) {
		pthread_mutex_unlock(&s->lock);
		return;
	}
	struct entry **link = find(s, key, h);
	if (*link)   /* generations have no order: the last page rendered wins (a hit needs the very generation) */
		drop(s, link);
	while (s->used + cost > s->budget && s->oldest)
		drop(s, find(s, s->oldest->key, s->oldest->hash));
	struct entry *x = xmalloc(sizeof(*x) + n);
	x->hash = h;
	x->epoch = epoch;
	x->village = village;
	x->n = n;
	x->cost = cost;
	x->key = xmalloc(klen + 1);
	memcpy(x->key, key, klen + 1);
	memcpy(x->page, page, n);
	link = find(s, key, h);   /* evictions above may have changed the bucket */
	x->chain = *link;
	*link = x;
	lru_push(s, x);
	s->used += cost;
	s->count++;
	pthread_mutex_unlock(&s->lock);
}

void
page_cache_stats(struct page_cache_stats *st)
{
	memset(st, 0, sizeof(*st));
	pthread_once(&locks_once, init_locks);
	for (int i = 0; i < SHARDS; i++) {
		struct shard *s = &shards[i];
		pthread_mutex_lock(&s->lock);
		st->hits += s->hits;
		st->misses += s->misses;
		st->entries += s->count;
		st->bytes += s->used;
		pthread_mutex_unlock(&s->lock);
	}
}
