/* assist_kinds.c: the declarations of the assistance and supervision records: their code lists (DOMAIN.md §7)
 * and, for every kind, its fields: the key, the label a sheet uses, how the text is parsed, the column it is
 * stored in, and whether it is required, may change later, or is personal. Data only; the rules are in
 * assistance.c (hooks) and supervision.c. */
#include <string.h>

#include "domain/assist.h"
#include "lib/msg.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* ---- code lists ---- */

static const struct acode affiliations[] = {
	{ "province", "省直", "provincial unit", "省级|省直单位", NULL },
	{ "city", "市直", "city unit", "市级|市直单位", NULL },
	{ "county", "县直", "county unit", "县级|县直单位|区直|区直单位", NULL },
	{ "town", "乡镇", "town", "乡镇级|镇直", NULL },
	{ "village", "村级", "village", "村|村干部", NULL },
};
static const struct acode team_roles[] = {
	{ "first_secretary", "第一书记", "first secretary", "驻村第一书记", NULL },
	{ "leader", "工作队长", "team leader", "驻村工作队长|队长", NULL },
	{ "member", "工作队员", "team member", "驻村工作队员|队员", NULL },
};
static const struct acode visit_modes[] = {
	{ "home", "入户走访", "home visit", "入户|走访", NULL },
	{ "phone", "电话回访", "phone call", "电话", NULL },
	{ "meeting", "集中座谈", "meeting", "座谈", NULL },
};
/* DOMAIN.md §7.3, in the order of the 明白卡 */
static const struct acode categories[] = {
	{ "industry", "产业扶贫", "industry", "产业|产业帮扶", NULL },
	{ "employment", "就业扶贫", "employment", "就业|就业帮扶|转移就业", NULL },
	{ "relocation", "易地扶贫搬迁", "relocation", "易地搬迁|搬迁", NULL },
	{ "public_post", "公益岗位", "public post", "公益性岗位|公益性岗位帮扶", NULL },
	{ "education", "教育扶贫", "education", "教育|教育帮扶", NULL },
	{ "health", "健康扶贫", "health", "健康|健康帮扶|医疗", NULL },
	{ "housing", "危房改造", "housing", "危房|住房安全保障", NULL },
	{ "finance", "金融扶贫", "finance", "金融|金融帮扶|小额信贷", NULL },
	{ "living", "生活条件改善", "living conditions", "生活条件|生产生活条件改善", NULL },
	{ "security", "综合保障", "social security", "兜底保障|社会保障兜底", NULL },
	{ "ecology", "生态扶贫", "ecology", "生态|生态补偿", NULL },
	{ "social", "社会帮扶", "social help", "社会扶贫|慈善", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode items[] = {
	{ "planting", "种植业", "crops", "种植", "industry" },
	{ "breeding", "养殖业", "livestock", "养殖", "industry" },
	{ "processing", "加工业", "processing", "加工", "industry" },
	{ "service", "服务业", "services", NULL, "industry" },
	{ "tourism", "休闲农业与乡村旅游", "rural tourism", "乡村旅游", "industry" },
	{ "collective_share", "村集体经济量化入股", "collective shares", "量化入股", "industry" },
	{ "cooperative", "加入合作社", "cooperative", "合作社", "industry" },
	{ "photovoltaic", "光伏扶贫", "photovoltaic", "光伏", "industry" },
	{ "industry_other", "其他产业", "other industry", NULL, "industry" },
	{ "work_outside", "乡外务工", "work outside the town", "外出务工", "employment" },
	{ "work_local", "乡内务工", "work in the town", "就近务工|就地务工", "employment" },
	{ "workshop", "扶贫车间", "workshop", "扶贫就业车间|帮扶车间", "employment" },
	{ "training", "技能培训", "skills training", "就业培训|职业技能培训", "employment" },
	{ "move_in", "搬迁入住", "moved in", "入住", "relocation" },
	{ "forest", "护林员", "forest ranger", NULL, "public_post" },
	{ "road", "护路员", "road keeper", NULL, "public_post" },
	{ "water_keeper", "护水员", "water keeper", NULL, "public_post" },
	{ "cleaning", "护洁员", "cleaner", "保洁员|保洁", "public_post" },
	{ "care", "护理员", "carer", NULL, "public_post" },
	{ "security_guard", "治安协管员", "security assistant", NULL, "public_post" },
	{ "post_other", "其他岗位", "other post", NULL, "public_post" },
	{ "nutrition", "营养改善", "school meals", NULL, "education" },
	{ "yulu", "雨露计划职业教育补贴", "Yulu vocational subsidy", "雨露计划", "education" },
	{ "education_grant", "教育专项补助", "education grant", NULL, "education" },
	{ "student_loan", "助学贷款", "student loan", NULL, "education" },
	{ "two_free", "两免一补", "two exemptions one subsidy", NULL, "education" },
	{ "agri_training", "农业实用技术培训", "farming training", NULL, "education" },
	{ "medical_insurance", "城乡居民基本医疗保险", "resident medical insurance", "居民医疗保险|新农合", "health" },
	{ "serious_insurance", "大病保险", "serious illness insurance", NULL, "health" },
	{ "medical_aid", "医疗救助", "medical aid", NULL, "health" },
	{ "supplementary", "商业补充医疗保险", "supplementary insurance", "补充医疗保险", "health" },
	{ "checkup", "免费查体", "free examination", "健康查体|体检", "health" },
	{ "family_doctor", "签约服务", "family doctor", "家庭医生签约", "health" },
	{ "serious_treatment", "大病救治", "serious illness treatment", NULL, "health" },
	{ "renovation", "危房改造补助", "house renovation", "危房改造", "housing" },
	{ "microcredit", "扶贫小额信贷", "microcredit", "小额信贷", "finance" },
	{ "fumin_household", "富民农户贷", "Fumin household loan", NULL, "finance" },
	{ "farm_insurance", "农业保险", "farm insurance", NULL, "finance" },
	{ "road_access", "入户路改造", "road to the house", NULL, "living" },
	{ "drinking_water", "解决安全饮水", "safe water", "安全饮水", "living" },
	{ "toilet", "卫生厕所改造", "toilet", "改厕", "living" },
	{ "dibao", "农村最低生活保障", "minimum living allowance", "低保", "security" },
	{ "pension", "城乡居民基本养老保险", "resident pension", "养老保险", "security" },
	{ "left_behind", "留守关爱服务", "care for the left-behind", NULL, "security" },
	{ "temporary_aid", "临时救助", "temporary aid", NULL, "security" },
	{ "orphan", "孤儿补贴", "orphan allowance", NULL, "security" },
	{ "disability", "残疾人补贴", "disability allowance", "残疾人两项补贴", "security" },
	{ "eco_compensation", "生态补偿", "ecological compensation", NULL, "ecology" },
	{ "grain_to_green", "退耕还林", "grain for green", NULL, "ecology" },
	{ "charity_card", "慈善扶贫救助卡", "charity card", "救助卡", "social" },
	{ "charity_visit", "慈善慰问", "charity visit", "慰问", "social" },
	{ "paired_help", "结对帮扶", "paired help", NULL, "social" },
	{ "other_item", "其他", "other", "其它", "other" },
};
static const struct acode project_kinds[] = {
	{ "industry", "特色产业扶贫项目", "industry project", "产业项目|特色农业产业扶贫项目|产业扶贫项目", NULL },
	{ "workshop", "扶贫就业车间", "poverty-alleviation workshop", "扶贫车间|就业车间|帮扶车间", NULL },
	{ "pv", "光伏扶贫电站", "photovoltaic station", "光伏电站|光伏", NULL },
	{ "infrastructure", "基础设施项目", "infrastructure", "基础设施", NULL },
	{ "other", "其他项目", "other project", "其他|其它", NULL },
};
/* DOMAIN.md §7.7 */
static const struct acode fund_sources[] = {
	{ "special", "财政专项扶贫资金", "special poverty funds", "专项扶贫资金|财政专项", NULL },
	{ "linkage", "衔接推进乡村振兴补助资金", "rural revitalisation linkage funds", "衔接资金", NULL },
	{ "integrated", "统筹整合涉农资金", "integrated agricultural funds", "整合资金", NULL },
	{ "sector", "行业扶贫资金", "sector funds", NULL, NULL },
	{ "bond", "地方政府债券", "local government bonds", "债券", NULL },
	{ "east_west", "东西部协作", "east-west cooperation", "东西部扶贫协作", NULL },
	{ "paired", "定点帮扶", "designated help", NULL, NULL },
	{ "donation", "社会捐赠", "donations", "捐赠", NULL },
	{ "self", "自筹", "own funds", "自筹资金", NULL },
	{ "bank", "银行贷款", "bank loan", "贷款", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode benefit_modes[] = {
	{ "employment", "就业", "employment", "务工|就业带动", NULL },
	{ "dividend", "分红", "dividend", "入股分红|收益分红", NULL },
	{ "land", "土地流转", "land lease", "流转", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode post_kinds[] = {
	{ "cleaning", "护洁员", "cleaner", "保洁员|保洁|村保洁", NULL },
	{ "forest", "护林员", "forest ranger", NULL, NULL },
	{ "road", "护路员", "road keeper", NULL, NULL },
	{ "water", "护水员", "water keeper", NULL, NULL },
	{ "care", "护理员", "carer", NULL, NULL },
	{ "security", "治安协管员", "security assistant", "治安员", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
/* DOMAIN.md §7.4 (Shandong's products) */
static const struct acode loan_products[] = {
	{ "fumin_household", "富民农户贷", "Fumin household loan", NULL, NULL },
	{ "fumin_production", "富民生产贷", "Fumin production loan", NULL, NULL },
	{ "fumin_development", "富民发展贷", "Fumin development loan", NULL, NULL },
	{ "first_secretary", "第一书记帮扶贷", "first secretary loan", NULL, NULL },
	{ "microcredit", "扶贫小额信贷", "poverty microcredit", "小额信贷", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode paid_bys[] = {
	{ "finance", "财政代缴", "finance bureau", "财政|财政局|政府代缴", NULL },
	{ "self", "个人缴纳", "self", "个人|自缴", NULL },
	{ "fund", "医保基金", "insurance fund", "基金", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode asset_classes[] = {
	{ "operating", "经营性资产", "operating asset", "经营性", NULL },
	{ "public", "公益性资产", "public asset", "公益性", NULL },
	{ "household", "到户类资产", "household asset", "到户类|到户", NULL },
};
static const struct acode owner_levels[] = {
	{ "county", "县级", "county", "县|区|区级", NULL },
	{ "town", "乡镇", "town", "镇|乡", NULL },
	{ "village", "村集体", "village collective", "村|村级", NULL },
	{ "household", "农户", "household", "户", NULL },
};
static const struct acode case_sources[] = {
	{ "12317", "12317", "12317 hotline", "12317监督举报电话|12317热线", NULL },
	{ "petition", "信访", "petition", "信访举报", NULL },
	{ "audit", "审计", "audit", "扶贫审计", NULL },
	{ "inspection", "巡察", "inspection", "巡视巡察", NULL },
	{ "unannounced", "暗访", "unannounced visit", "明察暗访", NULL },
	{ "media", "媒体", "media", "媒体曝光", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode case_categories[] = {
	{ "funds", "扶贫资金管理使用", "misuse of funds", "资金|截留挪用|侵占挪用", NULL },
	{ "identification", "识别退出不精准", "imprecise identification", "优亲厚友|识别不准|退出不准", NULL },
	{ "false_claim", "虚报冒领", "false claims", "虚报|冒领", NULL },
	{ "project", "项目管理", "project management", "项目", NULL },
	{ "policy", "政策落实不到位", "policy not delivered", "政策落实", NULL },
	{ "formalism", "形式主义官僚主义", "formalism", "作风不实|形式主义", NULL },
	{ "dereliction", "履职不力", "dereliction of duty", "失职失责", NULL },
	{ "bribery", "吃拿卡要", "bribery", "优亲厚友吃拿卡要", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode accountabilities[] = {
	{ "admonition", "诫勉谈话", "admonition", "诫勉", NULL },
	{ "criticism", "通报批评", "public criticism", "批评教育", NULL },
	{ "organizational", "组织处理", "organisational measure", NULL, NULL },
	{ "party", "党纪处分", "party discipline", "党纪", NULL },
	{ "government", "政务处分", "administrative sanction", "政纪处分|政务", NULL },
	{ "judicial", "移送司法机关", "referred to prosecution", "移送司法", NULL },
	{ "other", "其他", "other", "其它", NULL },
};
static const struct acode channels[] = {
	{ "12317", "12317", "12317 hotline", "12317热线|12317监督举报电话", NULL },
	{ "petition", "信访", "petition", NULL, NULL },
	{ "online", "网络", "online", "网上|网络留言", NULL },
	{ "letter", "来信", "letter", NULL, NULL },
	{ "visit", "来访", "in person", NULL, NULL },
	{ "other", "其他", "other", "其它", NULL },
};

#define L(zh, en, a) { zh, en, a, NELEM(a) }
static const struct acode_list lists[AL__MAX] = {
	[AL_AFFILIATION] = L("单位隶属关系", "affiliation", affiliations),
	[AL_TEAM_ROLE] = L("驻村职务", "team role", team_roles),
	[AL_VISIT_MODE] = L("走访方式", "visit mode", visit_modes),
	[AL_CATEGORY] = L("帮扶类别", "measure category", categories),
	[AL_ITEM] = L("帮扶项目", "measure item", items),
	[AL_PROJECT_KIND] = L("项目类型", "project kind", project_kinds),
	[AL_FUND_SOURCE] = L("资金来源", "fund source", fund_sources),
	[AL_BENEFIT_MODE] = L("带动方式", "benefit mode", benefit_modes),
	[AL_POST_KIND] = L("岗位类别", "post kind", post_kinds),
	[AL_LOAN_PRODUCT] = L("贷款产品", "loan product", loan_products),
	[AL_PAID_BY] = L("缴费方式", "paid by", paid_bys),
	[AL_ASSET_CLASS] = L("资产类别", "asset class", asset_classes),
	[AL_OWNER_LEVEL] = L("确权对象", "owner", owner_levels),
	[AL_CASE_SOURCE] = L("问题来源", "source", case_sources),
	[AL_CASE_CATEGORY] = L("问题类别", "category", case_categories),
	[AL_ACCOUNTABILITY] = L("处理方式", "measure taken", accountabilities),
	[AL_CHANNEL] = L("受理渠道", "channel", channels),
};

const struct acode_list *
alist(enum alist l)
{
	return &lists[l];
}

static bool
folded_eq(struct str a, const char *b)
{
	char x[256], y[256];
	size_t nx = utf8_fold_to(a, x, sizeof(x)), ny = utf8_fold_to(str_from(b), y, sizeof(y));
	if (nx == (size_t)-1 || ny == (size_t)-1 || nx != ny)
		return false;
	for (size_t i = 0; i < nx; i++) {
		char c = x[i], d = y[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (d >= 'A' && d <= 'Z')
			d += 32;
		if (c != d)
			return false;
	}
	return true;
}

static bool
alias_eq(struct str s, const char *aliases)
{
	for (const char *a = aliases; a && *a;) {
		const char *bar = strchr(a, '|');
		size_t n = bar ? (size_t)(bar - a) : strlen(a);
		char tmp[128];
		memcpy(tmp, a, n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 1);
		tmp[n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 1] = '\0';
		if (folded_eq(s, tmp))
			return true;
		a = bar ? bar + 1 : a + n;
	}
	return false;
}

const struct acode *
acode_find(enum alist l, struct str s, const char *parent)
{
	const struct acode_list *c = &lists[l];
	s = str_trim(s);
	if (s.n == 0)
		return NULL;
	/* codes and labels first, then aliases: an alias never hides another entry's label */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->n; i++) {
			const struct acode *x = &c->v[i];
			if (parent && x->parent && strcmp(parent, x->parent) != 0)
				continue;
			if (pass == 0 ? (folded_eq(s, x->code) || folded_eq(s, x->zh) || folded_eq(s, x->en))
				      : alias_eq(s, x->aliases))
				return x;
		}
	return NULL;
}

const struct acode *
acode_by_code(enum alist l, const char *code)
{
	if (!code)
		return NULL;
	for (size_t i = 0; i < lists[l].n; i++)
		if (strcmp(lists[l].v[i].code, code) == 0)
			return &lists[l].v[i];
	return NULL;
}

const char *
acode_label(enum alist l, const char *code)
{
	if (!code)
		return "";
	const struct acode *c = acode_by_code(l, code);
	return !c ? code : msg_lang() == LANG_EN ? c->en : c->zh;
}

/* ---- the kinds ---- */

#define F(key, zh, en, al, type, list, col, flags, max) { key, zh, en, al, type, list, col, flags, max }
#define REQ AFL_REQ
#define MUT AFL_MUT
#define LST AFL_LIST
#define MSK AFL_MASK
/* a date that may lie ahead: an end, a due day, a deadline, and the start of an assignment entered before it
 * begins (a pairing handed over on the 1st of next month) */
#define AHD AFL_AHEAD
#define POS AFL_POS
#define AUTO AFL_AUTO
#define NOTE F("note", "备注", "note", "说明", AF_TEXT, 0, "note", MUT, 200)

static const struct afield f_cadre[] = {
	F("name", "姓名", "name", "帮扶责任人|帮扶责任人姓名|干部姓名", AF_TEXT, 0, "name", REQ | MUT | LST, 32),
	F("sex", "性别", "sex", NULL, AF_GCODE, CL_SEX, "sex", MUT, 0),
	F("id_no", "证件号码", "ID number", "身份证号码|身份证号", AF_IDNO, 0, "id_no", MSK, 0),
	F("unit", "所在单位", "unit", "工作单位|单位|单位名称", AF_TEXT, 0, "unit", REQ | MUT | LST, 64),
	F("affiliation", "单位隶属关系", "affiliation", "隶属关系|单位级别", AF_CODE, AL_AFFILIATION, "affiliation",
	    REQ | MUT | LST, 0),
	F("post", "职务", "post", NULL, AF_TEXT, 0, "post", MUT | LST, 32),
	F("phone", "联系电话", "phone", "电话|手机号码", AF_PHONE, 0, "phone", MUT | LST | MSK, 0),
	F("division", "帮扶区划", "division", "所在区划|行政区划|帮扶村|区划", AF_DIV, 0, "division", REQ | MUT | LST, 0),
	F("user", "登录账号", "account", "用户名|账号", AF_TEXT, 0, "user_name", MUT, 32),
	NOTE,
};
static const struct afield f_pairing[] = {
	F("cadre", "帮扶责任人", "cadre", "帮扶责任人证件号码|帮扶干部|帮扶责任人姓名", AF_CADRE, 0, "cadre_id",
	    REQ | LST, 0),
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", REQ | LST, 0),
	F("start_date", "开始帮扶时间", "from", "开始日期|结对日期|开始时间", AF_DATE, 0, "start_date", REQ | LST | AHD, 0),
	F("end_date", "结束帮扶时间", "until", "结束日期|结束时间", AF_DATE, 0, "end_date", MUT | LST | AHD, 0),
	NOTE,
};
static const struct afield f_work_team[] = {
	F("cadre", "干部", "cadre", "帮扶责任人|姓名|证件号码", AF_CADRE, 0, "cadre_id", REQ | LST, 0),
	F("village", "驻村", "village", "行政村|所在村|村", AF_VILLAGE, 0, "village", REQ | LST, 0),
	F("role", "驻村职务", "role", "职务|身份", AF_CODE, AL_TEAM_ROLE, "role", REQ | LST, 0),
	F("start_date", "驻村开始时间", "from", "开始日期|开始时间", AF_DATE, 0, "start_date", REQ | LST | AHD, 0),
	F("end_date", "驻村结束时间", "until", "结束日期|结束时间", AF_DATE, 0, "end_date", MUT | LST | AHD, 0),
	NOTE,
};
static const struct afield f_visit[] = {
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", REQ | LST, 0),
	F("visit_date", "走访日期", "date", "走访时间|下乡时间|日期", AF_DATE, 0, "visit_date", REQ | LST, 0),
	F("cadre", "走访人", "visited by", "帮扶责任人|帮扶干部", AF_CADRE, 0, "cadre_id", LST | AUTO, 0),
	F("mode", "走访方式", "mode", "方式", AF_CODE, AL_VISIT_MODE, "mode", LST | AUTO, 0),
	F("purpose", "走访主题", "purpose", "主题|事由", AF_TEXT, 0, "purpose", LST | MUT, 100),
	F("found", "发现问题", "found", "了解情况|存在问题", AF_TEXT, 0, "found", MUT, 500),
	F("done", "帮扶内容", "done", "帮扶措施|解决问题", AF_TEXT, 0, "done", MUT | LST, 500),
	F("food", "不愁吃", "food", NULL, AF_BOOL, 0, "food", MUT, 0),
	F("clothing", "不愁穿", "clothing", NULL, AF_BOOL, 0, "clothing", MUT, 0),
	F("education", "义务教育有保障", "education", "义务教育", AF_BOOL, 0, "education", MUT, 0),
	F("medical", "基本医疗有保障", "medical care", "基本医疗", AF_BOOL, 0, "medical", MUT, 0),
	F("housing", "住房安全有保障", "housing", "住房安全", AF_BOOL, 0, "housing", MUT, 0),
	F("water", "饮水安全有保障", "water", "饮水安全", AF_BOOL, 0, "water", MUT, 0),
};
static const struct afield f_measure[] = {
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", REQ | LST, 0),
	F("member", "证件号码", "member", "成员证件号码|身份证号码", AF_MEMBER, 0, "member_id", LST | MSK, 0),
	F("category", "帮扶类别", "category", "项目类别|措施类别|类别", AF_CODE, AL_CATEGORY, "category", REQ | MUT | LST, 0),
	F("item", "帮扶项目", "item", "帮扶措施|子项|项目", AF_ITEM, AL_ITEM, "item", MUT | LST, 0),
	F("measure_date", "帮扶日期", "date", "帮扶时间|日期", AF_DATE, 0, "measure_date", REQ | MUT | LST, 0),
	F("year", "年度", "year", NULL, AF_YEAR, 0, "year", MUT | AUTO, 0),
	F("amount", "金额", "amount", "帮扶金额|金额（元）|成本|帮扶内容及成本", AF_MONEY, 0, "amount", MUT | LST, 0),
	F("source", "资金来源", "fund source", NULL, AF_CODE, AL_FUND_SOURCE, "source", MUT, 0),
	F("unit", "帮扶单位", "helping unit", NULL, AF_TEXT, 0, "unit", MUT | LST, 64),
	F("content", "帮扶内容", "content", "内容", AF_TEXT, 0, "content", MUT | LST, 200),
	F("signed", "户主签名", "signed by the head", "户主确认|已签名", AF_BOOL, 0, "signed", MUT, 0),
};
static const struct afield f_project[] = {
	F("kind", "项目类型", "kind", "类型|项目类别", AF_CODE, AL_PROJECT_KIND, "kind", REQ | LST, 0),
	F("name", "项目名称", "name", "名称", AF_TEXT, 0, "name", REQ | MUT | LST, 64),
	F("village", "所在村", "village", "行政区划|所在区划|地点", AF_DIV, 0, "village", REQ | LST, 0),
	F("budget", "投资金额", "budget", "总投资|投资|投资（元）", AF_MONEY, 0, "budget", MUT | LST, 0),
	F("fund_source", "资金来源", "fund source", NULL, AF_CODE, AL_FUND_SOURCE, "fund_source", MUT, 0),
	F("start_date", "开工日期", "started", "开始日期|建设日期", AF_DATE, 0, "start_date", REQ | MUT | LST, 0),
	F("completed", "建成日期", "completed", "竣工日期|完工日期", AF_DATE, 0, "completed", MUT | LST, 0),
	F("closed", "停止运营日期", "closed", "关停日期|终止日期", AF_DATE, 0, "closed", MUT, 0),
	F("operator", "经营主体", "operator", "运营主体|经营单位", AF_TEXT, 0, "operator", MUT | LST, 64),
	F("scale", "建设规模", "scale", "规模", AF_TEXT, 0, "scale", MUT, 100),
	NOTE,
};
static const struct afield f_project_beneficiary[] = {
	F("project", "项目", "project", "项目编号", AF_REF, AK_PROJECT, "ref_id", REQ | LST, 0),
	F("member", "证件号码", "person", "身份证号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0),
	F("mode", "带动方式", "mode", "受益方式|帮扶方式", AF_CODE, AL_BENEFIT_MODE, "mode", REQ | MUT | LST, 0),
	F("start_date", "开始日期", "from", "受益开始日期", AF_DATE, 0, "start_date", REQ | LST | AHD, 0),
	F("end_date", "结束日期", "until", NULL, AF_DATE, 0, "end_date", MUT | LST | AHD, 0),
};
static const struct afield f_project_payment[] = {
	F("beneficiary", "受益记录", "beneficiary", "受益记录编号", AF_REF, AK_PROJECT_BENEFICIARY, "ref_id", REQ | LST, 0),
	F("month", "所属月份", "month", "月份", AF_MONTH, 0, "period", REQ | LST, 0),
	F("paid_on", "发放日期", "paid on", "日期", AF_DATE, 0, "paid_on", REQ | LST, 0),
	F("amount", "金额", "amount", "金额（元）|发放金额", AF_MONEY, 0, "amount", REQ | POS | LST, 0),
	NOTE,
};
static const struct afield f_public_post[] = {
	F("post_kind", "岗位类别", "kind", "岗位类型|类别", AF_CODE, AL_POST_KIND, "post_kind", REQ | LST, 0),
	F("title", "岗位名称", "title", "岗位", AF_TEXT, 0, "title", MUT | LST, 64),
	F("member", "证件号码", "holder", "在岗人员证件号码|身份证号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0),
	F("monthly", "月补贴", "monthly subsidy", "月补贴（元）|每月补贴|补贴标准", AF_MONEY, 0, "monthly", REQ | POS | LST, 0),
	F("start_date", "聘用日期", "from", "上岗日期|开始日期", AF_DATE, 0, "start_date", REQ | LST | AHD, 0),
	F("end_date", "解聘日期", "until", "离岗日期|结束日期", AF_DATE, 0, "end_date", MUT | LST | AHD, 0),
	NOTE,
};
static const struct afield f_post_payment[] = {
	F("post", "岗位编号", "post", NULL, AF_REF, AK_PUBLIC_POST, "ref_id", LST | AUTO, 0),
	F("member", "证件号码", "holder", "身份证号码|在岗人员证件号码", AF_MEMBER, 0, "member_id", LST | MSK | AUTO, 0),
	F("month", "月份", "month", "补贴月份|所属月份", AF_MONTH, 0, "period", REQ | LST, 0),
	F("amount", "金额", "amount", "补贴金额|金额（元）|发放金额", AF_MONEY, 0, "amount", POS | LST | AUTO, 0),
	F("paid_on", "发放日期", "paid on", "日期", AF_DATE, 0, "paid_on", REQ | LST, 0),
	NOTE,
};
static const struct afield f_loan[] = {
	F("product", "贷款产品", "product", "贷款品种|产品", AF_CODE, AL_LOAN_PRODUCT, "product", REQ | LST, 0),
	F("borrower", "借款人", "borrower", "借款主体|贷款人|借款单位", AF_TEXT, 0, "borrower", REQ | MUT | LST, 64),
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", LST, 0),
	F("village", "所在村", "village", "行政区划|所在区划", AF_DIV, 0, "village", AUTO, 0),
	F("lender", "承贷机构", "lender", "贷款银行|放款机构", AF_TEXT, 0, "lender", MUT | LST, 64),
	F("amount", "贷款金额", "amount", "金额|金额（元）|贷款金额（元）", AF_MONEY, 0, "amount", REQ | POS | LST, 0),
	F("start_date", "放款日期", "granted", "起始日期|贷款日期|发放日期", AF_DATE, 0, "start_date", REQ | LST, 0),
	F("end_date", "到期日期", "due", "到期日", AF_DATE, 0, "end_date", REQ | MUT | LST | AHD, 0),
	F("rate", "年利率", "rate", "执行年利率|利率", AF_RATE, 0, "rate", MUT, 0),
	F("subsidy", "贴息金额", "interest subsidy", "贴息|应贴息金额", AF_MONEY, 0, "subsidy", MUT, 0),
	F("purpose", "用途", "purpose", "贷款用途", AF_TEXT, 0, "purpose", MUT, 100),
	F("beneficiaries", "帮扶对象证件号码", "persons helped", "带动贫困人口证件号码|受益人证件号码", AF_PERSONS,
	    AK_LOAN_BENEFICIARY, NULL, 0, 0),
};
static const struct afield f_loan_beneficiary[] = {
	F("loan", "贷款", "loan", "贷款编号", AF_REF, AK_LOAN, "ref_id", REQ | LST, 0),
	F("member", "证件号码", "person", "身份证号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0),
};
static const struct afield f_loan_repayment[] = {
	F("loan", "贷款", "loan", "贷款编号", AF_REF, AK_LOAN, "ref_id", REQ | LST, 0),
	F("paid_on", "还款日期", "repaid on", "日期", AF_DATE, 0, "paid_on", REQ | LST, 0),
	F("amount", "还款金额", "amount", "金额|金额（元）", AF_MONEY, 0, "amount", REQ | POS | LST, 0),
	NOTE,
};
static const struct afield f_job_fair[] = {
	F("fair_date", "举办日期", "date", "日期", AF_DATE, 0, "fair_date", REQ | LST, 0),
	F("name", "名称", "name", "招聘会名称", AF_TEXT, 0, "name", REQ | MUT | LST, 64),
	F("division", "举办地", "held in", "区划|乡镇", AF_DIV, 0, "division", REQ | LST, 0),
	F("place", "地点", "place", NULL, AF_TEXT, 0, "place", MUT, 64),
	F("organizer", "主办单位", "organiser", NULL, AF_TEXT, 0, "organizer", MUT | LST, 64),
	F("employers", "参会企业数", "employers", "企业数", AF_INT, 0, "employers", MUT | LST, 100000),
	F("jobs", "提供岗位数", "jobs offered", "岗位数|就业岗位", AF_INT, 0, "jobs", REQ | MUT | LST, 1000000),
	NOTE,
};
static const struct afield f_fair_hire[] = {
	F("fair", "招聘会", "job fair", "招聘会编号", AF_REF, AK_JOB_FAIR, "ref_id", REQ | LST, 0),
	F("member", "证件号码", "person", "身份证号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0),
};
static const struct afield f_checkup[] = {
	F("member", "证件号码", "person", "身份证号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0),
	F("date", "查体日期", "date", "体检日期|日期", AF_DATE, 0, "aid_date", REQ | LST, 0),
	F("provider", "体检机构", "by", "医疗机构|医院", AF_TEXT, 0, "provider", MUT | LST, 64),
	F("amount", "费用", "cost", "金额|费用（元）", AF_MONEY, 0, "amount", MUT, 0),
	NOTE,
};
#define INSURANCE_FIELDS \
	F("member", "证件号码", "person", "身份证号码|参保人证件号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0), \
	F("year", "参保年度", "year", "年度", AF_YEAR, 0, "year", REQ | LST | AHD, 0), \
	F("amount", "个人缴费", "premium", "缴费金额|个人缴费（元）|保费", AF_MONEY, 0, "amount", MUT | LST, 0), \
	F("paid_by", "缴费方式", "paid by", "代缴|代缴方|缴费主体", AF_CODE, AL_PAID_BY, "paid_by", MUT | LST | AUTO, 0), \
	F("date", "缴费日期", "paid on", "日期|参保日期", AF_DATE, 0, "aid_date", REQ | MUT | LST, 0), \
	NOTE
static const struct afield f_medical[] = { INSURANCE_FIELDS };
static const struct afield f_serious[] = { INSURANCE_FIELDS };
static const struct afield f_yulu[] = {
	F("member", "证件号码", "student", "学生证件号码|身份证号码", AF_MEMBER, 0, "member_id", REQ | LST | MSK, 0),
	F("year", "年度", "year", "学年", AF_YEAR, 0, "year", LST | AUTO, 0),
	F("provider", "就读学校", "school", "学校", AF_TEXT, 0, "provider", MUT | LST, 64),
	F("amount", "补助金额", "subsidy", "金额|金额（元）", AF_MONEY, 0, "amount", REQ | POS | MUT | LST, 0),
	F("date", "发放日期", "paid on", "日期", AF_DATE, 0, "aid_date", REQ | LST, 0),
	NOTE,
};
static const struct afield f_charity_card[] = {
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", REQ | LST, 0),
	F("amount", "卡面金额", "amount", "金额|金额（元）", AF_MONEY, 0, "amount", REQ | POS | LST, 0),
	F("provider", "出资单位", "given by", "出资方", AF_TEXT, 0, "provider", MUT | LST, 64),
	F("date", "发放日期", "given on", "日期", AF_DATE, 0, "aid_date", REQ | LST, 0),
	NOTE,
};
static const struct afield f_charity_visit[] = {
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", REQ | LST, 0),
	F("provider", "慰问单位", "visited by", "慰问方", AF_TEXT, 0, "provider", MUT | LST, 64),
	F("amount", "慰问金额", "value", "金额|慰问金|物资折款", AF_MONEY, 0, "amount", MUT | LST, 0),
	F("date", "慰问日期", "date", "日期", AF_DATE, 0, "aid_date", REQ | LST, 0),
	NOTE,
};
static const struct afield f_asset[] = {
	F("name", "资产名称", "name", "名称", AF_TEXT, 0, "name", REQ | MUT | LST, 64),
	F("project", "来源项目", "project", "项目|项目编号", AF_REF, AK_PROJECT, "project_id", LST, 0),
	F("class", "资产类别", "class", "类别", AF_CODE, AL_ASSET_CLASS, "class", REQ | MUT | LST, 0),
	F("village", "所在村", "village", "行政区划|所在区划|坐落位置", AF_DIV, 0, "village", REQ | LST, 0),
	F("value", "资产价值", "value", "金额|资产价值（元）|原值", AF_MONEY, 0, "value", REQ | MUT | LST, 0),
	F("fund_source", "资金来源", "fund source", NULL, AF_CODE, AL_FUND_SOURCE, "fund_source", MUT | LST, 0),
	F("owner_level", "确权对象", "owner", "产权归属|确权", AF_CODE, AL_OWNER_LEVEL, "owner_level", REQ | MUT | LST, 0),
	F("owner_household", "确权农户", "owner household", "户编号", AF_HH, 0, "owner_household_id", MUT | LST, 0),
	F("operator", "经营主体", "operator", "管护主体|经营管理主体", AF_TEXT, 0, "operator", MUT | LST, 64),
	F("formed_on", "形成日期", "formed", "建成日期|交付日期", AF_DATE, 0, "formed_on", REQ | LST, 0),
	F("confirmed_on", "确权日期", "confirmed", "移交日期", AF_DATE, 0, "confirmed_on", MUT, 0),
	F("disposed_on", "处置日期", "disposed", NULL, AF_DATE, 0, "disposed_on", MUT, 0),
	F("disposal", "处置方式", "disposal", "处置情况", AF_TEXT, 0, "disposal", MUT, 100),
	NOTE,
};
static const struct afield f_asset_income[] = {
	F("asset", "资产", "asset", "资产编号", AF_REF, AK_ASSET, "ref_id", REQ | LST, 0),
	F("household", "户编号", "household", "受益户|户号", AF_HH, 0, "household_id", LST, 0),
	F("year", "收益年度", "year", "年度", AF_YEAR, 0, "period", REQ | LST, 0),
	F("paid_on", "分配日期", "paid on", "日期", AF_DATE, 0, "paid_on", REQ | LST, 0),
	F("amount", "金额", "amount", "分配金额|金额（元）", AF_MONEY, 0, "amount", REQ | POS | LST, 0),
	NOTE,
};
static const struct afield f_case[] = {
	F("found_on", "发现日期", "found", "立案日期|日期", AF_DATE, 0, "found_on", REQ | LST, 0),
	F("source", "问题来源", "source", "来源|线索来源", AF_CODE, AL_CASE_SOURCE, "source", REQ | LST, 0),
	F("category", "问题类别", "category", "类别", AF_CODE, AL_CASE_CATEGORY, "category", REQ | MUT | LST, 0),
	F("division", "涉及区划", "division", "区划|所在村", AF_DIV, 0, "division", REQ | LST, 0),
	F("problem", "问题描述", "problem", "问题|主要问题", AF_TEXT, 0, "problem", REQ | MUT | LST, 500),
	F("transferred_to", "线索移交单位", "clue transferred to", "移交单位", AF_TEXT, 0, "transferred_to", MUT | LST, 64),
	F("transferred_on", "移交日期", "transferred on", NULL, AF_DATE, 0, "transferred_on", MUT, 0),
	F("deadline", "整改期限", "rectify by", "整改时限", AF_DATE, 0, "deadline", MUT | LST | AHD, 0),
	F("rectified_on", "整改完成日期", "rectified on", "整改日期", AF_DATE, 0, "rectified_on", MUT | LST, 0),
	F("result", "处理结果", "result", "整改情况", AF_TEXT, 0, "result", MUT, 500),
	F("households", "涉及农户", "households", "户编号", AF_HOUSEHOLDS, AK_CASE_HOUSEHOLD, NULL, 0, 0),
};
static const struct afield f_case_household[] = {
	F("case", "案件", "case", "案件编号", AF_REF, AK_CASE, "case_id", REQ | LST, 0),
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", REQ | LST, 0),
};
static const struct afield f_case_person[] = {
	F("case", "案件", "case", "案件编号", AF_REF, AK_CASE, "case_id", REQ | LST, 0),
	F("name", "被问责人", "person", "姓名", AF_TEXT, 0, "name", REQ | MUT | LST, 32),
	F("unit", "单位", "unit", "所在单位", AF_TEXT, 0, "unit", MUT | LST, 64),
	F("post", "职务", "post", NULL, AF_TEXT, 0, "post", MUT | LST, 32),
	F("measure", "处理方式", "measure", "问责方式|处理|处分", AF_CODE, AL_ACCOUNTABILITY, "measure", REQ | MUT | LST, 0),
	F("decided_on", "处理日期", "decided on", "日期", AF_DATE, 0, "decided_on", MUT | LST, 0),
};
static const struct afield f_complaint[] = {
	F("channel", "受理渠道", "channel", "渠道|来源", AF_CODE, AL_CHANNEL, "channel", REQ | LST, 0),
	F("received_on", "受理日期", "received", "日期|来电日期", AF_DATE, 0, "received_on", REQ | LST, 0),
	F("household", "户编号", "household", "户号", AF_HH, 0, "household_id", LST, 0),
	F("division", "涉及区划", "division", "区划|所在村", AF_DIV, 0, "division", LST | AUTO, 0),
	F("complainant", "反映人", "complainant", "来电人|举报人", AF_TEXT, 0, "complainant", MSK, 32),
	F("phone", "联系电话", "phone", "电话", AF_PHONE, 0, "phone", MSK, 0),
	F("category", "问题类别", "category", "类别", AF_CODE, AL_CASE_CATEGORY, "category", MUT | LST, 0),
	F("content", "反映内容", "content", "内容|反映问题", AF_TEXT, 0, "content", REQ | LST, 500),
	F("assigned_to", "承办单位", "assigned to", "办理单位", AF_TEXT, 0, "assigned_to", MUT | LST, 64),
	F("deadline", "办理期限", "answer by", "期限", AF_DATE, 0, "deadline", MUT | LST | AHD, 0),
	F("answered_on", "答复日期", "answered on", "办结日期", AF_DATE, 0, "answered_on", MUT | LST, 0),
	F("answer", "答复内容", "answer", "办理结果|答复", AF_TEXT, 0, "answer", MUT, 500),
	F("case", "转立案件", "case", "案件编号", AF_REF, AK_CASE, "case_id", MUT, 0),
};

/* hooks (assistance.c, supervision.c) */
enum err check_cadre(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_pairing(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_case(struct actx *, struct arec *, bool, struct problems *, int);
enum err after_pairing(struct actx *, struct arec *, struct errinfo *);
enum err check_work_team(struct actx *, struct arec *, bool, struct problems *, int);
enum err after_work_team(struct actx *, struct arec *, struct errinfo *);
enum err check_visit(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_measure(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_beneficiary(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_project_payment(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_public_post(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_post_payment(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_loan(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_repayment(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_aid(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_asset(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_asset_income(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_case_child(struct actx *, struct arec *, bool, struct problems *, int);
enum err check_complaint(struct actx *, struct arec *, bool, struct problems *, int);

#define K(k, code, zh, en, plural, group, disc, f, scope, hh, member, ref, day, end, refk, check, after) \
	[k] = { k, code, zh, en, plural, group, disc, f, NELEM(f), scope, hh, member, ref, day, end, refk, check, after }
const struct akind_desc akinds[AK__MAX] = {
	K(AK_CADRE, "cadre", "帮扶责任人", "cadre", "cadres", AG_ASSIST, NULL, f_cadre, "division", NULL, NULL, NULL,
	    NULL, NULL, -1, check_cadre, NULL),
	K(AK_PAIRING, "pairing", "结对帮扶", "pairing", "pairings", AG_ASSIST, NULL, f_pairing, "village", "household_id",
	    NULL, "cadre_id", "start_date", "end_date", AK_CADRE, check_pairing, after_pairing),
	K(AK_WORK_TEAM, "work_team", "驻村工作队", "village work team", "work_teams", AG_ASSIST, NULL, f_work_team,
	    "village", NULL, NULL, "cadre_id", "start_date", "end_date", AK_CADRE, check_work_team, after_work_team),
	K(AK_VISIT, "visit", "走访记录", "visit", "visits", AG_ASSIST, NULL, f_visit, "village", "household_id", NULL,
	    "cadre_id", "visit_date", NULL, AK_CADRE, check_visit, NULL),
	K(AK_MEASURE, "measure", "帮扶措施", "measure", "measures", AG_ASSIST, NULL, f_measure, "village", "household_id",
	    "member_id", NULL, "measure_date", NULL, -1, check_measure, NULL),
	K(AK_PROJECT, "project", "扶贫项目", "project", "projects", AG_ASSIST, NULL, f_project, "village", NULL, NULL,
	    NULL, "start_date", "closed", -1, NULL, NULL),
	K(AK_PROJECT_BENEFICIARY, "project_beneficiary", "项目带动对象", "project beneficiary", "project_beneficiaries",
	    AG_ASSIST, "project", f_project_beneficiary, "village", "household_id", "member_id", "ref_id", "start_date",
	    "end_date", AK_PROJECT, check_beneficiary, NULL),
	K(AK_PROJECT_PAYMENT, "project_payment", "项目收益发放", "project payment", "project_payments", AG_ASSIST,
	    "benefit", f_project_payment, "village", "household_id", "member_id", "ref_id", "paid_on", NULL,
	    AK_PROJECT_BENEFICIARY, check_project_payment, NULL),
	K(AK_PUBLIC_POST, "public_post", "公益性岗位", "public post", "public_posts", AG_ASSIST, NULL, f_public_post,
	    "village", "household_id", "member_id", NULL, "start_date", "end_date", -1, check_public_post, NULL),
	K(AK_POST_PAYMENT, "post_payment", "岗位补贴发放", "post payment", "post_payments", AG_ASSIST, "post",
	    f_post_payment, "village", "household_id", "member_id", "ref_id", "paid_on", NULL, AK_PUBLIC_POST,
	    check_post_payment, NULL),
	K(AK_LOAN, "loan", "扶贫贷款", "loan", "loans", AG_ASSIST, NULL, f_loan, "village", "household_id", NULL, NULL,
	    "start_date", "end_date", -1, check_loan, NULL),
	K(AK_LOAN_BENEFICIARY, "loan_beneficiary", "贷款带动对象", "loan beneficiary", "loan_beneficiaries", AG_ASSIST,
	    "loan", f_loan_beneficiary, "village", "household_id", "member_id", "ref_id", "start_date", "end_date",
	    AK_LOAN, check_beneficiary, NULL),
	K(AK_LOAN_REPAYMENT, "loan_repayment", "贷款还款", "repayment", "loan_repayments", AG_ASSIST, "repayment",
	    f_loan_repayment, "village", NULL, NULL, "ref_id", "paid_on", NULL, AK_LOAN, check_repayment, NULL),
	K(AK_JOB_FAIR, "job_fair", "招聘会", "job fair", "job_fairs", AG_ASSIST, NULL, f_job_fair, "division", NULL, NULL,
	    NULL, "fair_date", NULL, -1, NULL, NULL),
	K(AK_FAIR_HIRE, "fair_hire", "招聘会就业人员", "hired at a fair", "fair_hires", AG_ASSIST, "job_fair",
	    f_fair_hire, "village", "household_id", "member_id", "ref_id", "start_date", "end_date", AK_JOB_FAIR,
	    check_beneficiary, NULL),
	K(AK_HEALTH_CHECKUP, "health_checkup", "免费查体", "free health examination", "health_checkups", AG_ASSIST,
	    "health_checkup", f_checkup, "village", "household_id", "member_id", NULL, "aid_date", NULL, -1, check_aid,
	    NULL),
	K(AK_MEDICAL_INSURANCE, "medical_insurance", "居民医疗保险", "resident medical insurance", "medical_insurances",
	    AG_ASSIST, "medical_insurance", f_medical, "village", "household_id", "member_id", NULL, "aid_date", NULL, -1,
	    check_aid, NULL),
	K(AK_SERIOUS_INSURANCE, "serious_illness_insurance", "大病保险", "serious illness insurance",
	    "serious_illness_insurances", AG_ASSIST, "serious_illness_insurance", f_serious, "village", "household_id",
	    "member_id", NULL, "aid_date", NULL, -1, check_aid, NULL),
	K(AK_YULU, "yulu", "雨露计划", "Yulu plan", "yulu", AG_ASSIST, "yulu", f_yulu, "village", "household_id",
	    "member_id", NULL, "aid_date", NULL, -1, check_aid, NULL),
	K(AK_CHARITY_CARD, "charity_card", "慈善扶贫救助卡", "charity card", "charity_cards", AG_ASSIST, "charity_card",
	    f_charity_card, "village", "household_id", NULL, NULL, "aid_date", NULL, -1, check_aid, NULL),
	K(AK_CHARITY_VISIT, "charity_visit", "慈善慰问", "charity visit", "charity_visits", AG_ASSIST, "charity_visit",
	    f_charity_visit, "village", "household_id", NULL, NULL, "aid_date", NULL, -1, check_aid, NULL),
	K(AK_ASSET, "asset", "帮扶项目资产", "project asset", "assets", AG_ASSIST, NULL, f_asset, "village",
	    "owner_household_id", NULL, "project_id", "formed_on", "disposed_on", AK_PROJECT, check_asset, NULL),
	K(AK_ASSET_INCOME, "asset_income", "资产收益分配", "asset income", "asset_incomes", AG_ASSIST, "asset",
	    f_asset_income, "village", "household_id", NULL, "ref_id", "paid_on", NULL, AK_ASSET, check_asset_income, NULL),
	K(AK_CASE, "case", "督查问责案件", "supervision case", "cases", AG_SUPERVISE, NULL, f_case, "division", NULL, NULL,
	    NULL, "found_on", NULL, -1, check_case, NULL),
	K(AK_CASE_HOUSEHOLD, "case_household", "案件涉及农户", "household concerned", "case_households", AG_SUPERVISE,
	    NULL, f_case_household, "village", "household_id", NULL, "case_id", NULL, NULL, AK_CASE, check_case_child, NULL),
	K(AK_CASE_PERSON, "case_person", "被问责人员", "person held accountable", "case_persons", AG_SUPERVISE, NULL,
	    f_case_person, "division", NULL, NULL, "case_id", NULL, NULL, AK_CASE, check_case_child, NULL),
	K(AK_COMPLAINT, "complaint", "12317 举报投诉", "complaint", "complaints", AG_SUPERVISE, NULL, f_complaint,
	    "division", "household_id", NULL, "case_id", "received_on", NULL, AK_CASE, check_complaint, NULL),
};

const struct akind_desc *
akind_find(const char *code)
{
	if (!code)
		return NULL;
	for (int k = 0; k < AK__MAX; k++)
		if (strcmp(akinds[k].code, code) == 0 || strcmp(akinds[k].plural, code) == 0)
			return &akinds[k];
	return NULL;
}

const struct afield *
afield_find(const struct akind_desc *d, const char *key)
{
	for (size_t i = 0; i < d->nf; i++)
		if (strcmp(d->f[i].key, key) == 0)
			return &d->f[i];
	/* the Chinese label too, as a sheet's header says it (姓名=张帮扶 on the command line) */
	for (size_t i = 0; i < d->nf; i++)
		if (strcmp(d->f[i].zh, key) == 0)
			return &d->f[i];
	return NULL;
}

int
acol(const struct akind_desc *d, const char *name)
{
	return name ? table_column(akind_table(d->k), name) : -1;
}
