/* keysort.h: the keys that occur more than once among very many, found in bounded memory (an import's
 * 证件号码: ten million of them would take most of a gigabyte in a hash table). Keys are short strings (at most
 * KEYSORT_MAX - 1 bytes). They are gathered into runs of at most `run` keys, each sorted; when more than one
 * run is needed, each full run goes to a temporary file (created in $TMPDIR or /tmp, unlinked at once, so
 * nothing is left behind even after a crash), and the runs are merged at the end. Knows no application type. */
#ifndef TUOPIN_KEYSORT_H
#define TUOPIN_KEYSORT_H

#include <stdbool.h>
#include <stddef.h>

#define KEYSORT_MAX 24

struct keysort;

/* run: keys held in memory at once (KEYSORT_MAX bytes each), at least 2. */
struct keysort *keysort_new(size_t run);
/* Adds key (a longer one is cut at KEYSORT_MAX - 1 bytes). false, with errno set, if the temporary file could
 * not be written; the keysort is then of no further use but to be freed. */
bool keysort_add(struct keysort *k, const char *key);
/* Calls fn(key, arg) once for each key added two times or more, in byte order; afterwards the keysort is of
 * no further use but to be freed. false, with errno set, on a read or write error of the temporary file. */
bool keysort_dups(struct keysort *k, void (*fn)(const char *key, void *arg), void *arg);
/* How many runs went to the temporary file (0: everything stayed in memory). */
size_t keysort_runs(const struct keysort *k);
void keysort_free(struct keysort *k);

#endif
