/* date.c: proleptic Gregorian calendar arithmetic on YYYYMMDD integers, and the office's time zone: UTC
 * recording stamps converted to and from the office's wall clock. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool
date_valid(int ymd)
{
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	if (y < 1800 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= month_days(y, m);
}

static bool
digits(const char *p, size_t n, int *v)
{
	int x = 0;
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		x = x * 10 + (p[i] - '0');
	}
	*v = x;
	return true;
}

bool
date_parse(struct str s, int *ymd)
{
	int y, m, d;
	s = str_trim(s);
	if (s.n == 8 && digits(s.p, 8, &y)) {
		*ymd = y;
		return date_valid(y);
	}
	/* YYYY sep M[M] sep D[D] */
	if (s.n < 8 || s.n > 10 || !digits(s.p, 4, &y))
		return false;
	char sep = s.p[4];
	if (sep != '-' && sep != '/' && sep != '.')
		return false;
	const char *p = s.p + 5, *end = s.p + s.n;
	const char *q = memchr(p, sep, (size_t)(end - p));
	if (!q || q - p < 1 || q - p > 2 || !digits(p, (size_t)(q - p), &m))
		return false;
	if (end - (q + 1) < 1 || end - (q + 1) > 2 || !digits(q + 1, (size_t)(end - q - 1), &d))
		return false;
	*ymd = y * 10000 + m * 100 + d;
	return date_valid(*ymd);
}

char *
date_format(int ymd, char *out)
{
	unsigned u = (unsigned)ymd;
	snprintf(out, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
	return out;
}

/* Howard Hinnant's days_from_civil. */
int64_t
date_to_days(int ymd)
{
	int64_t y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
date_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return (int)(y * 10000 + m * 100 + d);
}

int
date_add_days(int ymd, int n)
{
	return date_from_days(date_to_days(ymd) + n);
}

int
date_age(int birth, int at)
{
	int age = at / 10000 - birth / 10000;
	if (at % 10000 < birth % 10000)
		age--;
	return age;
}

int
date_age_by_month(int birth, int at)
{
	int age = date_age(birth / 100 * 100 + 31, at / 100 * 100 + 1);
	return age < 0 ? 0 : age;   /* born in the month asked: 0, not -1 */
}

bool
date_from_excel(double serial, bool date1904, int *ymd)
{
	if (serial < 1 || serial > 2958465)
		return false;
	int64_t n = (int64_t)serial;
	int64_t days;
	if (date1904)
		days = date_to_days(19040101) + n;
	else {
		/* Excel counts 1900-02-29, which did not exist: serial 60. Days after it are one too high. */
		if (n == 60)
			return false;
		days = date_to_days(18991231) + n - (n > 60 ? 1 : 0);
	}
	*ymd = date_from_days(days);
	return true;
}

/* ---- the office's time zone ---- */

static char zone[64] = TZ_DEFAULT;
static bool zone_applied;

/* Zones every office may name even on a machine without the zone database (tzdata): China has kept one
 * offset without daylight saving since 1991, UTC none. */
static const struct {
	const char *name, *posix;
} builtin_zones[] = {
	{ "Asia/Shanghai", "CST-8" }, { "Asia/Chongqing", "CST-8" }, { "Asia/Harbin", "CST-8" },
	{ "Asia/Urumqi", "<+06>-6" }, { "PRC", "CST-8" }, { "UTC", "UTC0" }, { "Etc/UTC", "UTC0" },
	{ "Etc/GMT", "UTC0" }, { "GMT", "UTC0" },
};

/* Is name a file of the zone database? Names are relative paths of letters, digits, '_', '-', '+' and '/'
 * without "..", so the check cannot be pointed at another file. */
static bool
zone_file(const char *name, char *tzvalue, size_t size)
{
	if (!name[0] || name[0] == '/' || strstr(name, "..") || strlen(name) > 48)
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		        *p == '-' || *p == '+' || *p == '/'))
			return false;
	const char *dir = getenv("TZDIR");
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char magic[4];
	bool ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	if (ok)
		snprintf(tzvalue, size, ":%s", path);
	return ok;
}

bool
tz_set(const char *name)
{
	char value[300];
	if (!name || !zone_file(name, value, sizeof(value))) {
		size_t i;
		for (i = 0; name && i < sizeof(builtin_zones) / sizeof(builtin_zones[0]); i++)
			if (strcmp(name, builtin_zones[i].name) == 0)
				break;
		if (!name || i == sizeof(builtin_zones) / sizeof(builtin_zones[0]))
			return false;
		snprintf(value, sizeof(value), "%s", builtin_zones[i].posix);
	}
	snprintf(zone, sizeof(zone), "%s", name);
	setenv("TZ", value, 1);
	tzset();
	zone_applied = true;
	return true;
}

const char *
tz_name(void)
{
	return zone;
}

/* The process's TZ must be the office's before the first conversion, even when nobody called tz_set (a
 * unit test, a tool): the machine's zone never decides. */
static void
zone_ensure(void)
{
	if (!zone_applied)
		tz_set(zone);
}

static int64_t
stamp_of_tm(const struct tm *tm)
{
	return ((int64_t)(tm->tm_year + 1900) * 10000 + (tm->tm_mon + 1) * 100 + tm->tm_mday) * 1000000 +
	    tm->tm_hour * 10000 + tm->tm_min * 100 + tm->tm_sec;
}

static void
tm_of_stamp(int64_t st, struct tm *tm)
{
	memset(tm, 0, sizeof(*tm));
	int ymd = (int)(st / 1000000), t = (int)(st % 1000000);
	tm->tm_year = ymd / 10000 - 1900;
	tm->tm_mon = ymd / 100 % 100 - 1;
	tm->tm_mday = ymd % 100;
	tm->tm_hour = t / 10000;
	tm->tm_min = t / 100 % 100;
	tm->tm_sec = t % 100;
}

int64_t
stamp_to_epoch(int64_t utc)
{
	int ymd = (int)(utc / 1000000), t = (int)(utc % 1000000);
	return date_to_days(ymd) * 86400 + (t / 10000) * 3600 + (t / 100 % 100) * 60 + t % 100;
}

int64_t
stamp_from_epoch(int64_t epoch)
{
	int64_t days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
	int64_t s = epoch - days * 86400;
	return (int64_t)date_from_days(days) * 1000000 + (s / 3600) * 10000 + (s / 60 % 60) * 100 + s % 60;
}

int64_t
stamp_to_local(int64_t utc)
{
	if (utc <= 0 || utc >= STAMP_INF)
		return utc;
	zone_ensure();
	time_t t = (time_t)stamp_to_epoch(utc);
	struct tm tm;
	localtime_r(&t, &tm);
	return stamp_of_tm(&tm);
}

int64_t
stamp_from_local(int64_t local)
{
	if (local <= 0 || local >= STAMP_INF)
		return local;
	zone_ensure();
	struct tm tm;
	tm_of_stamp(local, &tm);
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	return stamp_from_epoch((int64_t)t);
}

int
tz_offset(int64_t utc)
{
	return (int)(stamp_to_epoch(stamp_to_local(utc)) - stamp_to_epoch(utc));
}

bool
stamp_parse(struct str s, bool end_of_day, int64_t *stamp)
{
	int ymd, hh, mm, ss;
	int64_t local;
	s = str_trim(s);
	if (s.n <= 10) {
		if (!date_parse(s, &ymd))
			return false;
		local = (int64_t)ymd * 1000000 + (end_of_day ? 235959 : 0);
	} else {
		if (s.n != 19 || (s.p[10] != ' ' && s.p[10] != 'T') || s.p[13] != ':' || s.p[16] != ':')
			return false;
		if (!date_parse((struct str){ s.p, 10 }, &ymd) || !digits(s.p + 11, 2, &hh) ||
		    !digits(s.p + 14, 2, &mm) || !digits(s.p + 17, 2, &ss))
			return false;
		if (hh > 23 || mm > 59 || ss > 59)
			return false;
		local = (int64_t)ymd * 1000000 + hh * 10000 + mm * 100 + ss;
	}
	*stamp = stamp_from_local(local);
	return true;
}

static char *
format_wall(int64_t st, char *out)
{
	unsigned ymd = (unsigned)(st / 1000000), t = (unsigned)(st % 1000000);
	snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:%02u", ymd / 10000 % 10000, ymd / 100 % 100, ymd % 100,
	    t / 10000 % 100, t / 100 % 100, t % 100);
	return out;
}

char *
stamp_format(int64_t st, char *out)
{
	return format_wall(stamp_to_local(st), out);
}

char *
stamp_format_iso(int64_t st, char *out)
{
	char w[20];
	int off = tz_offset(st), a = off < 0 ? -off : off;
	format_wall(stamp_to_local(st), w);
	w[10] = 'T';
	snprintf(out, 26, "%.19s%c%02d:%02d", w, off < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
	return out;
}

int64_t
stamp_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return stamp_from_epoch((int64_t)ts.tv_sec);
}

int
stamp_date(int64_t st)
{
	return (int)(stamp_to_local(st) / 1000000);
}

int
date_today(void)
{
	return stamp_date(stamp_now());
}

int64_t
stamp_day_start(int ymd)
{
	return stamp_from_local((int64_t)ymd * 1000000);
}

int64_t
stamp_day_end(int ymd)
{
	return stamp_from_local((int64_t)ymd * 1000000 + 235959);
}
