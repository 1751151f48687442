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

/* 户主变更: what each member becomes to the new head (member.c relation_to_new_head). household: the relations
 * of its members, space-separated; the code version 2021 unless said. */
static const char *
rel_in(const char *nh, const char *nh_sex, const char *head_sex, const char *household, int version, const char *x,
    const char *x_sex)
{
	struct member m[32];
	size_t n = 0;
	static char codes[32][3];
	for (const char *p = household; *p && n < 32; p += p[2] ? 3 : 2) {
		snprintf(codes[n], sizeof(codes[n]), "%.2s", p);
		m[n] = (struct member){ .relation = codes[n] };
		n++;
	}
	struct head_change_ctx k = { .nh_rel = nh, .nh_sex = nh_sex, .head_sex = head_sex, .version = version };
	head_change_count(&k, m, n);
	return relation_to_new_head(&k, x, x_sex);
}
#define rel(nh, nhs, hs, hh, x, xs) rel_in(nh, nhs, hs, hh, 2021, x, xs)

static void
relations_follow_the_new_head(void **state)
{
	(void)state;
	/* the spouse made the head: the head becomes the spouse; his parents her parents-in-law (husband's), her
	 * own parents (his wife's) her father and mother; the children stay, his nephews too; his siblings and
	 * grandparents have no code */
	const char *couple = "01 02 03 11 12 14 31 36";
	assert_string_equal(rel("02", "2", "1", couple, NULL, "1"), "02");
	assert_string_equal(rel("02", "2", "1", couple, "11", "1"), "15");
	assert_string_equal(rel("02", "2", "1", couple, "12", "2"), "16");
	assert_string_equal(rel("02", "1", "2", couple, "11", "1"), "13");
	assert_string_equal(rel("02", "2", "1", couple, "14", "2"), "12");
	assert_string_equal(rel("02", "2", "1", couple, "03", "1"), "03");
	assert_string_equal(rel("02", "2", "1", couple, "36", "1"), "36");
	assert_string_equal(rel("02", "2", "1", couple, "31", "1"), "99");
	/* the only son made the head: father, mother, his wife (the only 之儿媳), his children, his sister's husband
	 * and children (no code), his sister (99 其他 in a code list before 2021's), grandparents by the head's
	 * side, the father's brother 之叔伯, the head's grandparents (no code) */
	const char *one = "01 02 03 05 07 08 04 06 09 11 31 17";
	assert_string_equal(rel("03", "1", "1", one, NULL, "1"), "11");
	assert_string_equal(rel("03", "1", "2", one, NULL, "2"), "12");
	assert_string_equal(rel("03", "1", "1", one, "02", "2"), "12");
	assert_string_equal(rel("03", "1", "1", one, "05", "2"), "02");
	assert_string_equal(rel("03", "1", "1", one, "07", "1"), "03");
	assert_string_equal(rel("03", "1", "1", one, "08", "2"), "04");
	assert_string_equal(rel("03", "1", "1", one, "06", "1"), "99");
	assert_string_equal(rel("03", "1", "1", one, "09", "1"), "99");
	assert_string_equal(rel("03", "1", "1", one, "04", "2"), "31");
	assert_string_equal(rel_in("03", "1", "1", one, 2016, "04", "2"), "99");
	assert_string_equal(rel("03", "1", "1", one, "11", "1"), "17");
	assert_string_equal(rel("03", "1", "2", one, "11", "1"), "19");
	assert_string_equal(rel("03", "1", "1", one, "14", "2"), "20");
	assert_string_equal(rel("03", "1", "1", one, "31", "1"), "35");
	assert_string_equal(rel("03", "1", "1", one, "31", "2"), "99");
	assert_string_equal(rel("03", "1", "1", one, "17", "1"), "99");
	/* one of two sons, or the only son beside two 之儿媳 (his wife and a brother's widow): whose wife and
	 * children they are, no rule says */
	assert_null(rel("03", "1", "1", "01 03 03 05 07", "05", "2"));
	assert_null(rel("03", "1", "1", "01 03 03 05 07", "07", "1"));
	assert_null(rel("03", "1", "1", "01 03 05 05 07", "05", "2"));
	assert_null(rel("03", "1", "1", "01 03 05 05 07", "07", "1"));
	/* a daughter made the head: her husband (the only 之女婿), her brother's wife and children, her children */
	const char *dau = "01 04 06 10 03 05 07 08";
	assert_string_equal(rel("04", "2", "1", dau, "06", "1"), "02");
	assert_string_equal(rel("04", "2", "1", dau, "05", "2"), "32");
	assert_string_equal(rel("04", "2", "1", dau, "07", "1"), "36");
	assert_string_equal(rel("04", "2", "1", dau, "08", "2"), "37");
	assert_string_equal(rel("04", "2", "1", dau, "10", "2"), "04");
	/* a household that took in a son-in-law (招婿): no son nor his wife, so the 之孙子 is the daughter's own */
	assert_null(rel("04", "2", "1", "01 02 04 06 07", "07", "1"));
	/* a widowed daughter-in-law made the head: her parents-in-law, her children (the only 之儿媳, one son at
	 * most); which son is her husband, no rule says */
	assert_string_equal(rel("05", "2", "1", "01 02 05 07 08", "02", "2"), "16");
	assert_string_equal(rel("05", "2", "1", "01 02 05 07 08", "07", "1"), "03");
	assert_null(rel("05", "2", "1", "01 02 05 03 07", "03", "1"));
	/* a son-in-law who married in made the head: the head's wife his mother-in-law */
	assert_string_equal(rel("06", "1", "1", "01 02 04 06 09", "02", "2"), "14");
	assert_string_equal(rel("06", "1", "1", "01 02 04 06 09", "09", "1"), "03");
	/* a grandson made the head: the head's wife his grandmother, his parents and sister (one son's line) */
	assert_string_equal(rel("07", "1", "1", "01 02 03 05 07 08", "02", "2"), "18");
	assert_string_equal(rel("07", "1", "1", "01 02 03 05 07 08", "03", "1"), "11");
	assert_string_equal(rel("07", "1", "1", "01 02 03 05 07 08", "05", "2"), "12");
	assert_string_equal(rel("07", "1", "1", "01 02 03 05 07 08", "08", "2"), "31");
	assert_null(rel("07", "1", "1", "01 03 03 07 08", "08", "2"));
	/* the head there was, whoever is made the head: the inverse */
	assert_string_equal(rel("11", "1", "1", "01 11", NULL, "1"), "03");
	assert_string_equal(rel("17", "1", "2", "01 17", NULL, "2"), "08");
	assert_string_equal(rel("15", "1", "2", "01 15", NULL, "2"), "05");
	assert_string_equal(rel("35", "1", "1", "01 35", NULL, "1"), "36");
	assert_null(rel("11", "1", "1", "01 02 11", "02", "2"));
	/* no sex known: no guess for a relation that depends on it */
	assert_null(rel("03", "1", "9", "01 03", NULL, "9"));
	/* a relation without a rule for the head there was: the clerk chooses */
	assert_null(rel("99", "1", "1", "01 99", NULL, "1"));
}
#undef rel

static void
relation_sex_rules(void **state)
{
	assert_int_equal(relation_required_sex("03"), 1);   /* 之子 */
	assert_int_equal(relation_required_sex("05"), 2);   /* 之儿媳 */
	assert_int_equal(relation_required_sex("02"), 0);   /* 配偶 */
	assert_int_equal(relation_required_sex("01"), 0);
	assert_int_equal(relation_required_sex("36"), 1);   /* 之侄儿 */
	assert_int_equal(relation_required_sex("37"), 2);   /* 之侄女 */
	/* the one test every layer asks: the sex wanted when the given one does not fit */
	assert_string_equal(relation_sex_unfit("03", "2"), "1");
	assert_string_equal(relation_sex_unfit("12", "1"), "2");
	assert_string_equal(relation_sex_unfit("12", "9"), "2");
	assert_null(relation_sex_unfit("12", "2"));
	assert_null(relation_sex_unfit("02", "1"));
	assert_null(relation_sex_unfit("31", "2"));
	assert_null(relation_sex_unfit("03", NULL));
	assert_null(relation_sex_unfit(NULL, "1"));
	/* the relations one member of a household holds: the spouse, parents, parents-in-law, grandparents */
	const char *once[] = { "02", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20" };
	const char *several[] = { "01", "03", "04", "05", "06", "07", "08", "09", "10", "31", "32", "33", "34", "35", "36",
		"37", "99", "1", "111", "" };
	for (size_t i = 0; i < sizeof(once) / sizeof(*once); i++)
		assert_true(relation_once(once[i]));
	for (size_t i = 0; i < sizeof(several) / sizeof(*several); i++)
		assert_false(relation_once(several[i]));
	assert_false(relation_once(NULL));
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
