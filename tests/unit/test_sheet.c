/* test_sheet.c: reading CSV (BOM, no BOM, GB18030, Excel quoting, row numbers, bad bytes) and XLSX
 * (shared strings, numbers, dates, the first sheet). */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "io/sheet.h"

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
	const char *rows[2][3] = { { "姓名", "证件号码", "备注" }, { "张三", "371399196203040011", "=1+1, \"quoted\"" } };
	for (int k = 0; k < 3; k++) {
		const char *out = k == 2 ? "/tmp/tuopin-test-out.xlsx" : "/tmp/tuopin-test-out.csv";
		struct sheet_writer *w = sheet_writer_open(out, k == 2 ? SHEET_XLSX : SHEET_CSV, k == 1, "名单", &e);
		assert_non_null(w);
		for (int i = 0; i < 2; i++)
			assert_int_equal(sheet_writer_row(w, rows[i], 3, &e), ERR_OK);
		assert_int_equal(sheet_writer_close(w, &e), ERR_OK);
		struct sheet *s = sheet_open(out, NULL, &e);
		assert_non_null(s);
		struct sheet_row r;
		assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
		cell_eq(&r, 0, "姓名");
		assert_int_equal(sheet_next(s, &r, NULL, &e), 1);
		cell_eq(&r, 1, "371399196203040011");
		/* CSV protects against formula injection with a leading quote mark; XLSX stores text as text */
		cell_eq(&r, 2, k == 2 ? "=1+1, \"quoted\"" : "'=1+1, \"quoted\"");
		assert_int_equal(sheet_encoding(s), k == 0 ? ENC_UTF8_BOM : k == 1 ? ENC_GB18030 : ENC_XLSX);
		sheet_close(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(excel_csv_with_bom_quotes_and_blank_lines),
		cmocka_unit_test(utf8_without_bom_and_gb18030_read_the_same),
		cmocka_unit_test(xlsx_dates_become_iso_and_numbers_are_flagged),
		cmocka_unit_test(bad_bytes_and_bad_quotes_name_their_row),
		cmocka_unit_test(missing_and_binary_files_are_refused),
		cmocka_unit_test(writers_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
