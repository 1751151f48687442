/* sheet_read.c: the row queue shared by the CSV and XLSX readers, and the CSV reader.
 * CSV bytes are decoded to UTF-8 on the fly (BOM, then strict UTF-8, else GB18030 via iconv) and parsed by
 * libcsv in strict mode. Must not interpret any cell. */
#include "sheet.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/sheet_impl.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* Bytes read from a CSV file at a time. The fuzzing build makes it small, so that multi-byte characters, BOMs
 * and quoted fields fall across chunk boundaries in nearly every input. */
#ifndef SHEET_CHUNK
#define SHEET_CHUNK (1 << 20)
#endif
#define CHUNK SHEET_CHUNK

const struct sheet_limits sheet_default_limits = {
	.max_uncompressed = (uint64_t)2 << 30,
	.max_cells_per_row = 4096,
};

/* ---- row queue ---- */

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

/* ---- CSV ---- */

struct csv_state {
	FILE *fp;
	struct csv_parser parser;
	iconv_t cd;
	enum sheet_encoding enc;
	bool detected, eof, failed;
	char carry[8];      /* an incomplete multibyte sequence from the previous chunk */
	size_t n_carry;
	char *raw, *in, *dec;   /* bytes read; carry + bytes; decoded text */
	int line;           /* rows seen so far, blank ones included */
	bool row_has_fields;
	int last_term;      /* the terminator that ended the previous row callback */
	size_t col;
	struct rowq *q;
	size_t max_cells;
	bool too_many;
	int fail_row;
	struct errinfo fail;
};

static void
csv_field_cb(void *p, size_t n, void *data)
{
	struct csv_state *c = data;
	if (c->col >= c->max_cells) {
		c->too_many = true;
		return;
	}
	rowq_cell(c->q, c->col++, p ? p : "", p ? n : 0, false);
	c->row_has_fields = true;
}

static void
csv_row_cb(int term, void *data)
{
	struct csv_state *c = data;
	if (!c->row_has_fields) {
		/* The LF of a CRLF pair arrives as an empty row after the CR: not a new line. */
		if (!(term == '\n' && c->last_term == '\r'))
			c->line++;
		c->last_term = term;
		return;
	}
	c->line++;
	rowq_end(c->q, c->line);
	c->row_has_fields = false;
	c->col = 0;
	c->last_term = term;
}

/* Remember the error; csv_next reports it once the rows read before it have been handed out. */
static int
csv_fail(struct sheet *s, int *err_row, struct errinfo *e, enum msg id)
{
	struct csv_state *c = s->csv;
	(void)err_row, (void)e;
	c->failed = true;
	c->fail_row = c->line + 1;
	errinfo_set(&c->fail, ERR_INVALID, "", id);
	return -1;
}

/* Decode n bytes of input to UTF-8 and feed them to the parser. */
static int
csv_feed(struct sheet *s, const char *p, size_t n, bool last, int *err_row, struct errinfo *e)
{
	struct csv_state *c = s->csv;
	char *buf = c->in;
	size_t len = 0;

	memcpy(buf, c->carry, c->n_carry);
	memcpy(buf + c->n_carry, p, n);
	len = c->n_carry + n;
	c->n_carry = 0;

	if (!c->detected) {
		c->detected = true;
		if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			c->enc = ENC_UTF8_BOM;
			memmove(buf, buf + 3, len - 3);
			len -= 3;
		} else if (utf8_valid(buf, len, !last, NULL)) {
			c->enc = ENC_UTF8;
		} else {
			c->enc = ENC_GB18030;
			c->cd = iconv_open("UTF-8", "GB18030");
			if (c->cd == (iconv_t)-1)
				return csv_fail(s, err_row, e, MSG_ENCODING);
		}
	}

	const char *text = buf;
	size_t tlen = len;
	if (c->enc == ENC_GB18030) {
		char *ip = buf, *op = c->dec;
		size_t il = len, ol = 4 * (size_t)CHUNK + 64;
		while (il > 0) {
			if (iconv(c->cd, &ip, &il, &op, &ol) == (size_t)-1) {
				if (errno == EINVAL && !last && il < sizeof(c->carry)) {
					memcpy(c->carry, ip, il);
					c->n_carry = il;
					break;
				}
				/* Parse what decoded cleanly so the reported row is the one holding the bad byte. */
				csv_parse(&c->parser, c->dec, (size_t)(op - c->dec), csv_field_cb, csv_row_cb, c);
				return csv_fail(s, err_row, e, MSG_ENCODING);
			}
		}
		text = c->dec;
		tlen = (size_t)(op - c->dec);
	} else {
		size_t tail = 0;
		if (!utf8_valid(buf, len, !last, &tail)) {
			/* find the first bad byte and parse up to it, for the row number */
			size_t good = 0;
			while (good < len && utf8_valid(buf, good + 1, true, NULL))
				good++;
			csv_parse(&c->parser, buf, good, csv_field_cb, csv_row_cb, c);
			return csv_fail(s, err_row, e, MSG_ENCODING);
		}
		if (tail) {
			memcpy(c->carry, buf + len - tail, tail);
			c->n_carry = tail;
			tlen -= tail;
		}
	}
	if (csv_parse(&c->parser, text, tlen, csv_field_cb, csv_row_cb, c) != tlen)
		return csv_fail(s, err_row, e, MSG_CSV_PARSE);
	if (c->too_many)
		return csv_fail(s, err_row, e, MSG_CSV_PARSE);
	if (last && csv_fini(&c->parser, csv_field_cb, csv_row_cb, c) != 0)
		return csv_fail(s, err_row, e, MSG_CSV_PARSE);
	return 0;
}

static int
csv_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e)
{
	struct csv_state *c = s->csv;
	while (!rowq_pop(&s->q, row)) {
		if (c->failed) {
			*err_row = c->fail_row;
			if (e)
				*e = c->fail;
			return -1;
		}
		if (c->eof)
			return 0;
		size_t n = fread(c->raw, 1, CHUNK, c->fp);
		if (ferror(c->fp)) {
			c->fail_row = c->line + 1;
			errinfo_set(&c->fail, ERR_IO, "", MSG_IO_READ, s->path, strerror(errno));
			c->failed = true;
			continue;
		}
		bool last = n < CHUNK && feof(c->fp);
		if (csv_feed(s, c->raw, n, last, err_row, e) < 0)
			continue;   /* hand out the rows before the error first */
		if (last)
			c->eof = true;
	}
	return 1;
}

static void
csv_close(struct sheet *s)
{
	struct csv_state *c = s->csv;
	if (!c)
		return;
	if (c->fp)
		fclose(c->fp);
	csv_free(&c->parser);
	if (c->cd && c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c->raw);
	free(c->in);
	free(c->dec);
	free(c);
}

static struct sheet *
csv_open(struct sheet *s, FILE *fp, const struct sheet_limits *lim)
{
	struct csv_state *c = xcalloc(1, sizeof(*c));
	c->fp = fp;
	c->q = &s->q;
	c->max_cells = lim->max_cells_per_row;
	c->raw = xmalloc(CHUNK);
	c->in = xmalloc(CHUNK + 64);
	c->dec = xmalloc(4 * (size_t)CHUNK + 64);
	csv_init(&c->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	s->csv = c;
	s->kind = SHEET_CSV;
	return s;
}

/* ---- public ---- */

struct sheet *
sheet_open(const char *path, const struct sheet_limits *lim, struct errinfo *e)
{
	if (!lim)
		lim = &sheet_default_limits;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		errinfo_set(e, ERR_IO, "", MSG_IO_READ, path, strerror(errno));
		return NULL;
	}
	unsigned char magic[4] = { 0 };
	size_t got = fread(magic, 1, 4, fp);
	struct sheet *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	rowq_init(&s->q);
	if (got == 4 && memcmp(magic, "PK\x03\x04", 4) == 0) {
		fclose(fp);
		if (!xlsx_open(s, path, lim, e)) {
			sheet_close(s);
			return NULL;
		}
		return s;
	}
	if (got >= 2 && ((magic[0] == 0xD0 && magic[1] == 0xCF) || memchr(magic, 0, got))) {
		/* An old binary .xls (OLE2) or some other binary file. */
		fclose(fp);
		errinfo_set(e, ERR_INVALID, "", MSG_FILE_FORMAT, path);
		sheet_close(s);
		return NULL;
	}
	rewind(fp);
	return csv_open(s, fp, lim);
}

struct sheet *
sheet_open_memory(const char *const *cells, size_t n_cols, size_t n_rows)
{
	struct sheet *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup("(request)");
	s->kind = SHEET_MEMORY;
	rowq_init(&s->q);
	for (size_t r = 0; r < n_rows; r++) {
		for (size_t c = 0; c < n_cols; c++) {
			const char *v = cells[r * n_cols + c];
			rowq_cell(&s->q, c, v ? v : "", v ? strlen(v) : 0, false);
		}
		rowq_end(&s->q, (int)r + 1);
	}
	return s;
}

int
sheet_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e)
{
	int dummy;
	if (!err_row)
		err_row = &dummy;
	*err_row = 0;
	if (s->kind == SHEET_MEMORY)
		return rowq_pop(&s->q, row) ? 1 : 0;
	return s->kind == SHEET_XLSX ? xlsx_next(s, row, err_row, e) : csv_next(s, row, err_row, e);
}

enum sheet_kind
sheet_kind(const struct sheet *s)
{
	return s->kind;
}

enum sheet_encoding
sheet_encoding(const struct sheet *s)
{
	return s->kind == SHEET_XLSX ? ENC_XLSX : s->kind == SHEET_MEMORY ? ENC_MEMORY : s->csv->enc;
}

const char *
sheet_encoding_name(enum sheet_encoding enc)
{
	switch (enc) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case ENC_GB18030: return "GB18030";
	case ENC_XLSX: return "XLSX";
	case ENC_MEMORY: return "JSON";
	}
	return "?";
}

void
sheet_close(struct sheet *s)
{
	if (!s)
		return;
	if (s->kind == SHEET_CSV)
		csv_close(s);
	else if (s->kind == SHEET_XLSX)
		xlsx_close(s);
	rowq_free(&s->q);
	free(s->path);
	free(s);
}
