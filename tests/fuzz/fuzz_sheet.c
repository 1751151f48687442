/* fuzz_sheet.c: libFuzzer target for the sheet reader: any bytes as an uploaded file (CSV in UTF-8, UTF-8 with
 * a BOM or GB18030, or XLSX: a ZIP signature selects it), read to the end or to the first error, with the
 * server's limits. Every cell handed out must lie within its row and be valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "io/sheet.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!path[0])
		snprintf(path, sizeof(path), "/dev/shm/tuopin-fuzz-%d", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	struct errinfo e;
	errinfo_clear(&e);
	struct sheet *s = sheet_open(path, &sheet_default_limits, &e);
	if (s) {
		struct sheet_row row;
		int err_row, r;
		while ((r = sheet_next(s, &row, &err_row, &e)) == 1)
			for (size_t i = 0; i < row.n; i++)
				if (!utf8_valid(row.cells[i].p, row.cells[i].n, false, NULL))
					abort();
		sheet_close(s);
	}
	unlink(path);
	return 0;
}
