/* sheet_write.c: CSV (UTF-8 with BOM, or GB18030) and XLSX (libxlsxwriter) writers. The streamed XLSX writer
 * (constant memory) and CSV write rows as they come; the table writer keeps a small report until close.
 * Knows cells, titles, merges, column types and widths, not households. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <xlsxwriter.h>

#include "io/sheet.h"
#include "io/sheet_impl.h"
#include "lib/util.h"

struct sheet_writer {
	enum sheet_kind kind;
	char *path;
	FILE *fp;
	iconv_t cd;
	bool gb;
	struct buf line, conv;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *text_fmt, *bold_fmt, *bold_text_fmt, *header_fmt, *title_fmt, *span_fmt;
	lxw_row_t row;
	bool failed;
	bool stream;
	/* per column: its type, a fixed width (0: fit) and the widest cell seen */
	size_t n_cols;
	enum sheet_col_type *type;
	double *fixed, *fit;
	lxw_format **num_fmt, **num_bold_fmt;   /* per column: its number format, plain and bold (NULL: general) */
	lxw_format *note_fmt;
};

double
sheet_text_width(const char *s)
{
	double w = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p < 0x80)
			w += 1;
		else if (*p >= 0xC0)
			w += *p >= 0xE0 ? 2 : 1;   /* a 3- or 4-byte character (CJK, full-width) is wide */
	}
	return w;
}

static void
grow_cols(struct sheet_writer *w, size_t n)
{
	if (n <= w->n_cols)
		return;
	w->type = xrealloc(w->type, n * sizeof(*w->type));
	w->fixed = xrealloc(w->fixed, n * sizeof(*w->fixed));
	w->fit = xrealloc(w->fit, n * sizeof(*w->fit));
	w->num_fmt = xrealloc(w->num_fmt, n * sizeof(*w->num_fmt));
	w->num_bold_fmt = xrealloc(w->num_bold_fmt, n * sizeof(*w->num_bold_fmt));
	for (size_t i = w->n_cols; i < n; i++) {
		w->num_fmt[i] = w->num_bold_fmt[i] = NULL;
		w->type[i] = SHEET_COL_TEXT;
		w->fixed[i] = 0;
		w->fit[i] = 0;
	}
	w->n_cols = n;
}

static lxw_format *
new_format(lxw_workbook *wb, bool bold, bool text)
{
	lxw_format *f = workbook_add_format(wb);
	if (bold)
		format_set_bold(f);
	if (text)
		format_set_num_format_index(f, 49);   /* the built-in "@" */
	return f;
}

/* A regular file written: readable and writable by its owner only (never a device or pipe named as the file). */
static void
owner_only(int fd)
{
	struct stat sb;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 077))
		(void)fchmod(fd, 0600);
}

static struct sheet_writer *
writer_open(const char *path, enum sheet_kind kind, bool gb18030, const char *sheet_name, bool stream,
    struct errinfo *e);

struct sheet_writer *
sheet_writer_open(const char *path, enum sheet_kind kind, bool gb18030, const char *sheet_name, struct errinfo *e)
{
	return writer_open(path, kind, gb18030, sheet_name, true, e);
}

struct sheet_writer *
sheet_writer_open_table(const char *path, enum sheet_kind kind, bool gb18030, const char *sheet_name,
    struct errinfo *e)
{
	return writer_open(path, kind, gb18030, sheet_name, false, e);
}

static struct sheet_writer *
writer_open(const char *path, enum sheet_kind kind, bool gb18030, const char *sheet_name, bool stream,
    struct errinfo *e)
{
	struct sheet_writer *w = xcalloc(1, sizeof(*w));
	w->stream = stream;
	w->kind = kind;
	w->path = xstrdup(path);
	buf_init(&w->line);
	buf_init(&w->conv);
	if (kind == SHEET_XLSX) {
		/* libxlsxwriter creates the file only when the workbook closes, after all the work, and then says
		 * why in English on stderr: see now whether the file can be made */
		FILE *probe = fopen(path, "ab");
		if (!probe) {
			int err = errno == EISDIR && access(path, F_OK) != 0 ? ENOENT : errno;
			errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, msg_errno(err));
			free(w->path);
			free(w);
			return NULL;
		}
		/* an existing file kept its mode: a list of names is the user's only (the workbook is written into
		 * this file at the end, which keeps the mode set here) */
		owner_only(fileno(probe));
		fclose(probe);
		lxw_workbook_options opt = { .constant_memory = stream ? LXW_TRUE : LXW_FALSE, .tmpdir = NULL,
			.use_zip64 = stream ? LXW_TRUE : LXW_FALSE };
		w->wb = workbook_new_opt(path, &opt);
		if (!w->wb) {
			errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, "libxlsxwriter");
			free(w->path);
			free(w);
			return NULL;
		}
		w->ws = workbook_add_worksheet(w->wb, sheet_name);
		w->text_fmt = new_format(w->wb, false, true);
		w->bold_fmt = new_format(w->wb, true, false);
		w->bold_text_fmt = new_format(w->wb, true, true);
		w->header_fmt = new_format(w->wb, true, true);
		format_set_bg_color(w->header_fmt, 0xDDEBF7);
		format_set_border(w->header_fmt, LXW_BORDER_THIN);
		format_set_align(w->header_fmt, LXW_ALIGN_CENTER);
		format_set_align(w->header_fmt, LXW_ALIGN_VERTICAL_CENTER);
		w->span_fmt = new_format(w->wb, true, true);
		format_set_bg_color(w->span_fmt, 0xDDEBF7);
		format_set_border(w->span_fmt, LXW_BORDER_THIN);
		format_set_align(w->span_fmt, LXW_ALIGN_CENTER);
		format_set_align(w->span_fmt, LXW_ALIGN_VERTICAL_CENTER);
		w->title_fmt = new_format(w->wb, true, true);
		format_set_font_size(w->title_fmt, 14);
		format_set_align(w->title_fmt, LXW_ALIGN_CENTER);
		format_set_align(w->title_fmt, LXW_ALIGN_VERTICAL_CENTER);
		return w;
	}
	w->fp = fopen(path, "wb");
	if (!w->fp) {
		int err = errno;
		/* "DIR/" of a folder that does not exist: the folder is what is missing */
		if (err == EISDIR && access(path, F_OK) != 0)
			err = ENOENT;
		errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, msg_errno(err));
		free(w->path);
		free(w);
		return NULL;
	}
	/* a file written over keeps its mode: a list of names is the user's only, as a new one is (umask 077) */
	owner_only(fileno(w->fp));
	w->gb = gb18030;
	if (gb18030) {
		w->cd = iconv_open("GB18030", "UTF-8");
		if (w->cd == (iconv_t)-1) {
			errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, "iconv GB18030");
			fclose(w->fp);
			unlink(path);
			free(w->path);
			free(w);
			return NULL;
		}
	} else
		fputs("\xEF\xBB\xBF", w->fp);
	return w;
}

static void
csv_cell(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	/* a ' before what Excel would run as a formula (the reader takes it off again: sheet_impl.h) */
	bool formula = sheet_formula_like(s, n) || sheet_quoted_formula(s, n);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL || (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
	if (!quote) {
		buf_append(b, s, n);
		return;
	}
	buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s[i]);
	}
	buf_putc(b, '"');
}

void
sheet_writer_columns(struct sheet_writer *w, const struct sheet_col *cols, size_t n)
{
	grow_cols(w, n);
	for (size_t i = 0; i < n; i++) {
		w->type[i] = cols[i].type;
		w->fixed[i] = cols[i].width;
		if (w->kind == SHEET_XLSX && cols[i].num_format) {
			w->num_fmt[i] = workbook_add_format(w->wb);
			format_set_num_format(w->num_fmt[i], cols[i].num_format);
			w->num_bold_fmt[i] = new_format(w->wb, true, false);
			format_set_num_format(w->num_bold_fmt[i], cols[i].num_format);
		}
	}
}

/* A write that failed: a full disk in those words, anything else with the system's reason. */
static enum err
write_failed(struct errinfo *e, const char *path, int err, const char *reason)
{
	if (err == ENOSPC || err == EDQUOT)
		return errinfo_set(e, ERR_IO, "", MSG_DISK_FULL, path);
	return errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, reason ? reason : msg_errno(err));
}

static enum err
xlsx_fail(struct sheet_writer *w, lxw_error rc, struct errinfo *e)
{
	w->failed = true;
	return errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, lxw_strerror(rc));
}

enum err
sheet_writer_title(struct sheet_writer *w, const char *text, size_t n_cols, struct errinfo *e)
{
	if (w->kind != SHEET_XLSX)
		return ERR_OK;
	grow_cols(w, n_cols);
	lxw_error rc = n_cols > 1 ?
	    worksheet_merge_range(w->ws, w->row, 0, w->row, (lxw_col_t)(n_cols - 1), text, w->title_fmt) :
	    worksheet_write_string(w->ws, w->row, 0, text, w->title_fmt);
	if (rc == LXW_NO_ERROR)
		rc = worksheet_set_row(w->ws, w->row, 24, NULL);
	if (rc != LXW_NO_ERROR)
		return xlsx_fail(w, rc, e);
	w->row++;
	return ERR_OK;
}

enum err
sheet_writer_note(struct sheet_writer *w, const char *text, size_t n_cols, struct errinfo *e)
{
	if (w->kind != SHEET_XLSX)
		return ERR_OK;
	grow_cols(w, n_cols);
	if (!w->note_fmt) {
		w->note_fmt = new_format(w->wb, false, true);
		format_set_align(w->note_fmt, LXW_ALIGN_LEFT);
		format_set_align(w->note_fmt, LXW_ALIGN_VERTICAL_CENTER);
	}
	lxw_error rc = n_cols > 1 ?
	    worksheet_merge_range(w->ws, w->row, 0, w->row, (lxw_col_t)(n_cols - 1), text, w->note_fmt) :
	    worksheet_write_string(w->ws, w->row, 0, text, w->note_fmt);
	if (rc != LXW_NO_ERROR)
		return xlsx_fail(w, rc, e);
	w->row++;
	return ERR_OK;
}

enum err
sheet_writer_spans(struct sheet_writer *w, const struct sheet_span *spans, size_t n, struct errinfo *e)
{
	if (w->kind != SHEET_XLSX)
		return ERR_OK;
	for (size_t i = 0; i < n; i++) {
		const struct sheet_span *sp = &spans[i];
		size_t rows_down = sp->rows < 1 || w->stream ? 1 : sp->rows;
		grow_cols(w, sp->last + 1);
		lxw_row_t last_row = w->row + (lxw_row_t)rows_down - 1;
		lxw_error rc = sp->last > sp->first || last_row > w->row ?
		    worksheet_merge_range(w->ws, w->row, (lxw_col_t)sp->first, last_row, (lxw_col_t)sp->last,
			sp->text ? sp->text : "", w->span_fmt) :
		    worksheet_write_string(w->ws, w->row, (lxw_col_t)sp->first, sp->text ? sp->text : "", w->span_fmt);
		if (rc != LXW_NO_ERROR)
			return xlsx_fail(w, rc, e);
		/* a span over one column sets that column's width; a wide span is spread over its columns */
		double per = sheet_text_width(sp->text) / (double)(sp->last - sp->first + 1);
		for (size_t c = sp->first; c <= sp->last; c++)
			if (per > w->fit[c])
				w->fit[c] = per;
	}
	w->row++;
	return ERR_OK;
}

static bool
as_number(const char *s, double *v)
{
	if (!s || !*s || *s == ' ' || *s == '+')
		return false;
	/* "007" is a code, not seven */
	const char *d = *s == '-' ? s + 1 : s;
	if (d[0] == '0' && d[1] >= '0' && d[1] <= '9')
		return false;
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	return errno == 0 && *end == '\0' && end != s && *v == *v && *v < 1e15 && *v > -1e15;
}

static enum err
xlsx_row(struct sheet_writer *w, const char *const *cells, size_t n, int style, struct errinfo *e)
{
	grow_cols(w, n);
	for (size_t i = 0; i < n; i++) {
		if (!cells[i] || !cells[i][0]) {
			if (style == 2) {   /* a header keeps its shading in empty cells (under a span reaching down) */
				lxw_error rc = worksheet_write_blank(w->ws, w->row, (lxw_col_t)i, w->header_fmt);
				if (rc != LXW_NO_ERROR)
					return xlsx_fail(w, rc, e);
			}
			continue;
		}
		double width = sheet_text_width(cells[i]);
		if (width > w->fit[i])
			w->fit[i] = width;
		lxw_error rc;
		double v;
		if (style == 2)
			rc = worksheet_write_string(w->ws, w->row, (lxw_col_t)i, cells[i], w->header_fmt);
		else if (w->type[i] == SHEET_COL_NUMBER && as_number(cells[i], &v))
			rc = worksheet_write_number(w->ws, w->row, (lxw_col_t)i, v, style ? (w->num_bold_fmt[i] ?
			    w->num_bold_fmt[i] : w->bold_fmt) : w->num_fmt[i]);
		else if (w->type[i] == SHEET_COL_TEXT)
			rc = worksheet_write_string(w->ws, w->row, (lxw_col_t)i, cells[i], style ? w->bold_text_fmt : w->text_fmt);
		else
			rc = worksheet_write_string(w->ws, w->row, (lxw_col_t)i, cells[i], style ? w->bold_fmt : NULL);
		if (rc != LXW_NO_ERROR)
			return xlsx_fail(w, rc, e);
	}
	w->row++;
	return ERR_OK;
}

enum err
sheet_writer_header(struct sheet_writer *w, const char *const *cells, size_t n, struct errinfo *e)
{
	if (w->kind != SHEET_XLSX)
		return sheet_writer_row(w, cells, n, e);
	lxw_row_t at = w->row;
	enum err rc = xlsx_row(w, cells, n, 2, e);
	if (rc == ERR_OK)
		worksheet_freeze_panes(w->ws, at + 1, 0);
	return rc;
}

enum err
sheet_writer_row_styled(struct sheet_writer *w, const char *const *cells, size_t n, enum sheet_row_style style,
    struct errinfo *e)
{
	if (w->kind == SHEET_XLSX)
		return xlsx_row(w, cells, n, style == SHEET_ROW_BOLD ? 1 : 0, e);
	return sheet_writer_row(w, cells, n, e);
}

enum err
sheet_writer_row(struct sheet_writer *w, const char *const *cells, size_t n, struct errinfo *e)
{
	if (w->kind == SHEET_XLSX)
		return xlsx_row(w, cells, n, 0, e);
	buf_reset(&w->line);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&w->line, ',');
		csv_cell(&w->line, cells[i] ? cells[i] : "");
	}
	buf_append(&w->line, "\r\n", 2);
	const char *out = w->line.p;
	size_t out_n = w->line.n;
	if (w->gb) {
		buf_reset(&w->conv);
		size_t cap = w->line.n * 2 + 16;
		if (w->conv.cap < cap + 1) {
			w->conv.p = xrealloc(w->conv.p, cap + 1);
			w->conv.cap = cap + 1;
		}
		char *ip = w->line.p, *op = w->conv.p;
		size_t il = w->line.n, ol = cap;
		if (iconv(w->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			w->failed = true;
			return errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, "text not representable in GB18030");
		}
		out = w->conv.p;
		out_n = (size_t)(op - w->conv.p);
	}
	if (fwrite(out, 1, out_n, w->fp) != out_n) {
		w->failed = true;
		return write_failed(e, w->path, errno, NULL);
	}
	return ERR_OK;
}

static void
writer_free(struct sheet_writer *w)
{
	if (w->cd && w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	buf_free(&w->line);
	buf_free(&w->conv);
	free(w->type);
	free(w->num_fmt);
	free(w->num_bold_fmt);
	free(w->fixed);
	free(w->fit);
	free(w->path);
	free(w);
}

enum err
sheet_writer_close(struct sheet_writer *w, struct errinfo *e)
{
	enum err rc = ERR_OK;
	if (w->kind == SHEET_XLSX) {
		for (size_t i = 0; i < w->n_cols && !w->failed; i++) {
			double width = w->fixed[i] > 0 ? w->fixed[i] : w->fit[i] + 2;
			if (width < 6)
				width = 6;
			if (width > 60)
				width = 60;
			worksheet_set_column(w->ws, (lxw_col_t)i, (lxw_col_t)i, width,
			    w->type[i] == SHEET_COL_TEXT ? w->text_fmt : NULL);
		}
		lxw_error x = workbook_close(w->wb);
		if (x != LXW_NO_ERROR || w->failed) {
			rc = write_failed(e, w->path, errno, lxw_strerror(x));
			unlink(w->path);
		}
	} else {
		if (fflush(w->fp) != 0 || fsync(fileno(w->fp)) != 0 || w->failed) {
			rc = write_failed(e, w->path, errno, NULL);
			fclose(w->fp);
			unlink(w->path);
		} else if (fclose(w->fp) != 0) {
			rc = write_failed(e, w->path, errno, NULL);
			unlink(w->path);
		}
	}
	writer_free(w);
	return rc;
}

void
sheet_writer_abort(struct sheet_writer *w)
{
	if (w->kind == SHEET_XLSX)
		workbook_close(w->wb);
	else
		fclose(w->fp);
	unlink(w->path);
	writer_free(w);
}
