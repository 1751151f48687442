/* rowq.c: the row queue shared by the CSV and XLSX readers: a push parser adds cells and ends rows, and
 * sheet_next takes them out, one at a time, in order. Must not interpret any cell. */
#include <stdlib.h>
#include <string.h>

#include "io/sheet_impl.h"
#include "lib/util.h"

void
rowq_init(struct rowq *q)
{
	memset(q, 0, sizeof(*q));
	buf_init(&q->cur_data);
}

void
rowq_free(struct rowq *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->rows[(q->head + i) % q->cap].data);
		free(q->rows[(q->head + i) % q->cap].offs);
		free(q->rows[(q->head + i) % q->cap].numeric);
	}
	free(q->rows);
	free(q->out_cells);
	free(q->out_data);
	free(q->out_offs);
	free(q->out_numeric);
	free(q->cur_offs);
	free(q->cur_numeric);
	buf_free(&q->cur_data);
	memset(q, 0, sizeof(*q));
}

void
rowq_cell(struct rowq *q, size_t col, const char *p, size_t n, bool numeric)
{
	if (col >= q->cur_cap) {
		size_t cap = q->cur_cap ? q->cur_cap : 32;
		while (cap <= col)
			cap *= 2;
		q->cur_offs = xrealloc(q->cur_offs, cap * 2 * sizeof(size_t));
		q->cur_numeric = xrealloc(q->cur_numeric, cap);
		q->cur_cap = cap;
	}
	while (q->cur_n < col) {   /* sparse XLSX rows: fill the gap with empty cells */
		q->cur_offs[2 * q->cur_n] = q->cur_data.n;
		q->cur_offs[2 * q->cur_n + 1] = 0;
		q->cur_numeric[q->cur_n] = 0;
		q->cur_n++;
	}
	if (col < q->cur_n)
		return;   /* a repeated cell reference: keep the first */
	struct str t = str_trim((struct str){ p, n });
	q->cur_offs[2 * col] = q->cur_data.n;
	q->cur_offs[2 * col + 1] = t.n;
	q->cur_numeric[col] = numeric;
	buf_append(&q->cur_data, t.p, t.n);
	q->cur_n = col + 1;
}

void
rowq_end(struct rowq *q, int num)
{
	bool empty = true;
	for (size_t i = 0; i < q->cur_n; i++)
		if (q->cur_offs[2 * i + 1] != 0)
			empty = false;
	if (!empty) {
		if (q->n == q->cap) {
			size_t cap = q->cap ? q->cap * 2 : 64;
			struct qrow *rows = xmalloc(cap * sizeof(*rows));
			for (size_t i = 0; i < q->n; i++)
				rows[i] = q->rows[(q->head + i) % q->cap];
			free(q->rows);
			q->rows = rows;
			q->head = 0;
			q->cap = cap;
		}
		struct qrow *r = &q->rows[(q->head + q->n) % q->cap];
		r->num = num;
		r->n = q->cur_n;
		r->data = xmalloc(q->cur_data.n + 1);
		memcpy(r->data, q->cur_data.p ? q->cur_data.p : "", q->cur_data.n);
		r->data[q->cur_data.n] = '\0';
		r->offs = xmalloc((q->cur_n ? q->cur_n : 1) * 2 * sizeof(size_t));
		memcpy(r->offs, q->cur_offs, q->cur_n * 2 * sizeof(size_t));
		r->numeric = xmalloc(q->cur_n ? q->cur_n : 1);
		memcpy(r->numeric, q->cur_numeric, q->cur_n);
		q->n++;
	}
	q->cur_n = 0;
	buf_reset(&q->cur_data);
}

bool
rowq_pop(struct rowq *q, struct sheet_row *row)
{
	if (q->n == 0)
		return false;
	struct qrow *r = &q->rows[q->head];
	q->head = (q->head + 1) % q->cap;
	q->n--;
	free(q->out_data);
	free(q->out_offs);
	free(q->out_numeric);
	q->out_data = r->data;
	q->out_offs = r->offs;
	q->out_numeric = r->numeric;
	if (r->n > q->out_cap) {
		q->out_cells = xrealloc(q->out_cells, r->n * sizeof(struct str));
		q->out_cap = r->n;
	}
	for (size_t i = 0; i < r->n; i++)
		q->out_cells[i] = (struct str){ r->data + r->offs[2 * i], r->offs[2 * i + 1] };
	row->num = r->num;
	row->n = r->n;
	row->cells = q->out_cells;
	row->numeric = r->numeric;
	row->numeric_mask_valid = true;
	return true;
}
