/* fuzz_sheet.c: libFuzzer target for the sheet reader: any bytes as an uploaded file (CSV in UTF-8, UTF-8 with
 * a BOM or GB18030, or XLSX: a ZIP signature selects it), read to the end or to the first error, with the
 * server's limits. Every input is read twice: 61 bytes at a time, so that characters, BOMs and quoted fields
 * fall across chunk boundaries, and with the production chunk (1 MiB), so that a cost that grows with the
 * chunk (a scan that starts over for every byte, say) shows as a slow unit. Both reads must hand out the same
 * rows and the same error, at the same row and column; every cell must be valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/sheet.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

/* A digest of everything read: rows, cells and the outcome (FNV-1a). */
static uint64_t
read_all(size_t chunk)
{
	struct errinfo e;
	errinfo_clear(&e);
	uint64_t h = 1469598103934665603ULL;
#define MIX(p, n) \
	for (size_t k_ = 0; k_ < (n); k_++) \
		h = (h ^ ((const unsigned char *)(p))[k_]) * 1099511628211ULL
	sheet_set_chunk(chunk);
	struct sheet *s = sheet_open(path, &sheet_default_limits, &e);
	if (s) {
		struct sheet_row row;
		int err_row = 0, r;
		while ((r = sheet_next(s, &row, &err_row, &e)) == 1) {
			MIX(&row.num, sizeof(row.num));
			for (size_t i = 0; i < row.n; i++) {
				if (!utf8_valid(row.cells[i].p, row.cells[i].n, false, NULL))
					abort();
				MIX(row.cells[i].p, row.cells[i].n);
				MIX("|", 1);
			}
		}
		int col = r < 0 ? sheet_error_col(s) : 0;
		MIX(&r, sizeof(r));
		if (r < 0) {
			MIX(&err_row, sizeof(err_row));
			MIX(&col, sizeof(col));
		}
		sheet_close(s);
	}
	MIX(e.code, strlen(e.code));
#undef MIX
	return h;
}

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
	if (read_all(61) != read_all(0))
		abort();
	unlink(path);
	return 0;
}
