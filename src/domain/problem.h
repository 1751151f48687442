/* problem.h: the list of problems found in an input (a file or a request): row, column, value, a stable
 * code and a message in the current language. Errors block a write; warnings do not. */
#ifndef TUOPIN_PROBLEM_H
#define TUOPIN_PROBLEM_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/err.h"

struct problem {
	int row;             /* spreadsheet row, 0 for the whole file */
	const char *column;  /* header label as the file wrote it, or "" */
	char *value;         /* the offending cell, or NULL */
	const char *code;    /* msg_code() */
	char *message;
	bool warning;
	bool conflict;       /* the domain refused it as a conflict with what is stored (ERR_CONFLICT), not as bad input */
};

struct problems {
	struct problem *v;
	size_t n, cap;
	size_t n_errors, n_warnings;
	size_t limit;        /* stop recording after this many (0 = 10000); counting goes on */
	size_t dropped;
	struct arena *a;
};

void problems_init(struct problems *p, struct arena *a);
/* Add a problem; the message is msg id formatted with the arguments. Returns ERR_INVALID (for errors) so
 * a validator can `return problem_add(...)`. */
enum err problem_add(struct problems *p, bool warning, int row, const char *column, struct str value, enum msg id,
    ...);
/* Add a problem from an errinfo (its message and code). */
void problem_from_err(struct problems *p, bool warning, int row, const char *column, struct str value,
    const struct errinfo *e);
/* Sort by row, then by insertion order. */
void problems_sort(struct problems *p);
/* Forget the problems recorded since the first `from` ones that are about row's column (a cell already
 * reported for a reason that makes the others noise: an ID number Excel stored as a number is not also "19
 * characters long"). */
void problems_drop(struct problems *p, size_t from, int row, const char *column);

#endif
