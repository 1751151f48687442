/* csv2xlsx.c: make XLSX test fixtures from CSV files the way Excel stores them: shared strings, numbers as
 * numbers, dates as serial days with a date format. Not part of the product.
 * usage: csv2xlsx IN.csv OUT.xlsx [--num COLUMN]... [--date COLUMN]... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "io/sheet.h"
#include "lib/date.h"

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: csv2xlsx IN.csv OUT.xlsx [--num COLUMN]... [--date COLUMN]...\n");
		return 2;
	}
	const char *num[16], *dates[16];
	int nn = 0, nd = 0;
	for (int i = 3; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--num") == 0 && nn < 16)
			num[nn++] = argv[i + 1];
		else if (strcmp(argv[i], "--date") == 0 && nd < 16)
			dates[nd++] = argv[i + 1];
	}
	struct errinfo e;
	struct sheet *s = sheet_open(argv[1], NULL, &e);
	if (!s) {
		fprintf(stderr, "%s\n", e.message);
		return 1;
	}
	lxw_workbook *wb = workbook_new(argv[2]);   /* default mode: shared strings, as Excel writes */
	lxw_worksheet *ws = workbook_add_worksheet(wb, "名单");
	lxw_format *df = workbook_add_format(wb);
	format_set_num_format(df, "yyyy/m/d");
	struct sheet_row row;
	int kind[256] = { 0 };   /* 0 text, 1 number, 2 date */
	lxw_row_t r = 0;
	while (sheet_next(s, &row, NULL, &e) == 1) {
		for (size_t c = 0; c < row.n && c < 256; c++) {
			char cell[512];
			snprintf(cell, sizeof(cell), "%.*s", (int)row.cells[c].n, row.cells[c].p);
			if (r == 0) {
				for (int k = 0; k < nn; k++)
					if (strcmp(cell, num[k]) == 0)
						kind[c] = 1;
				for (int k = 0; k < nd; k++)
					if (strcmp(cell, dates[k]) == 0)
						kind[c] = 2;
				worksheet_write_string(ws, r, (lxw_col_t)c, cell, NULL);
				continue;
			}
			if (!cell[0])
				continue;
			int ymd;
			if (kind[c] == 1)
				worksheet_write_number(ws, r, (lxw_col_t)c, strtod(cell, NULL), NULL);
			else if (kind[c] == 2 && date_parse(str_from(cell), &ymd)) {
				lxw_datetime dt = { ymd / 10000, ymd / 100 % 100, ymd % 100, 0, 0, 0 };
				worksheet_write_datetime(ws, r, (lxw_col_t)c, &dt, df);
			} else
				worksheet_write_string(ws, r, (lxw_col_t)c, cell, NULL);
		}
		r++;
	}
	sheet_close(s);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
