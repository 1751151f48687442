/* keysort.c: duplicates among many short keys by sorted runs and a merge (keysort.h). */
#include "lib/keysort.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/util.h"

typedef char keybuf[KEYSORT_MAX];

struct keysort {
	keybuf *buf;
	size_t n, run;
	int fd;                   /* the temporary file of full runs, -1 until the first one */
	size_t *run_len;          /* keys in each run written, in order */
	size_t n_runs, cap_runs;
};

/* Keys read from one run at a time while merging. */
enum { MERGE_CHUNK = 4096 };

struct keysort *
keysort_new(size_t run)
{
	struct keysort *k = xcalloc(1, sizeof(*k));
	k->run = run < 2 ? 2 : run;
	k->buf = xmalloc(k->run * sizeof(*k->buf));
	k->fd = -1;
	return k;
}

static int
cmp_key(const void *a, const void *b)
{
	return memcmp(a, b, KEYSORT_MAX);
}

static bool
write_all(int fd, const void *p, size_t n)
{
	for (const char *c = p; n > 0;) {
		ssize_t w = write(fd, c, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		c += w;
		n -= (size_t)w;
	}
	return true;
}

/* The buffer, sorted, as the next run of the file. */
static bool
spill(struct keysort *k)
{
	if (k->fd < 0 && (k->fd = tmp_file("keys")) < 0)
		return false;
	qsort(k->buf, k->n, sizeof(*k->buf), cmp_key);
	if (!write_all(k->fd, k->buf, k->n * sizeof(*k->buf)))
		return false;
	if (k->n_runs == k->cap_runs) {
		k->cap_runs = k->cap_runs ? 2 * k->cap_runs : 16;
		k->run_len = xrealloc(k->run_len, k->cap_runs * sizeof(*k->run_len));
	}
	k->run_len[k->n_runs++] = k->n;
	k->n = 0;
	return true;
}

bool
keysort_add(struct keysort *k, const char *key)
{
	if (k->n == k->run && !spill(k))
		return false;
	memset(k->buf[k->n], 0, KEYSORT_MAX);
	strncpy(k->buf[k->n], key, KEYSORT_MAX - 1);
	k->n++;
	return true;
}

size_t
keysort_runs(const struct keysort *k)
{
	return k->n_runs;
}

/* One run being merged: a chunk of it in memory, its next key at pos. */
struct cursor {
	off_t next;               /* file offset of the run's next unread key */
	size_t left;              /* keys of the run not yet read into the chunk */
	keybuf *chunk;
	size_t pos, len;
};

static bool
refill(int fd, struct cursor *c)
{
	size_t want = c->left < MERGE_CHUNK ? c->left : MERGE_CHUNK;
	size_t got = 0, bytes = want * KEYSORT_MAX;
	while (got < bytes) {
		ssize_t r = pread(fd, (char *)c->chunk + got, bytes - got, c->next + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			return false;
		}
		got += (size_t)r;
	}
	c->next += (off_t)bytes;
	c->left -= want;
	c->pos = 0;
	c->len = want;
	return true;
}

bool
keysort_dups(struct keysort *k, void (*fn)(const char *key, void *arg), void *arg)
{
	if (k->n_runs == 0) {
		/* one run: sorted in memory, equal keys side by side */
		qsort(k->buf, k->n, sizeof(*k->buf), cmp_key);
		for (size_t i = 1; i < k->n; i++)
			if (memcmp(k->buf[i], k->buf[i - 1], KEYSORT_MAX) == 0 &&
			    (i < 2 || memcmp(k->buf[i - 1], k->buf[i - 2], KEYSORT_MAX) != 0))
				fn(k->buf[i], arg);
		return true;
	}
	if (k->n && !spill(k))
		return false;
	free(k->buf);   /* the merge reads through the chunks instead */
	k->buf = NULL;
	struct cursor *c = xcalloc(k->n_runs, sizeof(*c));
	off_t at = 0;
	bool ok = true;
	for (size_t i = 0; i < k->n_runs; i++) {
		c[i].next = at;
		c[i].left = k->run_len[i];
		c[i].chunk = xmalloc(MERGE_CHUNK * sizeof(*c[i].chunk));
		at += (off_t)(k->run_len[i] * KEYSORT_MAX);
		if (ok && c[i].left)
			ok = refill(k->fd, &c[i]);
	}
	keybuf last;
	int seen = 0;   /* how many times last has come so far */
	while (ok) {
		/* the smallest next key of the runs (a few dozen runs at most: a linear pick is enough) */
		struct cursor *m = NULL;
		for (size_t i = 0; i < k->n_runs; i++)
			if (c[i].pos < c[i].len && (!m || memcmp(c[i].chunk[c[i].pos], m->chunk[m->pos], KEYSORT_MAX) < 0))
				m = &c[i];
		if (!m)
			break;
		if (seen && memcmp(m->chunk[m->pos], last, KEYSORT_MAX) == 0) {
			if (seen++ == 1)
				fn(last, arg);
		} else {
			memcpy(last, m->chunk[m->pos], KEYSORT_MAX);
			seen = 1;
		}
		if (++m->pos == m->len && m->left)
			ok = refill(k->fd, m);
	}
	for (size_t i = 0; i < k->n_runs; i++)
		free(c[i].chunk);
	free(c);
	return ok;
}

void
keysort_free(struct keysort *k)
{
	if (!k)
		return;
	if (k->fd >= 0)
		close(k->fd);
	free(k->buf);
	free(k->run_len);
	free(k);
}
