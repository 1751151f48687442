/* xlsx_read.c: a streaming reader for the first worksheet of an XLSX file (libzip + expat).
 * Resolves the sheet through workbook.xml and its relationships, loads shared strings, learns which cell
 * styles are dates from styles.xml, and streams the sheet XML in 64 KiB pieces. Refuses DOCTYPEs and
 * entity declarations. Whatever the file holds, memory stays within the sheet limits (sheet.h): archives of
 * more than a few thousand parts are refused before libzip reads their directory, inflation stops at the
 * limit for the whole file, shared strings are limited in number and bytes, no cell grows past the cell
 * limit, a row past the column limit, and expat is never left buffering one enormous XML token.
 * Must not interpret cells beyond turning numbers and dates into text. */
#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "io/sheet_impl.h"
#include "lib/date.h"
#include "lib/util.h"

#define XCHUNK (64 * 1024)
/* An XLSX file has about ten parts; Excel's largest workbooks a few hundred. */
#define MAX_ENTRIES 10000
/* Cell formats: Excel allows 64,000. */
#define MAX_STYLES 65536
/* Bytes expat may take in without reporting anything: more means it is buffering one token (a tag, an
 * attribute, a comment) that a real workbook never has. */
#define MAX_SILENT ((uint64_t)1 << 20)
/* A shared string cut at the cell limit: cells that use it are refused. */
#define SS_TOO_LONG UINT32_MAX

struct xlsx_state {
	zip_t *zip;
	zip_file_t *sheet_file;
	XML_Parser sheet_parser;
	struct sheet_limits lim;
	uint64_t inflated;          /* by every part together */
	uint64_t silent;            /* bytes fed to expat since a handler last ran */
	bool date1904, eof, failed;
	struct errinfo fail;        /* failed: the error, at fail_row and fail_col */
	int fail_row, fail_col;
	const char *part;           /* the part being parsed, for messages */
	/* shared strings: offset and length of each in ss_data (the text of all of them stays under 4 GiB) */
	char *ss_data;
	size_t ss_len, ss_cap;
	uint32_t *ss_off;  /* 2 per string; length SS_TOO_LONG for a string past the cell limit */
	size_t ss_n, ss_cap_n;
	/* styles: is_date[xf index] */
	unsigned char *is_date;
	size_t n_xf;
	/* sheet parse state */
	int row_num, last_row;
	size_t col, next_col;
	char cell_type[16];
	int cell_style;
	bool in_v, in_t, in_is, in_rph;
	bool cell_too_long;
	struct buf text;
	struct sheet *s;
};

/* Remember the first error (in the current language) and stop the parser that runs. */
static void
xfail(struct xlsx_state *x, XML_Parser p, int row, int col, enum err err, enum msg id, ...)
{
	if (!x->failed) {
		va_list ap;
		x->failed = true;
		x->fail_row = row;
		x->fail_col = col;
		x->fail.err = err;
		x->fail.field[0] = '\0';
		snprintf(x->fail.code, sizeof(x->fail.code), "%s", msg_code(id));
		va_start(ap, id);
		vsnprintf(x->fail.message, sizeof(x->fail.message), msg_text(id), ap);
		va_end(ap);
	}
	if (p)
		XML_StopParser(p, XML_FALSE);
}

static const char *
mib(uint64_t bytes, char *out, size_t size)
{
	snprintf(out, size, "%llu MiB", (unsigned long long)(bytes >> 20));
	return out;
}

static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *
attr(const char **atts, const char *want)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(local(atts[i]), want) == 0)
			return atts[i + 1];
	return NULL;
}

/* ---- generic streaming parse of one zip entry ---- */

struct xml_job {
	struct xlsx_state *x;
	XML_Parser p;
	bool refused;
};

static void XMLCALL
doctype_refuse(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid, int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	struct xml_job *j = data;
	j->refused = true;
	XML_StopParser(j->p, XML_FALSE);
}

static void XMLCALL
entity_refuse(void *data, const XML_Char *entityName, int is_parameter_entity, const XML_Char *value,
    int value_length, const XML_Char *base, const XML_Char *systemId, const XML_Char *publicId,
    const XML_Char *notationName)
{
	(void)entityName, (void)is_parameter_entity, (void)value, (void)value_length, (void)base;
	(void)systemId, (void)publicId, (void)notationName;
	struct xml_job *j = data;
	j->refused = true;
	XML_StopParser(j->p, XML_FALSE);
}

/* Comments and processing instructions report progress too (expat needs each whole in memory first). */
static void XMLCALL
comment_seen(void *data, const XML_Char *text)
{
	(void)text;
	((struct xml_job *)data)->x->silent = 0;
}

static void XMLCALL
pi_seen(void *data, const XML_Char *target, const XML_Char *text)
{
	(void)target, (void)text;
	((struct xml_job *)data)->x->silent = 0;
}

/* Character data of parts whose text Tuopin does not read. */
static void XMLCALL
chars_seen(void *data, const XML_Char *s, int len)
{
	(void)s, (void)len;
	((struct xml_job *)data)->x->silent = 0;
}

static XML_Parser
new_parser(struct xml_job *j, XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler chars)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	j->p = p;
	XML_SetUserData(p, j);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, chars ? chars : chars_seen);
	XML_SetCommentHandler(p, comment_seen);
	XML_SetProcessingInstructionHandler(p, pi_seen);
	XML_SetStartDoctypeDeclHandler(p, doctype_refuse);
	XML_SetEntityDeclHandler(p, entity_refuse);
	return p;
}

/* Count n more inflated bytes against the file's limit and feed them to p (n == 0: the end). False with
 * x->fail set on any error. row is the row being read, for the message. */
static bool
feed(struct xlsx_state *x, struct xml_job *j, const char *buf, zip_int64_t n, int row)
{
	char lim[32];
	if (n < 0) {
		xfail(x, NULL, row, 0, ERR_INVALID, MSG_XLSX_BAD, "cannot inflate");
		return false;
	}
	x->inflated += (uint64_t)n;
	if (x->inflated > x->lim.max_inflated) {
		xfail(x, NULL, row, 0, ERR_INVALID, MSG_XLSX_TOOBIG, mib(x->lim.max_inflated, lim, sizeof(lim)));
		return false;
	}
	x->silent += (uint64_t)n;
	if (XML_Parse(j->p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
		char m[200];
		if (!x->failed) {
			snprintf(m, sizeof(m), "%s: %s", x->part, j->refused ? "DOCTYPE not allowed" :
			    XML_ErrorString(XML_GetErrorCode(j->p)));
			xfail(x, NULL, row, 0, ERR_INVALID, MSG_XLSX_BAD, m);
		}
		return false;
	}
	if (x->failed)
		return false;
	if (x->silent > MAX_SILENT) {
		xfail(x, NULL, row, 0, ERR_INVALID, MSG_XLSX_TOKEN, x->part, mib(MAX_SILENT, lim, sizeof(lim)));
		return false;
	}
	return true;
}

/* Parse the whole entry name with the handlers. Returns false with x->fail set. Missing optional entries
 * are fine when optional is true. */
static bool
parse_entry(struct xlsx_state *x, const char *name, bool optional, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler chars)
{
	zip_file_t *f = zip_fopen(x->zip, name, 0);
	if (!f) {
		if (optional)
			return true;
		char m[300];
		snprintf(m, sizeof(m), "missing %s", name);
		xfail(x, NULL, 0, 0, ERR_INVALID, MSG_XLSX_BAD, m);
		return false;
	}
	struct xml_job j = { .x = x };
	XML_Parser p = new_parser(&j, start, end, chars);
	char *buf = xmalloc(XCHUNK);
	bool ok = true;
	x->part = name;
	x->silent = 0;
	for (;;) {
		zip_int64_t n = zip_fread(f, buf, XCHUNK);
		if (!feed(x, &j, buf, n, 0)) {
			ok = false;
			break;
		}
		if (n == 0)
			break;
	}
	free(buf);
	XML_ParserFree(p);
	zip_fclose(f);
	return ok;
}

/* ---- workbook and relationships ---- */

struct wb_ctx {
	char rid[128];
	char target[512];
	bool have_sheet;
};
/* The workbook handlers fill the context of the xlsx_open call running on this thread. */
static _Thread_local struct wb_ctx *tl_wb;

static void XMLCALL
wb_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xml_job *j = data;
	const char *l = local(name);
	j->x->silent = 0;
	if (strcmp(l, "workbookPr") == 0) {
		const char *d = attr(atts, "date1904");
		if (d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0))
			j->x->date1904 = true;
	} else if (strcmp(l, "sheet") == 0 && !tl_wb->have_sheet) {
		const char *id = attr(atts, "id");
		if (id) {
			snprintf(tl_wb->rid, sizeof(tl_wb->rid), "%s", id);
			tl_wb->have_sheet = true;
		}
	}
}

static void XMLCALL
nop_end(void *data, const XML_Char *name)
{
	(void)name;
	((struct xml_job *)data)->x->silent = 0;
}

static void XMLCALL
rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	((struct xml_job *)data)->x->silent = 0;
	if (strcmp(local(name), "Relationship") != 0)
		return;
	const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
	if (id && t && strcmp(id, tl_wb->rid) == 0)
		snprintf(tl_wb->target, sizeof(tl_wb->target), "%s", t);
}

/* ---- shared strings ---- */

/* Append text to the last shared string, within the limits: one string no longer than a cell may be (the
 * rest is dropped and the string marked), all of them within the shared-strings limit. */
static void
ss_append(struct xlsx_state *x, XML_Parser p, const char *s, size_t n)
{
	uint32_t *len = &x->ss_off[2 * (x->ss_n - 1) + 1];
	if (*len == SS_TOO_LONG)
		return;
	if (*len + n > x->lim.max_cell_bytes) {
		*len = SS_TOO_LONG;
		return;
	}
	if (x->ss_len + n > x->lim.max_shared_bytes || x->ss_len + n >= UINT32_MAX) {
		char lim[32];
		xfail(x, p, 0, 0, ERR_INVALID, MSG_XLSX_SHARED_BYTES, mib(x->lim.max_shared_bytes, lim, sizeof(lim)));
		return;
	}
	if (x->ss_len + n + 1 > x->ss_cap) {
		size_t cap = x->ss_cap ? x->ss_cap : 65536;
		while (cap < x->ss_len + n + 1)
			cap *= 2;
		x->ss_data = xrealloc(x->ss_data, cap);
		x->ss_cap = cap;
	}
	memcpy(x->ss_data + x->ss_len, s, n);
	x->ss_len += n;
	*len += (uint32_t)n;
}

static void XMLCALL
ss_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	(void)atts;
	struct xml_job *j = data;
	struct xlsx_state *x = j->x;
	const char *l = local(name);
	x->silent = 0;
	if (strcmp(l, "si") == 0) {
		if (x->ss_n >= x->lim.max_shared_strings) {
			xfail(x, j->p, 0, 0, ERR_INVALID, MSG_XLSX_SHARED_COUNT, x->lim.max_shared_strings);
			return;
		}
		if (x->ss_n == x->ss_cap_n) {
			x->ss_cap_n = x->ss_cap_n ? x->ss_cap_n * 2 : 1024;
			x->ss_off = xrealloc(x->ss_off, x->ss_cap_n * 2 * sizeof(*x->ss_off));
		}
		x->ss_off[2 * x->ss_n] = (uint32_t)x->ss_len;
		x->ss_off[2 * x->ss_n + 1] = 0;
		x->ss_n++;
	} else if (strcmp(l, "rPh") == 0)
		x->in_rph = true;
	else if (strcmp(l, "t") == 0 && !x->in_rph)
		x->in_t = true;
}

static void XMLCALL
ss_end(void *data, const XML_Char *name)
{
	struct xlsx_state *x = ((struct xml_job *)data)->x;
	const char *l = local(name);
	x->silent = 0;
	if (strcmp(l, "rPh") == 0)
		x->in_rph = false;
	else if (strcmp(l, "t") == 0)
		x->in_t = false;
}

static void XMLCALL
ss_chars(void *data, const XML_Char *s, int len)
{
	struct xml_job *j = data;
	struct xlsx_state *x = j->x;
	x->silent = 0;
	if (x->in_t && !x->in_rph && x->ss_n > 0)
		ss_append(x, j->p, s, (size_t)len);
}

/* ---- styles ---- */

struct fmt {
	int id;
	bool date;
};
static _Thread_local struct {
	struct fmt *fmts;
	size_t n, cap;
	bool in_cellxfs;
	int *xf_fmt;
	size_t n_xf, cap_xf;
} tl_st;

static bool
format_is_date(const char *code)
{
	bool quoted = false;
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted)
			continue;
		if (*p == '[') {   /* [Red], [$-804]: skip; [h]/[mm] are elapsed times, still dates for us */
			const char *q = strchr(p, ']');
			if (!q)
				break;
			p = q;
			continue;
		}
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		char c = (char)(*p | 0x20);
		if (c == 'y' || c == 'd' || c == 'm' || c == 'h' || c == 's')
			return true;
	}
	return false;
}

static void XMLCALL
st_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xml_job *j = data;
	const char *l = local(name);
	j->x->silent = 0;
	if (tl_st.n >= MAX_STYLES || tl_st.n_xf >= MAX_STYLES) {
		xfail(j->x, j->p, 0, 0, ERR_INVALID, MSG_XLSX_STYLES, MAX_STYLES);
		return;
	}
	if (strcmp(l, "numFmt") == 0) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (id && code) {
			if (tl_st.n == tl_st.cap) {
				tl_st.cap = tl_st.cap ? tl_st.cap * 2 : 16;
				tl_st.fmts = xrealloc(tl_st.fmts, tl_st.cap * sizeof(struct fmt));
			}
			tl_st.fmts[tl_st.n++] = (struct fmt){ atoi(id), format_is_date(code) };
		}
	} else if (strcmp(l, "cellXfs") == 0)
		tl_st.in_cellxfs = true;
	else if (strcmp(l, "xf") == 0 && tl_st.in_cellxfs) {
		const char *id = attr(atts, "numFmtId");
		if (tl_st.n_xf == tl_st.cap_xf) {
			tl_st.cap_xf = tl_st.cap_xf ? tl_st.cap_xf * 2 : 16;
			tl_st.xf_fmt = xrealloc(tl_st.xf_fmt, tl_st.cap_xf * sizeof(int));
		}
		tl_st.xf_fmt[tl_st.n_xf++] = id ? atoi(id) : 0;
	}
}

static void XMLCALL
st_end(void *data, const XML_Char *name)
{
	((struct xml_job *)data)->x->silent = 0;
	if (strcmp(local(name), "cellXfs") == 0)
		tl_st.in_cellxfs = false;
}

static bool
builtin_date(int id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* ---- the sheet ---- */

static size_t
col_index(const char *ref, size_t fallback)
{
	size_t c = 0;
	bool any = false;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		c = c * 26 + (size_t)(*ref - 'A' + 1);
		any = true;
		if (c > 100000)
			return 100000;
	}
	return any ? c - 1 : fallback;
}

static void XMLCALL
sh_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xml_job *j = data;
	struct xlsx_state *x = j->x;
	const char *l = local(name);
	x->silent = 0;
	if (strcmp(l, "row") == 0) {
		const char *r = attr(atts, "r");
		long n = r ? strtol(r, NULL, 10) : 0;
		x->row_num = n > 0 && n < INT32_MAX ? (int)n : x->last_row + 1;
		x->next_col = 0;
	} else if (strcmp(l, "c") == 0) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t"), *st = attr(atts, "s");
		x->col = r ? col_index(r, x->next_col) : x->next_col;
		if (x->col >= x->lim.max_cells_per_row) {
			xfail(x, j->p, x->row_num, 0, ERR_INVALID, MSG_TOO_MANY_COLUMNS, x->lim.max_cells_per_row);
			return;
		}
		snprintf(x->cell_type, sizeof(x->cell_type), "%s", t ? t : "n");
		x->cell_style = st ? atoi(st) : 0;
		x->cell_too_long = false;
		buf_reset(&x->text);
	} else if (strcmp(l, "v") == 0)
		x->in_v = true;
	else if (strcmp(l, "is") == 0)
		x->in_is = true;
	else if (strcmp(l, "rPh") == 0)
		x->in_rph = true;
	else if (strcmp(l, "t") == 0 && x->in_is && !x->in_rph)
		x->in_t = true;
}

static void
finish_cell(struct xlsx_state *x, XML_Parser p)
{
	const char *t = x->cell_type;
	const char *v = x->text.p ? x->text.p : "";
	char tmp[64];
	bool numeric = false;
	struct str out = { v, x->text.n };

	if (strcmp(t, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		if (x->text.n > 0 && *end == '\0' && i >= 0 && (size_t)i < x->ss_n) {
			if (x->ss_off[2 * i + 1] == SS_TOO_LONG)
				x->cell_too_long = true;
			else
				out = (struct str){ x->ss_data + x->ss_off[2 * i], x->ss_off[2 * i + 1] };
		} else {
			/* a text cell naming a shared string the file does not have: the file is broken, and the cell
			 * is not an empty one (it was read as one: "必填项为空") */
			char why[96];
			snprintf(why, sizeof(why), msg_lang() == LANG_EN ? "a cell refers to shared string \"%.20s\", which the "
			    "file does not have (it has %zu)" : "单元格引用的共享字符串“%.20s”不存在（文件中共 %zu 个）", v, x->ss_n);
			xfail(x, p, x->row_num, (int)x->col + 1, ERR_INVALID, MSG_XLSX_BAD, why);
			return;
		}
	} else if (strcmp(t, "b") == 0) {
		out = str_from(strcmp(v, "1") == 0 ? "1" : "0");
	} else if (strcmp(t, "d") == 0) {
		out.n = out.n > 10 ? 10 : out.n;
	} else if (strcmp(t, "n") == 0 && x->text.n > 0) {
		char *end;
		double d = strtod(v, &end);
		numeric = true;
		bool is_date = x->cell_style >= 0 && (size_t)x->cell_style < x->n_xf && x->is_date[x->cell_style];
		int ymd;
		if (is_date && date_from_excel(d, x->date1904, &ymd)) {
			date_format(ymd, tmp);
			out = str_from(tmp);
			numeric = false;
		} else if (isfinite(d)) {
			snprintf(tmp, sizeof(tmp), "%.15g", d);
			out = str_from(tmp);
		}
	}
	if (x->cell_too_long) {
		xfail(x, p, x->row_num, (int)x->col + 1, ERR_INVALID, MSG_CELL_TOO_BIG, (int)x->col + 1,
		    x->lim.max_cell_bytes);
		return;
	}
	/* inlineStr, str and e keep the collected text */
	rowq_cell(&x->s->q, x->col, out.p, out.n, numeric);
	x->next_col = x->col + 1;
}

static void XMLCALL
sh_end(void *data, const XML_Char *name)
{
	struct xml_job *j = data;
	struct xlsx_state *x = j->x;
	const char *l = local(name);
	x->silent = 0;
	if (x->failed)
		return;
	if (strcmp(l, "c") == 0)
		finish_cell(x, j->p);
	else if (strcmp(l, "v") == 0)
		x->in_v = false;
	else if (strcmp(l, "is") == 0)
		x->in_is = false;
	else if (strcmp(l, "rPh") == 0)
		x->in_rph = false;
	else if (strcmp(l, "t") == 0)
		x->in_t = false;
	else if (strcmp(l, "row") == 0) {
		rowq_end(&x->s->q, x->row_num);
		x->last_row = x->row_num;
	}
}

static void XMLCALL
sh_chars(void *data, const XML_Char *s, int len)
{
	struct xlsx_state *x = ((struct xml_job *)data)->x;
	x->silent = 0;
	if (!(x->in_v || (x->in_t && !x->in_rph)) || x->cell_too_long)
		return;
	if (x->text.n + (size_t)len > x->lim.max_cell_bytes)
		x->cell_too_long = true;   /* nothing more is kept; the cell is refused when it ends */
	else
		buf_append(&x->text, s, (size_t)len);
}

/* The number of parts of the ZIP archive at path, from its end-of-central-directory record (ZIP64 too), read
 * before libzip loads the directory, which costs memory for every entry. UINT64_MAX if no record is found
 * (libzip then says what is wrong). */
static uint64_t
zip_entries(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return UINT64_MAX;
	unsigned char tail[65536 + 22];
	uint64_t found = UINT64_MAX;
	if (fseeko(f, 0, SEEK_END) == 0) {
		off_t size = ftello(f);
		size_t want = size < (off_t)sizeof(tail) ? (size_t)size : sizeof(tail);
		if (size >= 22 && fseeko(f, size - (off_t)want, SEEK_SET) == 0 && fread(tail, 1, want, f) == want) {
			for (size_t i = want - 22 + 1; i-- > 0;) {
				if (memcmp(tail + i, "PK\x05\x06", 4) != 0)
					continue;
				found = (uint64_t)tail[i + 10] | (uint64_t)tail[i + 11] << 8;
				if (found == 0xFFFF && i >= 20 && memcmp(tail + i - 20, "PK\x06\x07", 4) == 0) {
					/* ZIP64: the locator points at the ZIP64 record, whose entry count is 8 bytes */
					uint64_t at = 0;
					unsigned char z[56];
					for (int k = 7; k >= 0; k--)
						at = at << 8 | tail[i - 20 + 8 + k];
					if (fseeko(f, (off_t)at, SEEK_SET) == 0 && fread(z, 1, sizeof(z), f) == sizeof(z) &&
					    memcmp(z, "PK\x06\x06", 4) == 0) {
						found = 0;
						for (int k = 7; k >= 0; k--)
							found = found << 8 | z[32 + k];
					}
				}
				break;
			}
		}
	}
	fclose(f);
	return found;
}

bool
xlsx_open(struct sheet *s, const char *path, const struct sheet_limits *lim, struct errinfo *e)
{
	int zerr = 0;
	struct xlsx_state *x = xcalloc(1, sizeof(*x));
	s->kind = SHEET_XLSX;
	s->xlsx = x;
	x->s = s;
	x->lim = *lim;
	buf_init(&x->text);
	uint64_t entries = zip_entries(path);
	if (entries != UINT64_MAX && entries > MAX_ENTRIES) {
		errinfo_set(e, ERR_INVALID, "", MSG_XLSX_ENTRIES, (unsigned long long)entries, MAX_ENTRIES);
		return false;
	}
	x->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!x->zip) {
		errinfo_set(e, ERR_INVALID, "", MSG_XLSX_ZIP);
		return false;
	}

	struct wb_ctx ctx = { { 0 }, { 0 }, false };
	tl_wb = &ctx;
	bool ok = parse_entry(x, "xl/workbook.xml", false, wb_start, nop_end, NULL);
	if (ok && !ctx.have_sheet) {
		xfail(x, NULL, 0, 0, ERR_INVALID, MSG_XLSX_BAD, "the workbook has no sheet");
		ok = false;
	}
	if (ok)
		ok = parse_entry(x, "xl/_rels/workbook.xml.rels", false, rels_start, nop_end, NULL);
	tl_wb = NULL;
	char sheet_path[600];
	if (ok) {
		if (!ctx.target[0]) {
			xfail(x, NULL, 0, 0, ERR_INVALID, MSG_XLSX_BAD, "cannot resolve the first sheet");
			ok = false;
		} else if (ctx.target[0] == '/')
			snprintf(sheet_path, sizeof(sheet_path), "%s", ctx.target + 1);
		else
			snprintf(sheet_path, sizeof(sheet_path), "xl/%s", ctx.target);
	}
	if (ok)
		ok = parse_entry(x, "xl/sharedStrings.xml", true, ss_start, ss_end, ss_chars);
	if (ok) {
		memset(&tl_st, 0, sizeof(tl_st));
		ok = parse_entry(x, "xl/styles.xml", true, st_start, st_end, NULL);
		x->n_xf = tl_st.n_xf;
		x->is_date = xcalloc(x->n_xf ? x->n_xf : 1, 1);
		for (size_t i = 0; i < tl_st.n_xf; i++) {
			int id = tl_st.xf_fmt[i];
			bool d = builtin_date(id);
			for (size_t k = 0; k < tl_st.n; k++)
				if (tl_st.fmts[k].id == id)
					d = tl_st.fmts[k].date;
			x->is_date[i] = d;
		}
		free(tl_st.fmts);
		free(tl_st.xf_fmt);
		memset(&tl_st, 0, sizeof(tl_st));
	}
	if (ok) {
		x->sheet_file = zip_fopen(x->zip, sheet_path, 0);
		if (!x->sheet_file) {
			char m[700];
			snprintf(m, sizeof(m), "missing %.600s", sheet_path);
			xfail(x, NULL, 0, 0, ERR_INVALID, MSG_XLSX_BAD, m);
			ok = false;
		}
	}
	if (!ok) {
		if (e)
			*e = x->fail;
		return false;
	}
	struct xml_job *job = xcalloc(1, sizeof(*job));
	job->x = x;
	x->sheet_parser = new_parser(job, sh_start, sh_end, sh_chars);
	x->part = "sheet";
	x->silent = 0;
	return true;
}

int
xlsx_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e)
{
	struct xlsx_state *x = s->xlsx;
	char buf[XCHUNK];
	while (!rowq_pop(&s->q, row)) {
		if (x->failed) {
			/* the rows completed before the error have been handed out */
			*err_row = x->fail_row ? x->fail_row : x->last_row + 1;
			s->err_col = x->fail_col;
			if (e)
				*e = x->fail;
			return -1;
		}
		if (x->eof)
			return 0;
		zip_int64_t n = zip_fread(x->sheet_file, buf, sizeof(buf));
		struct xml_job *j = XML_GetUserData(x->sheet_parser);
		if (!feed(x, j, buf, n, x->last_row + 1)) {
			/* rows the failing piece completed before the error are handed out first, not the row that failed */
			x->s->q.cur_n = 0;
			buf_reset(&x->s->q.cur_data);
			continue;
		}
		if (n == 0)
			x->eof = true;
	}
	return 1;
}

void
xlsx_close(struct sheet *s)
{
	struct xlsx_state *x = s->xlsx;
	if (!x)
		return;
	if (x->sheet_parser) {
		free(XML_GetUserData(x->sheet_parser));
		XML_ParserFree(x->sheet_parser);
	}
	if (x->sheet_file)
		zip_fclose(x->sheet_file);
	if (x->zip)
		zip_discard(x->zip);
	free(x->ss_data);
	free(x->ss_off);
	free(x->is_date);
	buf_free(&x->text);
	free(x);
}
