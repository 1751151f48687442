/* sheet_read.c: opening a sheet (CSV or XLSX) and the CSV reader.
 * CSV bytes are decoded to UTF-8 on the fly (BOM, then strict UTF-8, else GB18030 via iconv) and parsed by
 * libcsv in strict mode. Must not interpret any cell. */
#include "sheet.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/sheet_impl.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* Bytes read from a CSV file at a time. */
#define CHUNK_DEFAULT ((size_t)1 << 20)
static size_t chunk_size = CHUNK_DEFAULT;

void
sheet_set_chunk(size_t bytes)
{
	chunk_size = bytes ? bytes : CHUNK_DEFAULT;
}

const struct sheet_limits sheet_default_limits = {
	.max_inflated = (uint64_t)2048 << 20,
	.max_shared_bytes = (uint64_t)64 << 20,
	.max_shared_strings = 4000000,
	.max_cells_per_row = 4096,
	.max_cell_bytes = 4096,
	.max_rows = 2000000,
	.max_sort_keys = 1000000,
	.max_hold_rows = 250000,
};

static struct sheet_limits configured;
static bool configured_ok;
static struct errinfo configured_err;
static pthread_once_t configured_once = PTHREAD_ONCE_INIT;

/* One limit from the environment: a positive whole number times unit; bad values keep the default and are
 * remembered for sheet_limits_load. */
static void
limit_env(const char *name, uint64_t unit, uint64_t *v)
{
	const char *s = getenv(name);
	if (!s || !*s)
		return;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (errno || *end || n == 0 || s[0] == '-' || n > UINT64_MAX / unit) {
		if (configured_ok)
			errinfo_set(&configured_err, ERR_USAGE, "", MSG_BAD_LIMIT, name, s);
		configured_ok = false;
		return;
	}
	*v = (uint64_t)n * unit;
}

static void
limits_init(void)
{
	configured = sheet_default_limits;
	configured_ok = true;
	uint64_t v;
#define SIZE_LIMIT(var, field, unit) \
	v = configured.field; \
	limit_env(var, unit, &v); \
	configured.field = v > SIZE_MAX ? SIZE_MAX : (size_t)v;
	limit_env("TUOPIN_IMPORT_MAX_INFLATE", (uint64_t)1 << 20, &configured.max_inflated);
	limit_env("TUOPIN_IMPORT_MAX_SHARED", (uint64_t)1 << 20, &configured.max_shared_bytes);
	SIZE_LIMIT("TUOPIN_IMPORT_MAX_SHARED_COUNT", max_shared_strings, 1)
	SIZE_LIMIT("TUOPIN_IMPORT_MAX_COLUMNS", max_cells_per_row, 1)
	SIZE_LIMIT("TUOPIN_IMPORT_MAX_CELL", max_cell_bytes, 1)
	SIZE_LIMIT("TUOPIN_IMPORT_MAX_ROWS", max_rows, 1)
	SIZE_LIMIT("TUOPIN_IMPORT_SORT_KEYS", max_sort_keys, 1)
	SIZE_LIMIT("TUOPIN_IMPORT_HOLD_ROWS", max_hold_rows, 1)
#undef SIZE_LIMIT
}

const struct sheet_limits *
sheet_limits(void)
{
	pthread_once(&configured_once, limits_init);
	return &configured;
}

bool
sheet_limits_load(struct errinfo *e)
{
	pthread_once(&configured_once, limits_init);
	if (!configured_ok && e)
		*e = configured_err;
	return configured_ok;
}

/* ---- CSV ---- */

struct csv_state {
	FILE *fp;
	struct csv_parser parser;
	iconv_t cd;
	enum sheet_encoding enc;
	size_t bom_left;    /* bytes of the byte-order mark still to skip */
	bool eof, failed, stopped;
	char carry[8];      /* an incomplete multibyte sequence from the previous chunk */
	size_t n_carry;
	size_t chunk;
	char *raw, *in, *dec;   /* bytes read; carry + bytes; decoded text */
	int line;           /* rows seen so far, blank ones included */
	bool row_has_fields;
	int last_term;      /* the terminator that ended the previous row callback */
	size_t col;
	struct rowq *q;
	size_t max_cells;
	int fail_row, fail_col;
	struct errinfo fail;
};

/* libcsv keeps a field in one buffer that it grows as the field goes on: refusing to grow it past the cell
 * limit (csv_parse then stops with CSV_ENOMEM) bounds what a single enormous field can take. The limit of
 * the parse running on this thread. */
static _Thread_local size_t tl_cell_cap;

static void *
capped_realloc(void *p, size_t n)
{
	if (n > tl_cell_cap)
		return NULL;
	return realloc(p, n);
}

/* Remember the error (once); csv_next reports it once the rows read before it have been handed out. Nothing
 * after it reaches the row queue. */
static int
csv_fail_at(struct csv_state *c, int row, int col, enum msg id, ...)
{
	if (!c->failed) {
		va_list ap;
		c->failed = c->stopped = true;
		c->fail_row = row;
		c->fail_col = col;
		c->fail.err = ERR_INVALID;
		c->fail.field[0] = '\0';
		snprintf(c->fail.code, sizeof(c->fail.code), "%s", msg_code(id));
		va_start(ap, id);
		vsnprintf(c->fail.message, sizeof(c->fail.message), msg_text(id), ap);
		va_end(ap);
	}
	return -1;
}

static void
csv_field_cb(void *p, size_t n, void *data)
{
	struct csv_state *c = data;
	if (c->stopped)
		return;
	if (c->col >= c->max_cells) {
		csv_fail_at(c, c->line + 1, 0, MSG_TOO_MANY_COLUMNS, c->max_cells);
		return;
	}
	/* the ' a CSV writer put before a formula-like value is not part of it (sheet_impl.h) */
	if (p && sheet_quoted_formula(p, n)) {
		p = (char *)p + 1;
		n--;
	}
	rowq_cell(c->q, c->col++, p ? p : "", p ? n : 0, false);
	c->row_has_fields = true;
}

static void
csv_row_cb(int term, void *data)
{
	struct csv_state *c = data;
	if (c->stopped)
		return;
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

/* Parse n bytes of UTF-8 text; false (the error remembered) if the CSV is malformed or a cell too long. */
static bool
csv_parse_text(struct csv_state *c, const char *text, size_t n)
{
	size_t done = csv_parse(&c->parser, text, n, csv_field_cb, csv_row_cb, c);
	if (c->failed)
		return false;
	if (done != n) {
		if (csv_error(&c->parser) == CSV_ENOMEM || csv_error(&c->parser) == CSV_ETOOBIG)
			csv_fail_at(c, c->line + 1, (int)c->col + 1, MSG_CELL_TOO_BIG, (int)c->col + 1, tl_cell_cap);
		else
			csv_fail_at(c, c->line + 1, 0, MSG_CSV_PARSE);
		return false;
	}
	return true;
}

/* The text up to a bad byte goes through the parser first, so that the error names the row and the column
 * that hold the byte. */
static int
csv_bad_byte(struct csv_state *c, const char *good, size_t n, unsigned char byte)
{
	if (!csv_parse_text(c, good, n))
		return -1;
	return csv_fail_at(c, c->line + 1, (int)c->col + 1, MSG_ENCODING_AT,
	    c->enc == ENC_GB18030 ? "GB18030" : "UTF-8", (int)c->col + 1, byte);
}

/* Decode n bytes of input to UTF-8 and feed them to the parser. */
static int
csv_feed(struct sheet *s, const char *p, size_t n, bool last)
{
	struct csv_state *c = s->csv;
	char *buf = c->in;
	size_t len = 0;

	if (c->bom_left) {
		size_t k = n < c->bom_left ? n : c->bom_left;
		p += k;
		n -= k;
		c->bom_left -= k;
	}
	memcpy(buf, c->carry, c->n_carry);
	memcpy(buf + c->n_carry, p, n);
	len = c->n_carry + n;
	c->n_carry = 0;

	const char *text = buf;
	size_t tlen = len;
	if (c->enc == ENC_GB18030) {
		char *ip = buf, *op = c->dec;
		size_t il = len, ol = 4 * c->chunk + 64;
		while (il > 0) {
			if (iconv(c->cd, &ip, &il, &op, &ol) == (size_t)-1) {
				if (errno == EINVAL && !last && il < sizeof(c->carry)) {
					memcpy(c->carry, ip, il);
					c->n_carry = il;
					break;
				}
				return csv_bad_byte(c, c->dec, (size_t)(op - c->dec), (unsigned char)*ip);
			}
		}
		text = c->dec;
		tlen = (size_t)(op - c->dec);
	} else {
		size_t tail = 0, good = utf8_valid_prefix(buf, len, !last, &tail);
		if (good < len)
			return csv_bad_byte(c, buf, good, (unsigned char)buf[good]);
		if (tail) {
			memcpy(c->carry, buf + len - tail, tail);
			c->n_carry = tail;
			tlen -= tail;
		}
	}
	if (!csv_parse_text(c, text, tlen))
		return -1;
	if (last && csv_fini(&c->parser, csv_field_cb, csv_row_cb, c) != 0)
		return csv_fail_at(c, c->line + 1, 0, MSG_CSV_PARSE);
	if (c->failed)
		return -1;
	return 0;
}

static int
csv_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e)
{
	struct csv_state *c = s->csv;
	while (!rowq_pop(&s->q, row)) {
		if (c->failed) {
			*err_row = c->fail_row;
			s->err_col = c->fail_col;
			if (e)
				*e = c->fail;
			return -1;
		}
		if (c->eof)
			return 0;
		size_t n = fread(c->raw, 1, c->chunk, c->fp);
		if (ferror(c->fp)) {
			c->fail_row = c->line + 1;
			errinfo_set(&c->fail, ERR_IO, "", MSG_IO_READ, s->path, msg_errno(errno));
			c->failed = true;
			continue;
		}
		bool last = n < c->chunk && feof(c->fp);
		tl_cell_cap = s->lim.max_cell_bytes;
		if (csv_feed(s, c->raw, n, last) < 0)
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

/* The length of the longest prefix of p[0..n) that is well-formed GB18030 (one byte 00-7F; two bytes 81-FE
 * then 40-7E or 80-FE; four bytes 81-FE 30-39 81-FE 30-39), counting an incomplete sequence at the end as
 * well-formed when partial is true (its length in *tail). Well-formed is not yet valid (a few four-byte
 * sequences map to nothing), which iconv finds while decoding. */
static size_t
gb18030_valid_prefix(const unsigned char *p, size_t n, bool partial, size_t *tail)
{
	size_t i = 0;
	*tail = 0;
	while (i < n) {
		unsigned char b = p[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		if (b == 0x80 || b == 0xFF)
			return i;
		size_t have = n - i;
		if (have >= 2) {
			unsigned char b2 = p[i + 1];
			if ((b2 >= 0x40 && b2 <= 0x7E) || (b2 >= 0x80 && b2 <= 0xFE)) {
				i += 2;
				continue;
			}
			if (b2 < 0x30 || b2 > 0x39)
				return i;
			if (have >= 3 && (p[i + 2] < 0x81 || p[i + 2] == 0xFF))
				return i;
			if (have >= 4) {
				if (p[i + 3] < 0x30 || p[i + 3] > 0x39)
					return i;
				i += 4;
				continue;
			}
		}
		if (!partial)
			return i;
		*tail = have;
		return n;
	}
	return n;
}

/* The file's encoding, from all of it (one pass, before any row is parsed). A byte-order mark decides at once.
 * Otherwise: UTF-8 if the whole file is valid UTF-8, GB18030 if it is well-formed GB18030, and if it is
 * neither, the one of the two that reads further, so the bad byte is reported where it is, in the encoding
 * the rest of the file is written in (a UTF-8 file with one bad byte stays UTF-8 and fails at that byte). */
static void
csv_detect(struct csv_state *c)
{
	unsigned char head[4] = { 0 };
	size_t got = fread(head, 1, 4, c->fp);
	rewind(c->fp);
	if (got >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		c->enc = ENC_UTF8_BOM;
		c->bom_left = 3;
		return;
	}
	if (got == 4 && memcmp(head, "\x84\x31\x95\x33", 4) == 0) {
		c->enc = ENC_GB18030;
		c->bom_left = 4;
		return;
	}
	uint64_t off = 0, u_bad = UINT64_MAX, g_bad = UINT64_MAX;
	size_t u_carry = 0, g_carry = 0;
	char u_buf[8], g_buf[8];
	for (;;) {
		size_t n = fread(c->raw, 1, c->chunk, c->fp);
		bool last = n < c->chunk;
		size_t tail;
		if (u_bad == UINT64_MAX) {
			/* the carried bytes first, with enough of the chunk to finish their sequence */
			memcpy(c->in, u_buf, u_carry);
			memcpy(c->in + u_carry, c->raw, n);
			size_t len = u_carry + n, k = utf8_valid_prefix(c->in, len, !last, &tail);
			if (k < len)
				u_bad = off - u_carry + k;
			else {
				u_carry = tail;
				memcpy(u_buf, c->in + len - tail, tail);
			}
		}
		if (g_bad == UINT64_MAX) {
			memcpy(c->in, g_buf, g_carry);
			memcpy(c->in + g_carry, c->raw, n);
			size_t len = g_carry + n, k = gb18030_valid_prefix((const unsigned char *)c->in, len, !last, &tail);
			if (k < len)
				g_bad = off - g_carry + k;
			else {
				g_carry = tail;
				memcpy(g_buf, c->in + len - tail, tail);
			}
		}
		off += n;
		if (last || (u_bad != UINT64_MAX && g_bad != UINT64_MAX))
			break;
	}
	rewind(c->fp);
	c->enc = u_bad == UINT64_MAX || (g_bad != UINT64_MAX && u_bad >= g_bad) ? ENC_UTF8 : ENC_GB18030;
}

static struct sheet *
csv_open(struct sheet *s, FILE *fp, struct errinfo *e)
{
	struct csv_state *c = xcalloc(1, sizeof(*c));
	c->fp = fp;
	c->q = &s->q;
	c->max_cells = s->lim.max_cells_per_row;
	c->chunk = chunk_size;
	c->raw = xmalloc(c->chunk);
	c->in = xmalloc(c->chunk + 64);
	c->dec = xmalloc(4 * c->chunk + 64);
	csv_init(&c->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	csv_set_realloc_func(&c->parser, capped_realloc);
	s->csv = c;
	s->kind = SHEET_CSV;
	csv_detect(c);
	if (c->enc == ENC_GB18030) {
		c->cd = iconv_open("UTF-8", "GB18030");
		if (c->cd == (iconv_t)-1) {
			errinfo_set(e, ERR_INVALID, "", MSG_ENCODING);
			return NULL;
		}
	}
	return s;
}

/* ---- public ---- */

enum sheet_kind
sheet_sniff(const char *path)
{
	unsigned char magic[4] = { 0 };
	FILE *fp = fopen(path, "rb");
	size_t got = fp ? fread(magic, 1, 4, fp) : 0;
	if (fp)
		fclose(fp);
	return got >= 2 && memcmp(magic, "PK", 2) == 0 ? SHEET_XLSX : SHEET_CSV;
}

struct sheet *
sheet_open(const char *path, const struct sheet_limits *lim, struct errinfo *e)
{
	if (!lim)
		lim = sheet_limits();
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		errinfo_set(e, ERR_IO, "", MSG_IO_READ, path, msg_errno(errno));
		return NULL;
	}
	unsigned char magic[4] = { 0 };
	size_t got = fread(magic, 1, 4, fp);
	struct sheet *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	s->lim = *lim;
	rowq_init(&s->q);
	if (got >= 2 && memcmp(magic, "PK", 2) == 0) {
		/* a ZIP archive (a truncated one too: it is an XLSX file that cannot be read, not a CSV file) */
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
	if (!csv_open(s, fp, e)) {
		sheet_close(s);
		return NULL;
	}
	return s;
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
	s->err_col = 0;
	int got = s->kind == SHEET_MEMORY ? (rowq_pop(&s->q, row) ? 1 : 0) :
	    s->kind == SHEET_XLSX ? xlsx_next(s, row, err_row, e) : csv_next(s, row, err_row, e);
	if (got == 1 && s->kind != SHEET_MEMORY && ++s->rows > s->lim.max_rows) {
		*err_row = row->num;
		errinfo_set(e, ERR_INVALID, "", MSG_TOO_MANY_ROWS, s->lim.max_rows);
		return -1;
	}
	for (size_t i = s->width; got == 1 && s->width && i < row->n; i++)
		if (row->cells[i].n) {
			struct str v = row->cells[i];
			size_t n = v.n < 60 ? v.n : 60;   /* a value's start: cells are UTF-8, cut at a character */
			while (n < v.n && ((unsigned char)v.p[n] & 0xC0) == 0x80)
				n--;
			*err_row = row->num;
			s->err_col = (int)i + 1;
			errinfo_set(e, ERR_INVALID, "", MSG_BEYOND_HEADER, (int)i + 1, (int)n, v.p, n < v.n ? "…" : "",
			    s->width);
			return -1;
		}
	return got;
}

size_t
sheet_header_width(const struct sheet_row *header)
{
	size_t w = 0;
	for (size_t i = 0; i < header->n; i++)
		if (header->cells[i].n)
			w = i + 1;
	return w;
}

void
sheet_set_width(struct sheet *s, size_t width)
{
	s->width = width;
}

int
sheet_error_col(const struct sheet *s)
{
	return s->err_col;
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
