/* table_defs.c: the standard statistics tables of DOMAIN.md §9.1, as data (tables.h). To add a table, add a
 * column array and a row of defs[]: nothing else changes (the engine, the four renderers, the CLI, the API and
 * the reports page read these). Ages are whole years on the as-of date, bands are [from, to); income bands are
 * 元 of 人均纯收入 (stored in fen). Columns the registry has no data for (现役军人, 党员, 住房, 道路) are left out. */
#include "domain/tables.h"

#include "lib/util.h"

#define F(f, op, c) { f, op, c, 0, 0 }
#define EQ(f, c) { f, TOP_EQ, c, 0, 0 }
#define ONE_OF(f, c) { f, TOP_IN, c, 0, 0 }
#define NUM(f, v) { f, TOP_EQ, NULL, v, 0 }
#define RANGE(f, lo, hi) { f, TOP_RANGE, NULL, lo, hi }
#define YUAN(y) ((int64_t)(y) * 100)
#define HH(k, z, e, ...) { .key = k, .zh = z, .en = e, .kind = TK_HOUSEHOLDS, .unit = TU_HOUSEHOLDS, .where = { __VA_ARGS__ } }
#define PP(k, z, e, ...) { .key = k, .zh = z, .en = e, .kind = TK_PERSONS, .unit = TU_PERSONS, .where = { __VA_ARGS__ } }
#define GHH(gz, ge, k, z, e, ...) { .key = k, .zh = z, .en = e, .group_zh = gz, .group_en = ge, .kind = TK_HOUSEHOLDS, .unit = TU_HOUSEHOLDS, .where = { __VA_ARGS__ } }
#define GPP(gz, ge, k, z, e, ...) { .key = k, .zh = z, .en = e, .group_zh = gz, .group_en = ge, .kind = TK_PERSONS, .unit = TU_PERSONS, .where = { __VA_ARGS__ } }
#define SHARE(gz, ge, k, col, of) { .key = k, .zh = "占比（%）", .en = "share (%)", .group_zh = gz, .group_en = ge, .kind = TK_RATIO, .unit = TU_PERCENT, .a = col, .b = of, .scale = 100, .decimals = 2 }
#define SUM(k, field, ...) { .key = k, .zh = k, .en = k, .kind = TK_SUM, .unit = TU_YUAN, .sum = field, .where = { __VA_ARGS__ }, .hidden = true }
#define AVG(gz, ge, k, z, e, sumcol, ofcol) { .key = k, .zh = z, .en = e, .group_zh = gz, .group_en = ge, .kind = TK_RATIO, .unit = TU_YUAN, .a = sumcol, .b = ofcol, .scale = 0.01, .decimals = 2 }
#define N(a) a, NELEM(a)

static const struct tcol t1_0[] = {
	PP("persons", "人数", "persons"),
	PP("female", "女性人数", "women", EQ(TF_SEX, "2")),
	PP("minority", "少数民族人数", "ethnic minorities", F(TF_ETHNICITY, TOP_NE, "01")),
	PP("ins_medical", "新农合参保人数", "in rural medical insurance", NUM(TF_INS_MEDICAL, 1)),
	PP("ins_serious", "大病保险参保人数", "in serious-illness insurance", NUM(TF_INS_SERIOUS, 1)),
	PP("ins_pension", "新农保参保人数", "in rural pension insurance", NUM(TF_INS_PENSION, 1)),
	PP("disabled", "残疾人数", "disabled", EQ(TF_HEALTH, "04")),
	PP("dibao", "享受低保人数", "on minimum living allowance", NUM(TF_DIBAO, 1)),
	PP("tekun", "特困供养人数", "under destitute support", NUM(TF_TEKUN, 1)),
};
static const struct tcol t1_1[] = {
	PP("total", "人数", "persons"),
	GPP("16岁以下", "under 16", "under16", "人数", "persons", RANGE(TF_AGE, 0, 16)),
	SHARE("16岁以下", "under 16", "under16_share", 1, 0),
	GPP("16-29岁", "16-29", "16_29", "人数", "persons", RANGE(TF_AGE, 16, 30)),
	SHARE("16-29岁", "16-29", "16_29_share", 3, 0),
	GPP("30-39岁", "30-39", "30_39", "人数", "persons", RANGE(TF_AGE, 30, 40)),
	SHARE("30-39岁", "30-39", "30_39_share", 5, 0),
	GPP("40-49岁", "40-49", "40_49", "人数", "persons", RANGE(TF_AGE, 40, 50)),
	SHARE("40-49岁", "40-49", "40_49_share", 7, 0),
	GPP("50-59岁", "50-59", "50_59", "人数", "persons", RANGE(TF_AGE, 50, 60)),
	SHARE("50-59岁", "50-59", "50_59_share", 9, 0),
	GPP("60岁及以上", "60 and over", "60_up", "人数", "persons", RANGE(TF_AGE, 60, T_NOLIMIT)),
	SHARE("60岁及以上", "60 and over", "60_up_share", 11, 0),
};
static const struct tcol t1_2[] = {
	PP("total", "人数", "persons"),
	GPP("健康", "healthy", "healthy", "人数", "persons", EQ(TF_HEALTH, "01")),
	SHARE("健康", "healthy", "healthy_share", 1, 0),
	GPP("长期慢性病", "chronic illness", "chronic", "人数", "persons", EQ(TF_HEALTH, "02")),
	SHARE("长期慢性病", "chronic illness", "chronic_share", 3, 0),
	GPP("大病", "serious illness", "serious", "人数", "persons", EQ(TF_HEALTH, "03")),
	SHARE("大病", "serious illness", "serious_share", 5, 0),
	GPP("残疾", "disabled", "disabled", "人数", "persons", EQ(TF_HEALTH, "04")),
	SHARE("残疾", "disabled", "disabled_share", 7, 0),
};
static const struct tcol t1_3[] = {
	PP("total", "人数", "persons"),
	GPP("学龄前儿童", "pre-school", "preschool", "人数", "persons", EQ(TF_EDUCATION, "06")),
	SHARE("学龄前儿童", "pre-school", "preschool_share", 1, 0),
	GPP("文盲半文盲", "illiterate", "illiterate", "人数", "persons", EQ(TF_EDUCATION, "01")),
	SHARE("文盲半文盲", "illiterate", "illiterate_share", 3, 0),
	GPP("小学", "primary", "primary", "人数", "persons", EQ(TF_EDUCATION, "02")),
	SHARE("小学", "primary", "primary_share", 5, 0),
	GPP("初中", "junior secondary", "junior", "人数", "persons", EQ(TF_EDUCATION, "03")),
	SHARE("初中", "junior secondary", "junior_share", 7, 0),
	GPP("高中", "senior secondary", "senior", "人数", "persons", EQ(TF_EDUCATION, "04")),
	SHARE("高中", "senior secondary", "senior_share", 9, 0),
	GPP("大专及以上", "college or above", "college", "人数", "persons", EQ(TF_EDUCATION, "05")),
	SHARE("大专及以上", "college or above", "college_share", 11, 0),
};
static const struct tcol t1_4[] = {
	PP("total", "人数", "persons"),
	GPP("普通劳动力", "ordinary", "normal", "人数", "persons", EQ(TF_LABOR, "01")),
	SHARE("普通劳动力", "ordinary", "normal_share", 1, 0),
	GPP("技能劳动力", "skilled", "skilled", "人数", "persons", EQ(TF_LABOR, "02")),
	SHARE("技能劳动力", "skilled", "skilled_share", 3, 0),
	GPP("弱劳动力或半劳动力", "weak or half", "weak", "人数", "persons", EQ(TF_LABOR, "05")),
	SHARE("弱劳动力或半劳动力", "weak or half", "weak_share", 5, 0),
	GPP("丧失劳动力", "lost", "lost", "人数", "persons", EQ(TF_LABOR, "03")),
	SHARE("丧失劳动力", "lost", "lost_share", 7, 0),
	GPP("无劳动力", "none", "none", "人数", "persons", EQ(TF_LABOR, "04")),
	SHARE("无劳动力", "none", "none_share", 9, 0),
};
static const struct tcol t1_5[] = {
	PP("total", "人数", "persons"),
	GPP("乡（镇）内务工", "in the town", "town", "人数", "persons", EQ(TF_WORK, "01")),
	SHARE("乡（镇）内务工", "in the town", "town_share", 1, 0),
	GPP("乡（镇）外县内务工", "in the county", "county", "人数", "persons", EQ(TF_WORK, "02")),
	SHARE("乡（镇）外县内务工", "in the county", "county_share", 3, 0),
	GPP("县外省内务工", "in the province", "province", "人数", "persons", EQ(TF_WORK, "03")),
	SHARE("县外省内务工", "in the province", "province_share", 5, 0),
	GPP("省外务工", "outside the province", "outside", "人数", "persons", EQ(TF_WORK, "04")),
	SHARE("省外务工", "outside the province", "outside_share", 7, 0),
	GPP("其他", "other", "other", "人数", "persons", EQ(TF_WORK, "99")),
	SHARE("其他", "other", "other_share", 9, 0),
};
static const struct tcol t1_6[] = {
	PP("total", "务工人数", "working persons", RANGE(TF_WORK_MONTHS, 1, 13)),
	PP("m1", "1个月", "1 months", NUM(TF_WORK_MONTHS, 1)),
	PP("m2", "2个月", "2 months", NUM(TF_WORK_MONTHS, 2)),
	PP("m3", "3个月", "3 months", NUM(TF_WORK_MONTHS, 3)),
	PP("m4", "4个月", "4 months", NUM(TF_WORK_MONTHS, 4)),
	PP("m5", "5个月", "5 months", NUM(TF_WORK_MONTHS, 5)),
	PP("m6", "6个月", "6 months", NUM(TF_WORK_MONTHS, 6)),
	PP("m7", "7个月", "7 months", NUM(TF_WORK_MONTHS, 7)),
	PP("m8", "8个月", "8 months", NUM(TF_WORK_MONTHS, 8)),
	PP("m9", "9个月", "9 months", NUM(TF_WORK_MONTHS, 9)),
	PP("m10", "10个月", "10 months", NUM(TF_WORK_MONTHS, 10)),
	PP("m11", "11个月", "11 months", NUM(TF_WORK_MONTHS, 11)),
	PP("m12", "12个月", "12 months", NUM(TF_WORK_MONTHS, 12)),
};
static const struct tcol t1_7[] = {
	PP("total", "人数", "persons"),
	/* a member not in school has 非在校生 or, as the registry keeps most, no 在校生状况 beside a 文化程度 (the
	 * column counted only the code, 0 in the demo, and left 12,375 of 13,742 persons in no column) */
	PP("s01", "非在校生", "not in school", F(TF_SCHOOLING, TOP_EMPTY_OR_EQ, "01")),
	PP("s02", "学前教育", "pre-school", EQ(TF_SCHOOLING, "02")),
	PP("s03", "小学", "primary", EQ(TF_SCHOOLING, "03")),
	PP("s04", "七年级", "grade 7", EQ(TF_SCHOOLING, "04")),
	PP("s05", "八年级", "grade 8", EQ(TF_SCHOOLING, "05")),
	PP("s06", "九年级", "grade 9", EQ(TF_SCHOOLING, "06")),
	PP("s07", "高中一年级", "senior 1", EQ(TF_SCHOOLING, "07")),
	PP("s08", "高中二年级", "senior 2", EQ(TF_SCHOOLING, "08")),
	PP("s09", "高中三年级", "senior 3", EQ(TF_SCHOOLING, "09")),
	PP("s10", "中职一年级", "vocational 1", EQ(TF_SCHOOLING, "10")),
	PP("s11", "中职二年级", "vocational 2", EQ(TF_SCHOOLING, "11")),
	PP("s12", "中职三年级", "vocational 3", EQ(TF_SCHOOLING, "12")),
	PP("s13", "高职一年级", "higher vocational 1", EQ(TF_SCHOOLING, "13")),
	PP("s14", "高职二年级", "higher vocational 2", EQ(TF_SCHOOLING, "14")),
	PP("s15", "高职三年级", "higher vocational 3", EQ(TF_SCHOOLING, "15")),
	PP("s16", "大专及以上", "college or above", EQ(TF_SCHOOLING, "16")),
};
static const struct tcol t1_8[] = {
	PP("total", "人数", "persons"),
	PP("general", "一般贫困户人数", "ordinary", EQ(TF_ATTRIBUTE, "1")),
	PP("dibao", "低保贫困户人数", "minimum allowance", ONE_OF(TF_ATTRIBUTE, "2,4")),
	PP("tekun", "五保（特困供养）贫困户人数", "destitute support", ONE_OF(TF_ATTRIBUTE, "3,5")),
};
static const struct tcol t1_9[] = {
	PP("total", "人数", "persons"),
	GPP("3-5岁", "3-5", "3_5", "人数", "persons", RANGE(TF_AGE, 3, 6)),
	SHARE("3-5岁", "3-5", "3_5_share", 1, 0),
	GPP("6-14岁", "6-14", "6_14", "人数", "persons", RANGE(TF_AGE, 6, 15)),
	SHARE("6-14岁", "6-14", "6_14_share", 3, 0),
	GPP("15-17岁", "15-17", "15_17", "人数", "persons", RANGE(TF_AGE, 15, 18)),
	SHARE("15-17岁", "15-17", "15_17_share", 5, 0),
	GPP("18-21岁", "18-21", "18_21", "人数", "persons", RANGE(TF_AGE, 18, 22)),
	SHARE("18-21岁", "18-21", "18_21_share", 7, 0),
	GPP("22-59岁", "22-59", "22_59", "人数", "persons", RANGE(TF_AGE, 22, 60)),
	SHARE("22-59岁", "22-59", "22_59_share", 9, 0),
	GPP("60岁及以上", "60 and over", "60_up", "人数", "persons", RANGE(TF_AGE, 60, T_NOLIMIT)),
	SHARE("60岁及以上", "60 and over", "60_up_share", 11, 0),
};
static const struct tcol t1_10[] = {
	HH("households", "贫困户数", "poor households"),
	PP("persons", "贫困人口数", "poor persons"),
	{ .key = "villages", .zh = "行政村总数", .en = "villages", .group_zh = "行政村", .group_en = "villages", .kind = TK_VILLAGES, .unit = TU_VILLAGES },
	{ .key = "villages_with_poor", .zh = "有贫困人口的村数", .en = "with poor persons", .group_zh = "行政村", .group_en = "villages", .kind = TK_VILLAGES_WITH, .unit = TU_VILLAGES, .a = 1 },
	SHARE("行政村", "villages", "villages_with_poor_share", 3, 2),
};
static const struct tcol t2_1[] = {
	HH("households", "户数", "households"),
	PP("persons", "人数", "persons"),
	GHH("一般贫困户", "ordinary", "general_h", "户数", "households", EQ(TF_ATTRIBUTE, "1")),
	GPP("一般贫困户", "ordinary", "general_p", "人数", "persons", EQ(TF_ATTRIBUTE, "1")),
	GHH("低保贫困户", "minimum allowance", "dibao_h", "户数", "households", ONE_OF(TF_ATTRIBUTE, "2,4")),
	GPP("低保贫困户", "minimum allowance", "dibao_p", "人数", "persons", ONE_OF(TF_ATTRIBUTE, "2,4")),
	GHH("五保（特困供养）贫困户", "destitute support", "tekun_h", "户数", "households", ONE_OF(TF_ATTRIBUTE, "3,5")),
	GPP("五保（特困供养）贫困户", "destitute support", "tekun_p", "人数", "persons", ONE_OF(TF_ATTRIBUTE, "3,5")),
};
static const struct tcol t2_2[] = {
	GHH("工资性收入", "wages", "wage_h", "户数", "households", RANGE(TF_WAGE, 1, T_NOLIMIT)),
	SUM("wage_sum", TF_WAGE, RANGE(TF_WAGE, 1, T_NOLIMIT)),
	AVG("工资性收入", "wages", "wage_avg", "户均（元）", "per household (yuan)", 1, 0),
	GHH("财产性收入", "property income", "property_h", "户数", "households", RANGE(TF_PROPERTY, 1, T_NOLIMIT)),
	SUM("property_sum", TF_PROPERTY, RANGE(TF_PROPERTY, 1, T_NOLIMIT)),
	AVG("财产性收入", "property income", "property_avg", "户均（元）", "per household (yuan)", 4, 3),
	GHH("生产经营性收入", "business income", "business_h", "户数", "households", RANGE(TF_BUSINESS, 1, T_NOLIMIT)),
	SUM("business_sum", TF_BUSINESS, RANGE(TF_BUSINESS, 1, T_NOLIMIT)),
	AVG("生产经营性收入", "business income", "business_avg", "户均（元）", "per household (yuan)", 7, 6),
	GHH("转移性收入", "transfers", "transfer_h", "户数", "households", RANGE(TF_TRANSFER, 1, T_NOLIMIT)),
	SUM("transfer_sum", TF_TRANSFER, RANGE(TF_TRANSFER, 1, T_NOLIMIT)),
	AVG("转移性收入", "transfers", "transfer_avg", "户均（元）", "per household (yuan)", 10, 9),
	GHH("生产经营性支出", "business costs", "cost_h", "户数", "households", RANGE(TF_COST, 1, T_NOLIMIT)),
	SUM("cost_sum", TF_COST, RANGE(TF_COST, 1, T_NOLIMIT)),
	AVG("生产经营性支出", "business costs", "cost_avg", "户均（元）", "per household (yuan)", 13, 12),
	GHH("纯收入", "net income", "net_h", "户数", "households", NUM(TF_INCOME_KNOWN, 1)),
	SUM("net_sum", TF_NET, NUM(TF_INCOME_KNOWN, 1)),
	AVG("纯收入", "net income", "net_avg", "户均（元）", "per household (yuan)", 16, 15),
};
static const struct tcol t2_4[] = {
	HH("total", "户数", "households"),
	GHH("因病", "illness", "c01", "户数", "households", EQ(TF_CAUSE_MAIN, "01")),
	SHARE("因病", "illness", "c01_share", 1, 0),
	GHH("因残", "disability", "c02", "户数", "households", EQ(TF_CAUSE_MAIN, "02")),
	SHARE("因残", "disability", "c02_share", 3, 0),
	GHH("因学", "schooling", "c03", "户数", "households", EQ(TF_CAUSE_MAIN, "03")),
	SHARE("因学", "schooling", "c03_share", 5, 0),
	GHH("因灾", "disaster", "c04", "户数", "households", EQ(TF_CAUSE_MAIN, "04")),
	SHARE("因灾", "disaster", "c04_share", 7, 0),
	GHH("缺土地", "lack of land", "c05", "户数", "households", EQ(TF_CAUSE_MAIN, "05")),
	SHARE("缺土地", "lack of land", "c05_share", 9, 0),
	GHH("缺水", "lack of water", "c06", "户数", "households", EQ(TF_CAUSE_MAIN, "06")),
	SHARE("缺水", "lack of water", "c06_share", 11, 0),
	GHH("缺技术", "lack of skills", "c07", "户数", "households", EQ(TF_CAUSE_MAIN, "07")),
	SHARE("缺技术", "lack of skills", "c07_share", 13, 0),
	GHH("缺劳力", "lack of labour", "c08", "户数", "households", EQ(TF_CAUSE_MAIN, "08")),
	SHARE("缺劳力", "lack of labour", "c08_share", 15, 0),
	GHH("缺资金", "lack of funds", "c09", "户数", "households", EQ(TF_CAUSE_MAIN, "09")),
	SHARE("缺资金", "lack of funds", "c09_share", 17, 0),
	GHH("交通条件落后", "poor transport", "c10", "户数", "households", EQ(TF_CAUSE_MAIN, "10")),
	SHARE("交通条件落后", "poor transport", "c10_share", 19, 0),
	GHH("自身发展动力不足", "lack of drive", "c11", "户数", "households", EQ(TF_CAUSE_MAIN, "11")),
	SHARE("自身发展动力不足", "lack of drive", "c11_share", 21, 0),
	GHH("其他", "other", "c99", "户数", "households", EQ(TF_CAUSE_MAIN, "99")),
	SHARE("其他", "other", "c99_share", 23, 0),
};
static const struct tcol t2_5[] = {
	HH("total", "户数", "households"),
	HH("c01", "因病", "illness", F(TF_CAUSE_OTHER, TOP_HAS, "01")),
	HH("c02", "因残", "disability", F(TF_CAUSE_OTHER, TOP_HAS, "02")),
	HH("c03", "因学", "schooling", F(TF_CAUSE_OTHER, TOP_HAS, "03")),
	HH("c04", "因灾", "disaster", F(TF_CAUSE_OTHER, TOP_HAS, "04")),
	HH("c05", "缺土地", "lack of land", F(TF_CAUSE_OTHER, TOP_HAS, "05")),
	HH("c06", "缺水", "lack of water", F(TF_CAUSE_OTHER, TOP_HAS, "06")),
	HH("c07", "缺技术", "lack of skills", F(TF_CAUSE_OTHER, TOP_HAS, "07")),
	HH("c08", "缺劳力", "lack of labour", F(TF_CAUSE_OTHER, TOP_HAS, "08")),
	HH("c09", "缺资金", "lack of funds", F(TF_CAUSE_OTHER, TOP_HAS, "09")),
	HH("c10", "交通条件落后", "poor transport", F(TF_CAUSE_OTHER, TOP_HAS, "10")),
	HH("c11", "自身发展动力不足", "lack of drive", F(TF_CAUSE_OTHER, TOP_HAS, "11")),
	HH("c12", "因婚", "marriage", F(TF_CAUSE_OTHER, TOP_HAS, "12")),
	HH("c13", "因丧", "funeral", F(TF_CAUSE_OTHER, TOP_HAS, "13")),
	HH("c99", "其他", "other", F(TF_CAUSE_OTHER, TOP_HAS, "99")),
};
static const struct tcol t2_9[] = {
	HH("total", "户数", "households"),
	GHH("500元以下", "under 500", "lt500", "户数", "households", RANGE(TF_NET_PC, INT64_MIN + 1, YUAN(500))),
	GHH("500-1000元", "500-1000", "500_1000", "户数", "households", RANGE(TF_NET_PC, YUAN(500), YUAN(1000))),
	GHH("1000-1500元", "1000-1500", "1000_1500", "户数", "households", RANGE(TF_NET_PC, YUAN(1000), YUAN(1500))),
	GHH("1500-2000元", "1500-2000", "1500_2000", "户数", "households", RANGE(TF_NET_PC, YUAN(1500), YUAN(2000))),
	GHH("2000-2500元", "2000-2500", "2000_2500", "户数", "households", RANGE(TF_NET_PC, YUAN(2000), YUAN(2500))),
	GHH("2500-2800元", "2500-2800", "2500_2800", "户数", "households", RANGE(TF_NET_PC, YUAN(2500), YUAN(2800))),
	GHH("2800元及以上", "2800 and over", "2800_up", "户数", "households", RANGE(TF_NET_PC, YUAN(2800), T_NOLIMIT)),
	HH("unknown", "未调查", "no survey", NUM(TF_INCOME_KNOWN, 0)),
};
static const struct tcol t2_12[] = {
	HH("households", "户数", "households", NUM(TF_INCOME_KNOWN, 1)),
	PP("persons", "人数", "persons", NUM(TF_INCOME_KNOWN, 1)),
	SUM("total_sum", TF_TOTAL_INCOME, NUM(TF_INCOME_KNOWN, 1)),
	SUM("business_sum", TF_BUSINESS, NUM(TF_INCOME_KNOWN, 1)),
	SUM("wage_sum", TF_WAGE, NUM(TF_INCOME_KNOWN, 1)),
	SUM("property_sum", TF_PROPERTY, NUM(TF_INCOME_KNOWN, 1)),
	SUM("transfer_sum", TF_TRANSFER, NUM(TF_INCOME_KNOWN, 1)),
	SUM("cost_sum", TF_COST, NUM(TF_INCOME_KNOWN, 1)),
	SUM("net_sum", TF_NET, NUM(TF_INCOME_KNOWN, 1)),
	AVG("户均（元）", "per household (yuan)", "total_avg", "年收入", "income", 2, 0),
	AVG("户均（元）", "per household (yuan)", "business_avg", "生产经营性收入", "business", 3, 0),
	AVG("户均（元）", "per household (yuan)", "wage_avg", "务工（工资性）收入", "wages", 4, 0),
	AVG("户均（元）", "per household (yuan)", "property_avg", "财产性收入", "property", 5, 0),
	AVG("户均（元）", "per household (yuan)", "transfer_avg", "转移性收入", "transfers", 6, 0),
	AVG("户均（元）", "per household (yuan)", "cost_avg", "生产经营性支出", "business costs", 7, 0),
	AVG("户均（元）", "per household (yuan)", "net_avg", "纯收入", "net income", 8, 0),
	{ .key = "net_pc", .zh = "人均纯收入（元）", .en = "net income per person (yuan)", .kind = TK_RATIO, .unit = TU_YUAN, .a = 8, .b = 1, .scale = 0.01, .decimals = 2 },
};
static const struct tcol t2_14[] = {
	HH("total", "户数", "households"),
	GHH("1人户", "1 persons", "s1", "户数", "households", NUM(TF_SIZE, 1)),
	SHARE("1人户", "1 persons", "s1_share", 1, 0),
	GHH("2人户", "2 persons", "s2", "户数", "households", NUM(TF_SIZE, 2)),
	SHARE("2人户", "2 persons", "s2_share", 3, 0),
	GHH("3人户", "3 persons", "s3", "户数", "households", NUM(TF_SIZE, 3)),
	SHARE("3人户", "3 persons", "s3_share", 5, 0),
	GHH("4人户", "4 persons", "s4", "户数", "households", NUM(TF_SIZE, 4)),
	SHARE("4人户", "4 persons", "s4_share", 7, 0),
	GHH("5人户", "5 persons", "s5", "户数", "households", NUM(TF_SIZE, 5)),
	SHARE("5人户", "5 persons", "s5_share", 9, 0),
	GHH("6人及以上户", "6 or more", "s6_up", "户数", "households", RANGE(TF_SIZE, 6, T_NOLIMIT)),
	SHARE("6人及以上户", "6 or more", "s6_up_share", 11, 0),
};
static const struct tcol t22[] = {
	{ .key = "villages", .zh = "行政村数", .en = "villages", .kind = TK_VILLAGES, .unit = TU_VILLAGES },
	{ .key = "poor_villages", .zh = "贫困村数", .en = "poor villages", .kind = TK_VILLAGES, .unit = TU_VILLAGES, .where = { NUM(TF_POOR_VILLAGE, 1) } },
	{ .key = "other_villages", .zh = "非贫困村数", .en = "other villages", .kind = TK_DIFF, .unit = TU_VILLAGES, .a = 0, .b = 1 },
};
static const struct tcol t23[] = {
	HH("households", "户数", "households"),
	PP("persons", "人数", "persons"),
	GHH("贫困村", "poor villages", "poor_village_h", "户数", "households", NUM(TF_POOR_VILLAGE, 1)),
	GPP("贫困村", "poor villages", "poor_village_p", "人数", "persons", NUM(TF_POOR_VILLAGE, 1)),
	GHH("非贫困村", "other villages", "other_village_h", "户数", "households", NUM(TF_POOR_VILLAGE, 0)),
	GPP("非贫困村", "other villages", "other_village_p", "人数", "persons", NUM(TF_POOR_VILLAGE, 0)),
};
static const struct tcol t24[] = {
	PP("poor_persons", "现有贫困人口", "currently poor persons"),
	{ .key = "rural_pop", .zh = "乡村人口", .en = "rural population", .kind = TK_RURAL_POP, .unit = TU_PERSONS },
	{ .key = "incidence", .zh = "贫困发生率（%）", .en = "poverty incidence (%)", .kind = TK_RATIO, .unit = TU_PERCENT, .a = 0, .b = 1, .scale = 100, .decimals = 2 },
};
static const struct tcol t0[] = {
	GHH("建档立卡", "registered", "registered_h", "户数", "households", NUM(TF_GROUP, G_REGISTERED)),
	GPP("建档立卡", "registered", "registered_p", "人数", "persons", NUM(TF_GROUP, G_REGISTERED)),
	GHH("现有贫困", "currently poor", "current_poor_h", "户数", "households", NUM(TF_GROUP, G_CURRENT_POOR)),
	GPP("现有贫困", "currently poor", "current_poor_p", "人数", "persons", NUM(TF_GROUP, G_CURRENT_POOR)),
	GHH("未脱贫", "not exited", "poor_h", "户数", "households", NUM(TF_GROUP, G_POOR)),
	GPP("未脱贫", "not exited", "poor_p", "人数", "persons", NUM(TF_GROUP, G_POOR)),
	GHH("返贫", "returned", "returned_h", "户数", "households", NUM(TF_GROUP, G_RETURNED)),
	GPP("返贫", "returned", "returned_p", "人数", "persons", NUM(TF_GROUP, G_RETURNED)),
	GHH("已脱贫", "exited", "exited_h", "户数", "households", NUM(TF_GROUP, G_EXITED)),
	GPP("已脱贫", "exited", "exited_p", "人数", "persons", NUM(TF_GROUP, G_EXITED)),
	GHH("已脱贫享受政策", "exited, policy continues", "exited_supported_h", "户数", "households", NUM(TF_GROUP, G_EXITED_SUPPORTED)),
	GPP("已脱贫享受政策", "exited, policy continues", "exited_supported_p", "人数", "persons", NUM(TF_GROUP, G_EXITED_SUPPORTED)),
	GHH("已脱贫不享受政策", "exited, policy ended", "exited_unsupported_h", "户数", "households", NUM(TF_GROUP, G_EXITED_UNSUPPORTED)),
	GPP("已脱贫不享受政策", "exited, policy ended", "exited_unsupported_p", "人数", "persons", NUM(TF_GROUP, G_EXITED_UNSUPPORTED)),
	GHH("已剔除", "removed", "removed_h", "户数", "households", NUM(TF_GROUP, G_REMOVED)),
	GPP("已剔除", "removed", "removed_p", "人数", "persons", NUM(TF_GROUP, G_REMOVED)),
	GHH("已销户", "cancelled", "cancelled_h", "户数", "households", NUM(TF_GROUP, G_CANCELLED)),
	GPP("已销户", "cancelled", "cancelled_p", "人数", "persons", NUM(TF_GROUP, G_CANCELLED)),
};
static const struct tcol t0_cause[] = {
	GHH("建档立卡", "registered", "registered_h", "户数", "households", NUM(TF_GROUP, G_REGISTERED)),
	GPP("建档立卡", "registered", "registered_p", "人数", "persons", NUM(TF_GROUP, G_REGISTERED)),
	GHH("现有贫困", "currently poor", "current_poor_h", "户数", "households", NUM(TF_GROUP, G_CURRENT_POOR)),
	GPP("现有贫困", "currently poor", "current_poor_p", "人数", "persons", NUM(TF_GROUP, G_CURRENT_POOR)),
	GHH("已脱贫", "exited", "exited_h", "户数", "households", NUM(TF_GROUP, G_EXITED)),
	GPP("已脱贫", "exited", "exited_p", "人数", "persons", NUM(TF_GROUP, G_EXITED)),
};
static const struct tband b_cause[] = {
	{ "01", "因病", "illness", EQ(TF_CAUSE_MAIN, "01") },
	{ "02", "因残", "disability", EQ(TF_CAUSE_MAIN, "02") },
	{ "03", "因学", "schooling", EQ(TF_CAUSE_MAIN, "03") },
	{ "04", "因灾", "disaster", EQ(TF_CAUSE_MAIN, "04") },
	{ "05", "缺土地", "lack of land", EQ(TF_CAUSE_MAIN, "05") },
	{ "06", "缺水", "lack of water", EQ(TF_CAUSE_MAIN, "06") },
	{ "07", "缺技术", "lack of skills", EQ(TF_CAUSE_MAIN, "07") },
	{ "08", "缺劳力", "lack of labour", EQ(TF_CAUSE_MAIN, "08") },
	{ "09", "缺资金", "lack of funds", EQ(TF_CAUSE_MAIN, "09") },
	{ "10", "交通条件落后", "poor transport", EQ(TF_CAUSE_MAIN, "10") },
	{ "11", "自身发展动力不足", "lack of drive", EQ(TF_CAUSE_MAIN, "11") },
	{ "12", "因婚", "marriage", EQ(TF_CAUSE_MAIN, "12") },
	{ "13", "因丧", "funeral", EQ(TF_CAUSE_MAIN, "13") },
	{ "99", "其他", "other", EQ(TF_CAUSE_MAIN, "99") },
	{ "", "未填写", "not given", F(TF_CAUSE_MAIN, TOP_EMPTY, NULL) },
};

/* The change table (DOMAIN.md §9.2): 期初, each kind of increase and decrease, 期末 and the identity's check. */
#define EVM(t) (1u << (t))
#define STOCK(kd, gz, ge, k, z, e, u) { .key = k, .zh = z, .en = e, .group_zh = gz, .group_en = ge, .kind = kd, .unit = u }
#define FLOW(gz, ge, k, z, e, u, sg, m) { .key = k, .zh = z, .en = e, .group_zh = gz, .group_en = ge, .kind = TK_FLOW, .unit = u, .sign = sg, .events = m }
#define IN(k, z, e, u, m) FLOW("增加", "increases", k, z, e, u, 1, m)
#define OUT(k, z, e, u, m) FLOW("减少", "decreases", k, z, e, u, -1, m)
#define EV_NEW (EVM(EV_IDENTIFY) | EVM(EV_INCLUDE_MISSED) | EVM(EV_ENROL))
#define EV_MOVE (EVM(EV_SPLIT) | EVM(EV_MERGE))
static const struct tcol t_change[] = {
	STOCK(TK_STOCK_START, "期初", "start", "start_h", "户数", "households", TU_HOUSEHOLDS),
	STOCK(TK_STOCK_START, "期初", "start", "start_p", "人数", "persons", TU_PERSONS),
	IN("new_h", "新识别户数", "identified (households)", TU_HOUSEHOLDS, EV_NEW),
	IN("new_p", "新识别人数", "identified (persons)", TU_PERSONS, EV_NEW),
	IN("return_h", "返贫户数", "returned (households)", TU_HOUSEHOLDS, EVM(EV_RETURN)),
	IN("return_p", "返贫人数", "returned (persons)", TU_PERSONS, EVM(EV_RETURN)),
	IN("born_p", "自然增加人数", "members added", TU_PERSONS, EVM(EV_MEMBER_ADD)),
	IN("move_in_h", "拆户并户增加户数", "split or merged in (households)", TU_HOUSEHOLDS, EV_MOVE),
	IN("move_in_p", "拆户并户增加人数", "split or merged in (persons)", TU_PERSONS, EV_MOVE),
	IN("other_in_h", "其他增加户数", "other (households)", TU_HOUSEHOLDS, 0),
	IN("other_in_p", "其他增加人数", "other (persons)", TU_PERSONS, 0),
	{ .key = "in_h", .zh = "合计户数", .en = "total (households)", .group_zh = "增加", .group_en = "increases", .kind = TK_FLOW_TOTAL, .unit = TU_HOUSEHOLDS, .sign = 1 },
	{ .key = "in_p", .zh = "合计人数", .en = "total (persons)", .group_zh = "增加", .group_en = "increases", .kind = TK_FLOW_TOTAL, .unit = TU_PERSONS, .sign = 1 },
	OUT("exit_h", "脱贫户数", "exited (households)", TU_HOUSEHOLDS, EVM(EV_EXIT)),
	OUT("exit_p", "脱贫人数", "exited (persons)", TU_PERSONS, EVM(EV_EXIT)),
	OUT("remove_h", "剔除户数", "removed (households)", TU_HOUSEHOLDS, EVM(EV_REMOVE)),
	OUT("remove_p", "剔除人数", "removed (persons)", TU_PERSONS, EVM(EV_REMOVE)),
	OUT("clear_h", "清退户数", "cleared (households)", TU_HOUSEHOLDS, EVM(EV_CLEAR)),
	OUT("clear_p", "清退人数", "cleared (persons)", TU_PERSONS, EVM(EV_CLEAR)),
	OUT("cancel_h", "销户户数", "cancelled (households)", TU_HOUSEHOLDS, EVM(EV_CANCEL)),
	OUT("cancel_p", "销户人数", "cancelled (persons)", TU_PERSONS, EVM(EV_CANCEL)),
	OUT("died_p", "自然减少人数", "members removed", TU_PERSONS, EVM(EV_MEMBER_REMOVE)),
	OUT("move_out_h", "拆户并户减少户数", "split or merged out (households)", TU_HOUSEHOLDS, EV_MOVE),
	OUT("move_out_p", "拆户并户减少人数", "split or merged out (persons)", TU_PERSONS, EV_MOVE),
	OUT("other_out_h", "其他减少户数", "other (households)", TU_HOUSEHOLDS, 0),
	OUT("other_out_p", "其他减少人数", "other (persons)", TU_PERSONS, 0),
	{ .key = "out_h", .zh = "合计户数", .en = "total (households)", .group_zh = "减少", .group_en = "decreases", .kind = TK_FLOW_TOTAL, .unit = TU_HOUSEHOLDS, .sign = -1 },
	{ .key = "out_p", .zh = "合计人数", .en = "total (persons)", .group_zh = "减少", .group_en = "decreases", .kind = TK_FLOW_TOTAL, .unit = TU_PERSONS, .sign = -1 },
	STOCK(TK_STOCK_END, "期末", "end", "end_h", "户数", "households", TU_HOUSEHOLDS),
	STOCK(TK_STOCK_END, "期末", "end", "end_p", "人数", "persons", TU_PERSONS),
	{ .key = "diff_h", .zh = "户数", .en = "households", .group_zh = "平衡核对（期初+增加−减少−期末）", .group_en = "check (start + in − out − end)", .kind = TK_BALANCE, .unit = TU_HOUSEHOLDS },
	{ .key = "diff_p", .zh = "人数", .en = "persons", .group_zh = "平衡核对（期初+增加−减少−期末）", .group_en = "check (start + in − out − end)", .kind = TK_BALANCE, .unit = TU_PERSONS },
};

static const struct tcol t2_6[] = {
	HH("households", "总户数", "households"),
	HH("paired", "落实帮扶责任人户数", "with a responsible cadre", NUM(TF_PAIRED, 1)),
	{ .key = "paired_share", .zh = "占比（%）", .en = "share (%)", .kind = TK_RATIO, .unit = TU_PERCENT, .a = 1, .b = 0, .scale = 100, .decimals = 2 },
};
static const struct tcol t2_7[] = {
	HH("households", "户数", "households"),
	HH("assessed", "已入户核实户数", "assessed", NUM(TF_ASSESSED, 1)),
	GHH("住房不安全（C、D级危房）", "unsafe housing (C, D)", "unsafe_housing", "户数", "households", F(TF_HOUSING, TOP_HAS, "C,D")),
	SHARE("住房不安全（C、D级危房）", "unsafe housing (C, D)", "unsafe_housing_share", 2, 1),
	GHH("无安全饮水", "no safe drinking water", "no_safe_water", "户数", "households", NUM(TF_WATER, 0)),
	SHARE("无安全饮水", "no safe drinking water", "no_safe_water_share", 4, 1),
	HH("not_assessed", "未核实户数", "not assessed", NUM(TF_ASSESSED, 0)),
};
#define CADRES(k, z, e, aff) { .key = k, .zh = z, .en = e, .kind = TK_CADRES, .unit = TU_PERSONS, .where = { F(TF_CADRE_AFF, TOP_HAS, aff) } }
#define GCADRES(gz, ge, k, aff) { .key = k, .zh = "干部人数", .en = "cadres", .group_zh = gz, .group_en = ge, .kind = TK_CADRES, .unit = TU_PERSONS, .where = { F(TF_CADRE_AFF, TOP_HAS, aff) } }
static const struct tcol t4[] = {
	HH("households", "贫困户数", "poor households"),
	HH("paired", "落实帮扶责任人户数", "with a responsible cadre", NUM(TF_PAIRED, 1)),
	{ .key = "cadres", .zh = "帮扶责任人人数", .en = "responsible cadres", .kind = TK_CADRES, .unit = TU_PERSONS },
	{ .key = "paired_share", .zh = "落实比例（%）", .en = "share paired (%)", .kind = TK_RATIO, .unit = TU_PERCENT, .a = 1, .b = 0, .scale = 100, .decimals = 2 },
};
static const struct tcol t5[] = {
	GCADRES("省级", "province", "province_c", "province"),
	GHH("省级", "province", "province_h", "帮扶户数", "households helped", F(TF_CADRE_AFF, TOP_HAS, "province")),
	GCADRES("市级", "city", "city_c", "city"),
	GHH("市级", "city", "city_h", "帮扶户数", "households helped", F(TF_CADRE_AFF, TOP_HAS, "city")),
	GCADRES("县级", "county", "county_c", "county"),
	GHH("县级", "county", "county_h", "帮扶户数", "households helped", F(TF_CADRE_AFF, TOP_HAS, "county")),
	GCADRES("县以下", "below the county", "below_c", "town,village"),
	GHH("县以下", "below the county", "below_h", "帮扶户数", "households helped", F(TF_CADRE_AFF, TOP_HAS, "town,village")),
	{ .key = "total_c", .zh = "干部人数", .en = "cadres", .group_zh = "合计", .group_en = "total", .kind = TK_CADRES, .unit = TU_PERSONS },
	GHH("合计", "total", "total_h", "帮扶户数", "households helped", NUM(TF_PAIRED, 1)),
};
static const struct tcol t16[] = {
	PP("persons", "贫困人口数", "poor persons"),
	PP("industry_employment", "产业发展和转移就业", "industry and employment", F(TF_MEASURE, TOP_HAS, "industry,employment,public_post")),
	PP("relocation", "易地扶贫搬迁", "relocation", F(TF_MEASURE, TOP_HAS, "relocation")),
	PP("ecology", "生态补偿", "ecological compensation", F(TF_MEASURE, TOP_HAS, "ecology")),
	PP("education", "教育扶贫", "education", F(TF_MEASURE, TOP_HAS, "education")),
	PP("health", "大病救治（健康扶贫）", "medical treatment (health)", F(TF_MEASURE, TOP_HAS, "health")),
	PP("security", "社会保障兜底", "social security", F(TF_MEASURE, TOP_HAS, "security")),
	PP("none", "本年度无帮扶措施", "no measure this year", F(TF_MEASURE, TOP_EMPTY, NULL)),
};

#define PEOPLE "贫困人口", "poor persons"
#define HOUSEHOLDS "贫困户", "poor households"
#define VILLAGES "贫困村", "poor villages"
#define INCOME "收入", "income"
#define REGISTRY "建档立卡", "registry"
#define UP "单位：人", "unit: persons"
#define UH "单位：户", "unit: households"
#define UHP "单位：户、人", "unit: households, persons"
#define UY "单位：户、人、元", "unit: households, persons, yuan"
#define UV "单位：个", "unit: villages"
#define DIVS NULL, 0
#define CHANGES "变动", "changes"
#define ASSIST "帮扶", "assistance"
static const struct table_def defs[] = {
	{ "0", REGISTRY, "建档立卡户数人数统计表", "Households and persons by status", UHP, G__MAX, false, N(t0), DIVS,
	  "每户按其在统计时点的状态计入；人数为该时点户内成员。", "Each household counts under its status on the day; persons are its members then.", false },
	{ "0.1", REGISTRY, "按主要致贫原因统计表", "Households and persons by main cause of poverty", UHP, G__MAX, false, N(t0_cause), N(b_cause),
	  NULL, NULL, false },
	{ "1.0", PEOPLE, "贫困人口基本信息统计表", "Poor persons: basic information", UP, G_CURRENT_POOR, false, N(t1_0), DIVS,
	  "残疾人数按健康状况为残疾计；登记中没有现役军人一项。", "Disabled: health recorded as disabled; the registry has no field for serving soldiers.", false },
	{ "1.1", PEOPLE, "贫困人口年龄分组统计表", "Poor persons by age", UP, G_CURRENT_POOR, false, N(t1_1), DIVS,
	  "年龄为统计时点的周岁，按出生月份计（出生月份的下一个月起长一岁）；各段含下限、不含上限。", "Age in whole years, counted from the birth month (a year more from the month after it); each band includes its lower bound only.", false },
	{ "1.2", PEOPLE, "贫困人口身体健康情况统计表", "Poor persons by health", UP, G_CURRENT_POOR, false, N(t1_2), DIVS, NULL, NULL, false },
	{ "1.3", PEOPLE, "贫困人口文化程度统计表", "Poor persons by education", UP, G_CURRENT_POOR, false, N(t1_3), DIVS,
	  "在校生登记在校生状况、不登记文化程度，不计入本表各栏（见表 1.7），各栏之和因此小于人数。",
	  "Pupils and students have a school status and no education level: they are in none of the columns (see table 1.7), "
	  "so the columns add up to less than the persons.", false },
	{ "1.4", PEOPLE, "贫困人口劳动能力类型统计表", "Poor persons by labour capacity", UP, G_CURRENT_POOR, false, N(t1_4), DIVS, NULL, NULL, false },
	{ "1.5", PEOPLE, "贫困人口上年度务工状况统计表", "Poor persons by work last year", UP, G_CURRENT_POOR, false, N(t1_5), DIVS, NULL, NULL, false },
	{ "1.6", PEOPLE, "贫困人口上年度务工时间统计表", "Poor persons by months worked last year", UP, G_CURRENT_POOR, false, N(t1_6), DIVS, NULL, NULL, false },
	{ "1.7", PEOPLE, "贫困人口在校生情况统计表", "Poor persons by schooling", UP, G_CURRENT_POOR, false, N(t1_7), DIVS, NULL, NULL, false },
	{ "1.8", PEOPLE, "贫困人口统计表（按贫困户属性）", "Poor persons by household attribute", UP, G_CURRENT_POOR, false, N(t1_8), DIVS,
	  "低保贫困户含 2014 年表的“低保户”，五保（特困供养）贫困户含“五保户”；属性未填或为一般农户的不计入三栏。",
	  "Minimum-allowance households include the 2014 form's 低保户, destitute support its 五保户; a household with no attribute, or an ordinary rural household, is in none of the three.", false },
	{ "1.9", PEOPLE, "贫困人口适龄教育年龄分段统计表", "Poor persons by school-age band", UP, G_CURRENT_POOR, false, N(t1_9), DIVS,
	  "年龄为统计时点的周岁，按出生月份计（出生月份的下一个月起长一岁）；各段含下限、不含上限；0-2 岁不计入各段，各段之和因此可小于人数。",
	  "Age in whole years, counted from the birth month (a year more from the month after it); each band includes its lower bound only; "
	  "ages 0-2 are in no band, so the bands may add up to less than the persons.", false },
	{ "1.10", PEOPLE, "贫困人口分布统计表（按行政区划）", "Poor persons by division", UHP, G_CURRENT_POOR, false, N(t1_10), DIVS, NULL, NULL, false },
	{ "2.1", HOUSEHOLDS, "贫困户贫困属性统计表", "Poor households by attribute", UHP, G_CURRENT_POOR, false, N(t2_1), DIVS,
	  "低保贫困户含 2014 年表的“低保户”，五保（特困供养）贫困户含“五保户”；属性未填或为一般农户的不计入三栏。",
	  "Minimum-allowance households include the 2014 form's 低保户, destitute support its 五保户; a household with no attribute, or an ordinary rural household, is in none of the three.", false },
	{ "2.2", INCOME, "贫困户收支分类统计表", "Poor households by kind of income", UY, G_CURRENT_POOR, true, N(t2_2), DIVS,
	  "户数为该项收入（支出）大于零的户；户均为这些户的平均。", "Households with the item above zero; the average is over them.", false },
	{ "2.4", HOUSEHOLDS, "贫困户主要致贫原因统计表", "Poor households by main cause", UH, G_CURRENT_POOR, false, N(t2_4), DIVS, NULL, NULL, false },
	{ "2.5", HOUSEHOLDS, "贫困户其他致贫原因统计表", "Poor households by other causes", UH, G_CURRENT_POOR, false, N(t2_5), DIVS,
	  "一户最多两项其他致贫原因，各项分别计数。", "A household has up to two other causes, each counted.", false },
	{ "2.6", ASSIST, "贫困户帮扶责任人落实情况统计表", "Poor households with a responsible cadre", UH, G_CURRENT_POOR, false, N(t2_6), DIVS,
	  "落实户数为统计时点有结对帮扶责任人（结对在该日有效）的户。", "Households with a pairing in force on the day.", false },
	{ "2.7", HOUSEHOLDS, "贫困户生产生活条件困难情况统计表", "Poor households' living conditions", UH, G_CURRENT_POOR, false, N(t2_7), DIVS,
	  "按各户统计时点以前最近一次入户核实记录：住房安全为C级或D级计危房，安全饮水为否计无安全饮水；占比以已核实户数为分母。"
	  "登记中没有饮水困难、未通生活用电、未通广播电视、无卫生厕所和住房面积，这些栏目不列。",
	  "From each household's latest assessment on or before the day: housing C or D is unsafe, water no is unsafe; shares "
	  "of the households assessed. The registry records no drinking-water difficulty, electricity, television, toilet or "
	  "floor area: those columns are left out.", false },
	{ "2.9", INCOME, "贫困户上年度人均纯收入分组统计表", "Poor households by net income per person last year", UH, G_CURRENT_POOR, true, N(t2_9), DIVS,
	  "各段含下限、不含上限（元/人·年）。", "Bands in yuan per person per year; each includes its lower bound only.", false },
	{ "2.12", INCOME, "贫困户上年度家庭收入统计表", "Poor households' income last year", UY, G_CURRENT_POOR, true, N(t2_12), DIVS,
	  "只计有该年度收入调查的户；人均纯收入为纯收入之和除以这些户的人数；只有人均纯收入（随建档立卡导入）的户，纯收入按人均纯收入 × 家庭人口计。",
	  "Households with a survey of the year; per person: net income over their members; a household with only a net income per person (imported with the registry) counts it times its size.", false },
	{ "2.14", HOUSEHOLDS, "贫困户人口规模统计表", "Poor households by size", UH, G_CURRENT_POOR, false, N(t2_14), DIVS,
	  "户人口为统计时点户内成员数。", "Size: the members on the day.", false },
	{ "4", ASSIST, "帮扶责任人落实情况统计表", "Responsible cadres", UHP, G_CURRENT_POOR, false, N(t4), DIVS,
	  "统计时点结对有效的帮扶责任人，一人帮扶多户只计一人；统计年底情况时请把统计时点设为12月31日。",
	  "Cadres with a pairing in force on the day, each counted once however many households; for the year end take 31 December.", false },
	{ "5", ASSIST, "各级干部帮扶贫困户统计表", "Poor households helped by cadres of each level", UHP, G_CURRENT_POOR, false, N(t5), DIVS,
	  "按帮扶责任人的单位隶属关系：省直为省级，市直为市级，县直为县级，乡镇和村级为县以下；一户由不同层级干部帮扶时各层级都计。",
	  "By the cadre's unit: provincial, city, county, and town or village below the county; a household helped by cadres of "
	  "several levels counts in each.", false },
	{ "16", ASSIST, "贫困人口分类扶持统计表", "Poor persons by kind of support", UP, G_CURRENT_POOR, false, N(t16), DIVS,
	  "按统计时点所在年度（全年，含统计时点之后的）登记的帮扶措施，一户有某类措施则其成员都计入该类，一人可计入多类；"
	  "产业发展和转移就业含产业扶贫、就业扶贫和公益岗位。只计“帮扶措施”记录：雨露计划等补助、项目受益、贷款和救助"
	  "另见“帮扶情况”。登记中没有村基础设施项目，村级栏目不列。",
	  "From the measures recorded for the day's year (the whole year, after the day too): a household's members count "
	  "under each kind it has, so a person may count more than once; industry and employment includes public posts. "
	  "Measures only: aid such as 雨露计划, project beneficiaries, loans and relief are in the assistance report. Village "
	  "infrastructure is not recorded.", false },
	{ "change", CHANGES, "扶贫对象变动统计表", "Changes of the poor population", UHP, G_CURRENT_POOR, false, N(t_change), DIVS,
	  "期初为统计期间前一日、期末为最后一日的户数人数（按现在所知的登记）；期间内生效的每项变动把一户（连同其生效日的成员）或一人移入或移出统计范围；"
	  "平衡核对 = 期初 + 增加 − 减少 − 期末，应为 0。更正按其生效日期计入。",
	  "Start: the day before the period; end: its last day (the registry as now known). Each change effective in the period "
	  "moves a household (with its members that day) or a person in or out of the count; check = start + in − out − end, "
	  "which must be 0. Corrections count on their effective date.", true },
	{ "22", VILLAGES, "贫困村识别情况统计表", "Poor villages identified", UV, G_CURRENT_POOR, false, N(t22), DIVS, NULL, NULL, false },
	{ "23", VILLAGES, "未脱贫人口分布统计表（按贫困村）", "Poor persons in poor and other villages", UHP, G_CURRENT_POOR, false, N(t23), DIVS, NULL, NULL, false },
	{ "24", VILLAGES, "贫困发生率统计表", "Poverty incidence", UP, G_CURRENT_POOR, false, N(t24), DIVS,
	  "贫困发生率 = 现有贫困人口（未脱贫 + 返贫）÷ 乡村人口 × 100%；乡村人口取自区划表，未填写的村不计。",
	  "Incidence = currently poor persons (not exited + returned) / rural population × 100%; villages without a rural population are left out.", false },
};

const struct table_def *
table_defs(size_t *n)
{
	*n = NELEM(defs);
	return defs;
}
