/* util.h: allocation that never returns NULL, and small helpers every layer uses.
 * Allocation failure is not an error to handle: xmalloc prints and aborts, as Fossil and Redis do.
 * Knows no application type. */
#ifndef TUOPIN_UTIL_H
#define TUOPIN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Print "tuopin: <message>" to stderr and exit with code. For conditions that are not bugs
 * but leave no way on (an unwritable output file in a CLI command). */
void die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));

/* Parse a decimal int64 from s[0..n). Returns false on any non-digit, empty input or overflow. */
bool parse_i64(const char *s, size_t n, int64_t *out);

/* Parse money in 元 with at most two decimals ("2310.5", "-3", "1,234.56") into fen.
 * Returns false on anything else (three decimals, letters, empty). */
bool parse_money_fen(const char *s, size_t n, int64_t *out);
/* qsort/bsearch comparison of two (const char *) elements by strcmp. */
int str_ptr_cmp(const void *a, const void *b);
/* The largest amount a record takes: 10 亿元, in fen. */
#define MONEY_MAX_FEN 100000000000LL

/* Format fen as 元 with two decimals into out (at least 32 bytes). Returns out. */
char *format_fen(int64_t fen, char *out, size_t size);

/* v rounded half away from zero (四舍五入) at decimals places: printf rounds an exact half to the even digit
 * (5/32 = 15.625 % printed 15.62); a small margin takes a half that a binary fraction holds a hair below. */
double round_half_up(double v, int decimals);

/* The first element of base[0..n) (each size bytes, sorted by the int64_t at byte offset in it: a code, an
 * id) whose key is >= key: its index, or n. The one bisection for arrays the store hands out by code or id. */
size_t lower_bound_i64(const void *base, size_t n, size_t size, size_t offset, int64_t key);

/* The directory for temporary files: $TMPDIR when set and not empty, else /tmp. */
const char *tmp_dir(void);
/* A new temporary file in tmp_dir(), open for reading and writing, with no name (O_TMPFILE, or a named file
 * unlinked at once where the file system lacks it): nothing is left behind however the process ends. The
 * descriptor, or -1 with errno set. name: a word for the named file's prefix. */
int tmp_file(const char *name);

#endif
