/* page_cost.c: what one household page costs inside the process, without HTTP: for each household number of
 * a list (bench/out/households.txt), N rounds of the gathering (household_view_load, in a read snapshot, as
 * the server does) and of the JSON text the API sends. Prints microseconds per page for the gathering alone
 * and for gathering plus JSON, so that bench/http.sh's figure can be split between the store, the JSON and
 * the server.
 *   page_cost DB HOUSEHOLDS.txt [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/report.h"
#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "store/store.h"
#include "view/view.h"

static double
now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: page_cost DB HOUSEHOLDS.txt [ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 3 ? atoi(argv[3]) : 5;
	struct store *st;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_open(argv[1], &st, &e) != ERR_OK) {
		fprintf(stderr, "page_cost: %s\n", e.message);
		return 1;
	}
	FILE *f = fopen(argv[2], "r");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	char line[64], **nos = NULL;
	size_t n = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0])
			continue;
		nos = realloc(nos, (n + 1) * sizeof(*nos));
		nos[n++] = strdup(line);
	}
	fclose(f);
	int today = stamp_date(stamp_now());
	size_t bytes = 0;
	struct buf out;
	buf_init(&out);
	for (int pass = 0; pass < 2; pass++) {
		double t0 = now();
		for (int k = 0; k < rounds; k++)
			for (size_t i = 0; i < n; i++) {
				struct arena a;
				arena_init(&a);
				bool began = store_read_begin(st, NULL);
				struct household_view v;
				if (household_view_load(st, nos[i], today, false, "bench", NULL, &v, &a, &e) != ERR_OK) {
					fprintf(stderr, "page_cost: %s: %s\n", nos[i], e.message);
					return 1;
				}
				store_read_end(st, began);
				if (pass == 1) {
					view_household_write(&out, &v);
					bytes += out.n;
					buf_reset(&out);
				}
				arena_free(&a);
			}
		double us = (now() - t0) * 1e6 / (double)(rounds * n);
		printf("%-22s %8.1f us/page%s", pass ? "gathering + JSON" : "gathering", us, pass ? "" : "\n");
	}
	printf("   (%zu bytes/page)\n", bytes / (size_t)(rounds * n));
	buf_free(&out);
	store_close(st);
	return 0;
}
