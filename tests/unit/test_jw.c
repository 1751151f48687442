/* test_jw.c: the JSON writer of the household page (src/lib/jw.c), the masks of bank accounts and the
 * bank-account cell parser. */
#include "test.h"

#include <jansson.h>

#include "domain/export.h"
#include "domain/fields.h"
#include "lib/jw.h"

static void
commas_and_nesting(void **state)
{
	struct buf b;
	struct jw w;
	buf_init(&b);
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "a", "x");
	jw_kint(&w, "n", -42);
	jw_key(&w, "list");
	jw_arr(&w);
	jw_int(&w, 1);
	jw_obj(&w);
	jw_obj_end(&w);
	jw_arr(&w);
	jw_arr_end(&w);
	jw_null(&w);
	jw_arr_end(&w);
	jw_kbool(&w, "t", true);
	jw_kstr(&w, "none", NULL);
	jw_key(&w, "raw");
	jw_raw(&w, "{\"k\":[1,2]}");
	jw_obj_end(&w);
	assert_string_equal(b.p, "{\"a\":\"x\",\"n\":-42,\"list\":[1,{},[],null],\"t\":true,\"none\":null,"
	    "\"raw\":{\"k\":[1,2]}}");
	buf_free(&b);
}

/* Indented, the same text as jansson's JSON_INDENT(2) for the same tree: nesting, empty containers, a raw
 * value at the top level of an object and a bare top-level array. */
static void
indented_as_jansson_indents(void **state)
{
	struct buf b;
	struct jw w;
	buf_init(&b);
	jw_init_indent(&w, &b, 2);
	jw_obj(&w);
	jw_kstr(&w, "a", "x");
	jw_key(&w, "list");
	jw_arr(&w);
	jw_int(&w, 1);
	jw_obj(&w);
	jw_obj_end(&w);
	jw_arr(&w);
	jw_arr_end(&w);
	jw_obj(&w);
	jw_kint(&w, "deep", 2);
	jw_key(&w, "more");
	jw_arr(&w);
	jw_null(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
	jw_arr_end(&w);
	jw_key(&w, "empty");
	jw_obj(&w);
	jw_obj_end(&w);
	jw_kbool(&w, "t", false);
	jw_obj_end(&w);
	json_t *j = json_pack("{s:s, s:[i, {}, [], {s:i, s:[n]}], s:{}, s:b}", "a", "x", "list", 1, "deep", 2, "more",
	    "empty", "t", 0);
	char *want = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	assert_string_equal(b.p, want);
	free(want);
	json_decref(j);
	buf_free(&b);

	buf_init(&b);
	jw_init_indent(&w, &b, 2);
	jw_arr(&w);
	jw_str(&w, "一");
	jw_int(&w, 2);
	jw_arr_end(&w);
	assert_string_equal(b.p, "[\n  \"一\",\n  2\n]");
	buf_free(&b);
}

static void
strings_escape_as_jansson_does(void **state)
{
	const char *cases[] = { "引号\"和\\反斜杠", "tab\there\nline\r\b\f", "ctl\x01\x1f end", "a/b 张三 😀" };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b;
		struct jw w;
		buf_init(&b);
		jw_init(&w, &b);
		jw_str(&w, cases[i]);
		json_t *j = json_string(cases[i]);
		char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
		assert_string_equal(b.p, want);
		free(want);
		json_decref(j);
		buf_free(&b);
	}
}

static void
broken_utf8_becomes_a_replacement_character(void **state)
{
	struct buf b;
	struct jw w;
	buf_init(&b);
	jw_init(&w, &b);
	jw_str(&w, "ok\xff\xe5\xbc" "end");   /* a stray byte, then a truncated three-byte sequence */
	assert_string_equal(b.p, "\"ok\\ufffd\\ufffd\\ufffdend\"");
	json_error_t err;
	json_t *j = json_loads(b.p, JSON_DECODE_ANY, &err);
	assert_non_null(j);
	json_decref(j);
	buf_free(&b);
}

static void
accounts_mask_and_parse(void **state)
{
	char m[40];
	assert_string_equal(account_mask("6217000012345678901", m, sizeof(m)), "6217****8901");
	assert_string_equal(account_mask("621799123456", m, sizeof(m)), "****3456");
	assert_string_equal(account_mask("62179912", m, sizeof(m)), "****9912");
	assert_string_equal(account_mask("6217", m, sizeof(m)), "****");
	assert_string_equal(account_mask(NULL, m, sizeof(m)), "");
	struct arena a;
	arena_init(&a);
	char *out;
	assert_true(parse_bank_account(S("6217 0000 1234 5678 901"), &out, &a, NULL, 2, "银行账号"));
	assert_string_equal(out, "6217000012345678901");
	assert_true(parse_bank_account(S("6230-5500-0000-1111"), &out, &a, NULL, 2, "银行账号"));
	assert_string_equal(out, "6230550000001111");
	assert_true(parse_bank_account(S(""), &out, &a, NULL, 2, "银行账号"));
	assert_null(out);
	const char *bad[] = { "1234567", "6217 0000 12X", "-62170000123", "62170000123 ", "6217０000123",
		"123456789012345678901234567890123" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(parse_bank_account(S(bad[i]), &out, &a, NULL, 2, "银行账号"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(commas_and_nesting),
		cmocka_unit_test(indented_as_jansson_indents),
		cmocka_unit_test(strings_escape_as_jansson_does),
		cmocka_unit_test(broken_utf8_becomes_a_replacement_character),
		cmocka_unit_test(accounts_mask_and_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
