/* test_sheet.c: reading CSV (BOM, no BOM, GB18030, Excel quoting, row numbers, bad bytes) and XLSX
 * (shared strings, numbers, dates, the first sheet); the limits every reader keeps (issue 21). */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "io/sheet.h"
#include "lib/utf8.h"
#include "lib/msg.h"

static char path[512];

static const char *
data(const char *name)
{
	snprintf(path, sizeof(path), "%s/%s", getenv("TUOPIN_TEST_DATA"), name);
	return path;
}

static void
cell_eq(const struct sheet_row *r, size_t i, const char *want)
{
	assert_true(i < r->n);
	char got[512];
	snprintf(got, sizeof(got), "%.*s", (int)r->cells[i].n, r->cells[i].p);
	assert_string_equal(got, want);
}

static void
excel_csv_with_bom_quotes_and_blank_lines(void **state)
{
	struct errinfo e;
	struct sheet *s = sheet_open(data("sheets/edge.csv"), NULL, &e);
	assert_non_null(s);
	struct sheet_row r;
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	assert_int_equal(sheet_encoding(s), ENC_UTF8_BOM);
	assert_int_equal(r.num, 1);
	cell_eq(&r, 0, "id");   /* the BOM is not part of the first header */
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	assert_int_equal(r.num, 2);
	cell_eq(&r, 1, "张三");
	cell_eq(&r, 2, "line1\r\nline2, with comma");
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	assert_int_equal(r.num, 4);   /* the blank line 3 counts */
	cell_eq(&r, 2, "他说\"你好\"");
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	assert_int_equal(r.num, 5);
	assert_int_equal(r.n, 3);
	cell_eq(&r, 2, "");
	assert_int_equal(sheet_next(s, &r, NULL, &e), 0);
	sheet_close(s);
}

static void
utf8_without_bom_and_gb18030_read_the_same(void **state)
{
	const char *files[] = { "samples/registry.csv", "sheets/registry-nobom.csv", "samples/registry-gb18030.csv",
		"sheets/registry.xlsx" };
	enum sheet_encoding encs[] = { ENC_UTF8_BOM, ENC_UTF8, ENC_GB18030, ENC_XLSX };
	for (size_t f = 0; f < 4; f++) {
		struct errinfo e;
		struct sheet *s = sheet_open(data(files[f]), NULL, &e);
		assert_non_null(s);
		struct sheet_row r;
		int rows = 0;
		while (sheet_next(s, &r, NULL, &e) == 1) {
			rows++;
			if (rows == 1) {
				cell_eq(&r, 0, "行政区划代码");
				cell_eq(&r, 12, "务工时间（月）");
			}
			if (rows == 3) {
				cell_eq(&r, 2, "李秀英");
				cell_eq(&r, 11, "乡（镇）内务工");
				cell_eq(&r, 12, "6");
				cell_eq(&r, 26, encs[f] == ENC_XLSX ? "2310.5" : "2310.50");   /* a number in XLSX */
				assert_int_equal(r.num, 3);
			}
		}
		assert_int_equal(rows, 9);
		assert_int_equal(sheet_encoding(s), encs[f]);
		sheet_close(s);
	}
}

static void
xlsx_dates_become_iso_and_numbers_are_flagged(void **state)
{
	struct errinfo e;
	struct sheet *s = sheet_open(data("sheets/events.xlsx"), NULL, &e);
	assert_non_null(s);
	struct sheet_row r;
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	cell_eq(&r, 2, "生效日期");
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	cell_eq(&r, 2, "2015-12-31");
	assert_int_equal(r.numeric[2], 0);
	sheet_close(s);

	s = sheet_open(data("sheets/registry-numeric-id.xlsx"), NULL, &e);
	assert_non_null(s);
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
	assert_true(r.numeric[3]);
	cell_eq(&r, 3, "3.7139919620304e+17");   /* Excel kept 15 digits: the number is lost */
	sheet_close(s);
}

static void
bad_bytes_and_bad_quotes_name_their_row(void **state)
{
	struct errinfo e;
	struct sheet *s = sheet_open(data("sheets/gb18030-bad-byte.csv"), NULL, &e);
	assert_non_null(s);
	struct sheet_row r;
	int err_row = 0, got;
	while ((got = sheet_next(s, &r, &err_row, &e)) == 1)
		;
	assert_int_equal(got, -1);
	assert_int_equal(err_row, 3);
	assert_string_equal(e.code, "encoding");
	sheet_close(s);

	s = sheet_open(data("sheets/bad-quote.csv"), NULL, &e);
	assert_non_null(s);
	while ((got = sheet_next(s, &r, &err_row, &e)) == 1)
		;
	assert_int_equal(got, -1);
	assert_int_equal(err_row, 3);
	assert_string_equal(e.code, "csv_parse");
	sheet_close(s);
}

static void
missing_and_binary_files_are_refused(void **state)
{
	struct errinfo e;
	assert_null(sheet_open(data("sheets/no-such-file.csv"), NULL, &e));
	assert_int_equal(e.err, ERR_IO);
	assert_string_equal(e.code, "io_read");
	FILE *f = fopen("/tmp/tuopin-test-binary.xls", "wb");
	fwrite("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 1, 8, f);
	fclose(f);
	assert_null(sheet_open("/tmp/tuopin-test-binary.xls", NULL, &e));
	assert_string_equal(e.code, "file_format");
	/* a ZIP that is not a workbook */
	f = fopen("/tmp/tuopin-test-notxlsx.xlsx", "wb");
	fwrite("PK\x03\x04garbage", 1, 11, f);
	fclose(f);
	assert_null(sheet_open("/tmp/tuopin-test-notxlsx.xlsx", NULL, &e));
	assert_string_equal(e.code, "xlsx_bad");
}

static void
writers_round_trip(void **state)
{
	struct errinfo e;
	/* values Excel would run as formulas, values that only look like them, and values of their own leading ' */
	const char *rows[2][10] = { { "姓名", "证件号码", "备注", "a", "b", "c", "d", "e", "f", "g" },
		{ "张三", "371399196203040011", "=1+1, \"quoted\"", "'=CMD|' /C calc'!A0", "-3", "+86", "@SUM(A1)", "'abc",
		    "''=x", "-" } };
	for (int k = 0; k < 3; k++) {
		const char *out = k == 2 ? "/tmp/tuopin-test-out.xlsx" : "/tmp/tuopin-test-out.csv";
		struct sheet_writer *w = sheet_writer_open(out, k == 2 ? SHEET_XLSX : SHEET_CSV, k == 1, "名单", &e);
		assert_non_null(w);
		for (int i = 0; i < 2; i++)
			assert_int_equal(sheet_writer_row(w, rows[i], 10, &e), ERR_OK);
		assert_int_equal(sheet_writer_close(w, &e), ERR_OK);
		if (k == 0) {
			/* in the file, a ' before each that Excel would run (and before a value's own ' ahead of one) */
			char text[512];
			FILE *f = fopen(out, "rb");
			size_t got = fread(text, 1, sizeof(text) - 1, f);
			fclose(f);
			text[got] = '\0';
			assert_non_null(strstr(text, "\n张三,371399196203040011,\"'=1+1, \"\"quoted\"\"\",\"''=CMD|' /C calc'!A0\",-3,+86,"
						      "\"'@SUM(A1)\",'abc,\"'''=x\",\"'-\""));
		}
		/* and every value reads back as it was written, from each format */
		struct sheet *s = sheet_open(out, NULL, &e);
		assert_non_null(s);
		struct sheet_row r;
		assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
		cell_eq(&r, 0, "姓名");
		assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
		for (int c = 0; c < 10; c++)
			cell_eq(&r, c, rows[1][c]);
		assert_int_equal(sheet_encoding(s), k == 0 ? ENC_UTF8_BOM : k == 1 ? ENC_GB18030 : ENC_XLSX);
		sheet_close(s);
	}
}

/* Write n bytes to a temporary file; returns its path. */
static const char *
file_of(const char *name, const char *bytes, size_t n)
{
	static char tmp[256];
	snprintf(tmp, sizeof(tmp), "/tmp/tuopin-test-%d-%s", (int)getpid(), name);
	FILE *f = fopen(tmp, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	return tmp;
}

/* Read to the end; the outcome (1 never: 0 end, -1 error), the error's row and column, and the rows read. */
static int
read_to_end(const char *p, const struct sheet_limits *lim, struct errinfo *e, int *row, int *col, int *rows)
{
	struct sheet *s = sheet_open(p, lim, e);
	if (!s)
		return -2;
	struct sheet_row r;
	int got;
	*rows = 0;
	*row = 0;
	while ((got = sheet_next(s, &r, row, e)) == 1)
		(*rows)++;
	*col = got < 0 ? sheet_error_col(s) : 0;
	sheet_close(s);
	return got;
}

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
utf8_prefix_finds_the_first_bad_byte(void **state)
{
	assert_int_equal(utf8_valid_prefix("abc", 3, false, NULL), 3);
	assert_int_equal(utf8_valid_prefix("ab\xFF" "c", 4, false, NULL), 2);
	assert_int_equal(utf8_valid_prefix("\xE4\xB8\xAD\xE4\xB8", 5, false, NULL), 3);   /* cut: invalid */
	size_t tail;
	assert_int_equal(utf8_valid_prefix("\xE4\xB8\xAD\xE4\xB8", 5, true, &tail), 5);   /* cut: carried */
	assert_int_equal(tail, 2);
	assert_int_equal(utf8_valid_prefix("x\xC0\x80", 3, false, NULL), 1);             /* overlong */
	assert_int_equal(utf8_valid_prefix("x\xED\xA0\x80", 4, false, NULL), 1);        /* surrogate */
	assert_int_equal(utf8_valid_prefix("x\xED\xA0", 3, true, &tail), 1);             /* surrogate, cut */
	assert_int_equal(utf8_valid_prefix("12345678\xE4\xB8\xAD" "9", 12, false, NULL), 12);
	assert_int_equal(utf8_valid_prefix("1234567\x80", 8, false, NULL), 7);
}

/* Issue 21: one bad byte 256 KiB into a 1 MiB chunk took 114 s (the chunk re-validated from its start for
 * every byte); one pass finds it, and the error names its row and column. */
static void
one_bad_byte_deep_in_a_chunk_is_found_in_one_pass(void **state)
{
	size_t n = (size_t)1 << 20;
	char *b = malloc(n);
	const char *row = "张三,中文说明文字中文说明,371399196203040011\n";   /* 3 columns, 60 bytes */
	size_t rl = strlen(row), k = 0;
	while (k + rl <= n) {
		memcpy(b + k, row, rl);
		k += rl;
	}
	n = k;
	size_t bad_row = (256 * 1024) / rl;        /* the row (0-based) that holds byte 256 KiB */
	size_t at = bad_row * rl + strlen("张三,中文");   /* inside the second column */
	b[at] = (char)0xFF;
	const char *p = file_of("deep.csv", b, n);
	free(b);
	struct errinfo e;
	int er, ec, rows;
	double t0 = seconds();
	assert_int_equal(read_to_end(p, NULL, &e, &er, &ec, &rows), -1);
	double took = seconds() - t0;
	assert_true(took < 1.0);   /* the quadratic scan took minutes; under the sanitizers one pass takes 0.1 s */
	assert_int_equal(rows, (int)bad_row);
	assert_int_equal(er, (int)bad_row + 1);
	assert_int_equal(ec, 2);
	assert_string_equal(e.code, "encoding");
	msg_set_lang(LANG_ZH);
	struct sheet *s = sheet_open(p, NULL, &e);
	assert_int_equal(sheet_encoding(s), ENC_UTF8);   /* not GB18030: the file is UTF-8 with one bad byte */
	sheet_close(s);
	read_to_end(p, NULL, &e, &er, &ec, &rows);
	assert_string_equal(e.message, "不是有效的 UTF-8 文本：第 2 列有无效字节 0xFF");
	printf("one bad byte at 256 KiB of a 1 MiB chunk: found in %.3f s\n", took);
}

/* A bad byte in the first MiB made the whole file GB18030 and the error "row 1" with no column. */
static void
encoding_is_decided_for_the_whole_file(void **state)
{
	struct errinfo e;
	int er, ec, rows;
	/* UTF-8, one bad byte on row 3, column 3; chunks of 61 bytes and of 1 MiB alike */
	static const char utf8[] = "户编号,姓名,备注\n001,张三,好\n002,李四,坏\xFE了\n003,王五,好\n";
	const char *p = file_of("u.csv", utf8, sizeof(utf8) - 1);
	for (int k = 0; k < 2; k++) {
		sheet_set_chunk(k ? 0 : 7);
		assert_int_equal(read_to_end(p, NULL, &e, &er, &ec, &rows), -1);
		assert_int_equal(rows, 2);
		assert_int_equal(er, 3);
		assert_int_equal(ec, 3);
		assert_string_equal(e.message, "不是有效的 UTF-8 文本：第 3 列有无效字节 0xFE");
	}
	/* GB18030 (张三 in GB18030 is D5 C5 C8 FD), one byte that is not GB18030 on row 2, column 2 */
	static const char gb[] = "\xBB\xA7\xB1\xE0\xBA\xC5,\xD0\xD5\xC3\xFB\n001,\xD5\xC5\xFF\xC8\xFD\n";
	p = file_of("g.csv", gb, sizeof(gb) - 1);
	for (int k = 0; k < 2; k++) {
		sheet_set_chunk(k ? 0 : 5);
		struct sheet *s = sheet_open(p, NULL, &e);
		assert_int_equal(sheet_encoding(s), ENC_GB18030);
		sheet_close(s);
		assert_int_equal(read_to_end(p, NULL, &e, &er, &ec, &rows), -1);
		assert_int_equal(rows, 1);
		assert_int_equal(er, 2);
		assert_int_equal(ec, 2);
		assert_string_equal(e.message, "不是有效的 GB18030 文本：第 2 列有无效字节 0xFF");
	}
	/* GB18030 with its byte-order mark (84 31 95 33): stripped, as the UTF-8 one is */
	static const char gbbom[] = "\x84\x31\x95\x33\xD0\xD5\xC3\xFB,id\n\xD5\xC5\xC8\xFD,1\n";
	p = file_of("gbbom.csv", gbbom, sizeof(gbbom) - 1);
	for (int k = 0; k < 2; k++) {
		sheet_set_chunk(k ? 0 : 3);
		struct sheet *s = sheet_open(p, NULL, &e);
		assert_non_null(s);
		struct sheet_row r;
		assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
		assert_int_equal(sheet_encoding(s), ENC_GB18030);
		cell_eq(&r, 0, "姓名");
		assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
		cell_eq(&r, 0, "张三");
		sheet_close(s);
	}
	sheet_set_chunk(0);
}

/* 10,000 columns: a CSV said "unmatched quote on row 98", an XLSX took them. One limit, said plainly. */
static void
columns_limit_is_the_same_for_csv_and_xlsx(void **state)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 10000; i++)
		buf_printf(&b, i ? ",c%d" : "c%d", i);
	buf_puts(&b, "\n1,2\n");
	const char *p = file_of("wide.csv", b.p, b.n);
	struct errinfo e;
	int er, ec, rows;
	assert_int_equal(read_to_end(p, NULL, &e, &er, &ec, &rows), -1);
	assert_int_equal(rows, 0);
	assert_int_equal(er, 1);
	assert_string_equal(e.code, "too_many_columns");
	assert_string_equal(e.message, "此行超过每行 4096 列的上限（TUOPIN_IMPORT_MAX_COLUMNS）");
	/* the same as XLSX */
	const char *x = "/tmp/tuopin-test-wide.xlsx";
	struct sheet_writer *w = sheet_writer_open(x, SHEET_XLSX, false, "s", &e);
	assert_non_null(w);
	const char **cells = calloc(10000, sizeof(*cells));
	for (int i = 0; i < 10000; i++)
		cells[i] = "c";
	assert_int_equal(sheet_writer_row(w, cells, 3, &e), ERR_OK);
	assert_int_equal(sheet_writer_row(w, cells, 10000, &e), ERR_OK);
	assert_int_equal(sheet_writer_close(w, &e), ERR_OK);
	free(cells);
	assert_int_equal(read_to_end(x, NULL, &e, &er, &ec, &rows), -1);
	assert_int_equal(rows, 1);
	assert_int_equal(er, 2);
	assert_string_equal(e.message, "此行超过每行 4096 列的上限（TUOPIN_IMPORT_MAX_COLUMNS）");
	/* 4096 columns are fine in both */
	buf_reset(&b);
	for (int i = 0; i < 4096; i++)
		buf_printf(&b, i ? ",c%d" : "c%d", i);
	buf_puts(&b, "\n");
	p = file_of("wide-ok.csv", b.p, b.n);
	assert_int_equal(read_to_end(p, NULL, &e, &er, &ec, &rows), 0);
	assert_int_equal(rows, 1);
	buf_free(&b);
}

/* A cell longer than any field is refused where it is, without holding it whole: a 10 MB CSV field, a
 * shared string past the cell limit, an inline string past it. */
static void
cells_rows_and_shared_strings_have_limits(void **state)
{
	struct sheet_limits lim = sheet_default_limits;
	struct errinfo e;
	int er, ec, rows;
	size_t n = 10u << 20;
	char *b = malloc(n + 64);
	memcpy(b, "a,b,c\n1,", 8);
	memset(b + 8, 'x', n - 8);
	memcpy(b + n, ",3\n", 3);
	const char *p = file_of("cell.csv", b, n + 3);
	free(b);
	assert_int_equal(read_to_end(p, &lim, &e, &er, &ec, &rows), -1);
	assert_int_equal(rows, 1);
	assert_int_equal(er, 2);
	assert_int_equal(ec, 2);
	assert_string_equal(e.code, "cell_too_big");
	assert_string_equal(e.message, "第 2 列的单元格超过 4096 字节的上限（TUOPIN_IMPORT_MAX_CELL），文件未再往下读取");
	/* XLSX: a long text cell (a shared string, as Excel writes) */
	const char *x = "/tmp/tuopin-test-long.xlsx";
	struct sheet_writer *w = sheet_writer_open(x, SHEET_XLSX, false, "s", &e);
	char *big = malloc(5001);
	memset(big, 'y', 5000);
	big[5000] = '\0';
	const char *r1[] = { "a", "b" }, *r2[] = { "1", big };
	sheet_writer_row(w, r1, 2, &e);
	sheet_writer_row(w, r2, 2, &e);
	assert_int_equal(sheet_writer_close(w, &e), ERR_OK);
	free(big);
	assert_int_equal(read_to_end(x, &lim, &e, &er, &ec, &rows), -1);
	assert_int_equal(rows, 1);
	assert_int_equal(er, 2);
	assert_int_equal(ec, 2);
	assert_string_equal(e.code, "cell_too_big");
	/* rows */
	lim.max_rows = 3;
	assert_int_equal(read_to_end(data("samples/registry.csv"), &lim, &e, &er, &ec, &rows), -1);
	assert_int_equal(rows, 3);
	assert_int_equal(er, 4);
	assert_string_equal(e.message, "文件超过 3 行的上限（TUOPIN_IMPORT_MAX_ROWS）");
	/* shared strings: bytes and count */
	lim = sheet_default_limits;
	lim.max_shared_strings = 5;
	assert_int_equal(read_to_end(data("sheets/registry.xlsx"), &lim, &e, &er, &ec, &rows), -2);
	assert_string_equal(e.message, "XLSX 文件的共享字符串超过 5 个的上限（TUOPIN_IMPORT_MAX_SHARED_COUNT）");
	lim = sheet_default_limits;
	lim.max_shared_bytes = 100;
	assert_int_equal(read_to_end(data("sheets/registry.xlsx"), &lim, &e, &er, &ec, &rows), -2);
	lim.max_shared_bytes = 0;
	assert_string_equal(e.code, "xlsx_shared_strings");
	lim = sheet_default_limits;
	lim.max_inflated = 2000;
	assert_int_equal(read_to_end(data("sheets/registry.xlsx"), &lim, &e, &er, &ec, &rows), -2);
	assert_string_equal(e.code, "xlsx_too_big");
}

/* A truncated workbook is an XLSX file that cannot be read, not "csv, UTF-8". */
static void
truncated_xlsx_says_so(void **state)
{
	FILE *f = fopen(data("sheets/registry.xlsx"), "rb");
	char buf[2000];
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	const char *p = file_of("cut.xlsx", buf, n);
	struct errinfo e;
	assert_null(sheet_open(p, NULL, &e));
	assert_string_equal(e.code, "xlsx_bad");
	assert_string_equal(e.message, "XLSX 文件不完整或已损坏（不是可读的 ZIP 压缩包）");
	assert_int_equal(sheet_sniff(p), SHEET_XLSX);
}

int
main(void)
{
	msg_set_lang(LANG_ZH);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(excel_csv_with_bom_quotes_and_blank_lines),
		cmocka_unit_test(utf8_without_bom_and_gb18030_read_the_same),
		cmocka_unit_test(xlsx_dates_become_iso_and_numbers_are_flagged),
		cmocka_unit_test(bad_bytes_and_bad_quotes_name_their_row),
		cmocka_unit_test(missing_and_binary_files_are_refused),
		cmocka_unit_test(writers_round_trip),
		cmocka_unit_test(utf8_prefix_finds_the_first_bad_byte),
		cmocka_unit_test(one_bad_byte_deep_in_a_chunk_is_found_in_one_pass),
		cmocka_unit_test(encoding_is_decided_for_the_whole_file),
		cmocka_unit_test(columns_limit_is_the_same_for_csv_and_xlsx),
		cmocka_unit_test(cells_rows_and_shared_strings_have_limits),
		cmocka_unit_test(truncated_xlsx_says_so),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
