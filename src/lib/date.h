/* date.h: calendar dates as int YYYYMMDD and recording instants ("stamps") as int64 YYYYMMDDHHMMSS.
 * Both compare correctly as integers, in C and in SQL, on every backend. Text only at the edges.
 * Knows no application type. */
#ifndef TUOPIN_DATE_H
#define TUOPIN_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

#define DATE_INF 99991231            /* open end of a valid-time interval */
#define STAMP_INF 99991231235959LL   /* open end of a recorded-time interval */

bool date_valid(int ymd);
/* The earliest day a record of the office may bear (an event's effective day, a registration, a visit): the
 * years a year field takes (fields.c, 1980-2100). A birth may be earlier. */
#define DATE_RECORDS_FROM 19800101
/* Accepts YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD and single-digit month/day with separators.
 * Returns false unless the date is real (2018-02-30 is refused). */
bool date_parse(struct str s, int *ymd);
/* "2018-10-08"; out holds at least 11 bytes. */
char *date_format(int ymd, char *out);
/* Days since 1970-01-01 and back. */
int64_t date_to_days(int ymd);
int date_from_days(int64_t days);
int date_add_days(int ymd, int n);
/* Whole years from birth to at (the age on date at). */
int date_age(int birth, int at);
/* The age shown to whom the birth day is not (docs/SECURITY.md §3): counted from the birth month, one more year
 * from the month after it, so that no choice of the day at tells the day of birth. */
int date_age_by_month(int birth, int at);
/* An Excel serial day number (1900 system unless date1904) to a date; false if out of range. */
bool date_from_excel(double serial, bool date1904, int *ymd);

/* ---- the office's time zone ----
 * One zone for the whole process: the office's (TUOPIN_TZ or --tz, Asia/Shanghai by default), never the
 * machine's. Recording instants ("stamps") are stored in UTC, so changing the zone later rewrites nothing;
 * they are read and shown in the office's zone. Dates (effective dates, as-of dates, "today") are the
 * office's calendar days. */
#define TZ_DEFAULT "Asia/Shanghai"
/* Make name (an IANA zone such as "Asia/Shanghai", or "UTC") the process's zone. Returns false, changing
 * nothing, for a name that is not a known zone (or that tries to leave the zone database). Call before any
 * thread starts. */
bool tz_set(const char *name);
/* The zone in force ("Asia/Shanghai" until tz_set says otherwise). */
const char *tz_name(void);
/* The zone's offset from UTC at the UTC stamp, in seconds (+28800 for China). */
int tz_offset(int64_t utc);

/* Parses "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DDTHH:MM:SS" or a bare date, read in the office's zone, into a UTC
 * stamp. A bare date means its last second when end_of_day is true ("as recorded on 2018-03-31" includes
 * that whole day), else its first second. */
bool stamp_parse(struct str s, bool end_of_day, int64_t *stamp);
/* A UTC stamp in the office's zone: "2018-04-01 09:30:00"; out holds at least 20 bytes. */
char *stamp_format(int64_t stamp, char *out);
/* A UTC stamp as ISO 8601 with its offset in the office's zone: "2018-04-01T09:30:00+08:00"; out holds at
 * least 26 bytes. */
char *stamp_format_iso(int64_t stamp, char *out);
/* Now, as a UTC stamp. */
int64_t stamp_now(void);
/* The office's calendar day of a UTC stamp. */
int stamp_date(int64_t stamp);
/* The office's today. */
int date_today(void);
/* UTC stamps of the first and the last second of an office day. */
int64_t stamp_day_start(int ymd);
int64_t stamp_day_end(int ymd);
/* Conversions between a UTC stamp and the office's wall clock (a stamp-shaped YYYYMMDDHHMMSS). A wall
 * clock time that a daylight-saving change skips or repeats is taken as the zone's rules say (mktime). */
int64_t stamp_to_local(int64_t utc);
int64_t stamp_from_local(int64_t local);
/* Seconds since the epoch of a UTC stamp, and back. */
int64_t stamp_to_epoch(int64_t utc);
int64_t stamp_from_epoch(int64_t epoch);

#endif
