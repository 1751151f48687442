/* test_idno.c: GB 11643 validation of 证件号码. */
#include "test.h"

#include "domain/idno.h"
#include "view/view.h"

static void
valid_numbers_pass(void **state)
{
	struct idno id;
	assert_int_equal(idno_validate(S("11010519491231002X"), 20260101, &id), MSG_OK);
	assert_string_equal(id.norm, "11010519491231002X");
	assert_int_equal(id.birth, 19491231);
	assert_int_equal(id.sex, 2);
	assert_int_equal(id.kind, ID_RESIDENT);
	assert_int_equal(idno_validate(S("440524188001010014"), 20260101, &id), MSG_OK);
	assert_int_equal(id.sex, 1);
	/* a lower-case x is normalised */
	assert_int_equal(idno_validate(S(" 11010519491231002x "), 20260101, &id), MSG_OK);
	assert_string_equal(id.norm, "11010519491231002X");
	assert_int_equal(idno_validate(S("371399196203040011"), 20260101, &id), MSG_OK);
}

static void
wrong_check_digit_names_the_right_one(void **state)
{
	struct idno id;
	assert_int_equal(idno_validate(S("371399196203040012"), 20260101, &id), MSG_ID_CHECKSUM);
	assert_int_equal(id.expected, '1');
	assert_int_equal(idno_validate(S("110105194912310021"), 20260101, &id), MSG_ID_CHECKSUM);
	assert_int_equal(id.expected, 'X');
	assert_int_equal(idno_check_char("11010519491231002"), 'X');
}

static void
impossible_or_future_birth_dates_fail(void **state)
{
	struct idno id;
	char s[19] = "37139919620230001";   /* 1962-02-30 */
	s[17] = idno_check_char(s);
	s[18] = '\0';
	assert_int_equal(idno_validate(S(s), 20260101, &id), MSG_ID_DATE);
	assert_string_equal(id.birth_text, "1962-02-30");
	char f[19] = "37139920300101001";   /* born 2030 */
	f[17] = idno_check_char(f);
	f[18] = '\0';
	assert_int_equal(idno_validate(S(f), 20260101, &id), MSG_ID_DATE);
	assert_int_equal(idno_validate(S(f), 20300102, &id), MSG_OK);
}

static void
fifteen_digits_are_converted(void **state)
{
	struct idno id;
	/* 15-digit 371399620304001 -> 371399 19 620304 001 + check */
	assert_int_equal(idno_validate(S("371399620304001"), 20260101, &id), MSG_OK);
	assert_true(id.converted);
	assert_string_equal(id.norm, "371399196203040011");
	assert_int_equal(id.birth, 19620304);
	assert_int_equal(id.sex, 1);
}

static void
disability_cards_check_their_first_18(void **state)
{
	struct idno id;
	assert_int_equal(idno_validate(S("37139919620304001141"), 20260101, &id), MSG_OK);
	assert_int_equal(id.kind, ID_DISABILITY);
	assert_string_equal(id.norm, "37139919620304001141");
	assert_int_equal(idno_validate(S("3713991962030400114101"), 20260101, &id), MSG_OK);
	assert_int_equal(idno_validate(S("37139919620304001241"), 20260101, &id), MSG_ID_CHECKSUM);
}

static void
other_malformed_numbers(void **state)
{
	struct idno id;
	assert_int_equal(idno_validate(S("3713991962030400"), 20260101, &id), MSG_ID_LENGTH);
	assert_int_equal(idno_validate(S("37139919620304001A"), 20260101, &id), MSG_ID_CHARS);
	assert_int_equal(idno_validate(S("3713991962X3040011"), 20260101, &id), MSG_ID_CHARS);
	char p[19] = "99999919620304001";
	p[17] = idno_check_char(p);
	p[18] = '\0';
	assert_int_equal(idno_validate(S(p), 20260101, &id), MSG_ID_PLACEHOLDER);
	char q[19] = "99123419620304001";   /* province 99 */
	q[17] = idno_check_char(q);
	q[18] = '\0';
	assert_int_equal(idno_validate(S(q), 20260101, &id), MSG_ID_PROVINCE);
	assert_string_equal(id.province, "99");
}

static void
masking_keeps_four_and_four(void **state)
{
	char out[32];
	assert_string_equal(idno_mask("371399196203040011", out, sizeof(out)), "371399************");
	assert_string_equal(idno_mask("11010519491231002X", out, sizeof(out)), "110105************");
	/* a disability card (20 or 22) and a 15-digit number masked to the same length: neither tells itself */
	assert_string_equal(idno_mask("37139919620304001141", out, sizeof(out)), "371399************");
	assert_string_equal(idno_mask("3713991962030400114142", out, sizeof(out)), "371399************");
	assert_string_equal(idno_mask("371399620304001", out, sizeof(out)), "371399************");
	assert_string_equal(idno_mask("", out, sizeof(out)), "");
}

/* A value a refusal quotes as it was typed: an ID number, a card, a mobile number masked, with their spaces or
 * hyphens taken out; a date, a 户编号 or a short number left as they are. */
static void
quoted_values_are_masked(void **state)
{
	char m[48];
	assert_string_equal(view_masked_value("13812345678", NULL, m, sizeof(m)), "138****5678");
	assert_string_equal(view_masked_value("138 1234 5678", NULL, m, sizeof(m)), "138****5678");
	assert_string_equal(view_masked_value("138-1234-5678", "phone", m, sizeof(m)), "138****5678");
	assert_string_equal(view_masked_value("371399 19620304 0011", NULL, m, sizeof(m)), "371399************");
	assert_string_equal(view_masked_value("37139919620304001141", NULL, m, sizeof(m)), "371399************");
	assert_string_equal(view_masked_value("6228480012345678", "bank_account", m, sizeof(m)), "6228****5678");
	assert_string_equal(view_masked_value("2019-02-03", "birth", m, sizeof(m)), "2019-02-03");
	assert_string_equal(view_masked_value("3713990001", "hh_no", m, sizeof(m)), "3713990001");
	assert_string_equal(view_masked_value("0539-8123", NULL, m, sizeof(m)), "0539-8123");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_numbers_pass),
		cmocka_unit_test(wrong_check_digit_names_the_right_one),
		cmocka_unit_test(impossible_or_future_birth_dates_fail),
		cmocka_unit_test(fifteen_digits_are_converted),
		cmocka_unit_test(disability_cards_check_their_first_18),
		cmocka_unit_test(other_malformed_numbers),
		cmocka_unit_test(masking_keeps_four_and_four),
		cmocka_unit_test(quoted_values_are_masked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
