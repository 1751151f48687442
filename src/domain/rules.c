/* rules.c: the table of data-quality rules (see rules.h). National numbers are those of the 2023 audit tool
 * quoted in DOMAIN.md §8.4; rules without one are Tuopin's own, derived from the field definitions of §2–3,
 * the exit and identification criteria of §5 and the red lines of §8.3. */
#include "domain/rules.h"

#include <string.h>
#include <strings.h>

#include "lib/msg.h"

#define EN (msg_lang() == LANG_EN)

/* Shorthands for the table. */
#define ID CAT_IDENTIFICATION
#define EX CAT_EXIT
#define IN CAT_INFORMATION
#define RC CAT_RECORDS
#define E SEV_ERROR
#define W SEV_WARNING
#define M RK_MEMBER
#define H RK_HOUSEHOLD
#define S RK_SQL
#define X RK_EXTERNAL
#define Y RK_HISTORY

const struct rule_info rules[R__MAX] = {
	[R_ID_LENGTH] = { "ID_LENGTH", "1_01_002", IN, E, M, NULL,
		"证件号码位数不是 18 位（或 20/22 位残疾人证号）", "ID number not 18 characters (or a 20/22-digit disability card)",
		"核对户口簿或身份证，更正证件号码（信息更正）", "check the household register or the ID card and correct the number (data fix)" },
	[R_ID_CHARS] = { "ID_CHARS", "1_01_002", IN, E, M, NULL,
		"证件号码含非数字字符", "ID number holds non-digits",
		"核对身份证，更正证件号码", "check the ID card and correct the number" },
	[R_ID_CHECKSUM] = { "ID_CHECKSUM", "1_01_003", IN, E, M, NULL,
		"证件号码校验位错误", "wrong ID check digit",
		"核对身份证原件，更正录入错误的数字", "check the ID card and correct the mistyped digits" },
	[R_ID_DATE] = { "ID_DATE", "", IN, E, M, NULL,
		"证件号码中的出生日期不存在", "impossible birth date in the ID number",
		"核对身份证，更正证件号码中的出生日期", "check the ID card and correct the birth date in the number" },
	[R_ID_PROVINCE] = { "ID_PROVINCE", "", IN, E, M, NULL,
		"证件号码省级代码无效", "invalid province prefix in the ID number",
		"核对身份证，更正证件号码前两位", "check the ID card and correct the first two digits" },
	[R_ID_PLACEHOLDER] = { "ID_PLACEHOLDER", "4_01_003", IN, E, M, NULL,
		"占位证件号码（999999 开头）", "placeholder ID number (999999...)",
		"补录真实证件号码；无证人员先办理户籍登记", "enter the real number; a person without one registers with the police first" },
	[R_ID_SEX] = { "ID_SEX", "", IN, E, M, NULL,
		"性别与证件号码第 17 位不符", "sex differs from the ID number's 17th digit",
		"核对身份证，更正性别或证件号码", "check the ID card and correct the sex or the number" },
	[R_ID_DUPLICATE] = { "ID_DUPLICATE", "1_01_001", IN, E, S, NULL,
		"证件号码在建档立卡人口中重复", "duplicate ID number in the registry",
		"核实此人实际所在户，从其他户中减少（人员减少，原因：更正）", "find the household the person lives in and remove them from the others (member removed, reason: correction)" },
	[R_HEAD_NONE] = { "HEAD_NONE", "3_02_012", IN, E, H, NULL,
		"户内没有户主", "household without a head",
		"将实际户主的“与户主关系”更正为户主", "correct the actual head's relation to \"head\"" },
	[R_HEAD_SEVERAL] = { "HEAD_SEVERAL", "3_02_011", IN, E, H, NULL,
		"户内有多个户主", "household with several heads",
		"只保留一名户主，其他成员更正与户主关系；确属两户的办理拆户", "keep one head and correct the others' relation; split the household if they are two" },
	[R_RELATION_SEX] = { "RELATION_SEX", "2_01_004", IN, E, M, NULL,
		"与户主关系与性别矛盾", "relation contradicts sex",
		"核对户口簿，更正与户主关系或性别", "check the household register and correct the relation or the sex" },
	[R_SPOUSE_SEX] = { "SPOUSE_SEX", "2_02_001", IN, E, H, NULL,
		"户主与配偶性别相同", "head and spouse of the same sex",
		"核对户口簿，更正配偶或户主的性别、关系", "check the household register and correct the spouse's or head's sex or relation" },
	[R_CHILD_LABOR] = { "CHILD_LABOR", "2_01_011", IN, E, M, NULL,
		"未满 16 周岁但劳动技能不是无劳动力", "under 16 but not recorded as without labour capacity",
		"将劳动技能更正为无劳动力", "correct the labour capacity to \"no labour capacity\"" },
	[R_OLD_LABOR] = { "OLD_LABOR", "2_12_005", IN, E, M, NULL,
		"60 周岁及以上但为普通或技能劳动力", "60 or older but recorded as ordinary or skilled labour",
		"入户核实后更正劳动技能（弱劳动力、丧失劳动力等）", "visit and correct the labour capacity (weak, lost, ...)" },
	[R_BALANCE] = { "BALANCE", "§6.2", IN, E, Y, NULL,
		"年度平衡：年末 = 年初 + 增加 − 减少", "yearly balance: end = start + in - out",
		"报告系统管理员：变动记录与状态不一致", "tell the system administrator: the events disagree with the statuses" },
	[R_AGGREGATE] = { "AGGREGATE", "", IN, E, Y, NULL,
		"统计汇总与明细记录一致", "maintained totals equal the detailed records",
		"报告系统管理员：统计汇总需要重建", "tell the system administrator: the totals need rebuilding" },

	[R_ID_EMPTY] = { "ID_EMPTY", "4_01_003", IN, E, M, NULL,
		"证件号码为空", "no ID number",
		"补录证件号码", "enter the ID number" },
	[R_CARD_CHECKSUM] = { "CARD_CHECKSUM", "1_01_004", IN, E, M, NULL,
		"残疾人证号前 18 位校验位错误", "a disability card whose first 18 characters fail the check digit",
		"核对残疾人证，更正证号", "check the disability card and correct its number" },
	[R_NAME_FORMAT] = { "NAME_FORMAT", "", RC, W, M, NULL,
		"姓名含数字、空格或符号", "name holds digits, spaces or symbols",
		"按身份证（无证按户口簿）更正姓名", "correct the name as the ID card (or the household register) writes it" },
	[R_AGE_IMPLAUSIBLE] = { "AGE_IMPLAUSIBLE", "", IN, W, M, NULL,
		"年龄超过 105 周岁", "older than 105",
		"核实此人是否健在；已故的办理人员减少（死亡）", "check whether the person is alive; record a death as a member removal" },
	[R_ETHNICITY_EMPTY] = { "ETHNICITY_EMPTY", "2_01_001", RC, W, M, NULL,
		"民族为空", "ethnicity empty",
		"补录民族", "enter the ethnicity" },
	[R_HEALTH_EMPTY] = { "HEALTH_EMPTY", "2_01_002", RC, W, M, NULL,
		"健康状况为空", "health empty",
		"补录健康状况", "enter the health" },
	[R_LABOR_EMPTY] = { "LABOR_EMPTY", "2_01_003", RC, W, M, NULL,
		"劳动技能为空", "labour capacity empty",
		"补录劳动技能", "enter the labour capacity" },
	[R_EDU_SCHOOL_EMPTY] = { "EDU_SCHOOL_EMPTY", "3_01_002", RC, W, M, NULL,
		"文化程度和在校生状况都为空", "both education and schooling empty",
		"在校生填在校生状况，其他人填文化程度", "enter the schooling of a student, the education of anyone else" },
	[R_EDU_SCHOOL_BOTH] = { "EDU_SCHOOL_BOTH", "3_01_003", IN, W, M, NULL,
		"在校生同时填写了文化程度", "a student with an education level as well",
		"在校生只填在校生状况，清空文化程度", "keep the schooling of a student and clear the education" },
	[R_PRESCHOOL_EDU] = { "PRESCHOOL_EDU", "", IN, W, M, NULL,
		"未满 6 周岁但文化程度不是学龄前儿童", "under 6 but education is not \"pre-school child\"",
		"将文化程度更正为学龄前儿童", "correct the education to \"pre-school child\"" },
	[R_PRESCHOOL_AGE] = { "PRESCHOOL_AGE", "", IN, W, M, NULL,
		"文化程度为学龄前儿童但已满 7 周岁", "education \"pre-school child\" at 7 or older",
		"更新文化程度或在校生状况", "update the education or the schooling" },
	[R_SCHOOL_AGE_EMPTY] = { "SCHOOL_AGE_EMPTY", "1_02_005", RC, W, M, NULL,
		"义务教育阶段（6–15 周岁）在校生状况为空", "aged 6-15 with no schooling recorded",
		"入户核实是否在校，补录在校生状况", "visit, find out whether the child is in school and enter the schooling" },
	[R_MEDICAL_INS_EMPTY] = { "MEDICAL_INS_EMPTY", "2_01_008", RC, W, M, NULL,
		"是否参加城乡居民基本医疗保险为空", "basic medical insurance not recorded",
		"核实参保情况并补录", "find out whether the person is insured and enter it" },
	[R_SERIOUS_INS_EMPTY] = { "SERIOUS_INS_EMPTY", "2_01_006", RC, W, M, NULL,
		"是否参加大病保险为空", "serious-illness insurance not recorded",
		"核实参保情况并补录", "find out whether the person is insured and enter it" },
	[R_PENSION_INS_EMPTY] = { "PENSION_INS_EMPTY", "2_01_007", RC, W, M, NULL,
		"是否参加城乡居民基本养老保险为空", "basic pension insurance not recorded",
		"核实参保情况并补录", "find out whether the person is insured and enter it" },
	[R_NO_LABOR_WORKING] = { "NO_LABOR_WORKING", "2_01_015", IN, W, M, NULL,
		"无劳动力或丧失劳动力人员登记为务工", "a person without labour capacity recorded as working",
		"入户核实，更正劳动技能或务工状况", "visit and correct the labour capacity or the work status" },
	[R_STUDENT_WORKING] = { "STUDENT_WORKING", "4_01_006", IN, W, M, NULL,
		"在校生（学前至高中）登记为务工", "a pupil (pre-school to senior school) recorded as working",
		"更正在校生状况或务工状况", "correct the schooling or the work status" },
	[R_WORK_MONTHS_NO_STATUS] = { "WORK_MONTHS_NO_STATUS", "", RC, W, M, NULL,
		"有务工时间但务工状况为空", "months of work without a work status",
		"补录务工状况（务工地点）", "enter the work status (where the person works)" },
	[R_WORK_STATUS_NO_MONTHS] = { "WORK_STATUS_NO_MONTHS", "", RC, W, M, NULL,
		"登记务工但务工时间为 0 或为空", "working with no months of work",
		"补录务工时间（月）", "enter the months of work" },
	[R_WORKER_PHONE_MOBILE] = { "WORKER_PHONE_MOBILE", "2_12_007", RC, W, M, NULL,
		"务工人员联系电话不是 11 位手机号码", "a worker's phone is not an 11-digit mobile number",
		"更正为本人手机号码", "correct it to the person's mobile number" },
	[R_CARD_NOT_DISABLED] = { "CARD_NOT_DISABLED", "", IN, W, M, NULL,
		"持残疾人证但健康状况不是残疾", "a disability card holder not recorded as disabled",
		"将健康状况更正为残疾", "correct the health to \"disabled\"" },
	[R_SEVERE_DISABILITY_LABOR] = { "SEVERE_DISABILITY_LABOR", "4_01_007", IN, W, M, NULL,
		"一、二级肢体残疾但为普通劳动力", "grade 1 or 2 physical disability recorded as ordinary labour",
		"入户核实，更正劳动技能", "visit and correct the labour capacity" },
	[R_TEKUN_WORKING_OUTSIDE] = { "TEKUN_WORKING_OUTSIDE", "5_01_004", IN, W, M, NULL,
		"特困供养人员登记为县外务工", "a person under destitute support working outside the county",
		"入户核实，更正务工状况或特困供养", "visit and correct the work status or the destitute support" },
	[R_DIBAO_TEKUN_BOTH] = { "DIBAO_TEKUN_BOTH", "", IN, W, M, NULL,
		"同时登记享受低保和特困供养", "both minimum living allowance and destitute support",
		"与民政部门核对，只保留实际享受的一项", "check with civil affairs and keep the one the person receives" },

	[R_SPOUSE_SEVERAL] = { "SPOUSE_SEVERAL", "", IN, E, H, NULL,
		"户内有多个配偶", "household with several spouses",
		"核对户口簿，更正与户主关系", "check the household register and correct the relations" },
	[R_RELATION_SEVERAL] = { "RELATION_SEVERAL", "", IN, E, H, NULL,
		"户内有两个之父、之母、祖父母或岳父母、公婆", "household with two fathers, mothers, grandfathers, ... of the head",
		"核对户口簿，更正与户主关系", "check the household register and correct the relations" },
	[R_HEAD_MINOR] = { "HEAD_MINOR", "", IN, W, H, NULL,
		"户主未满 16 周岁", "head under 16",
		"核实户主；确为孤儿户的可豁免并写明原因", "check who heads the household; waive with the reason for an orphans' household" },
	[R_RELATION_AGE] = { "RELATION_AGE", "", IN, W, H, NULL,
		"与户主关系与年龄矛盾（子女年长于户主，或父母年幼于户主）", "relation contradicts age (a child older than the head, a parent younger)",
		"核对户口簿，更正与户主关系或户主", "check the household register and correct the relation or the head" },
	[R_ATTRIBUTE_EMPTY] = { "ATTRIBUTE_EMPTY", "", RC, W, H, NULL,
		"贫困户属性为空", "household attribute empty",
		"补录贫困户属性", "enter the household attribute" },
	[R_CAUSE_MAIN_EMPTY] = { "CAUSE_MAIN_EMPTY", "", RC, W, H, NULL,
		"主要致贫原因为空", "main cause of poverty empty",
		"补录主要致贫原因（必选一项）", "enter the main cause of poverty (one is required)" },
	[R_CAUSE_OTHER_REPEATS] = { "CAUSE_OTHER_REPEATS", "", RC, W, H, NULL,
		"其他致贫原因与主要致贫原因重复", "another cause repeats the main cause",
		"从其他致贫原因中删去主要致贫原因", "remove the main cause from the other causes" },
	[R_STANDARD_EMPTY] = { "STANDARD_EMPTY", "", RC, W, H, NULL,
		"识别标准为空", "identification standard empty",
		"补录识别标准（国家标准、省定标准或市定标准）", "enter the identification standard (national, provincial or municipal)" },
	[R_IDENTIFIED_EMPTY] = { "IDENTIFIED_EMPTY", "", RC, W, H, NULL,
		"识别年月为空", "identification month empty",
		"按档案补录识别年月", "enter the identification month from the file" },
	[R_IDENTIFIED_FUTURE] = { "IDENTIFIED_FUTURE", "", IN, E, H, NULL,
		"识别年月晚于检查日期", "identified after the date checked",
		"按档案更正识别年月", "correct the identification month from the file" },
	[R_EXIT_YEAR_MISSING] = { "EXIT_YEAR_MISSING", "", RC, W, H, NULL,
		"已脱贫户没有脱贫年度", "an exited household without an exit year",
		"按脱贫公告补录脱贫年度", "enter the exit year from the exit announcement" },
	[R_EXIT_YEAR_ON_POOR] = { "EXIT_YEAR_ON_POOR", "", IN, W, H, NULL,
		"未脱贫户填有脱贫年度", "a poor household with an exit year",
		"清空脱贫年度，或核实是否漏记脱贫", "clear the exit year, or check whether an exit was not recorded" },
	[R_EXIT_BEFORE_IDENTIFIED] = { "EXIT_BEFORE_IDENTIFIED", "§8.4", IN, E, H, NULL,
		"脱贫年度早于识别年度", "exit year before the identification year",
		"按档案更正脱贫年度或识别年月", "correct the exit year or the identification month from the file" },
	[R_HH_PHONE_MOBILE] = { "HH_PHONE_MOBILE", "4_02_001", RC, W, H, NULL,
		"户联系电话不是 11 位手机号码", "the household phone is not an 11-digit mobile number",
		"更正为户主或家庭成员的手机号码", "correct it to the mobile number of the head or another member" },
	[R_ATTR_DIBAO] = { "ATTR_DIBAO", "§8.2", IN, W, H, NULL,
		"贫困户属性与成员享受低保情况不一致", "household attribute disagrees with its members' minimum living allowance",
		"与民政低保名册核对，更正贫困户属性或成员“是否享受低保”", "check the civil affairs roll and correct the attribute or the members' allowance" },
	[R_ATTR_TEKUN] = { "ATTR_TEKUN", "§8.2", IN, W, H, NULL,
		"贫困户属性与成员特困供养情况不一致", "household attribute disagrees with its members' destitute support",
		"与民政特困名册核对，更正贫困户属性或成员“是否特困供养”", "check the civil affairs roll and correct the attribute or the members' support" },
	[R_CAUSE_DISABILITY] = { "CAUSE_DISABILITY", "2_11_001", IN, W, H, NULL,
		"主要致贫原因为因残但户内无残疾人", "disability as the main cause but no disabled member",
		"入户核实，更正致贫原因或成员健康状况", "visit and correct the cause or the members' health" },
	[R_CAUSE_ILLNESS] = { "CAUSE_ILLNESS", "", IN, W, H, NULL,
		"主要致贫原因为因病但户内无患病成员", "illness as the main cause but no member ill",
		"入户核实，更正致贫原因或成员健康状况", "visit and correct the cause or the members' health" },
	[R_CAUSE_LABOR] = { "CAUSE_LABOR", "4_11_009", IN, W, H, NULL,
		"主要致贫原因为缺劳力但成员均有劳动能力", "lack of labour as the main cause but every member can work",
		"入户核实，更正致贫原因或成员劳动技能", "visit and correct the cause or the members' labour capacity" },
	[R_CAUSE_SCHOOL] = { "CAUSE_SCHOOL", "", IN, W, H, NULL,
		"主要致贫原因为因学但户内无在校生", "schooling costs as the main cause but no member in school",
		"入户核实，更正致贫原因或成员在校生状况", "visit and correct the cause or the members' schooling" },
	[R_MONITORED_POOR] = { "MONITORED_POOR", "§4.2", IN, W, H, NULL,
		"未脱贫户被标为监测对象", "a poor household marked as monitored",
		"监测对象为脱贫户或一般农户：核实状态，办理风险消除或更正状态", "monitoring is for exited or ordinary households: check the status and record the risk's end or correct the status" },
	[R_EXITED_DROPOUT] = { "EXITED_DROPOUT", "§5.3", EX, E, H, NULL,
		"已脱贫户有 6–15 周岁健康儿童不在校（义务教育无保障）", "an exited household with a healthy child aged 6-15 out of school",
		"落实控辍保学劝返；确属错退的办理返贫", "get the child back to school; if the exit was wrong, record a return" },
	[R_EXITED_UNINSURED] = { "EXITED_UNINSURED", "§5.3", EX, E, H, NULL,
		"已脱贫户有成员未参加城乡居民基本医疗保险（基本医疗无保障）", "an exited household with a member without basic medical insurance",
		"落实参保；确属错退的办理返贫", "get the member insured; if the exit was wrong, record a return" },

	[R_MEMBERS_NONE] = { "MEMBERS_NONE", "", IN, E, S, NULL,
		"建档立卡户没有成员", "a registered household without members",
		"补录成员，或整户迁出、死亡的办理销户", "add the members, or cancel a household that has moved away or died" },
	[R_NAME_BIRTH_DUPLICATE] = { "NAME_BIRTH_DUPLICATE", "1_12_001", IN, W, H, NULL,
		"同一人疑似登记在本村两户（姓名、性别、出生日期相同，证件号码不同）", "the same person in two households of a village, probably (same name, sex and birth date, other numbers)",
		"核实是否同一人；重复的从一户中减少（更正）", "check whether they are one person; remove the duplicate (correction)" },
	[R_EXIT_YEAR_EVENT] = { "EXIT_YEAR_EVENT", "", RC, W, S, NULL,
		"脱贫年度与脱贫记录的年度不一致", "exit year differs from the year of the recorded exit",
		"按脱贫公告更正脱贫年度", "correct the exit year from the exit announcement" },
	[R_INCOME_MISSING] = { "INCOME_MISSING", "", RC, W, S, NULL,
		"建档立卡户没有收入记录", "a registered household without any income record",
		"入户调查，录入年度收入", "survey and enter the household's yearly income" },
	[R_INCOME_NET] = { "INCOME_NET", "", IN, W, S, NULL,
		"人均纯收入与收入明细不符", "per-capita net income differs from the items",
		"核对收入明细和家庭人口，更正人均纯收入", "check the income items and the household size, and correct the per-capita income" },
	[R_EXITED_BELOW_LINE] = { "EXITED_BELOW_LINE", "§5.2", EX, E, S, NULL,
		"已脱贫户人均纯收入未超过当年扶贫标准", "an exited household whose per-capita net income is not above that year's line",
		"入户核实收入；确未稳定超过标准的办理返贫或纳入监测", "verify the income; if it is not stably above the line, record a return or monitor the household" },
	[R_POOR_FAR_ABOVE_LINE] = { "POOR_FAR_ABOVE_LINE", "§8.4", ID, W, S, NULL,
		"未脱贫户人均纯收入达到当年扶贫标准两倍以上", "a poor household whose per-capita net income is twice that year's line or more",
		"入户核实收入和两不愁三保障；达标的按程序脱贫，识别不准的剔除", "verify the income and the guarantees; exit it if it meets them, remove it if it was misidentified" },
	[R_EXITED_BELOW_MONITORING] = { "EXITED_BELOW_MONITORING", "1_02_006", EX, W, S, NULL,
		"脱贫户人均纯收入低于当年监测范围但未纳入监测", "an exited household below that year's monitoring line but not monitored",
		"按程序纳入监测", "start monitoring the household" },

	[R_DEATH_COUNTED] = { "DEATH_COUNTED", "§8.4", IN, E, X, "death",
		"死亡人员仍在建档立卡户中（死亡未销）", "a person who died is still counted in a registered household",
		"核实后办理人员减少（原因：死亡），生效日期为死亡日期；整户死亡的销户", "verify, then record a member removal (reason: death) effective on the day of death; cancel a household whose members all died" },
	[R_DEATH_REGISTERED] = { "DEATH_REGISTERED", "§8.3", ID, E, X, "death",
		"成员在登记为建档立卡人口前已死亡", "a member who had died before being registered",
		"核实后以更正方式减少该成员（原因：更正），生效日期为其登记日期", "verify, then remove the member as a correction effective from their registration" },
	[R_MOVED_OUT] = { "MOVED_OUT", "§8.3", IN, W, X, "moved",
		"户籍已迁出本县仍在建档立卡户中", "household registration moved out of the county, still counted",
		"核实是否仍共同生活；已迁出的办理人员减少（迁出）", "check whether the person still lives with the household; record a member removal if not" },
	[R_VEHICLE] = { "VEHICLE", "§8.3", ID, E, X, "vehicle",
		"享受政策户的成员名下有机动车（残疾人代步车除外）", "a member of a household receiving support owns a motor vehicle (not a disabled person's carriage)",
		"入户核实车辆来源和价值；属识别不准的按程序剔除，可解释的豁免并写明原因", "verify the vehicle; remove a misidentified household, or waive with the explanation" },
	[R_HOUSING] = { "HOUSING", "§8.3", ID, E, X, "housing",
		"享受政策户的成员在城镇购买商品房", "a member of a household receiving support bought commercial housing",
		"入户核实购房情况；属识别不准的按程序剔除，可解释的豁免并写明原因", "verify the purchase; remove a misidentified household, or waive with the explanation" },
	[R_BUSINESS] = { "BUSINESS", "§8.3", ID, E, X, "business",
		"享受政策户的成员有存续的工商注册企业", "a member of a household receiving support has an active registered business",
		"入户核实经营情况；属识别不准的按程序剔除，可解释的豁免并写明原因", "verify the business; remove a misidentified household, or waive with the explanation" },
	[R_PAYROLL] = { "PAYROLL", "§8.3", ID, E, X, "payroll",
		"享受政策户的成员是财政供养人员", "a member of a household receiving support is on the public payroll",
		"核实后按程序剔除；分户错误的办理拆户", "verify and remove the household; split it where the household was wrongly formed" },
	[R_DIBAO_NOT_FLAGGED] = { "DIBAO_NOT_FLAGGED", "§8.2", IN, W, X, "dibao",
		"在民政低保名册中但未登记享受低保", "on the civil affairs minimum living allowance roll but not recorded",
		"将“是否享受低保”更正为是，并核对贫困户属性", "set \"dibao\" to yes and check the household attribute" },
	[R_DIBAO_NOT_ON_ROLL] = { "DIBAO_NOT_ON_ROLL", "§8.2", IN, W, X, "dibao",
		"登记享受低保但不在民政低保名册中", "recorded as receiving the allowance but not on the civil affairs roll",
		"与民政部门核对；已停发的更正为否", "check with civil affairs; set it to no if the allowance stopped" },
	[R_DIBAO_MISSED] = { "DIBAO_MISSED", "§8.1", ID, W, X, "dibao",
		"低保对象不在建档立卡人口中（应纳未纳候选）", "on the allowance roll but not in the registry (a candidate missed household)",
		"入户核实收入和两不愁三保障；符合条件的按应纳未纳程序纳入", "verify income and guarantees; include the household if it qualifies" },
	[R_TEKUN_NOT_FLAGGED] = { "TEKUN_NOT_FLAGGED", "§8.2", IN, W, X, "tekun",
		"在民政特困名册中但未登记特困供养", "on the civil affairs destitute support roll but not recorded",
		"将“是否特困供养”更正为是，并核对贫困户属性", "set \"tekun\" to yes and check the household attribute" },
	[R_TEKUN_NOT_ON_ROLL] = { "TEKUN_NOT_ON_ROLL", "§8.2", IN, W, X, "tekun",
		"登记特困供养但不在民政特困名册中", "recorded as under destitute support but not on the civil affairs roll",
		"与民政部门核对；已终止的更正为否", "check with civil affairs; set it to no if the support ended" },
	[R_TEKUN_MISSED] = { "TEKUN_MISSED", "§8.1", ID, W, X, "tekun",
		"特困供养人员不在建档立卡人口中（应纳未纳候选）", "under destitute support but not in the registry (a candidate missed household)",
		"入户核实；符合条件的按应纳未纳程序纳入", "verify; include the household if it qualifies" },
	[R_DISABILITY_NOT_RECORDED] = { "DISABILITY_NOT_RECORDED", "§8.2", IN, W, X, "disability",
		"在残疾人名单中但健康状况不是残疾", "on the disability list but not recorded as disabled",
		"将健康状况更正为残疾，证件改为残疾人证号", "correct the health to \"disabled\" and enter the disability card" },
	[R_MEDICAL_LIST] = { "MEDICAL_LIST", "§8.2", IN, W, X, "medical",
		"医保参保名单与登记的参保情况不一致", "the medical insurance list disagrees with the member's insurance",
		"按医保部门名单更正“是否参加城乡居民基本医疗保险”", "correct the medical insurance as the insurance office's list says" },
	[R_PENSION_LIST] = { "PENSION_LIST", "§8.2", IN, W, X, "pension",
		"养老保险参保名单与登记的参保情况不一致", "the pension insurance list disagrees with the member's insurance",
		"按人社部门名单更正“是否参加城乡居民基本养老保险”", "correct the pension insurance as the human resources office's list says" },
	[R_EMPLOYED_NOT_RECORDED] = { "EMPLOYED_NOT_RECORDED", "§8.2", IN, W, X, "employment",
		"人社就业登记在册但未登记务工", "registered as employed by human resources but no work recorded",
		"入户核实，补录务工状况和务工时间", "verify and enter the work status and months" },
	[R_NAME_MISMATCH] = { "NAME_MISMATCH", "§8.2", IN, W, X, NULL,
		"名单中证件号码相同但姓名不同", "a list row whose number matches a member but not the name",
		"核对身份证，更正姓名或证件号码", "check the ID card and correct the name or the number" },
};

int
rule_find(const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < (int)R__MAX; i++)
		if (strcasecmp(s, rules[i].code) == 0)
			return i;
	for (int i = 0; i < (int)R__MAX; i++)
		if (rules[i].ref[0] && strcmp(s, rules[i].ref) == 0)
			return i;
	return -1;
}

const char *
rule_label(enum rule r)
{
	return r < R__MAX ? (EN ? rules[r].en : rules[r].zh) : "";
}

const char *
rule_fix(enum rule r)
{
	return r < R__MAX ? (EN ? rules[r].fix_en : rules[r].fix_zh) : "";
}

static const struct {
	const char *code, *zh, *en;
} categories[CAT__MAX] = {
	[CAT_IDENTIFICATION] = { "identification", "识别不准", "misidentification" },
	[CAT_EXIT] = { "exit", "退出不准", "wrong exit" },
	[CAT_INFORMATION] = { "information", "信息不准", "inaccurate data" },
	[CAT_RECORDS] = { "records", "档案不规范", "incomplete records" },
};

const char *
category_code(enum category c)
{
	return c < CAT__MAX ? categories[c].code : "";
}

const char *
category_label(enum category c)
{
	return c < CAT__MAX ? (EN ? categories[c].en : categories[c].zh) : "";
}

bool
category_from_code(const char *s, enum category *out)
{
	for (int c = 0; s && c < CAT__MAX; c++)
		if (strcmp(s, categories[c].code) == 0 || strcmp(s, categories[c].zh) == 0) {
			*out = (enum category)c;
			return true;
		}
	return false;
}

const char *
severity_code(enum severity s)
{
	return s == SEV_ERROR ? "error" : "warning";
}

const char *
severity_label(enum severity s)
{
	if (s == SEV_ERROR)
		return EN ? "error" : "严重";
	return EN ? "warning" : "一般";
}
