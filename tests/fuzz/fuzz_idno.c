/* fuzz_idno.c: libFuzzer target for the text parsers of single cells: 证件号码 (GB 11643), dates and
 * timestamps. Each must accept or refuse any bytes without reading out of bounds, and what it accepts must
 * be consistent (a valid ID's normal form validates again to itself; a parsed date formats and parses back). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/idno.h"
#include "lib/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str s = { (const char *)data, size };
	struct idno id;
	if (idno_validate(s, 20261129, &id) == MSG_OK) {
		struct idno again;
		struct str n = { id.norm, strlen(id.norm) };
		if (idno_validate(n, 20261129, &again) != MSG_OK || strcmp(again.norm, id.norm) != 0)
			abort();
		char masked[24];
		idno_mask(id.norm, masked, sizeof(masked));
		if (strlen(masked) != strlen(id.norm))
			abort();
	}
	int ymd;
	if (date_parse(s, &ymd)) {
		if (!date_valid(ymd))
			abort();
		char out[11];
		date_format(ymd, out);
		int back;
		struct str f = { out, strlen(out) };
		if (!date_parse(f, &back) || back != ymd)
			abort();
	}
	int64_t stamp;
	(void)stamp_parse(s, false, &stamp);
	(void)stamp_parse(s, true, &stamp);
	return 0;
}
