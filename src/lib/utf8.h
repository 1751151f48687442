/* utf8.h: UTF-8 validation, terminal display width and label folding. Knows no application type. */
#ifndef TUOPIN_UTF8_H
#define TUOPIN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Strict validation: no overlongs, no surrogates, nothing above U+10FFFF. If partial_tail is true, an
 * incomplete sequence at the very end is accepted and its length stored in *tail (for chunked input). */
bool utf8_valid(const char *s, size_t n, bool partial_tail, size_t *tail);
/* The same in one pass, telling where: the length of the longest valid prefix (n if all is valid, counting an
 * incomplete sequence at the end as valid when partial_tail is true), so s[result] is the first byte that is
 * not valid UTF-8. Linear in n. */
size_t utf8_valid_prefix(const char *s, size_t n, bool partial_tail, size_t *tail);
/* Columns the text takes in a terminal: East Asian wide and full-width characters count 2. */
size_t utf8_width(const char *s, size_t n);
/* The first code point of s[0..n) that no text of Tuopin's may hold, 0 if none, and which character it is
 * (from 1) in *at: C0 controls but tab, line feed and carriage return (all of them when lines is false: a name
 * or a cell of one line); DEL and the C1 controls; the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069: a name that shows reversed) and marks (U+200E, U+200F, U+061C); the line and
 * paragraph separators. */
unsigned utf8_bad_char(const char *s, size_t n, bool lines, size_t *at);
/* Number of code points. */
size_t utf8_len(const char *s, size_t n);
/* Fold a label for comparison: trim, map full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to a
 * space, so "乡（镇）内务工" equals "乡(镇)内务工". Appends to out. */
void utf8_fold(struct str s, struct buf *out);

/* utf8_fold into out (cap bytes, NUL-terminated); returns the length, or (size_t)-1 if it does not fit. */
size_t utf8_fold_to(struct str s, char *out, size_t cap);

#endif
