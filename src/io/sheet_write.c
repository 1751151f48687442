/* sheet_write.c: CSV (UTF-8 with BOM, or GB18030) and XLSX (libxlsxwriter, constant memory) writers.
 * Rows are written as they come; nothing is held in memory. Knows cells, not households. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/sheet.h"
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
	lxw_format *text_fmt;
	lxw_row_t row;
	bool failed;
};

struct sheet_writer *
sheet_writer_open(const char *path, enum sheet_kind kind, bool gb18030, const char *sheet_name, struct errinfo *e)
{
	struct sheet_writer *w = xcalloc(1, sizeof(*w));
	w->kind = kind;
	w->path = xstrdup(path);
	buf_init(&w->line);
	buf_init(&w->conv);
	if (kind == SHEET_XLSX) {
		lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
		w->wb = workbook_new_opt(path, &opt);
		if (!w->wb) {
			errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, "libxlsxwriter");
			free(w->path);
			free(w);
			return NULL;
		}
		w->ws = workbook_add_worksheet(w->wb, sheet_name);
		w->text_fmt = workbook_add_format(w->wb);
		format_set_num_format(w->text_fmt, "@");
		return w;
	}
	w->fp = fopen(path, "wb");
	if (!w->fp) {
		errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, strerror(errno));
		free(w->path);
		free(w);
		return NULL;
	}
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
	bool formula = n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
	/* A number like -3 or +86 is data, not a formula. */
	if (formula && n > 1 && (s[0] == '-' || s[0] == '+')) {
		bool num = true;
		for (size_t i = 1; i < n; i++)
			if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
				num = false;
		formula = !num;
	}
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

enum err
sheet_writer_row(struct sheet_writer *w, const char *const *cells, size_t n, struct errinfo *e)
{
	if (w->kind == SHEET_XLSX) {
		for (size_t i = 0; i < n; i++) {
			if (!cells[i] || !cells[i][0])
				continue;
			lxw_error rc = worksheet_write_string(w->ws, w->row, (lxw_col_t)i, cells[i], w->text_fmt);
			if (rc != LXW_NO_ERROR) {
				w->failed = true;
				return errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, lxw_strerror(rc));
			}
		}
		w->row++;
		return ERR_OK;
	}
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
		return errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, strerror(errno));
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
	free(w->path);
	free(w);
}

enum err
sheet_writer_close(struct sheet_writer *w, struct errinfo *e)
{
	enum err rc = ERR_OK;
	if (w->kind == SHEET_XLSX) {
		lxw_error x = workbook_close(w->wb);
		if (x != LXW_NO_ERROR || w->failed) {
			rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, lxw_strerror(x));
			unlink(w->path);
		}
	} else {
		if (fflush(w->fp) != 0 || fsync(fileno(w->fp)) != 0 || w->failed) {
			rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, strerror(errno));
			fclose(w->fp);
			unlink(w->path);
		} else if (fclose(w->fp) != 0) {
			rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, w->path, strerror(errno));
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
