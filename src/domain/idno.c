/* idno.c: GB 11643-1999 resident identity numbers. */
#include "idno.h"

#include <stdio.h>
#include <string.h>

#include "lib/date.h"

static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

char
idno_check_char(const char *s)
{
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * weights[i];
	return "10X98765432"[sum % 11];
}

static bool
province_ok(const char *p)
{
	int v = (p[0] - '0') * 10 + (p[1] - '0');
	return (v >= 11 && v <= 15) || (v >= 21 && v <= 23) || (v >= 31 && v <= 37) || (v >= 41 && v <= 46) ||
	    (v >= 50 && v <= 54) || (v >= 61 && v <= 65) || v == 71 || v == 81 || v == 82 || v == 91;
}

enum msg
idno_validate(struct str in, int today, struct idno *out)
{
	char s[24];
	memset(out, 0, sizeof(*out));
	in = str_trim(in);
	if (in.n != 15 && in.n != 18 && in.n != 20 && in.n != 22) {
		snprintf(out->norm, sizeof(out->norm), "%.*s", (int)(in.n < 23 ? in.n : 23), in.p);
		return MSG_ID_LENGTH;
	}
	memcpy(s, in.p, in.n);
	s[in.n] = '\0';
	if (in.n >= 18 && s[17] == 'x')
		s[17] = 'X';
	for (size_t i = 0; i < in.n; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		if (!digit && !(i == 17 && s[i] == 'X')) {
			snprintf(out->norm, sizeof(out->norm), "%s", s);
			return MSG_ID_CHARS;
		}
	}
	out->kind = in.n >= 20 ? ID_DISABILITY : ID_RESIDENT;
	if (in.n == 15) {
		/* 6 address + YYMMDD + 3 sequence: the century is 19, the check character is computed. */
		char t[19];
		memcpy(t, s, 6);
		t[6] = '1', t[7] = '9';
		memcpy(t + 8, s + 6, 9);
		t[17] = idno_check_char(t);
		t[18] = '\0';
		memcpy(s, t, 19);
		out->converted = true;
	}
	snprintf(out->norm, sizeof(out->norm), "%s", s);

	int birth = 0;
	for (int i = 6; i < 14; i++)
		birth = birth * 10 + (s[i] - '0');
	snprintf(out->birth_text, sizeof(out->birth_text), "%.4s-%.2s-%.2s", s + 6, s + 10, s + 12);
	if (date_valid(birth))
		out->birth = birth;
	out->sex = ((s[16] - '0') % 2) ? 1 : 2;

	if (memcmp(s, "999999", 6) == 0)
		return MSG_ID_PLACEHOLDER;
	if (!province_ok(s)) {
		memcpy(out->province, s, 2);
		return MSG_ID_PROVINCE;
	}
	if (!date_valid(birth) || birth > today || birth < 18800101) {
		out->birth = 0;
		return MSG_ID_DATE;
	}
	char want = idno_check_char(s);
	if (s[17] != want) {
		out->expected = want;
		return MSG_ID_CHECKSUM;
	}
	/* 残疾人证号: the two (or four) characters after the ID are the category and grade digits. */
	return MSG_OK;
}

char *
idno_mask(const char *id, char *out, size_t size)
{
	/* Only the address code of the first registration (six characters) is kept: what follows is the birth
	 * date, the sequence with the sex, and the check character, and any of them shown next to a birth
	 * month and a county would leave too few candidates (docs/SECURITY.md, 去标识化). The mask is 18
	 * characters whatever the number's length: a disability card's 20 or 22 told that its holder is disabled
	 * where the health was masked, and a 15-digit number its age. */
	size_t n = id ? strlen(id) : 0;
	if (n <= 8) {
		snprintf(out, size, "%s", n ? "********" : "");
		return out;
	}
	snprintf(out, size, "%.6s************", id);
	return out;
}
