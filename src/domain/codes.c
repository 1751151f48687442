/* codes.c: the code tables and a folded-label hash index built once per process. */
#include "codes.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/msg.h"
#include "lib/utf8.h"
#include "lib/util.h"

static const struct code sexes[] = {
	{ "1", "男", "male", "男性|M", VALL },
	{ "2", "女", "female", "女性|F", VALL },
	{ "9", "未说明的性别", "unstated", "未说明", VALL },
};

/* National order (code = position, 99 = 其他), DOMAIN.md §3.2. Codes 31–37 are local: the 2021+ labels are
 * confirmed, their national numbers are not. */
static const struct code relations[] = {
	{ "01", "户主", "head", "本人|本人或户主|户主本人", VALL },
	{ "02", "配偶", "spouse", "妻|夫|妻子|丈夫", VALL },
	{ "03", "之子", "son", "子|儿子", VALL },
	{ "04", "之女", "daughter", "女|女儿", VALL },
	{ "05", "之儿媳", "daughter-in-law", "儿媳", VALL },
	{ "06", "之女婿", "son-in-law", "女婿", VALL },
	{ "07", "之孙子", "grandson", "孙子", VALL },
	{ "08", "之孙女", "granddaughter", "孙女", VALL },
	{ "09", "之外孙子", "daughter's son", "外孙子|外孙", VALL },
	{ "10", "之外孙女", "daughter's daughter", "外孙女", VALL },
	{ "11", "之父", "father", "父亲|父", VALL },
	{ "12", "之母", "mother", "母亲|母", VALL },
	{ "13", "之岳父", "father-in-law (wife's)", "岳父", VALL },
	{ "14", "之岳母", "mother-in-law (wife's)", "岳母", VALL },
	{ "15", "之公公", "father-in-law (husband's)", "公公", VALL },
	{ "16", "之婆婆", "mother-in-law (husband's)", "婆婆", VALL },
	{ "17", "之祖父", "grandfather", "祖父", VALL },
	{ "18", "之祖母", "grandmother", "祖母", VALL },
	{ "19", "之外祖父", "maternal grandfather", "外祖父", VALL },
	{ "20", "之外祖母", "maternal grandmother", "外祖母", VALL },
	{ "31", "之兄弟姐妹", "sibling", "兄弟姐妹", V2021 },
	{ "32", "之兄弟媳妇", "sister-in-law", "兄弟媳妇", V2021 },
	{ "33", "之曾孙子", "great-grandson", "曾孙子", V2021 },
	{ "34", "之曾孙女", "great-granddaughter", "曾孙女", V2021 },
	{ "35", "之叔伯", "uncle", "叔伯", V2021 },
	{ "36", "之侄儿", "nephew", "侄儿|侄子", V2021 },
	{ "37", "之侄女", "niece", "侄女", V2021 },
	{ "99", "其他", "other", NULL, VALL },
};

/* GB 3304-1991. */
static const struct code ethnicities[] = {
	{ "01", "汉族", "Han", "汉", VALL }, { "02", "蒙古族", "Mongol", "蒙古", VALL },
	{ "03", "回族", "Hui", "回", VALL }, { "04", "藏族", "Tibetan", "藏", VALL },
	{ "05", "维吾尔族", "Uyghur", "维吾尔", VALL }, { "06", "苗族", "Miao", "苗", VALL },
	{ "07", "彝族", "Yi", "彝", VALL }, { "08", "壮族", "Zhuang", "壮", VALL },
	{ "09", "布依族", "Bouyei", "布依", VALL }, { "10", "朝鲜族", "Korean", "朝鲜", VALL },
	{ "11", "满族", "Manchu", "满", VALL }, { "12", "侗族", "Dong", "侗", VALL },
	{ "13", "瑶族", "Yao", "瑶", VALL }, { "14", "白族", "Bai", "白", VALL },
	{ "15", "土家族", "Tujia", "土家", VALL }, { "16", "哈尼族", "Hani", "哈尼", VALL },
	{ "17", "哈萨克族", "Kazakh", "哈萨克", VALL }, { "18", "傣族", "Dai", "傣", VALL },
	{ "19", "黎族", "Li", "黎", VALL }, { "20", "傈僳族", "Lisu", "傈僳", VALL },
	{ "21", "佤族", "Va", "佤", VALL }, { "22", "畲族", "She", "畲", VALL },
	{ "23", "高山族", "Gaoshan", "高山", VALL }, { "24", "拉祜族", "Lahu", "拉祜", VALL },
	{ "25", "水族", "Sui", "水", VALL }, { "26", "东乡族", "Dongxiang", "东乡", VALL },
	{ "27", "纳西族", "Nakhi", "纳西", VALL }, { "28", "景颇族", "Jingpo", "景颇", VALL },
	{ "29", "柯尔克孜族", "Kyrgyz", "柯尔克孜", VALL }, { "30", "土族", "Tu", "土", VALL },
	{ "31", "达斡尔族", "Daur", "达斡尔", VALL }, { "32", "仫佬族", "Mulao", "仫佬", VALL },
	{ "33", "羌族", "Qiang", "羌", VALL }, { "34", "布朗族", "Blang", "布朗", VALL },
	{ "35", "撒拉族", "Salar", "撒拉", VALL }, { "36", "毛南族", "Maonan", "毛南", VALL },
	{ "37", "仡佬族", "Gelao", "仡佬", VALL }, { "38", "锡伯族", "Xibe", "锡伯", VALL },
	{ "39", "阿昌族", "Achang", "阿昌", VALL }, { "40", "普米族", "Pumi", "普米", VALL },
	{ "41", "塔吉克族", "Tajik", "塔吉克", VALL }, { "42", "怒族", "Nu", "怒", VALL },
	{ "43", "乌孜别克族", "Uzbek", "乌孜别克", VALL }, { "44", "俄罗斯族", "Russian", "俄罗斯", VALL },
	{ "45", "鄂温克族", "Evenki", "鄂温克", VALL }, { "46", "德昂族", "De'ang", "德昂", VALL },
	{ "47", "保安族", "Bonan", "保安", VALL }, { "48", "裕固族", "Yugur", "裕固", VALL },
	{ "49", "京族", "Gin", "京", VALL }, { "50", "塔塔尔族", "Tatar", "塔塔尔", VALL },
	{ "51", "独龙族", "Derung", "独龙", VALL }, { "52", "鄂伦春族", "Oroqen", "鄂伦春", VALL },
	{ "53", "赫哲族", "Hezhen", "赫哲", VALL }, { "54", "门巴族", "Monba", "门巴", VALL },
	{ "55", "珞巴族", "Lhoba", "珞巴", VALL }, { "56", "基诺族", "Jino", "基诺", VALL },
	{ "97", "其他", "other", "其他民族", VALL },
	{ "98", "外国血统中国籍人士", "foreign origin", NULL, VALL },
};

static const struct code educations[] = {
	{ "01", "文盲或半文盲", "illiterate or semi-literate", "文盲|半文盲|文盲半文盲", VALL },
	{ "02", "小学", "primary school", NULL, VALL },
	{ "03", "初中", "junior secondary", NULL, VALL },
	{ "04", "高中", "senior secondary", "高中/中专|中专", VALL },
	{ "05", "大专及以上", "college or above", "大专以上", VALL },
	{ "06", "学龄前儿童", "pre-school child", "学龄前", VALL },
};

static const struct code schoolings[] = {
	{ "01", "非在校生", "not in school", NULL, VALL },
	{ "02", "学前教育", "pre-school", NULL, VALL },
	{ "03", "小学", "primary school", NULL, VALL },
	{ "04", "七年级", "grade 7", "初一", VALL },
	{ "05", "八年级", "grade 8", "初二", VALL },
	{ "06", "九年级", "grade 9", "初三", VALL },
	{ "07", "高中一年级", "senior grade 1", "高一", VALL },
	{ "08", "高中二年级", "senior grade 2", "高二", VALL },
	{ "09", "高中三年级", "senior grade 3", "高三", VALL },
	{ "10", "中职一年级", "vocational grade 1", "中职一", VALL },
	{ "11", "中职二年级", "vocational grade 2", "中职二", VALL },
	{ "12", "中职三年级", "vocational grade 3", "中职三", VALL },
	{ "13", "高职一年级", "higher vocational 1", "高职一", VALL },
	{ "14", "高职二年级", "higher vocational 2", "高职二", VALL },
	{ "15", "高职三年级", "higher vocational 3", "高职三", VALL },
	{ "16", "大专及以上", "college or above", NULL, VALL },
};

static const struct code healths[] = {
	{ "01", "健康", "healthy", NULL, VALL },
	{ "02", "长期慢性病", "chronic illness", "慢性病", VALL },
	{ "03", "患有大病", "serious illness", "大病", VALL },
	{ "04", "残疾", "disabled", NULL, VALL },
};

/* 05 is local: the 2019+ label is confirmed, its national number is not. */
static const struct code labors[] = {
	{ "01", "普通劳动力", "ordinary labour", NULL, VALL },
	{ "02", "技能劳动力", "skilled labour", NULL, VALL },
	{ "03", "丧失劳动力", "lost labour capacity", NULL, VALL },
	{ "04", "无劳动力", "no labour capacity", NULL, VALL },
	{ "05", "弱劳动力或半劳动力", "weak or half labour", "弱劳动力|半劳动力", V2019 | V2021 },
};

static const struct code works[] = {
	{ "01", "乡（镇）内务工", "working inside the town", "乡镇内务工", VALL },
	{ "02", "乡（镇）外县内务工", "working in the county", "乡镇外县内务工", VALL },
	{ "03", "县外省内务工", "working in the province", NULL, VALL },
	{ "04", "省外务工", "working outside the province", NULL, VALL },
	{ "99", "其他", "other", NULL, VALL },
};

/* DOMAIN.md §2.2: Tuopin's own internal numbering, mapped by label (the national numbers conflict). */
static const struct code attributes[] = {
	{ "1", "一般贫困户", "ordinary poor household", NULL, VALL },
	{ "2", "低保贫困户", "poor household on minimum living allowance", NULL, VALL },
	{ "3", "特困供养贫困户", "poor household under destitute support", "五保贫困户", V2016 | V2019 | V2021 },
	{ "4", "低保户", "minimum living allowance household", NULL, V2014 | V2016 },
	{ "5", "五保户", "five-guarantee household", NULL, V2014 | V2016 },
	{ "6", "一般农户", "ordinary rural household", NULL, V2016 | V2021 },
};

/* DOMAIN.md §2.3 (code = national position); 13 因丧 is local (2019 Guangxi form). */
static const struct code causes[] = {
	{ "01", "因病", "illness", "因病致贫", VALL },
	{ "02", "因残", "disability", "因残致贫", VALL },
	{ "03", "因学", "schooling costs", "因学致贫", VALL },
	{ "04", "因灾", "disaster", "因灾致贫", VALL },
	{ "05", "缺土地", "lack of land", NULL, VALL },
	{ "06", "缺水", "lack of water", NULL, VALL },
	{ "07", "缺技术", "lack of skills", NULL, VALL },
	{ "08", "缺劳力", "lack of labour", "缺劳动力", VALL },
	{ "09", "缺资金", "lack of funds", NULL, VALL },
	{ "10", "交通条件落后", "poor transport", NULL, VALL },
	{ "11", "自身发展动力不足", "lack of drive", "自身发展力不足", VALL },
	{ "12", "因婚", "marriage costs", "因婚致贫", V2016 | V2019 | V2021 },
	{ "13", "因丧", "funeral costs", NULL, V2019 | V2021 },
	{ "99", "其他", "other", NULL, VALL },
};

static const struct code standards[] = {
	{ "1", "国家标准", "national line", NULL, VALL },
	{ "2", "省定标准", "provincial line", NULL, VALL },
	{ "3", "市定标准", "municipal line", NULL, VALL },
};

static const struct code statuses[] = {
	{ "poor", "未脱贫", "not exited", "贫困|贫困户", VALL },
	{ "returned", "返贫", "returned to poverty", "已返贫", VALL },
	{ "exited_supported", "已脱贫享受政策", "exited, policy continues",
	    "已脱贫(享受政策)|脱贫享受政策|已脱贫享受政策户", VALL },
	{ "exited_unsupported", "已脱贫不享受政策", "exited, policy ended",
	    "已脱贫(不享受政策)|已脱贫(不再享受政策)|已脱贫不再享受政策|脱贫不享受政策", VALL },
	{ "removed", "已剔除", "removed", "剔除|已清退", VALL },
	{ "cancelled", "已销户", "cancelled", "销户", VALL },
	{ "ordinary", "一般农户", "ordinary rural household", "普通农户|非建档立卡户", V2021 },
};

static const struct code events[] = {
	{ "identify", "新识别", "identification", "新增|识别", VALL },
	{ "include_missed", "应纳未纳", "missed household included", "应纳未纳补录|漏评补录", VALL },
	{ "exit", "脱贫", "exit", "标注脱贫|脱贫退出", VALL },
	{ "policy_end", "停止享受政策", "policy ended", "不再享受政策|已脱贫享受政策改为已脱贫不享受政策", VALL },
	{ "policy_resume", "恢复享受政策", "policy resumed", "已脱贫不享受政策改为已脱贫享受政策", VALL },
	{ "return", "返贫", "return to poverty", "标注返贫|返贫纳入", VALL },
	{ "remove", "识别不准剔除", "removed (misidentified)", "剔除|整户识别不准", VALL },
	{ "clear", "清退", "cleared out", NULL, VALL },
	{ "cancel", "销户", "household cancelled", "自然销户", VALL },
	{ "member_add", "人员增加", "member added", "自然增加|增加人员|需增加人员", VALL },
	{ "member_remove", "人员减少", "member removed", "自然减少|减少人员", VALL },
	{ "split", "拆户", "household split", NULL, VALL },
	{ "merge", "并户", "households merged", NULL, VALL },
	{ "monitor_in", "纳入监测", "monitoring started", NULL, VALL },
	{ "risk_eliminate", "风险消除", "risk eliminated", NULL, VALL },
	{ "data_fix", "信息更正", "data corrected", "数据更正", VALL },
	{ "enrol", "一般农户纳入", "ordinary household entered", "纳入一般农户", V2021 },
};

static const struct code reasons_add[] = {
	{ "newborn", "新生儿", "newborn", "出生", VALL },
	{ "marriage_in", "婚入", "married in", "嫁入", VALL },
	{ "correction", "更正", "correction", "错误|漏登", VALL },
	{ "other", "其他", "other", NULL, VALL },
};

static const struct code reasons_remove[] = {
	{ "death", "死亡", "death", NULL, VALL },
	{ "marriage_out", "婚出", "married out", "嫁出", VALL },
	{ "correction", "更正", "correction", "错误|错登", VALL },
	{ "other", "其他", "other", NULL, VALL },
};

/* 防返贫动态监测 (DOMAIN.md §4.2; codes are Tuopin's own, the national numbers are not confirmed) */
static const struct code mon_types[] = {
	{ "unstable", "脱贫不稳定户", "unstable former poor household", "脱贫不稳定", V2021 },
	{ "marginal", "边缘易致贫户", "marginal household at risk", "边缘易致贫|边缘户", V2021 },
	{ "sudden", "突发严重困难户", "household in sudden severe hardship", "突发严重困难", V2021 },
};

static const struct code mon_risks[] = {
	{ "illness", "因病", "illness", NULL, V2021 },
	{ "school", "因学", "schooling costs", NULL, V2021 },
	{ "disability", "因残", "disability", NULL, V2021 },
	{ "disaster", "因自然灾害", "natural disaster", "因灾", V2021 },
	{ "accident", "因意外事故", "accident", NULL, V2021 },
	{ "industry", "因产业项目失败", "failed business project", NULL, V2021 },
	{ "employment", "因务工就业不稳", "unstable employment", NULL, V2021 },
	{ "labour", "缺劳动力", "lack of labour", "缺劳力", V2021 },
	{ "housing", "因安全住房", "unsafe housing", "住房出现安全问题", V2021 },
	{ "water", "因安全饮水", "unsafe drinking water", NULL, V2021 },
	{ "other", "其他", "other", "其他方面", V2021 },
};

static const struct code mon_channels[] = {
	{ "self", "农户自主申报", "the household's own report", "自主申报|农户申请", V2021 },
	{ "screening", "干部排查", "cadres' screening", "镇村干部排查|基层干部排查", V2021 },
	{ "department", "部门筛查预警", "departments' screening and warnings", "行业部门筛查预警", V2021 },
	{ "supervision", "监督渠道反馈", "feedback through supervision channels", "各类监督渠道反馈", V2021 },
	{ "platform", "平台监测分析", "the platform's monitoring analysis", NULL, V2021 },
};

static const struct code mon_ways[] = {
	{ "help", "帮扶消除", "eliminated through assistance", NULL, V2021 },
	{ "natural", "自然消除", "eliminated naturally", NULL, V2021 },
};

static const struct code programmes[] = {
	{ "dibao", "低保", "minimum living allowance", "农村低保|低保户", V2021 },
	{ "dibao_edge", "低保边缘", "near the minimum living allowance", "低保边缘户|低保边缘家庭", V2021 },
	{ "tekun", "特困", "extreme hardship support", "特困供养|特困人员|五保", V2021 },
};

#define LIST(zh, en, a) { zh, en, a, NELEM(a) }
static const struct code_list lists[CL__MAX] = {
	[CL_SEX] = LIST("性别", "sex", sexes),
	[CL_RELATION] = LIST("与户主关系", "relation to head", relations),
	[CL_ETHNICITY] = LIST("民族", "ethnicity", ethnicities),
	[CL_EDUCATION] = LIST("文化程度", "education", educations),
	[CL_SCHOOLING] = LIST("在校生状况", "schooling", schoolings),
	[CL_HEALTH] = LIST("健康状况", "health", healths),
	[CL_LABOR] = LIST("劳动技能", "labour capacity", labors),
	[CL_WORK] = LIST("务工状况", "work status", works),
	[CL_ATTRIBUTE] = LIST("贫困户属性", "household attribute", attributes),
	[CL_CAUSE] = LIST("致贫原因", "cause of poverty", causes),
	[CL_STANDARD] = LIST("识别标准", "identification standard", standards),
	[CL_STATUS] = LIST("贫困户状态", "household status", statuses),
	[CL_EVENT] = LIST("变动类型", "event type", events),
	[CL_REASON_ADD] = LIST("人员增加原因", "reason for adding a member", reasons_add),
	[CL_REASON_REMOVE] = LIST("人员减少原因", "reason for removing a member", reasons_remove),
	[CL_MON_TYPE] = LIST("监测对象类别", "monitoring type", mon_types),
	[CL_MON_RISK] = LIST("风险类型", "risk type", mon_risks),
	[CL_MON_CHANNEL] = LIST("发现渠道", "discovery channel", mon_channels),
	[CL_MON_WAY] = LIST("风险消除方式", "way of elimination", mon_ways),
	[CL_PROGRAMME] = LIST("帮扶救助项目", "programme", programmes),
};

/* ---- folded-key hash index ---- */

#define HBITS 12
#define HSIZE (1u << HBITS)

struct slot {
	char *key;
	const struct code *c;
};
static struct slot index_[CL__MAX][HSIZE];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static unsigned
hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
index_put(enum codelist cl, const char *text, size_t n, const struct code *c)
{
	struct buf b;
	buf_init(&b);
	utf8_fold((struct str){ text, n }, &b);
	if (b.n == 0) {
		buf_free(&b);
		return;
	}
	unsigned h = hash(b.p, b.n) & (HSIZE - 1);
	while (index_[cl][h].key) {
		if (strcmp(index_[cl][h].key, b.p) == 0) {   /* first entry wins: codes before aliases */
			buf_free(&b);
			return;
		}
		h = (h + 1) & (HSIZE - 1);
	}
	index_[cl][h].key = buf_detach(&b);
	index_[cl][h].c = c;
}

static void
index_build(void)
{
	for (int cl = 0; cl < CL__MAX; cl++) {
		const struct code_list *l = &lists[cl];
		for (size_t i = 0; i < l->n; i++) {
			const struct code *c = &l->codes[i];
			index_put(cl, c->code, strlen(c->code), c);
			index_put(cl, c->label, strlen(c->label), c);
		}
		for (size_t i = 0; i < l->n; i++) {
			const struct code *c = &l->codes[i];
			index_put(cl, c->en, strlen(c->en), c);
			for (const char *a = c->aliases; a && *a;) {
				const char *bar = strchr(a, '|');
				size_t n = bar ? (size_t)(bar - a) : strlen(a);
				index_put(cl, a, n, c);
				a = bar ? bar + 1 : a + n;
			}
		}
	}
}

const struct code_list *
codes_list(enum codelist cl)
{
	return &lists[cl];
}

const char *
codes_list_name(enum codelist cl)
{
	return msg_lang() == LANG_EN ? lists[cl].name_en : lists[cl].name;
}

const struct code *
code_find(enum codelist cl, struct str s)
{
	char key[256];
	pthread_once(&index_once, index_build);
	size_t n = utf8_fold_to(s, key, sizeof(key));   /* on the stack: this runs for every cell of an import */
	if (n == 0 || n == (size_t)-1)
		return NULL;
	/* Case-fold ASCII so "Male" finds "male". */
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 'A' && key[i] <= 'Z' && cl != CL_SEX)
			key[i] = (char)(key[i] + 32);
	unsigned h = hash(key, n) & (HSIZE - 1);
	const struct code *found = NULL;
	while (index_[cl][h].key) {
		if (strcmp(index_[cl][h].key, key) == 0) {
			found = index_[cl][h].c;
			break;
		}
		h = (h + 1) & (HSIZE - 1);
	}
	/* A one-digit numeric code written as two ("1" vs "01") or the reverse. */
	if (!found && n <= 2 && key[0] >= '0' && key[0] <= '9') {
		const struct code_list *l = &lists[cl];
		int v = atoi(key);
		for (size_t i = 0; i < l->n && !found; i++)
			if (l->codes[i].code[0] >= '0' && l->codes[i].code[0] <= '9' && atoi(l->codes[i].code) == v)
				found = &l->codes[i];
	}
	return found;
}

const struct code *
code_by_code(enum codelist cl, const char *code)
{
	if (!code)
		return NULL;
	const struct code_list *l = &lists[cl];
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->codes[i].code, code) == 0)
			return &l->codes[i];
	return NULL;
}

const char *
code_label(enum codelist cl, const char *code)
{
	if (!code)
		return "";
	const struct code *c = code_by_code(cl, code);
	if (!c)
		return code;
	return msg_lang() == LANG_EN ? c->en : c->label;
}

const char *
code_zh(enum codelist cl, const char *code)
{
	const struct code *c = code ? code_by_code(cl, code) : NULL;
	return c ? c->label : "";
}

const char *
health_cell(const char *health, bool full, bool chinese)
{
	if (HEALTH_MASKS(health, full))
		return HEALTH_MASKED;
	return chinese ? code_zh(CL_HEALTH, health) : code_label(CL_HEALTH, health);
}

int
code_version_for_date(int ymd)
{
	int y = ymd / 10000;
	if (y < 2016)
		return 2014;
	if (y < 2019)
		return 2016;
	if (y < 2021)
		return 2019;
	return 2021;
}

bool
code_in_version(const struct code *c, int version)
{
	unsigned bit = version == 2014 ? V2014 : version == 2016 ? V2016 : version == 2019 ? V2019 : V2021;
	return (c->versions & bit) != 0;
}

int
relation_required_sex(const char *r)
{
	/* DOMAIN.md §3.2: male-only and female-only relations (2023 audit rule 2_01_004). */
	static const char *const male[] = { "03", "06", "07", "09", "11", "13", "15", "17", "19", "33", "35", "36" };
	static const char *const female[] = { "04", "05", "08", "10", "12", "14", "16", "18", "20", "32", "34", "37" };
	if (!r)
		return 0;
	for (size_t i = 0; i < NELEM(male); i++)
		if (strcmp(r, male[i]) == 0)
			return 1;
	for (size_t i = 0; i < NELEM(female); i++)
		if (strcmp(r, female[i]) == 0)
			return 2;
	return 0;
}

const char *
relation_sex_unfit(const char *r, const char *sex)
{
	int need = relation_required_sex(r);
	if (!need || !sex)
		return NULL;
	const char *want = need == 1 ? SEX_MALE : SEX_FEMALE;
	return strcmp(sex, want) == 0 ? NULL : want;
}

bool
relation_once(const char *r)
{
	/* 02 配偶; 11-20 之父, 之母, 之岳父, 之岳母, 之公公, 之婆婆, 之祖父, 之祖母, 之外祖父, 之外祖母 */
	if (!r || strlen(r) != 2)
		return false;
	return strcmp(r, REL_SPOUSE) == 0 || (strcmp(r, "11") >= 0 && strcmp(r, "20") <= 0);
}
