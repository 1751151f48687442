/* jw.h: a JSON writer straight into a buffer, for the answers that are written often enough (the household
 * page) that building a jansson tree first shows in the profile. Commas are placed by the writer; strings are
 * escaped as jansson escapes them, and text that is not valid UTF-8 is written as U+FFFD. Knows no
 * application type. */
#ifndef TUOPIN_JW_H
#define TUOPIN_JW_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/* Containers nest at most 63 deep. */
struct jw {
	struct buf *b;
	int depth;
	uint64_t used;   /* bit d: the container at depth d has a member already */
	bool after_key;
	int indent;      /* 0: compact; n: each member on its own line, n spaces a level */
};

/* Compact, as jansson's JSON_COMPACT. */
void jw_init(struct jw *w, struct buf *b);
/* Indented by n spaces, as jansson's JSON_INDENT(n) (the CLI's output): members on their own lines, ": "
 * after a key, empty containers as {} and []. jw_raw text is copied as it is. */
void jw_init_indent(struct jw *w, struct buf *b, int n);
void jw_obj(struct jw *w);
void jw_obj_end(struct jw *w);
void jw_arr(struct jw *w);
void jw_arr_end(struct jw *w);
/* A member's name; the next value is its value. */
void jw_key(struct jw *w, const char *key);
/* A string, or null for NULL. */
void jw_str(struct jw *w, const char *s);
void jw_int(struct jw *w, int64_t v);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
/* A value already written as JSON text (trusted: not checked). */
void jw_raw(struct jw *w, const char *json);

/* The shorthands for objects: a key and its value. */
void jw_kstr(struct jw *w, const char *key, const char *s);
void jw_kint(struct jw *w, const char *key, int64_t v);
void jw_kbool(struct jw *w, const char *key, bool v);
void jw_knull(struct jw *w, const char *key);

#endif
