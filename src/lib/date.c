/* date.c: proleptic Gregorian calendar arithmetic on YYYYMMDD integers. */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

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

bool
stamp_parse(struct str s, bool end_of_day, int64_t *stamp)
{
	int ymd, hh, mm, ss;
	s = str_trim(s);
	if (s.n <= 10) {
		if (!date_parse(s, &ymd))
			return false;
		*stamp = (int64_t)ymd * 1000000 + (end_of_day ? 235959 : 0);
		return true;
	}
	if (s.n != 19 || (s.p[10] != ' ' && s.p[10] != 'T') || s.p[13] != ':' || s.p[16] != ':')
		return false;
	if (!date_parse((struct str){ s.p, 10 }, &ymd) || !digits(s.p + 11, 2, &hh) ||
	    !digits(s.p + 14, 2, &mm) || !digits(s.p + 17, 2, &ss))
		return false;
	if (hh > 23 || mm > 59 || ss > 59)
		return false;
	*stamp = (int64_t)ymd * 1000000 + hh * 10000 + mm * 100 + ss;
	return true;
}

char *
stamp_format(int64_t st, char *out)
{
	unsigned ymd = (unsigned)(st / 1000000), t = (unsigned)(st % 1000000);
	snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:%02u", ymd / 10000 % 10000, ymd / 100 % 100, ymd % 100,
	    t / 10000 % 100, t / 100 % 100, t % 100);
	return out;
}

int64_t
stamp_now(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return ((int64_t)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday) * 1000000 +
	    tm.tm_hour * 10000 + tm.tm_min * 100 + tm.tm_sec;
}

int
stamp_date(int64_t st)
{
	return (int)(st / 1000000);
}
