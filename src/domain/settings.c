/* settings.c: the office's settings kept in the meta table (proposal.h): require_review, the income items the
 * exit check counts, the village exit threshold, the income fall share and the medical cost amount of the early
 * warnings (monitor_warn.c). Values are checked before they are stored; a change is audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/codes.h"
#include "domain/monitor.h"
#include "domain/proposal.h"
#include "lib/util.h"

const char *const settings_keys[] = { "require_review", "exit_income_items", "village_exit_threshold",
	"warning_income_fall", "warning_medical_cost" };
const size_t n_settings_keys = NELEM(settings_keys);

static const char *const items[] = { "wage", "business", "property", "transfer" };

static char *
get(struct store *st, const char *key, struct arena *a)
{
	char *v = NULL;
	if (store_meta_get(st, key, &v, a, NULL) != ERR_OK)
		return NULL;
	return v;
}

bool
settings_require_review(struct store *st)
{
	struct arena a;
	arena_init(&a);
	char *v = get(st, "require_review", &a);
	bool on = v && strcmp(v, "1") == 0;
	arena_free(&a);
	return on;
}

enum err
settings_event_direct_cached(struct store *st, int *review, const char *role, const char *type, struct errinfo *e)
{
	const struct code *c = type ? code_find(CL_EVENT, str_from(type)) : NULL;
	if (!c)
		return ERR_OK;
	const char *label = msg_lang() == LANG_EN ? c->en : c->label;
	if (strcmp(c->code, "monitor_in") == 0 || strcmp(c->code, "risk_eliminate") == 0)
		return errinfo_set(e, ERR_FORBIDDEN, "type", MSG_MONITOR_PROCEDURE, label);
	static const char *const status_events[] = { "identify", "include_missed", "exit", "return", "remove", "clear" };
	bool status = false;
	for (size_t i = 0; i < NELEM(status_events); i++)
		status |= strcmp(c->code, status_events[i]) == 0;
	if (!status || strcmp(role, "county_admin") == 0)
		return ERR_OK;
	if (*review < 0)
		*review = settings_require_review(st);
	if (!*review)
		return ERR_OK;
	return errinfo_set(e, ERR_FORBIDDEN, "type", MSG_REVIEW_REQUIRED, label);
}

enum err
settings_event_direct(struct store *st, const char *role, const char *type, struct errinfo *e)
{
	int review = -1;
	return settings_event_direct_cached(st, &review, role, type, e);
}

static bool
parse_items(const char *s, unsigned *out)
{
	unsigned m = 0;
	const char *p = s;
	while (p && *p) {
		const char *q = strchr(p, ',');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		while (n && *p == ' ')
			p++, n--;
		while (n && p[n - 1] == ' ')
			n--;
		bool found = false;
		for (size_t i = 0; i < NELEM(items); i++)
			if (strlen(items[i]) == n && strncmp(items[i], p, n) == 0) {
				m |= 1u << i;
				found = true;
			}
		if (!found)
			return false;
		p = q ? q + 1 : NULL;
	}
	*out = m;
	return m != 0;
}

unsigned
settings_exit_income_items(struct store *st)
{
	struct arena a;
	arena_init(&a);
	char *v = get(st, "exit_income_items", &a);
	unsigned m = 0xf;
	if (v && !parse_items(v, &m))
		m = 0xf;
	arena_free(&a);
	return m;
}

/* "2", "3", "2.5" percent -> hundredths; false if not 0 < x < 100 with at most two decimals */
static bool
parse_percent(const char *s, int *out)
{
	int64_t fen;
	if (!s || !parse_money_fen(s, strlen(s), &fen) || fen <= 0 || fen >= 10000)
		return false;
	*out = (int)fen;
	return true;
}

int
settings_village_threshold(struct store *st)
{
	struct arena a;
	arena_init(&a);
	char *v = get(st, "village_exit_threshold", &a);
	int t = 200;
	if (v && !parse_percent(v, &t))
		t = 200;
	arena_free(&a);
	return t;
}

/* yuan, at most two decimals, above 0 and below 100000000 -> fen */
static bool
parse_amount(const char *s, int64_t *out)
{
	int64_t fen;
	if (!s || !parse_money_fen(s, strlen(s), &fen) || fen <= 0 || fen >= 10000000000LL)
		return false;
	*out = fen;
	return true;
}

static void
format_amount(int64_t fen, char *buf, size_t size)
{
	if (fen % 100)
		snprintf(buf, size, "%lld.%02d", (long long)(fen / 100), (int)(fen % 100));
	else
		snprintf(buf, size, "%lld", (long long)(fen / 100));
}

static enum err
bad_key(const char *key, struct errinfo *e)
{
	char list[160];
	size_t k = 0;
	for (size_t i = 0; i < n_settings_keys; i++)
		k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%s", i ? ", " : "", settings_keys[i]);
	return errinfo_set(e, ERR_INVALID, "key", MSG_CONFIG_KEY, key ? key : "", list);
}

enum err
settings_get(struct store *st, const char *key, char **value, struct arena *a, struct errinfo *e)
{
	char buf[64];
	if (key && strcmp(key, "require_review") == 0)
		*value = arena_strdup(a, settings_require_review(st) ? "on" : "off");
	else if (key && strcmp(key, "exit_income_items") == 0) {
		unsigned m = settings_exit_income_items(st);
		size_t k = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < NELEM(items); i++)
			if (m & (1u << i))
				k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%s%s", k ? "," : "", items[i]);
		*value = arena_strdup(a, buf);
	} else if (key && strcmp(key, "village_exit_threshold") == 0) {
		int t = settings_village_threshold(st);
		if (t % 100)
			snprintf(buf, sizeof(buf), "%d.%02d", t / 100, t % 100);
		else
			snprintf(buf, sizeof(buf), "%d", t / 100);
		*value = arena_strdup(a, buf);
	} else if (key && strcmp(key, "warning_income_fall") == 0) {
		int t = settings_warning_fall(st);
		if (t % 100)
			snprintf(buf, sizeof(buf), "%d.%02d", t / 100, t % 100);
		else
			snprintf(buf, sizeof(buf), "%d", t / 100);
		*value = arena_strdup(a, buf);
	} else if (key && strcmp(key, "warning_medical_cost") == 0) {
		format_amount(settings_warning_medical_cost(st), buf, sizeof(buf));
		*value = arena_strdup(a, buf);
	} else
		return bad_key(key, e);
	return ERR_OK;
}

enum err
settings_set(struct txn *t, const char *key, const char *value, struct errinfo *e)
{
	const char *stored = NULL;
	char buf[64];
	bool en = msg_lang() == LANG_EN;
	if (!value)
		value = "";
	if (key && strcmp(key, "require_review") == 0) {
		if (strcmp(value, "on") == 0 || strcmp(value, "1") == 0 || strcmp(value, "是") == 0)
			stored = "1";
		else if (strcmp(value, "off") == 0 || strcmp(value, "0") == 0 || strcmp(value, "否") == 0)
			stored = "0";
		else
			return errinfo_set(e, ERR_INVALID, "value", MSG_CONFIG_VALUE, key, value, en ? "on or off" : "应为 on 或 off");
	} else if (key && strcmp(key, "exit_income_items") == 0) {
		unsigned m;
		if (!parse_items(value, &m))
			return errinfo_set(e, ERR_INVALID, "value", MSG_CONFIG_VALUE, key, value,
			    en ? "a list of wage, business, property, transfer" : "应为 wage、business、property、transfer 中的一项或多项，逗号分隔");
		size_t k = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < NELEM(items); i++)
			if (m & (1u << i))
				k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%s%s", k ? "," : "", items[i]);
		stored = buf;
	} else if (key && strcmp(key, "village_exit_threshold") == 0) {
		int th;
		if (!parse_percent(value, &th))
			return errinfo_set(e, ERR_INVALID, "value", MSG_CONFIG_VALUE, key, value,
			    en ? "a percentage above 0 and below 100, e.g. 2 or 3" : "应为大于 0、小于 100 的百分数，如 2 或 3");
		stored = value;
	} else if (key && strcmp(key, "warning_income_fall") == 0) {
		int th;
		if (!parse_percent(value, &th))
			return errinfo_set(e, ERR_INVALID, "value", MSG_CONFIG_VALUE, key, value,
			    en ? "a percentage above 0 and below 100, e.g. 30" : "应为大于 0、小于 100 的百分数，如 30");
		stored = value;
	} else if (key && strcmp(key, "warning_medical_cost") == 0) {
		int64_t fen;
		if (!parse_amount(value, &fen))
			return errinfo_set(e, ERR_INVALID, "value", MSG_CONFIG_VALUE, key, value,
			    en ? "an amount in yuan above 0 with at most two decimals, e.g. 10000"
			       : "应为大于 0 的金额（元，至多两位小数），如 10000");
		format_amount(fen, buf, sizeof(buf));
		stored = buf;
	} else
		return bad_key(key, e);
	enum err rc = store_meta_set(t->st, key, stored, e);
	if (rc != ERR_OK)
		return rc;
	char detail[160];
	snprintf(detail, sizeof(detail), "{\"value\":\"%s\"}", stored);
	return txn_audit(t, "settings.set", key, detail, e);
}
