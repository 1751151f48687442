/* xlsx_read.c: a streaming reader for the first worksheet of an XLSX file (libzip + expat).
 * Resolves the sheet through workbook.xml and its relationships, loads shared strings, learns which cell
 * styles are dates from styles.xml, and streams the sheet XML in 64 KiB pieces. Refuses DOCTYPEs and
 * entity declarations, and stops inflating any part past the configured limit (zip bombs).
 * Must not interpret cells beyond turning numbers and dates into text. */
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "io/sheet_impl.h"
#include "lib/date.h"
#include "lib/util.h"

#define XCHUNK (64 * 1024)

struct xlsx_state {
	zip_t *zip;
	zip_file_t *sheet_file;
	XML_Parser sheet_parser;
	uint64_t limit, sheet_bytes;
	bool date1904, eof, failed;
	/* shared strings */
	char *ss_data;
	size_t ss_len, ss_cap;
	size_t *ss_off;  /* 2 per string */
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
	struct buf text;
	struct sheet *s;
	char errmsg[256];
};

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

static XML_Parser
new_parser(struct xml_job *j, XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler chars)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	j->p = p;
	XML_SetUserData(p, j);
	XML_SetElementHandler(p, start, end);
	if (chars)
		XML_SetCharacterDataHandler(p, chars);
	XML_SetStartDoctypeDeclHandler(p, doctype_refuse);
	XML_SetEntityDeclHandler(p, entity_refuse);
	return p;
}

/* Parse the whole entry name with the handlers. Returns false with x->errmsg set. Missing optional
 * entries are fine when optional is true. */
static bool
parse_entry(struct xlsx_state *x, const char *name, bool optional, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler chars)
{
	zip_file_t *f = zip_fopen(x->zip, name, 0);
	if (!f) {
		if (optional)
			return true;
		snprintf(x->errmsg, sizeof(x->errmsg), "missing %s", name);
		return false;
	}
	struct xml_job j = { .x = x };
	XML_Parser p = new_parser(&j, start, end, chars);
	char *buf = xmalloc(XCHUNK);
	uint64_t total = 0;
	bool ok = true;
	for (;;) {
		zip_int64_t n = zip_fread(f, buf, XCHUNK);
		if (n < 0) {
			snprintf(x->errmsg, sizeof(x->errmsg), "cannot inflate %s", name);
			ok = false;
			break;
		}
		total += (uint64_t)n;
		if (total > x->limit) {
			snprintf(x->errmsg, sizeof(x->errmsg), "LIMIT");
			ok = false;
			break;
		}
		if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			snprintf(x->errmsg, sizeof(x->errmsg), "%s: %s", name,
			    j.refused ? "DOCTYPE not allowed" : XML_ErrorString(XML_GetErrorCode(p)));
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
	(void)data, (void)name;
}

static void XMLCALL
rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	(void)data;
	if (strcmp(local(name), "Relationship") != 0)
		return;
	const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
	if (id && t && strcmp(id, tl_wb->rid) == 0)
		snprintf(tl_wb->target, sizeof(tl_wb->target), "%s", t);
}

/* ---- shared strings ---- */

static void
ss_append(struct xlsx_state *x, const char *p, size_t n)
{
	if (x->ss_len + n + 1 > x->ss_cap) {
		size_t cap = x->ss_cap ? x->ss_cap : 65536;
		while (cap < x->ss_len + n + 1)
			cap *= 2;
		x->ss_data = xrealloc(x->ss_data, cap);
		x->ss_cap = cap;
	}
	memcpy(x->ss_data + x->ss_len, p, n);
	x->ss_len += n;
}

static void XMLCALL
ss_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	(void)atts;
	struct xlsx_state *x = ((struct xml_job *)data)->x;
	const char *l = local(name);
	if (strcmp(l, "si") == 0) {
		if (x->ss_n == x->ss_cap_n) {
			x->ss_cap_n = x->ss_cap_n ? x->ss_cap_n * 2 : 1024;
			x->ss_off = xrealloc(x->ss_off, x->ss_cap_n * 2 * sizeof(size_t));
		}
		x->ss_off[2 * x->ss_n] = x->ss_len;
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
	if (strcmp(l, "rPh") == 0)
		x->in_rph = false;
	else if (strcmp(l, "t") == 0)
		x->in_t = false;
	else if (strcmp(l, "si") == 0 && x->ss_n > 0)
		x->ss_off[2 * (x->ss_n - 1) + 1] = x->ss_len - x->ss_off[2 * (x->ss_n - 1)];
}

static void XMLCALL
ss_chars(void *data, const XML_Char *s, int len)
{
	struct xlsx_state *x = ((struct xml_job *)data)->x;
	if (x->in_t && !x->in_rph && x->ss_n > 0)
		ss_append(x, s, (size_t)len);
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
	(void)data;
	const char *l = local(name);
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
	(void)data;
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
			return fallback;
	}
	return any ? c - 1 : fallback;
}

static void XMLCALL
sh_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_state *x = ((struct xml_job *)data)->x;
	const char *l = local(name);
	if (strcmp(l, "row") == 0) {
		const char *r = attr(atts, "r");
		x->row_num = r ? atoi(r) : x->last_row + 1;
		x->next_col = 0;
	} else if (strcmp(l, "c") == 0) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t"), *st = attr(atts, "s");
		x->col = r ? col_index(r, x->next_col) : x->next_col;
		snprintf(x->cell_type, sizeof(x->cell_type), "%s", t ? t : "n");
		x->cell_style = st ? atoi(st) : 0;
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
finish_cell(struct xlsx_state *x)
{
	const char *t = x->cell_type;
	const char *v = x->text.p ? x->text.p : "";
	char tmp[64];
	bool numeric = false;
	struct str out = { v, x->text.n };

	if (strcmp(t, "s") == 0) {
		long i = strtol(v, NULL, 10);
		if (i >= 0 && (size_t)i < x->ss_n)
			out = (struct str){ x->ss_data + x->ss_off[2 * i], x->ss_off[2 * i + 1] };
		else
			out = (struct str){ "", 0 };
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
	/* inlineStr, str and e keep the collected text */
	rowq_cell(&x->s->q, x->col, out.p, out.n, numeric);
	x->next_col = x->col + 1;
}

static void XMLCALL
sh_end(void *data, const XML_Char *name)
{
	struct xlsx_state *x = ((struct xml_job *)data)->x;
	const char *l = local(name);
	if (strcmp(l, "c") == 0)
		finish_cell(x);
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
	if (x->in_v || (x->in_t && !x->in_rph))
		buf_append(&x->text, s, (size_t)len);
}

struct xlsx_job_holder {
	struct xml_job job;
};

bool
xlsx_open(struct sheet *s, const char *path, const struct sheet_limits *lim, struct errinfo *e)
{
	int zerr = 0;
	struct xlsx_state *x = xcalloc(1, sizeof(*x));
	s->kind = SHEET_XLSX;
	s->xlsx = x;
	x->s = s;
	x->limit = lim->max_uncompressed;
	buf_init(&x->text);
	x->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!x->zip) {
		errinfo_set(e, ERR_INVALID, "", MSG_XLSX_BAD, "not a readable ZIP archive");
		return false;
	}

	struct wb_ctx ctx = { { 0 }, { 0 }, false };
	tl_wb = &ctx;
	bool ok = parse_entry(x, "xl/workbook.xml", false, wb_start, nop_end, NULL);
	if (ok && !ctx.have_sheet) {
		snprintf(x->errmsg, sizeof(x->errmsg), "the workbook has no sheet");
		ok = false;
	}
	if (ok)
		ok = parse_entry(x, "xl/_rels/workbook.xml.rels", false, rels_start, nop_end, NULL);
	tl_wb = NULL;
	char sheet_path[600];
	if (ok) {
		if (!ctx.target[0]) {
			snprintf(x->errmsg, sizeof(x->errmsg), "cannot resolve the first sheet");
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
			snprintf(x->errmsg, sizeof(x->errmsg), "missing %.200s", sheet_path);
			ok = false;
		}
	}
	if (!ok) {
		if (strcmp(x->errmsg, "LIMIT") == 0) {
			char lim_text[32];
			snprintf(lim_text, sizeof(lim_text), "%llu MiB", (unsigned long long)(x->limit >> 20));
			errinfo_set(e, ERR_TOOBIG, "", MSG_XLSX_TOOBIG, lim_text);
		} else
			errinfo_set(e, ERR_INVALID, "", MSG_XLSX_BAD, x->errmsg);
		return false;
	}
	struct xlsx_job_holder *h = xcalloc(1, sizeof(*h));
	h->job.x = x;
	x->sheet_parser = new_parser(&h->job, sh_start, sh_end, sh_chars);
	return true;
}

int
xlsx_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e)
{
	struct xlsx_state *x = s->xlsx;
	char buf[XCHUNK];
	while (!rowq_pop(&s->q, row)) {
		if (x->eof || x->failed)
			return x->failed ? -1 : 0;
		zip_int64_t n = zip_fread(x->sheet_file, buf, sizeof(buf));
		if (n < 0) {
			x->failed = true;
			*err_row = x->last_row + 1;
			errinfo_set(e, ERR_INVALID, "", MSG_XLSX_BAD, "cannot inflate the sheet");
			return -1;
		}
		x->sheet_bytes += (uint64_t)n;
		if (x->sheet_bytes > x->limit) {
			char lim_text[32];
			x->failed = true;
			*err_row = x->last_row + 1;
			snprintf(lim_text, sizeof(lim_text), "%llu MiB", (unsigned long long)(x->limit >> 20));
			errinfo_set(e, ERR_TOOBIG, "", MSG_XLSX_TOOBIG, lim_text);
			return -1;
		}
		struct xml_job *j = XML_GetUserData(x->sheet_parser);
		if (XML_Parse(x->sheet_parser, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			char m[160];
			x->failed = true;
			*err_row = x->last_row + 1;
			snprintf(m, sizeof(m), "%s", j->refused ? "DOCTYPE not allowed" :
			    XML_ErrorString(XML_GetErrorCode(x->sheet_parser)));
			errinfo_set(e, ERR_INVALID, "", MSG_XLSX_BAD, m);
			return -1;
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
