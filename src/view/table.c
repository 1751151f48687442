/* table.c: aligned plain-text tables that count CJK characters as two columns. */
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "view/view.h"

void
table_init(struct text_table *t, size_t cols)
{
	memset(t, 0, sizeof(*t));
	t->n_cols = cols;
	t->right = xcalloc(cols, sizeof(bool));
}

void
table_right(struct text_table *t, size_t col)
{
	t->right[col] = true;
}

void
table_row(struct text_table *t, const char *const *cells)
{
	if (t->n_rows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->cells = xrealloc(t->cells, t->cap * t->n_cols * sizeof(char *));
	}
	for (size_t i = 0; i < t->n_cols; i++)
		t->cells[t->n_rows * t->n_cols + i] = xstrdup(cells[i] ? cells[i] : "");
	t->n_rows++;
}

void
table_render(const struct text_table *t, struct buf *out)
{
	size_t *w = xcalloc(t->n_cols, sizeof(size_t));
	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t c = 0; c < t->n_cols; c++) {
			const char *s = t->cells[r * t->n_cols + c];
			size_t x = utf8_width(s, strlen(s));
			if (x > w[c])
				w[c] = x;
		}
	for (size_t r = 0; r < t->n_rows; r++) {
		size_t line_start = out->n;
		for (size_t c = 0; c < t->n_cols; c++) {
			const char *s = t->cells[r * t->n_cols + c];
			size_t x = utf8_width(s, strlen(s));
			if (c)
				buf_puts(out, "  ");
			if (t->right[c])
				for (size_t k = x; k < w[c]; k++)
					buf_putc(out, ' ');
			buf_puts(out, s);
			if (!t->right[c] && c + 1 < t->n_cols)
				for (size_t k = x; k < w[c]; k++)
					buf_putc(out, ' ');
		}
		while (out->n > line_start && out->p[out->n - 1] == ' ')
			out->n--;
		buf_putc(out, '\n');
	}
	free(w);
}

void
table_free(struct text_table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->right);
	memset(t, 0, sizeof(*t));
}
