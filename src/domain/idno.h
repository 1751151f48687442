/* idno.h: 证件号码 validation by GB 11643-1999 (check digit, real birth date, province prefix), conversion
 * of 15-digit numbers, and 20/22-digit 残疾人证号 whose first 18 characters are a valid ID. No I/O. */
#ifndef TUOPIN_IDNO_H
#define TUOPIN_IDNO_H

#include <stdbool.h>

#include "lib/buf.h"
#include "lib/msg.h"

enum id_kind { ID_RESIDENT = 1, ID_DISABILITY = 2 };

struct idno {
	char norm[24];      /* normalised: 18 characters (x upper-cased; 15 digits converted) or 20/22 */
	enum id_kind kind;
	int birth;          /* YYYYMMDD from the number, 0 if it could not be read */
	int sex;            /* 1 male, 2 female (from the 17th digit), 0 unknown */
	bool converted;     /* a 15-digit number was converted to 18 */
	char expected;      /* for MSG_ID_CHECKSUM: the right check character */
	char province[3];   /* for MSG_ID_PROVINCE */
	char birth_text[16];/* for MSG_ID_DATE */
};

/* The check character for the first 17 digits of s. */
char idno_check_char(const char *s17);
/* Validate s on date today (YYYYMMDD; births after it are refused). Fills *out as far as it could read the
 * number even when invalid (norm, birth and sex are useful for reports). Returns MSG_OK or one of
 * MSG_ID_LENGTH, MSG_ID_CHARS, MSG_ID_PLACEHOLDER, MSG_ID_PROVINCE, MSG_ID_DATE, MSG_ID_CHECKSUM. */
enum msg idno_validate(struct str s, int today, struct idno *out);
/* Mask for display: the first 6 characters (the address code) kept, the rest starred ("371399************").
 * With the birth shown as a month only (date_mask_birth), at least 28 x 500 numbers fit what is shown.
 * out >= 24 bytes. */
char *idno_mask(const char *id, char *out, size_t size);

#endif
