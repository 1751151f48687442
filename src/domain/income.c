/* income.c: income arithmetic and poverty lines. */
#include "domain/income.h"

#include <stdio.h>
#include <string.h>

static int64_t
known(int64_t v, bool *complete)
{
	if (v < 0) {
		*complete = false;
		return 0;
	}
	return v;
}

int64_t
income_total(const struct income *in, bool *complete)
{
	bool c = true;
	int64_t t = known(in->wage, &c) + known(in->business, &c) + known(in->property, &c) + known(in->transfer, &c);
	if (complete)
		*complete = c;
	return t;
}

int64_t
income_net(const struct income *in, bool *complete)
{
	bool c1, c2 = true;
	int64_t t = income_total(in, &c1) - known(in->business_cost, &c2);
	if (complete)
		*complete = c1 && c2;
	return t;
}

int64_t
div_round(int64_t a, int64_t b)
{
	if (a >= 0)
		return (a + b / 2) / b;
	return -((-a + b / 2) / b);
}

bool
income_net_pc(const struct income *in, int size, int64_t *out)
{
	if (size < 1)
		return false;
	*out = div_round(income_net(in, NULL), size);
	return true;
}

enum err
income_line(struct store *st, int year, int64_t division, const char *kind, int64_t *amount, int *found_year,
    bool *provincial, struct errinfo *e)
{
	char prov[3];
	snprintf(prov, sizeof(prov), "%02u", (unsigned)(division / 10000000000LL) % 100);
	if (!kind)
		kind = "national";
	enum err rc;
	if (strcmp(kind, "national") == 0) {
		rc = store_poverty_line(st, year, prov, "provincial", amount, e);
		if (rc == ERR_OK) {
			*found_year = year;
			*provincial = true;
			return ERR_OK;
		}
		if (rc != ERR_NOTFOUND)
			return rc;
	}
	*provincial = false;
	for (int y = year; y >= 2010; y--) {
		rc = store_poverty_line(st, y, "CN", kind, amount, e);
		if (rc == ERR_OK) {
			*found_year = y;
			return ERR_OK;
		}
		if (rc != ERR_NOTFOUND)
			return rc;
	}
	return ERR_NOTFOUND;
}
