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
/* An Excel serial day number (1900 system unless date1904) to a date; false if out of range. */
bool date_from_excel(double serial, bool date1904, int *ymd);

/* Parses "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DDTHH:MM:SS" or a bare date. A bare date means its last second
 * when end_of_day is true ("as recorded on 2018-03-31" includes that whole day), else its first second. */
bool stamp_parse(struct str s, bool end_of_day, int64_t *stamp);
/* "2018-04-01 09:30:00"; out holds at least 20 bytes. */
char *stamp_format(int64_t stamp, char *out);
/* The local wall clock now. */
int64_t stamp_now(void);
int stamp_date(int64_t stamp);

#endif
