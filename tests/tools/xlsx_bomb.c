/* xlsx_bomb.c: small XLSX files that expand into a great deal (issue 21 point 2, issue 13 point 6), for the
 * memory tests of tests/cli/t0126-import-bombs.sh. Every part is generated while libzip compresses it, so even
 * a part of gigabytes costs this program no memory. Not part of the product.
 *   xlsx_bomb KIND OUT.xlsx
 * KIND: shared-long   one shared string of 16 MiB in the 姓名 cell of 12,000 rows
 *       shared-many   500,000 shared strings of 1,000 bytes (500 MB)
 *       inflate       a sheet of 200 MB (whitespace between rows)
 *       token         a sheet whose one attribute is 100 MB long
 *       styles        2,000,000 cell formats
 *       entries       20,000 parts in the archive
 *       columns       a cell in column 10,000 of row 2
 *       shared-missing row 2's 姓名 refers to shared string 7 of a file that has one (a broken file, not a bomb) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* A part: head, then unit repeated n times (each with %d replaced by nothing: units are constant), then
 * tail; or, when rows > 0, head, then rows lines made by row(i), then tail. */
struct gen {
	const char *head, *unit, *tail;
	uint64_t n;
	int rows;
	void (*row)(int i, char *out, size_t size);
	/* reading state */
	uint64_t done;   /* units or rows produced */
	int phase;       /* 0 head, 1 body, 2 tail, 3 end */
	char buf[256 * 1024];
	size_t len, off;
	uint64_t size;
};

static void
fill(struct gen *g)
{
	g->len = g->off = 0;
	while (g->len < sizeof(g->buf) / 2 && g->phase < 3) {
		const char *piece = NULL;
		char line[4096];
		if (g->phase == 0) {
			piece = g->head;
			g->phase = 1;
		} else if (g->phase == 1) {
			if (g->rows ? g->done >= (uint64_t)g->rows : g->done >= g->n) {
				g->phase = 2;
				continue;
			}
			if (g->rows) {
				g->row((int)g->done, line, sizeof(line));
				piece = line;
			} else
				piece = g->unit;
			g->done++;
		} else {
			piece = g->tail;
			g->phase = 3;
		}
		size_t k = strlen(piece);
		if (g->len + k > sizeof(g->buf)) {
			fprintf(stderr, "xlsx_bomb: piece too long\n");
			exit(1);
		}
		memcpy(g->buf + g->len, piece, k);
		g->len += k;
	}
}

static zip_int64_t
gen_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct gen *g = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		g->done = 0;
		g->phase = 0;
		g->len = g->off = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		zip_uint64_t out = 0;
		while (out < len) {
			if (g->off == g->len) {
				fill(g);
				if (g->len == 0)
					break;
			}
			size_t k = g->len - g->off;
			if (k > len - out)
				k = (size_t)(len - out);
			memcpy((char *)data + out, g->buf + g->off, k);
			g->off += k;
			out += k;
		}
		return (zip_int64_t)out;
	}
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return 2 * sizeof(int);
	case ZIP_SOURCE_FREE:
		free(g);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

static void
add(zip_t *z, const char *name, const char *head, const char *unit, uint64_t n, const char *tail)
{
	struct gen *g = calloc(1, sizeof(*g));
	g->head = head;
	g->unit = unit;
	g->n = n;
	g->tail = tail;
	zip_source_t *s = zip_source_function(z, gen_cb, g);
	zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		fprintf(stderr, "xlsx_bomb: %s\n", zip_strerror(z));
		exit(1);
	}
	zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 1);
}

static void
add_rows(zip_t *z, const char *name, const char *head, int rows, void (*row)(int, char *, size_t), const char *tail)
{
	struct gen *g = calloc(1, sizeof(*g));
	g->head = head;
	g->rows = rows;
	g->row = row;
	g->tail = tail;
	zip_source_t *s = zip_source_function(z, gen_cb, g);
	zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		fprintf(stderr, "xlsx_bomb: %s\n", zip_strerror(z));
		exit(1);
	}
	zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 1);
}

static char *
repeat(char c, size_t n)
{
	char *s = malloc(n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

#define SHEET_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"
#define HEADER_ROW "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>行政区划代码</t></is></c>" \
	"<c r=\"B1\" t=\"inlineStr\"><is><t>户编号</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>姓名</t></is></c>" \
	"<c r=\"D1\" t=\"inlineStr\"><is><t>证件号码</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>与户主关系</t></is></c>" \
	"<c r=\"F1\" t=\"inlineStr\"><is><t>性别</t></is></c></row>"

static void
long_name_row(int i, char *out, size_t size)
{
	snprintf(out, size, "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t>371399100201</t></is></c>"
	    "<c r=\"B%d\" t=\"inlineStr\"><is><t>B%06d</t></is></c><c r=\"C%d\" t=\"s\"><v>0</v></c></row>",
	    i + 2, i + 2, i + 2, i, i + 2);
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: xlsx_bomb KIND OUT.xlsx\n");
		return 2;
	}
	const char *kind = argv[1];
	int zerr;
	remove(argv[2]);
	zip_t *z = zip_open(argv[2], ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!z) {
		fprintf(stderr, "xlsx_bomb: cannot create %s\n", argv[2]);
		return 1;
	}
	add(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
	    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
	    "<sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", "", 0, "");
	add(z, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
	    "Target=\"worksheets/sheet1.xml\"/></Relationships>", "", 0, "");
	static char unit[65537];
	if (strcmp(kind, "shared-long") == 0) {
		memset(unit, 'A', 65536), unit[65536] = '\0';
		add(z, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		    "<si><t>", unit, 256, "</t></si></sst>");
		add_rows(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW, 12000, long_name_row, SHEET_TAIL);
	} else if (strcmp(kind, "shared-many") == 0) {
		char *x = repeat('x', 1000);
		snprintf(unit, sizeof(unit), "<si><t>%s</t></si>", x);
		free(x);
		add(z, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
		    unit, 500000, "</sst>");
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW, "", 0, SHEET_TAIL);
	} else if (strcmp(kind, "inflate") == 0) {
		memset(unit, ' ', 65536), unit[65536] = '\0';
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW, unit, 3200, SHEET_TAIL);
	} else if (strcmp(kind, "token") == 0) {
		memset(unit, 'a', 65536), unit[65536] = '\0';
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW "<row r=\"2\"><c r=\"A2\" x=\"", unit, 1600,
		    "\"/></row>" SHEET_TAIL);
	} else if (strcmp(kind, "styles") == 0) {
		add(z, "xl/styles.xml", "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		    "<cellXfs>", "<xf numFmtId=\"0\"/>", 2000000, "</cellXfs></styleSheet>");
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW, "", 0, SHEET_TAIL);
	} else if (strcmp(kind, "entries") == 0) {
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW, "", 0, SHEET_TAIL);
		for (int i = 0; i < 20000; i++) {
			char name[64];
			snprintf(name, sizeof(name), "xl/media/e%05d.bin", i);
			zip_source_t *s = zip_source_buffer(z, "", 0, 0);
			zip_file_add(z, name, s, 0);
		}
	} else if (strcmp(kind, "shared-missing") == 0) {
		add(z, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		    "<si><t>张建国</t></si></sst>", "", 0, "");
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"
		    "371399100201</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>B1</t></is></c><c r=\"C2\" t=\"s\">"
		    "<v>7</v></c></row>", "", 0, SHEET_TAIL);
	} else if (strcmp(kind, "columns") == 0) {
		add(z, "xl/worksheets/sheet1.xml", SHEET_HEAD HEADER_ROW "<row r=\"2\"><c r=\"NTP2\" t=\"inlineStr\">"
		    "<is><t>x</t></is></c></row>", "", 0, SHEET_TAIL);
	} else {
		fprintf(stderr, "xlsx_bomb: unknown kind %s\n", kind);
		zip_discard(z);
		return 2;
	}
	if (zip_close(z) != 0) {
		fprintf(stderr, "xlsx_bomb: %s\n", zip_strerror(z));
		return 1;
	}
	return 0;
}
