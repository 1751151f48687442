/* test_codes.c: code lists map by label, code, alias or English, never by position; versions. */
#include <stdio.h>

#include "test.h"

#include "domain/codes.h"
#include "domain/member.h"
#include "domain/fields.h"
#include "domain/problem.h"
#include "lib/arena.h"
#include "lib/msg.h"

static void
labels_codes_and_aliases_map(void **state)
{
	assert_string_equal(code_find(CL_RELATION, S("户主"))->code, "01");
	assert_string_equal(code_find(CL_RELATION, S("之女"))->code, "04");
	assert_string_equal(code_find(CL_RELATION, S("女儿"))->code, "04");
	assert_string_equal(code_find(CL_RELATION, S("04"))->code, "04");
	assert_string_equal(code_find(CL_RELATION, S("4"))->code, "04");
	assert_string_equal(code_find(CL_RELATION, S("daughter"))->code, "04");
	assert_string_equal(code_find(CL_CAUSE, S("缺劳动力"))->code, "08");
	assert_string_equal(code_find(CL_CAUSE, S("99"))->code, "99");
	assert_string_equal(code_find(CL_ETHNICITY, S("满族"))->code, "11");
	assert_string_equal(code_find(CL_ETHNICITY, S("基诺族"))->code, "56");
	assert_string_equal(code_find(CL_STATUS, S("已脱贫（享受政策）"))->code, "exited_supported");
	assert_string_equal(code_find(CL_STATUS, S("已脱贫(不再享受政策)"))->code, "exited_unsupported");
	assert_string_equal(code_find(CL_EVENT, S("脱贫"))->code, "exit");
	assert_string_equal(code_find(CL_EVENT, S("policy_end"))->code, "policy_end");
	assert_string_equal(code_find(CL_SEX, S("男"))->code, "1");
	assert_null(code_find(CL_RELATION, S("邻居")));
	assert_null(code_find(CL_RELATION, S("")));
	assert_null(code_find(CL_RELATION, S("23")));
}

static void
full_width_brackets_and_spaces_fold(void **state)
{
	assert_string_equal(code_find(CL_WORK, S("乡（镇）内务工"))->code, "01");
	assert_string_equal(code_find(CL_WORK, S("乡(镇)内务工"))->code, "01");
	assert_string_equal(code_find(CL_WORK, S("　乡(镇)外县内务工 "))->code, "02");
}

static void
versions_of_the_household_attribute(void **state)
{
	const struct code *c = code_find(CL_ATTRIBUTE, S("五保贫困户"));
	assert_string_equal(c->code, "3");
	assert_string_equal(c->label, "特困供养贫困户");
	assert_false(code_in_version(c, 2014));
	assert_true(code_in_version(c, 2016));
	assert_true(code_in_version(c, 2019));
	assert_true(code_in_version(code_find(CL_ATTRIBUTE, S("低保户")), 2014));
	assert_false(code_in_version(code_find(CL_ATTRIBUTE, S("低保户")), 2019));
	assert_int_equal(code_version_for_date(20140101), 2014);
	assert_int_equal(code_version_for_date(20180501), 2016);
	assert_int_equal(code_version_for_date(20200101), 2019);
	assert_int_equal(code_version_for_date(20230101), 2021);
}

/* 户主变更: what each member becomes to the new head (member.c relation_to_new_head) */
static void
relations_follow_the_new_head(void **state)
{
	(void)state;
#define R(nh, nhs, hs, x, xs, only, v) relation_to_new_head(nh, nhs, hs, x, xs, only, v)
	/* the spouse made the head: the head becomes the spouse; his parents her parents-in-law (husband's), her
	 * own parents (his wife's) her father and mother; the children stay */
	assert_string_equal(R("02", "2", "1", NULL, "1", false, 2021), "02");
	assert_string_equal(R("02", "2", "1", "11", "1", false, 2021), "15");
	assert_string_equal(R("02", "2", "1", "12", "2", false, 2021), "16");
	assert_string_equal(R("02", "1", "2", "11", "1", false, 2021), "13");
	assert_string_equal(R("02", "2", "1", "14", "2", false, 2021), "12");
	assert_null(R("02", "2", "1", "03", "1", false, 2021));
	/* a son made the head: father, mother, his wife when she alone can be, a brother's wife otherwise, his
	 * children, his siblings (99 其他 before 2021's code list), grandparents by the head's side */
	assert_string_equal(R("03", "1", "1", NULL, "1", false, 2021), "11");
	assert_string_equal(R("03", "1", "2", NULL, "2", false, 2021), "12");
	assert_string_equal(R("03", "1", "1", "02", "2", false, 2021), "12");
	assert_string_equal(R("03", "1", "1", "05", "2", true, 2021), "02");
	assert_string_equal(R("03", "1", "1", "05", "2", false, 2021), "32");
	assert_string_equal(R("03", "1", "1", "05", "2", false, 2019), "99");
	assert_string_equal(R("03", "1", "1", "07", "1", false, 2021), "03");
	assert_string_equal(R("03", "1", "1", "08", "2", false, 2021), "04");
	assert_null(R("03", "1", "1", "09", "1", false, 2021));   /* a daughter's son: not his child */
	assert_string_equal(R("03", "1", "1", "04", "2", false, 2021), "31");
	assert_string_equal(R("03", "1", "1", "04", "2", false, 2016), "99");
	assert_string_equal(R("03", "1", "1", "11", "1", false, 2021), "17");
	assert_string_equal(R("03", "1", "2", "11", "1", false, 2021), "19");
	assert_string_equal(R("03", "1", "1", "14", "2", false, 2021), "20");
	/* a daughter made the head: her husband (the only son-in-law), her sister-in-law is not her spouse */
	assert_string_equal(R("04", "2", "1", "06", "1", true, 2021), "02");
	assert_null(R("04", "2", "1", "05", "2", true, 2021));
	assert_string_equal(R("04", "2", "1", "10", "2", false, 2021), "04");
	/* the head's father made the head: the head is his son; the rest have no rule */
	assert_string_equal(R("11", "1", "1", NULL, "1", false, 2021), "03");
	assert_null(R("11", "1", "1", "02", "2", false, 2021));
	/* no sex known: no guess for a relation that depends on it */
	assert_null(R("03", "1", "9", NULL, "9", false, 2021));
	/* a relation without a rule for the head there was: 其他 */
	assert_string_equal(R("99", "1", "1", NULL, "1", false, 2021), "99");
#undef R
}

static void
relation_sex_rules(void **state)
{
	assert_int_equal(relation_required_sex("03"), 1);   /* 之子 */
	assert_int_equal(relation_required_sex("05"), 2);   /* 之儿媳 */
	assert_int_equal(relation_required_sex("02"), 0);   /* 配偶 */
	assert_int_equal(relation_required_sex("01"), 0);
	assert_int_equal(relation_required_sex("36"), 1);   /* 之侄儿 */
	assert_int_equal(relation_required_sex("37"), 2);   /* 之侄女 */
}

static void
cells_parse_with_precise_problems(void **state)
{
	struct arena a;
	struct problems p;
	arena_init(&a);
	problems_init(&p, &a);
	int b;
	int64_t fen;
	char *causes;
	assert_true(parse_bool(S("是"), &b, &p, 2, "x"));
	assert_int_equal(b, 1);
	assert_true(parse_bool(S("0"), &b, &p, 2, "x"));
	assert_int_equal(b, 0);
	assert_false(parse_bool(S("可能"), &b, &p, 3, "是否享受低保"));
	assert_true(parse_money(S("2310.5"), &fen, &p, 2, "x"));
	assert_int_equal(fen, 231050);
	assert_false(parse_money(S("2310.505"), &fen, &p, 4, "人均纯收入"));
	assert_true(parse_causes(S("因病、缺技术"), &causes, &a, &p, 2, "x"));
	assert_string_equal(causes, "01,07");
	assert_false(parse_causes(S("因病,缺技术,因学"), &causes, &a, &p, 5, "其他致贫原因"));
	assert_int_equal(p.n_errors, 3);
	assert_int_equal(p.v[0].row, 3);
	assert_string_equal(p.v[0].column, "是否享受低保");
	assert_string_equal(p.v[0].value, "可能");
	assert_string_equal(p.v[0].code, "bad_yes_no");
	assert_string_equal(p.v[1].code, "bad_money");
	assert_string_equal(p.v[2].code, "too_many_causes");
	int ym;
	assert_true(parse_ym(S("2014-4"), &ym, NULL, 0, NULL));
	assert_int_equal(ym, 201404);
	assert_false(parse_ym(S("201413"), &ym, NULL, 0, NULL));
	arena_free(&a);
}

/* problems_sort: by row, and stable (the problems of one row in the order found), whatever runs of rows
 * they came in (a file read in slices of households finds its problems in one run a slice). */
static void
problems_sorted_stably(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	struct problems p;
	problems_init(&p, &a);
	/* three runs of rows, as three slices would give, each problem named by its row and its order */
	static const int rows[] = { 2, 5, 5, 9, 3, 5, 7, 2, 4, 9, 0 };
	char name[16];
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		snprintf(name, sizeof(name), "c%zu", i);
		problem_add(&p, false, rows[i], arena_strdup(&a, name), S(""), MSG_REQUIRED);
	}
	problems_sort(&p);
	char got[128] = "";
	for (size_t i = 0; i < p.n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%d:%s ", p.v[i].row, p.v[i].column);
	assert_string_equal(got, "0:c10 2:c0 2:c7 3:c4 4:c8 5:c1 5:c2 5:c5 7:c6 9:c3 9:c9 ");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labels_codes_and_aliases_map),
		cmocka_unit_test(full_width_brackets_and_spaces_fold),
		cmocka_unit_test(versions_of_the_household_attribute),
		cmocka_unit_test(relation_sex_rules),
		cmocka_unit_test(relations_follow_the_new_head),
		cmocka_unit_test(cells_parse_with_precise_problems),
		cmocka_unit_test(problems_sorted_stably),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
