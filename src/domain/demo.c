/* demo.c: the Lingang demo district (see demo.h). The figures of SCENARIO.md fix how many households and
 * persons fall in each group of the history; everything else is drawn from the seed. Rules only: the writes
 * are the domain's own (store_division_upsert, household_create, event_record), each in a write transaction
 * whose recording instant is the scenario's; no SQL, no printing. */
#include "domain/demo.h"

#include <assert.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/campaign.h"
#include "domain/check.h"
#include "domain/external.h"
#include "domain/codes.h"
#include "domain/idno.h"
#include "domain/income.h"
#include "domain/monitor.h"
#include "domain/proposal.h"
#include "domain/registry.h"
#include "domain/txn.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/util.h"

/* ---- the figures (SCENARIO.md "One consistent history"), households H and persons P ---- */

enum {
	IDENT_H = 17188, IDENT_P = 31485,    /* identified effective 2014-01-01, as first recorded */
	POOR_H = 14, POOR_P = 26,            /* on 2018-03-31 as recorded then: still poor */
	SUP_H = 7424, SUP_P = 12298,         /* ... exited_supported */
	UNSUP_H = 9750, UNSUP_P = 19161,     /* ... exited_unsupported */
	END_H = 3796, END_P = 6987,          /* the campaign: policy_end */
	RESUME_H = 10, RESUME_P = 25,        /* policy_resume */
	REMOVE_H = 241, REMOVE_P = 329,      /* remove, effective at identification */
	ADD_H = 238, ADD_P = 255,            /* member_add, effective at identification */
	MISSED_H = 2, MISSED_P = 6,          /* include_missed, effective at identification */
	/* Not in the article: the own members of the 238 households that gain members (their mean size is that
	 * of the other households still supported after the campaign). */
	ADD_OWN_P = 348,
};
_Static_assert(POOR_H + SUP_H + UNSUP_H == IDENT_H && POOR_P + SUP_P + UNSUP_P == IDENT_P,
    "the statuses of 2018-03-31 add up to the identification");
_Static_assert(SUP_H - END_H + RESUME_H == 3638 && SUP_P - END_P + RESUME_P + ADD_P == 5591,
    "exited_supported after the campaign");
_Static_assert(IDENT_H - REMOVE_H + MISSED_H == 16949 && IDENT_P - REMOVE_P + ADD_P + MISSED_P == 31417,
    "the 2014 baseline after the corrections");

/* The group of a household decides its history. */
enum kind {
	K_POOR,      /* never exits */
	K_REMOVE,    /* exits, ends its policy, is removed by the campaign */
	K_RESUME,    /* exits, ends its policy, resumes it in the campaign */
	K_UNSUP,     /* exits and ends its policy */
	K_END,       /* exits; the campaign ends its policy */
	K_ADD,       /* exits and stays supported; the campaign adds members left out in 2014 */
	K_SUP,       /* exits and stays supported */
	K_MISSED,    /* included by the campaign, retroactively; stays poor */
	K__MAX
};

static const struct {
	int h, p;
} kinds[K__MAX] = {
	[K_POOR] = { POOR_H, POOR_P },
	[K_REMOVE] = { REMOVE_H, REMOVE_P },
	[K_RESUME] = { RESUME_H, RESUME_P },
	[K_UNSUP] = { UNSUP_H - REMOVE_H - RESUME_H, UNSUP_P - REMOVE_P - RESUME_P },
	[K_END] = { END_H, END_P },
	[K_ADD] = { ADD_H, ADD_OWN_P },
	[K_SUP] = { SUP_H - END_H - ADD_H, SUP_P - END_P - ADD_OWN_P },
	[K_MISSED] = { MISSED_H, MISSED_P },
};

/* ---- when things are recorded ---- */

#define IDENT_DATE 20140101
#define IDENT_STAMP 20140106093000LL                 /* recorded early January 2014 */
/* Exits and policy ends effective at the end of year Y are recorded in January of Y + 1. */
static const int64_t year_stamps[] = { 20150112093000LL, 20160111093000LL, 20170109093000LL, 20180108093000LL };
#define FIRST_EXIT_YEAR 2014
/* The 托底清零 campaign: one batch, recorded over several days of April and May 2018, town after town. */
static const int campaign_days[] = { 20180409, 20180416, 20180423, 20180503, 20180510, 20180517, 20180524 };
#define CAMPAIGN_TIME 163000
#define N_DAYS ((int)NELEM(campaign_days))
#define CAMPAIGN_BATCH "2018年托底清零"
#define IDENT_BATCH "2014年精准识别"
#define MAX_SIZE 8

/* ---- a small deterministic generator (xoshiro256**, seeded by splitmix64) ---- */

struct rng {
	uint64_t s[4];
};

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

/* Uniform in [lo, hi]. */
static int
rng_int(struct rng *r, int lo, int hi)
{
	return lo + (int)((rng_next(r) >> 11) % (uint64_t)(hi - lo + 1));
}

static bool
rng_pct(struct rng *r, int pct)
{
	return rng_int(r, 0, 99) < pct;
}

/* An index into w[0..n) drawn with those weights. */
static int
rng_weighted(struct rng *r, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += w[i];
	int x = rng_int(r, 0, sum - 1);
	for (int i = 0; i < n; i++)
		if ((x -= w[i]) < 0)
			return i;
	return n - 1;
}

static void
rng_shuffle(struct rng *r, int *v, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rng_int(r, 0, i), t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
}

#define PICK(r, a) ((a)[rng_int((r), 0, (int)NELEM(a) - 1)])

/* ---- names ---- */

/* Common surnames of southern Shandong, with rough weights. */
static const struct {
	const char *s;
	int w;
} surnames[] = {
	{ "王", 120 }, { "张", 100 }, { "刘", 80 }, { "李", 78 }, { "孙", 40 }, { "杨", 38 }, { "陈", 36 },
	{ "赵", 32 }, { "徐", 30 }, { "高", 30 }, { "朱", 28 }, { "宋", 22 }, { "于", 22 }, { "姜", 20 },
	{ "庄", 20 }, { "杜", 18 }, { "韩", 18 }, { "董", 18 }, { "郭", 18 }, { "马", 16 }, { "吴", 16 },
	{ "周", 16 }, { "丁", 14 }, { "胡", 12 }, { "薛", 12 }, { "颜", 12 }, { "魏", 10 }, { "曹", 10 },
	{ "田", 10 }, { "崔", 10 }, { "吕", 10 }, { "郑", 10 }, { "梁", 8 }, { "彭", 8 }, { "袁", 8 },
	{ "邵", 8 }, { "石", 8 }, { "卢", 8 }, { "苗", 6 }, { "葛", 6 }, { "厉", 6 }, { "相", 6 },
	{ "孟", 6 }, { "秦", 6 }, { "许", 6 }, { "公", 4 }, { "尹", 4 }, { "潘", 4 },
};

static const char *const m_old1[] = { "玉", "守", "德", "传", "洪", "庆", "宝", "金", "文", "家", "福", "明",
	"兴", "成", "长", "春", "世", "学", "克", "振", "广", "树", "加", "立", "友", "同", "培", "士" };
static const char *const m_old2[] = { "山", "海", "田", "林", "祥", "贵", "富", "才", "胜", "荣", "堂", "亮",
	"顺", "和", "义", "民", "仁", "喜", "全", "法", "臣", "功", "元", "发", "恩", "信", "伦", "礼" };
static const char *const m_mid1[] = { "建", "国", "卫", "红", "志", "永", "新", "利", "庆", "东", "光", "宏",
	"连", "开", "京", "绍", "继", "立", "保", "春" };
static const char *const m_mid2[] = { "华", "军", "民", "伟", "平", "强", "东", "刚", "亮", "波", "勇", "峰",
	"杰", "涛", "明", "磊", "斌", "林", "忠", "成" };
static const char *const m_young1[] = { "子", "浩", "宇", "俊", "梓", "博", "家", "文", "思", "明", "嘉", "晨",
	"鑫", "金", "一", "天", "泽", "佳", "雨", "昊" };
static const char *const m_young2[] = { "轩", "豪", "宇", "涵", "阳", "杰", "辰", "睿", "博", "航", "铭", "浩",
	"然", "凯", "鹏", "瑞", "泽", "龙", "林", "健" };
static const char *const m_single[] = { "磊", "伟", "鹏", "超", "帅", "凯", "浩", "琦", "旭", "森", "强", "军",
	"刚", "勇", "斌", "涛" };
static const char *const f_old[] = { "秀英", "桂兰", "玉兰", "秀兰", "凤英", "桂英", "兰英", "秀珍", "玉珍", "桂芝",
	"淑芬", "秀云", "玉英", "翠英", "素英", "桂荣", "秀荣", "凤兰", "兰芝", "玉梅", "桂珍", "秀芝", "金兰", "玉芝",
	"春兰", "桂花", "秀花", "荣花", "月英", "桂香", "爱英", "素珍" };
static const char *const f_mid1[] = { "秀", "丽", "红", "玉", "春", "海", "晓", "美", "爱", "彩", "桂", "金" };
static const char *const f_mid2[] = { "霞", "梅", "艳", "芳", "华", "英", "玲", "云", "娟", "荣", "凤", "燕",
	"萍", "琴", "莲" };
static const char *const f_young1[] = { "欣", "雨", "梓", "佳", "思", "诗", "子", "可", "紫", "若", "一", "嘉",
	"文", "晓", "心", "婧", "梦", "雪", "艺", "语" };
static const char *const f_young2[] = { "怡", "涵", "萱", "琪", "彤", "妍", "悦", "颖", "琳", "雯", "洁", "然",
	"欣", "菲", "瑶", "婷", "静", "茹", "宁", "蕾" };
static const char *const f_single[] = { "丽", "红", "艳", "霞", "燕", "梅", "静", "芳", "敏", "娟", "玲", "萍",
	"婷", "娜", "丹", "倩" };

/* The head the article names keeps his name to himself: no generated person is called this. */
#define LI_NAME "李从山"

static const char *
surname(struct rng *r)
{
	int w[NELEM(surnames)];
	for (size_t i = 0; i < NELEM(surnames); i++)
		w[i] = surnames[i].w;
	return surnames[rng_weighted(r, w, (int)NELEM(surnames))].s;
}

/* A given name in the fashion of the birth year. out holds at least 16 bytes. */
static void
given_name(struct rng *r, int sex, int year, char *out, size_t n)
{
	if (sex == 1) {
		if (year < 1960)
			snprintf(out, n, "%s%s", PICK(r, m_old1), PICK(r, m_old2));
		else if (year < 1985 && rng_pct(r, 30))
			snprintf(out, n, "%s", PICK(r, m_single));
		else if (year < 1985)
			snprintf(out, n, "%s%s", PICK(r, m_mid1), PICK(r, m_mid2));
		else if (rng_pct(r, 25))
			snprintf(out, n, "%s", PICK(r, m_single));
		else
			snprintf(out, n, "%s%s", PICK(r, m_young1), PICK(r, m_young2));
	} else {
		if (year < 1960)
			snprintf(out, n, "%s", PICK(r, f_old));
		else if (year < 1985 && rng_pct(r, 30))
			snprintf(out, n, "%s", PICK(r, f_single));
		else if (year < 1985)
			snprintf(out, n, "%s%s", PICK(r, f_mid1), PICK(r, f_mid2));
		else if (rng_pct(r, 20))
			snprintf(out, n, "%s", PICK(r, f_single));
		else
			snprintf(out, n, "%s%s", PICK(r, f_young1), PICK(r, f_young2));
	}
}

/* ---- the district ---- */

static const struct {
	int64_t code;
	const char *name;
	int villages;
} towns[] = {
	{ 371373100000LL, "坪上镇", 52 },
	{ 371373101000LL, "团林镇", 50 },
	{ 371373102000LL, "壮岗镇", 54 },
	{ 371373103000LL, "朱芦镇", 44 },
};
#define N_VILLAGES (52 + 50 + 54 + 44)
#define N_POOR_VILLAGES 50
#define N_POOR_EXIT_2016 18    /* the other 省定贫困村 exited (出列) in 2017 */
/* The village of the article, and a sibling so that it does not stand alone. Their place in 团林镇: */
#define LI_TOWN 1
#define LI_VILLAGE 7           /* 北泉子二村 is the 8th village of 团林镇: 371373101208 */
/* The district's map does not depend on the seed: only the people do. */
#define MAP_SEED 371373ULL

static const char *const v_dir[] = { "东", "西", "南", "北", "前", "后", "上", "下", "大", "小", "中" };
static const char *const v_core[] = { "石", "柳", "杨", "槐", "枣", "杏", "桑", "河", "山", "泉", "岭", "沟", "湖",
	"埠", "坡", "崖", "店", "桥", "峪", "松", "柏", "桃", "梨", "涧", "汪", "龙", "凤", "青", "白", "黄", "马",
	"牛", "鹿", "莲", "芦", "苇", "碾", "磨", "井", "楼" };
static const char *const v_suffix[] = { "岭", "沟", "庄", "河", "峪", "湖", "埠", "崖", "头", "洼", "子", "坡",
	"屯", "营", "店", "园", "林", "泉", "官庄", "庄子", "疃", "旺", "沂", "墩" };
static const char *const v_family[] = { "家庄", "家村", "家岭", "家沟", "家洼", "官庄", "家湖", "家埠", "家屯",
	"家楼", "家疃", "庄", "家河", "家庄子" };
static const char *const numerals[] = { "一", "二", "三" };

struct village {
	int64_t code;
	char name[64];
	int town;
	bool poor;
	int exit_year;
	int rural_pop;
	int n_hh;        /* households numbered so far */
};

static bool
name_used(const struct village *v, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return true;
	return false;
}

/* A village base name ("东石岭", "王家庄"): surname villages and landscape villages, as in Linyi. */
static void
village_base(struct rng *r, char *out, size_t n)
{
	int k = rng_int(r, 0, 99);
	if (k < 40)
		snprintf(out, n, "%s%s", surname(r), PICK(r, v_family));
	else {
		const char *core = PICK(r, v_core), *suf = PICK(r, v_suffix);
		while (strcmp(core, suf) == 0)
			suf = PICK(r, v_suffix);
		if (k < 75)
			snprintf(out, n, "%s%s%s", PICK(r, v_dir), core, suf);
		else
			snprintf(out, n, "%s%s", core, suf);
	}
}

/* The villages of every town, with codes in the 村委会 range (201, 202, ...), names, 乡村人口, and which are
 * 省定贫困村 and when they exited. */
static void
make_map(struct village *v)
{
	struct rng r;
	rng_seed(&r, MAP_SEED);
	int k = 0;
	for (size_t t = 0; t < NELEM(towns); t++) {
		int first = k;
		while (k - first < towns[t].villages) {
			int i = k - first;
			char base[48];
			if ((int)t == LI_TOWN && i == LI_VILLAGE - 1) {
				snprintf(v[k].name, sizeof(v[k].name), "北泉子一村");
				snprintf(v[k + 1].name, sizeof(v[k + 1].name), "北泉子二村");
				k += 2;
				continue;
			}
			village_base(&r, base, sizeof(base));
			/* Some old villages were split into 一村, 二村 (, 三村). */
			int parts = !rng_pct(&r, 12) ? 1 : rng_pct(&r, 80) ? 2 : 3;
			if (i + parts > towns[t].villages || ((int)t == LI_TOWN && i < LI_VILLAGE - 1 &&
			    i + parts > LI_VILLAGE - 1))
				parts = 1;
			char one[64], plain[64];
			snprintf(one, sizeof(one), "%s一村", base);
			snprintf(plain, sizeof(plain), "%s村", base);
			if (name_used(v, k, one) || name_used(v, k, plain) || strcmp(base, "北泉子") == 0)
				continue;
			for (int p = 0; p < parts; p++) {
				if (parts > 1)
					snprintf(v[k].name, sizeof(v[k].name), "%s%s村", base, numerals[p]);
				else
					snprintf(v[k].name, sizeof(v[k].name), "%s村", base);
				k++;
			}
		}
		for (int i = first; i < k; i++) {
			v[i].code = towns[t].code + 201 + (i - first);
			v[i].town = (int)t;
			v[i].rural_pop = 650 + rng_int(&r, 0, 900) + rng_int(&r, 0, 900);
		}
	}
	assert(k == N_VILLAGES);
	int idx[N_VILLAGES];
	for (int i = 0; i < N_VILLAGES; i++)
		idx[i] = i;
	rng_shuffle(&r, idx, N_VILLAGES);
	int li = 0;
	for (size_t t = 0; t < LI_TOWN; t++)
		li += towns[t].villages;
	li += LI_VILLAGE;
	/* 北泉子二村 is one of the 50 */
	for (int i = 0; i < N_VILLAGES; i++)
		if (idx[i] == li) {
			idx[i] = idx[0];
			idx[0] = li;
		}
	for (int i = 0; i < N_POOR_VILLAGES; i++) {
		v[idx[i]].poor = true;
		v[idx[i]].exit_year = i < N_POOR_EXIT_2016 ? 2016 : 2017;
	}
}

/* ---- households and members ---- */

struct dhh {
	struct household h;
	struct member *m;      /* own members [0, n_own), then those the campaign adds [n_own, n) */
	int n, n_own;
	enum kind kind;
	int village;
	int exit_year, end_year;   /* effective at that year's end; 0 for none */
	int day;                   /* campaign day (index), -1 if the campaign does not touch it */
	struct income inc;
	const char *sn_head, *sn_line;   /* the head's surname; the children's */
};

/* ID numbers in use, as birth * 1000 + sequence (open addressing). */
struct idset {
	int64_t *v;
	size_t cap;
};

static bool
idset_add(struct idset *s, int64_t key)
{
	size_t i = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 40) & (s->cap - 1);
	while (s->v[i]) {
		if (s->v[i] == key)
			return false;
		i = (i + 1) & (s->cap - 1);
	}
	s->v[i] = key;
	return true;
}

struct gen {
	struct rng r;
	struct arena a;
	struct idset ids;
	struct village v[N_VILLAGES];
	struct dhh *hh;
	int n_hh;
	int64_t line_nat, line_prov, line_missed;   /* fen per person and year */
	int missed_year;
};

/* Surname lines within a household. */
enum sn { SN_HEAD, SN_OWN, SN_LINE };

struct slot {
	const char *rel;
	int sex;
	int age;    /* on the identification date */
	enum sn sn;
};

static const char *
child_rel(int sex)
{
	return sex == 1 ? "03" : "04";
}

static const char *
grandchild_rel(int sex)
{
	return sex == 1 ? "07" : "08";
}

static int
clamp(int x, int lo, int hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* Ages of c children whose younger parent is p years old: the eldest born when that parent was 21 to 28,
 * the others 2 to 5 years apart. */
static void
kids(struct rng *r, int p, int c, int *age)
{
	for (int i = 0; i < c; i++)
		age[i] = i == 0 ? p - rng_int(r, 21, 28) : age[i - 1] - rng_int(r, 2, 5);
}

static int
younger(const struct slot *s)
{
	return s[0].age < s[1].age ? s[0].age : s[1].age;
}

/* The relations, sexes and ages of a household of n persons: the shapes of poor rural households (old people
 * alone or in couples, grandparents with left-behind grandchildren, couples with children or a parent, three
 * generations). Returns n. */
static int
compose(struct rng *r, int n, struct slot *s)
{
	int k = 0, hs, ha, age[MAX_SIZE];
#define ADD(rel_, sex_, age_, sn_) (s[k++] = (struct slot){ (rel_), (sex_), clamp((age_), 0, 97), (sn_) })
#define COUPLE(lo, hi) \
	do { \
		hs = rng_pct(r, 92) ? 1 : 2; \
		ha = rng_int(r, lo, hi); \
		ADD(REL_HEAD, hs, ha, SN_HEAD); \
		ADD(REL_SPOUSE, 3 - hs, clamp(ha + (hs == 1 ? rng_int(r, -6, 2) : rng_int(r, -2, 6)), 18, 97), SN_OWN); \
	} while (0)
	if (n == 1) {
		if (rng_pct(r, 88))
			ADD(REL_HEAD, rng_pct(r, 50) ? 1 : 2, 60 + rng_int(r, 0, 14) + rng_int(r, 0, 14), SN_HEAD);
		else
			ADD(REL_HEAD, rng_pct(r, 75) ? 1 : 2, rng_int(r, 28, 59), SN_HEAD);
		return k;
	}
	if (n == 2) {
		static const int w[] = { 55, 20, 15, 10 };
		switch (rng_weighted(r, w, 4)) {
		case 0:
			/* old couples: the head's age on a triangular law from 55 to 79 */
			COUPLE(55, 67);
			s[0].age = ha = clamp(ha + rng_int(r, 0, 12), 0, 97);
			s[1].age = clamp(ha + (hs == 1 ? rng_int(r, -6, 2) : rng_int(r, -2, 6)), 18, 97);
			break;
		case 1: {
			hs = rng_pct(r, 60) ? 1 : 2;
			ha = rng_int(r, 45, 85);
			int cs = rng_pct(r, 50) ? 1 : 2;
			ADD(REL_HEAD, hs, ha, SN_HEAD);
			ADD(child_rel(cs), cs, ha - rng_int(r, 22, 38), SN_LINE);
			break;
		}
		case 2: {
			hs = rng_pct(r, 55) ? 1 : 2;
			int gs = rng_pct(r, 50) ? 1 : 2;
			ADD(REL_HEAD, hs, rng_int(r, 58, 80), SN_HEAD);
			ADD(grandchild_rel(gs), gs, rng_int(r, 3, 16), SN_LINE);
			break;
		}
		default: {
			hs = rng_pct(r, 85) ? 1 : 2;
			ha = rng_int(r, 28, 60);
			int ps = rng_pct(r, 70) ? 2 : 1;
			ADD(REL_HEAD, hs, ha, SN_HEAD);
			ADD(ps == 1 ? "11" : "12", ps, ha + rng_int(r, 22, 35), ps == 1 ? SN_HEAD : SN_OWN);
			break;
		}
		}
		return k;
	}
	if (n == 3) {
		static const int w[] = { 50, 25, 25 };
		int t = rng_weighted(r, w, 3);
		if (t == 0) {
			COUPLE(28, 60);
			int cs = rng_pct(r, 50) ? 1 : 2;
			kids(r, younger(s), 1, age);
			ADD(child_rel(cs), cs, age[0], SN_LINE);
		} else if (t == 1) {
			COUPLE(58, 82);
			int gs = rng_pct(r, 50) ? 1 : 2;
			ADD(grandchild_rel(gs), gs, rng_int(r, 3, 17), SN_LINE);
		} else {
			COUPLE(30, 58);
			int ps = rng_pct(r, 70) ? 2 : 1;
			ADD(ps == 1 ? "11" : "12", ps, ha + rng_int(r, 22, 34), ps == 1 ? SN_HEAD : SN_OWN);
		}
		return k;
	}
	static const int w[] = { 45, 30, 25 };
	int t = rng_weighted(r, w, 3);
	if (t == 0 || t == 1) {
		/* more children, older parents */
		int c = n - 2 - (t == 1);
		COUPLE(24 + 4 * c, 50 + 2 * c);
		if (t == 1) {
			int ps = rng_pct(r, 70) ? 2 : 1;
			ADD(ps == 1 ? "11" : "12", ps, ha + rng_int(r, 22, 34), ps == 1 ? SN_HEAD : SN_OWN);
		}
		kids(r, younger(s), c, age);
		for (int i = 0; i < c; i++) {
			int cs = rng_pct(r, 50) ? 1 : 2;
			ADD(child_rel(cs), cs, age[i], SN_LINE);
		}
	} else {
		int c = n - 4;
		COUPLE(52 + 2 * c, 78);
		kids(r, younger(s), 1, age);
		int son = k;
		ADD(child_rel(1), 1, age[0], SN_LINE);
		ADD("05", 2, clamp(age[0] + rng_int(r, -4, 2), 18, 97), SN_OWN);
		kids(r, younger(&s[son]), c, age);
		for (int i = 0; i < c; i++) {
			int gs = rng_pct(r, 50) ? 1 : 2;
			ADD(grandchild_rel(gs), gs, age[i], SN_LINE);
		}
	}
#undef ADD
#undef COUPLE
	return k;
}

/* A birth date that makes the person age years old on 2014-01-01 (everyone counted from then was born by
 * then). */
static int
birth_for_age(struct rng *r, int age)
{
	int y = 2013 - age, m = rng_int(r, 1, 12), d = rng_int(r, 1, 28);
	if (m != 2 && rng_pct(r, 10))
		d = rng_int(r, 29, 30);
	return y * 10000 + m * 100 + d;
}

/* A GB 11643 number: the unassigned address code 371399, the birth date, a sequence whose last digit is odd
 * for men and even for women, and the check character. Unique in the demo. */
static char *
make_id(struct gen *g, int birth, int sex)
{
	char s[24];
	for (;;) {
		int seq = rng_int(&g->r, 0, 499) * 2 + (sex == 1 ? 1 : 0);
		if (!idset_add(&g->ids, (int64_t)birth * 1000 + seq))
			continue;
		snprintf(s, sizeof(s), "371399%08d%03d", birth, seq);
		s[17] = idno_check_char(s);
		s[18] = '\0';
		return arena_strdup(&g->a, s);
	}
}

/* The member fields that follow from age on the date they were stated (info): health, schooling or
 * education (one of the two, never both), labour (under 16 and students: 无劳动力; 60 and over: never
 * 普通/技能), work, insurance. */
static void
person_fill(struct gen *g, struct member *m, int info)
{
	struct rng *r = &g->r;
	int age = date_age(m->birth, info), year = m->birth / 10000;
	static const int eth_w[] = { 994, 5, 1 };
	static const char *const eth[] = { "01", "03", "11" };   /* 汉族, 回族, 满族 */
	m->ethnicity = (char *)eth[rng_weighted(r, eth_w, 3)];

	static const char *const health[] = { "01", "02", "03", "04" };
	static const int h_child[] = { 95, 2, 1, 2 }, h_young[] = { 72, 12, 6, 10 }, h_mid[] = { 45, 30, 12, 13 },
			 h_old[] = { 25, 48, 14, 13 };
	const int *hw = age < 16 ? h_child : age < 45 ? h_young : age < 60 ? h_mid : h_old;
	m->health = (char *)health[rng_weighted(r, hw, 4)];

	m->education = m->schooling = NULL;
	if (age < 3)
		m->education = "06";
	else if (age < 6 && rng_pct(r, 60))
		m->schooling = "02";
	else if (age < 6)
		m->education = "06";
	else if (age < 12)
		m->schooling = "03";
	else if (age < 15) {
		static const char *const junior[] = { "04", "05", "06" };
		m->schooling = (char *)junior[age - 12];
	} else if (age < 18 && rng_pct(r, 75)) {
		static const char *const senior[] = { "07", "08", "09" }, *const voc[] = { "10", "11", "12" };
		m->schooling = (char *)(rng_pct(r, 60) ? senior[age - 15] : voc[age - 15]);
	} else if (age < 18)
		m->education = rng_pct(r, 80) ? "03" : "02";
	else if (age < 21 && rng_pct(r, 25)) {
		static const char *const higher[] = { "13", "14", "15" };
		m->schooling = (char *)(rng_pct(r, 70) ? higher[age - 18] : "16");
	} else {
		static const char *const edu[] = { "01", "02", "03", "04", "05" };
		static const int e1[] = { 65, 30, 5, 0, 0 }, e2[] = { 40, 42, 16, 2, 0 }, e3[] = { 12, 40, 40, 8, 0 },
				 e4[] = { 3, 20, 55, 18, 4 }, e5[] = { 0, 8, 50, 30, 12 };
		const int *w = year < 1945 ? e1 : year < 1960 ? e2 : year < 1975 ? e3 : year < 1990 ? e4 : e5;
		m->education = (char *)edu[rng_weighted(r, w, 5)];
	}
	bool student = m->schooling != NULL;

	bool ill = strcmp(m->health, "03") == 0, disabled = strcmp(m->health, HEALTH_DISABLED) == 0;
	if (age < 16 || student)
		m->labor = LABOR_NONE;
	else if (age >= 60)
		m->labor = ill || disabled || rng_pct(r, 30) ? LABOR_LOST : LABOR_NONE;
	else if (ill)
		m->labor = rng_pct(r, 70) ? LABOR_LOST : LABOR_NORMAL;
	else if (disabled)
		m->labor = rng_pct(r, 50) ? LABOR_LOST : LABOR_NORMAL;
	else {
		static const int w[] = { 88, 10, 2 };
		static const char *const l[] = { LABOR_NORMAL, LABOR_SKILLED, LABOR_LOST };
		m->labor = (char *)l[rng_weighted(r, w, 3)];
	}
	m->work_status = NULL;
	m->work_months = 0;
	if ((strcmp(m->labor, LABOR_NORMAL) == 0 || strcmp(m->labor, LABOR_SKILLED) == 0) && rng_pct(r, 60)) {
		static const int w[] = { 35, 25, 22, 18 };
		static const char *const ws[] = { "01", "02", "03", "04" };
		m->work_status = (char *)ws[rng_weighted(r, w, 4)];
		m->work_months = rng_int(r, 3, 12);
	}
	/* The article: residents' medical and serious-illness insurance cover every registered poor person. */
	m->ins_medical = m->ins_serious = 1;
	m->ins_pension = age >= 60 ? 1 : age >= 16 && !student ? rng_pct(r, 92) : 0;
	m->id_kind = ID_RESIDENT;
	m->phone = NULL;
	m->info_date = info;
}

/* Fill members m[0..k) from slots, stated on info, with the household's surnames (SN_OWN draws another). */
static void
members_from(struct gen *g, const struct slot *s, int k, struct member *m, int info, const char *sn_head,
    const char *sn_line)
{
	struct rng *r = &g->r;
	for (int i = 0; i < k; i++) {
		memset(&m[i], 0, sizeof(m[i]));
		m[i].relation = (char *)s[i].rel;
		m[i].sex = s[i].sex == 1 ? SEX_MALE : SEX_FEMALE;
		m[i].birth = birth_for_age(r, s[i].age);
		const char *sn = s[i].sn == SN_HEAD ? sn_head : s[i].sn == SN_LINE ? sn_line : surname(r);
		while (s[i].sn == SN_OWN && strcmp(sn, sn_head) == 0)
			sn = surname(r);
		char given[32], full[64];
		do {
			given_name(r, s[i].sex, m[i].birth / 10000, given, sizeof(given));
			snprintf(full, sizeof(full), "%s%s", sn, given);
		} while (strcmp(full, LI_NAME) == 0);
		m[i].name = arena_strdup(&g->a, full);
		m[i].id_no = make_id(g, m[i].birth, s[i].sex);
		person_fill(g, &m[i], info);
	}
}

static bool
any(const struct member *m, int n, bool (*f)(const struct member *))
{
	for (int i = 0; i < n; i++)
		if (f(&m[i]))
			return true;
	return false;
}

static bool
is_ill(const struct member *m)
{
	return strcmp(m->health, "03") == 0;
}

static bool
is_chronic(const struct member *m)
{
	return strcmp(m->health, "02") == 0;
}

static bool
is_disabled(const struct member *m)
{
	return strcmp(m->health, HEALTH_DISABLED) == 0;
}

static bool
is_worker(const struct member *m)
{
	return strcmp(m->labor, LABOR_NORMAL) == 0 || strcmp(m->labor, LABOR_SKILLED) == 0;
}

static bool
not_worker(const struct member *m)
{
	return !is_worker(m);
}

static bool
is_senior_student(const struct member *m)
{
	return m->schooling && strcmp(m->schooling, "07") >= 0;
}

static bool
is_working(const struct member *m)
{
	return m->work_status != NULL;
}

static bool
is_under_60(const struct member *m)
{
	return date_age(m->birth, m->info_date) < 60;
}

/* 贫困户属性 (2014 list), 致贫原因 consistent with the members, 识别标准 and the income it was identified by. */
static void
household_fill(struct gen *g, struct dhh *d, int income_year, bool missed)
{
	struct rng *r = &g->r;
	struct member *m = d->m;
	int n = d->n_own;
	bool workers = any(m, n, is_worker);

	if (n == 1 && date_age(m[0].birth, m[0].info_date) >= 60 && rng_pct(r, 25))
		d->h.attribute = "5";                       /* 五保户 */
	else if (rng_pct(r, 35))
		d->h.attribute = workers ? "2" : "4";       /* 低保贫困户 has labour, 低保户 has none */
	else
		d->h.attribute = "1";                       /* 一般贫困户 */
	int dibao = strcmp(d->h.attribute, "2") == 0 || strcmp(d->h.attribute, "4") == 0;
	int tekun = strcmp(d->h.attribute, "5") == 0;
	for (int i = 0; i < d->n; i++) {
		m[i].dibao = dibao;
		m[i].tekun = tekun;
	}

	static const char *const cause[] = { "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "99" };
	int w[NELEM(cause)] = {
		/* a cause the members show (tuopin check: CAUSE_ILLNESS, CAUSE_LABOR) */
		any(m, n, is_ill) ? 50 : any(m, n, is_chronic) ? 35 : 0,
		any(m, n, is_disabled) ? 45 : 0,
		any(m, n, is_senior_student) ? 25 : 0,
		2, 3, 1,
		workers ? 10 : 2,
		!any(m, n, not_worker) ? 0 : workers ? 3 : 30,
		12, 1, 4, 1,
	};
	int main_c = rng_weighted(r, w, (int)NELEM(cause));
	d->h.cause_main = (char *)cause[main_c];
	w[main_c] = 0;
	int others = rng_int(r, 0, 99) < 55 ? 1 : rng_int(r, 0, 99) < 45 ? 2 : 0;
	int o1 = -1, o2 = -1;
	if (others >= 1) {
		o1 = rng_weighted(r, w, (int)NELEM(cause));
		w[o1] = 0;
	}
	if (others >= 2)
		o2 = rng_weighted(r, w, (int)NELEM(cause));
	if (o2 >= 0 && o2 < o1) {
		int t = o1;
		o1 = o2;
		o2 = t;
	}
	if (o2 >= 0)
		d->h.cause_other = arena_printf(&g->a, "%s,%s", cause[o1], cause[o2]);
	else if (o1 >= 0)
		d->h.cause_other = (char *)cause[o1];
	else
		d->h.cause_other = NULL;

	/* The national line of the income year, or above it but under Shandong's own line (省定标准). */
	int64_t lo = 120000, hi = g->line_nat;
	d->h.id_standard = "1";
	if (missed)
		hi = g->line_missed;
	else if (g->line_prov > g->line_nat && rng_pct(r, 35)) {
		d->h.id_standard = "2";
		lo = g->line_nat;
		hi = g->line_prov;
	}
	if (hi - lo < 100)   /* a line set oddly low: stay under it anyway */
		lo = hi / 2;
	int64_t pc = lo + rng_int(r, 0, (int)(hi - lo - 1));
	int64_t net = pc * n;
	int wage = any(m, n, is_working) ? rng_int(r, 30, 60) : 0, prop = rng_int(r, 0, 4);
	int transfer = dibao || tekun ? rng_int(r, 30, 60) : !any(m, n, is_under_60) ? rng_int(r, 25, 50)
	    : rng_int(r, 5, 20);
	if (wage + prop + transfer > 95)
		transfer = 95 - wage - prop;
	struct income *in = &d->inc;
	in->year = income_year;
	in->wage = net * wage / 100;
	in->property = net * prop / 100;
	in->transfer = net * transfer / 100;
	int64_t business_net = net - in->wage - in->property - in->transfer;
	int cost = rng_int(r, 25, 45);
	in->business = business_net * 100 / (100 - cost);
	in->business_cost = in->business - business_net;
	in->size = n;
	in->net_pc = div_round(income_net(in, NULL), n);
	assert(in->net_pc == pc);

	d->h.phone = rng_pct(r, 92) ? arena_printf(&g->a, "1%c%d%08d", "358"[rng_int(r, 0, 2)], rng_int(r, 0, 9),
	    rng_int(r, 0, 99999999)) : NULL;
	d->h.status = ST_POOR;
	d->h.code_version = code_version_for_date(IDENT_DATE);
}

/* n sizes (1..MAX_SIZE) adding up to target, drawn from a truncated geometric law with the right mean, then
 * single persons moved until the sum is exact. pinned[i] > 0 fixes a size. */
static void
draw_sizes(struct rng *r, int *size, const int *pinned, int n, int target)
{
	double want = (double)target / n, lo = 0.0, hi = 3.0, q = 1.0;
	for (int it = 0; it < 60; it++) {
		q = (lo + hi) / 2;
		double s = 0, sk = 0, p = 1;
		for (int k = 1; k <= MAX_SIZE; k++, p *= q) {
			s += p;
			sk += k * p;
		}
		if (sk / s < want)
			lo = q;
		else
			hi = q;
	}
	int w[MAX_SIZE];
	double p = 1;
	for (int k = 0; k < MAX_SIZE; k++, p *= q)
		w[k] = (int)(p * 100000) + 1;
	int sum = 0;
	for (int i = 0; i < n; i++) {
		size[i] = pinned[i] ? pinned[i] : 1 + rng_weighted(r, w, MAX_SIZE);
		sum += size[i];
	}
	while (sum != target) {
		int i = rng_int(r, 0, n - 1);
		if (pinned[i])
			continue;
		if (sum < target && size[i] < MAX_SIZE)
			size[i]++, sum++;
		else if (sum > target && size[i] > 1)
			size[i]--, sum--;
	}
}

/* The household of 李从山 (团林镇北泉子二村): he has 颈椎病 (长期慢性病) but can work; he lives with his wife,
 * exited at the end of 2017 and keeps his policy (his village cleaning post comes later). */
static void
li_household(struct gen *g, struct dhh *d, int info)
{
	struct slot s[2] = { { REL_HEAD, 1, 56, SN_HEAD }, { REL_SPOUSE, 2, 54, SN_OWN } };
	d->sn_head = d->sn_line = "李";
	members_from(g, s, 2, d->m, info, d->sn_head, d->sn_line);
	d->m[0].name = LI_NAME;
	d->m[0].health = "02";
	d->m[0].labor = LABOR_NORMAL;
	d->m[0].education = "02";
	d->m[0].schooling = NULL;
	d->m[0].work_status = NULL;
	d->m[0].work_months = 0;
}

/* Members the 2014 survey left out (added in the campaign, counted from 2014-01-01): a spouse, a child or a
 * grandchild, stated on the day of the campaign. */
static void
missed_members(struct gen *g, struct dhh *d, int count, int info)
{
	struct rng *r = &g->r;
	const struct member *head = &d->m[0];
	int ha = date_age(head->birth, IDENT_DATE), hs = strcmp(head->sex, SEX_MALE) == 0 ? 1 : 2;
	bool spouse = false;
	for (int i = 0; i < d->n_own; i++)
		spouse |= strcmp(d->m[i].relation, REL_SPOUSE) == 0;
	struct slot s[2];
	for (int k = 0; k < count; k++) {
		int sex = rng_pct(r, 50) ? 1 : 2;
		if (k == 0 && !spouse && ha >= 25 && ha <= 75 && rng_pct(r, 40))
			s[k] = (struct slot){ REL_SPOUSE, 3 - hs, clamp(ha + rng_int(r, -5, 3), 20, 97), SN_OWN };
		else if (ha >= 52 && rng_pct(r, 50))
			s[k] = (struct slot){ grandchild_rel(sex), sex, rng_int(r, 1, 15), SN_LINE };
		else
			s[k] = (struct slot){ child_rel(sex), sex, clamp(ha - rng_int(r, 20, 36), 0, 97), SN_LINE };
	}
	members_from(g, s, count, &d->m[d->n_own], info, d->sn_head, d->sn_line);
	d->n = d->n_own + count;
}

static int
village_by_code(const struct gen *g, int64_t code)
{
	for (int i = 0; i < N_VILLAGES; i++)
		if (g->v[i].code == code)
			return i;
	return -1;
}

static void
number_household(struct gen *g, struct dhh *d)
{
	struct village *v = &g->v[d->village];
	d->h.village = v->code;
	d->h.hh_no = arena_printf(&g->a, "%012lld%04d", (long long)v->code, ++v->n_hh);
	/* the 财政一卡通 account, made from the number (not drawn: the draws, and so the figures, stay as they were) */
	uint64_t x = 14695981039346656037ULL;
	for (const char *c = d->h.hh_no; *c; c++)
		x = (x ^ (unsigned char)*c) * 1099511628211ULL;
	d->h.bank = "临港农商银行";
	d->h.bank_account = arena_printf(&g->a, "6230%015llu", (unsigned long long)(x % 1000000000000000ULL));
}

/* Members of one household drawn from a composition. */
static void
own_members(struct gen *g, struct dhh *d, int size, int info)
{
	struct rng *r = &g->r;
	struct slot s[MAX_SIZE];
	int k = compose(r, size, s);
	/* The children carry the father's surname: the head's, or when a woman heads the household, her
	 * husband's (present or late). */
	d->sn_head = d->sn_line = surname(r);
	if (s[0].sex == 2) {
		do
			d->sn_line = surname(r);
		while (strcmp(d->sn_line, d->sn_head) == 0);
		for (int i = 0; i < k; i++)
			if (strcmp(s[i].rel, REL_SPOUSE) == 0)
				s[i].sn = SN_LINE;
	}
	d->m = arena_alloc(&g->a, (size_t)(k + 2) * sizeof(*d->m));
	members_from(g, s, k, d->m, info, d->sn_head, d->sn_line);
	d->n = d->n_own = k;
}

/* Everything about the people, before anything is written. */
static void
plan(struct gen *g)
{
	struct rng *r = &g->r;
	g->n_hh = IDENT_H + MISSED_H;
	g->hh = xcalloc((size_t)g->n_hh, sizeof(*g->hh));

	/* Households per village: by rural population, about twice as dense in the 省定贫困村. */
	int64_t wsum = 0, wv[N_VILLAGES];
	for (int i = 0; i < N_VILLAGES; i++) {
		wv[i] = (int64_t)g->v[i].rural_pop * (g->v[i].poor ? 24 : 11) * rng_int(r, 80, 120);
		wsum += wv[i];
	}
	int count[N_VILLAGES], given = 0;
	int64_t rem[N_VILLAGES];
	for (int i = 0; i < N_VILLAGES; i++) {
		count[i] = (int)(wv[i] * IDENT_H / wsum);
		rem[i] = wv[i] * IDENT_H % wsum;
		given += count[i];
	}
	while (given < IDENT_H) {   /* largest remainders */
		int best = 0;
		for (int i = 1; i < N_VILLAGES; i++)
			if (rem[i] > rem[best])
				best = i;
		count[best]++;
		rem[best] = -1;
		given++;
	}
	int k = 0;
	for (int i = 0; i < N_VILLAGES; i++)
		for (int j = 0; j < count[i]; j++)
			g->hh[k++].village = i;

	/* Groups, at random over the district. 李从山's household is the first of 北泉子二村 and stays supported. */
	int *kind = xmalloc(IDENT_H * sizeof(int));
	k = 0;
	for (int c = 0; c < K_MISSED; c++)
		for (int j = 0; j < kinds[c].h; j++)
			kind[k++] = c;
	rng_shuffle(r, kind, IDENT_H);
	int li = -1, li_village = village_by_code(g, towns[LI_TOWN].code + 200 + LI_VILLAGE + 1);
	for (int i = 0; i < IDENT_H && li < 0; i++)
		if (g->hh[i].village == li_village)
			li = i;
	assert(li >= 0);
	if (kind[li] != K_SUP)
		for (int i = 0; i < IDENT_H; i++)
			if (kind[i] == K_SUP) {
				kind[i] = kind[li];
				kind[li] = K_SUP;
				break;
			}
	for (int i = 0; i < IDENT_H; i++)
		g->hh[i].kind = (enum kind)kind[i];
	free(kind);

	/* Sizes per group, adding up to the group's persons. */
	int *idx = xmalloc(IDENT_H * sizeof(int)), *size = xmalloc(IDENT_H * sizeof(int)),
	    *pin = xmalloc(IDENT_H * sizeof(int)), *size_of = xmalloc(IDENT_H * sizeof(int));
	for (int c = 0; c < K_MISSED; c++) {
		int n = 0;
		for (int i = 0; i < IDENT_H; i++)
			if (g->hh[i].kind == (enum kind)c) {
				pin[n] = i == li ? 2 : 0;
				idx[n++] = i;
			}
		assert(n == kinds[c].h);
		draw_sizes(r, size, pin, n, kinds[c].p);
		for (int j = 0; j < n; j++)
			size_of[idx[j]] = size[j];
	}

	/* Members, attributes, and when each household exits and ends its policy. */
	static const int exit_unsup[] = { 30, 40, 30 }, exit_sup[] = { 10, 25, 30, 35 };
	static const int end_after_2014[] = { 50, 30, 20 }, end_after_2015[] = { 60, 40 };
	for (int i = 0; i < IDENT_H; i++) {
		struct dhh *d = &g->hh[i];
		number_household(g, d);
		if (i == li) {
			d->m = arena_alloc(&g->a, 4 * sizeof(*d->m));
			d->n = d->n_own = 2;
			li_household(g, d, IDENT_DATE);
		} else
			own_members(g, d, size_of[i], IDENT_DATE);
		household_fill(g, d, 2013, false);
		if (i == li) {
			d->h.attribute = "1";
			d->h.cause_main = "01";
			d->h.cause_other = "07";
			d->h.id_standard = "1";
		}
		d->h.identified_ym = IDENT_DATE / 100;
		d->day = -1;
		switch (d->kind) {
		case K_POOR:
			break;
		case K_REMOVE:
		case K_RESUME:
		case K_UNSUP:
			d->exit_year = 2014 + rng_weighted(r, exit_unsup, 3);
			d->end_year = d->exit_year == 2014 ? 2015 + rng_weighted(r, end_after_2014, 3)
			    : d->exit_year == 2015 ? 2016 + rng_weighted(r, end_after_2015, 2) : 2017;
			break;
		default:
			d->exit_year = i == li ? 2017 : 2014 + rng_weighted(r, exit_sup, 4);
			break;
		}
	}
	free(idx);
	free(size);
	free(pin);
	free(size_of);

	/* The two missed households, in two villages of the district. */
	for (int i = IDENT_H; i < g->n_hh; i++) {
		struct dhh *d = &g->hh[i];
		d->kind = K_MISSED;
		d->village = rng_int(r, 0, N_VILLAGES - 1);
		number_household(g, d);
	}

	/* The campaign goes village by village: its households in number order, cut into the recording days. */
	int n_ops = 0;
	int *ops = xmalloc((size_t)g->n_hh * sizeof(int));
	for (int i = 0; i < g->n_hh; i++)
		if (g->hh[i].kind != K_POOR && g->hh[i].kind != K_UNSUP && g->hh[i].kind != K_SUP)
			ops[n_ops++] = i;
	/* hh numbers are village code + sequence: the missed households sort into their villages */
	for (int i = 1; i < n_ops; i++)
		for (int j = i; j > 0 && strcmp(g->hh[ops[j - 1]].h.hh_no, g->hh[ops[j]].h.hh_no) > 0; j--) {
			int t = ops[j];
			ops[j] = ops[j - 1];
			ops[j - 1] = t;
		}
	for (int i = 0; i < n_ops; i++)
		g->hh[ops[i]].day = i * N_DAYS / n_ops;
	free(ops);

	/* Members added by the campaign: 255 in 238 households, so 17 of them gain two. */
	int *adds = xmalloc(ADD_H * sizeof(int));
	for (int i = 0, j = 0; i < IDENT_H; i++)
		if (g->hh[i].kind == K_ADD)
			adds[j++] = i;
	rng_shuffle(r, adds, ADD_H);
	for (int j = 0; j < ADD_H; j++) {
		struct dhh *d = &g->hh[adds[j]];
		missed_members(g, d, j < ADD_P - ADD_H ? 2 : 1, campaign_days[d->day]);
	}
	free(adds);

	/* The missed households: stated and identified in the campaign, against the line of 2017's income. */
	for (int i = IDENT_H; i < g->n_hh; i++) {
		struct dhh *d = &g->hh[i];
		int info = campaign_days[d->day];
		own_members(g, d, MISSED_P / MISSED_H, info);
		household_fill(g, d, 2017, true);
		d->h.identified_ym = info / 100;
	}
}

/* ---- writing the history ---- */

/* Why a registration was a mistake (整户识别不准): what the verification found, as it fits the household. */
static const char *
remove_reason(struct rng *r, const struct dhh *d)
{
	static const char *const working[] = { "家庭成员在城镇购买商品房", "家庭拥有小轿车", "家庭成员经商办企业",
		"家庭成员为财政供养人员", "家庭收入明显高于扶贫标准" };
	static const char *const old[] = { "子女有稳定收入且有赡养能力", "子女在城镇购买商品房",
		"家庭收入明显高于扶贫标准" };
	return any(d->m, d->n_own, is_under_60) ? PICK(r, working) : PICK(r, old);
}

static enum err
record(struct txn *t, struct demo_result *res, const struct event_req *q, struct errinfo *e)
{
	enum err rc = event_record(t, q, NULL, e);
	if (rc == ERR_OK)
		res->events++;
	return rc;
}

static enum err
write_divisions(struct txn *t, const struct gen *g, struct demo_result *res, struct errinfo *e)
{
	struct division top[] = {
		{ 370000000000LL, "山东省", LV_PROVINCE, 0, false, 0, -1 },
		{ 371300000000LL, "临沂市", LV_CITY, 370000000000LL, false, 0, -1 },
		{ 371373000000LL, "临港区", LV_COUNTY, 371300000000LL, false, 0, -1 },
	};
	enum err rc;
	bool ins;
	for (size_t i = 0; i < NELEM(top); i++)
		if ((rc = store_division_upsert(t->st, &top[i], &ins, e)) != ERR_OK)
			return rc;
	for (size_t i = 0; i < NELEM(towns); i++) {
		struct division d = { towns[i].code, (char *)towns[i].name, LV_TOWN, 371373000000LL, false, 0, -1 };
		if ((rc = store_division_upsert(t->st, &d, &ins, e)) != ERR_OK)
			return rc;
		res->towns++;
	}
	for (int i = 0; i < N_VILLAGES; i++) {
		const struct village *v = &g->v[i];
		struct division d = { v->code, (char *)v->name, LV_VILLAGE, towns[v->town].code, v->poor, v->exit_year,
			v->rural_pop };
		if ((rc = store_division_upsert(t->st, &d, &ins, e)) != ERR_OK)
			return rc;
		res->villages++;
		res->poor_villages += v->poor;
	}
	return ERR_OK;
}

/* January 2014: the divisions and the identification, in bulk. */
static enum err
write_identification(struct store *st, struct gen *g, const char *actor, struct demo_result *res,
    struct errinfo *e)
{
	struct txn t;
	enum err rc = txn_begin(&t, st, stamp_from_local(IDENT_STAMP), actor, e);
	if (rc != ERR_OK)
		return rc;
	t.quiet_audit = true;   /* the demo is audited once, as a whole (demo_build) */
	if ((rc = write_divisions(&t, g, res, e)) != ERR_OK || (rc = store_bulk_begin(st, e)) != ERR_OK)
		goto fail;
	for (int i = 0; i < IDENT_H; i++) {
		struct dhh *d = &g->hh[i];
		if ((rc = household_create(&t, &d->h, d->m, (size_t)d->n_own, EV_IDENTIFY, IDENT_DATE, IDENT_BATCH, NULL,
		    &d->inc, NULL, e)) != ERR_OK)
			goto fail;
		res->events++;
		res->identified_h++;
		res->identified_p += d->n_own;
	}
	if ((rc = store_bulk_end(st, e)) != ERR_OK)
		goto fail;
	return txn_commit(&t, e);
fail:
	txn_rollback(&t);
	return rc;
}

/* The proposals (SCENARIO.md "After 2018"). The exits effective at the end of 2017 in 北泉子二村 went
 * through the whole workflow: 入户核实 (an assessment and the 2017 income survey, above the line), 民主评议,
 * 村内公示 7 天, 乡镇审核, 县级审定, and 公告 on the day the year's exits were recorded, which records the exit
 * event itself (the same event as the other villages', now linked to its proposal). Only this village: its
 * exits are the representative sample the tour walks; the district's figures do not change. */
#define LINKED_EXIT_YEAR 2017
#define LINKED_VILLAGE 371373101208LL
static const int linked_days[] = { 20171115, 20171120, 20171124, 20171201, 20171212, 20171226, 20180108 };

static enum err
act(struct txn *t, int64_t id, const char *step, int date, const char *votes, const char *note, const char *override,
    struct errinfo *e)
{
	struct proposal_action x = { .id = id, .action = "approve", .step = step, .date = date, .votes = votes,
		.note = note, .override = override };
	return proposal_act(t, NULL, &x, e);
}

static enum err
exit_by_proposal(struct txn *t, struct gen *g, struct dhh *d, const char *batch, struct demo_result *res,
    struct errinfo *e)
{
	const int *dd = linked_days;
	struct assessment x = { .day = dd[1], .assessor = "北泉子二村两委、驻村工作队", .food = 1, .clothing = 1,
		.education = 1, .medical = 1, .water = 1, .housing = "A" };
	enum err rc = assessment_record(t, d->h.hh_no, &x, e);
	if (rc != ERR_OK)
		return rc;
	/* the 2017 survey: wages, with a little transfer income, a fifth to a half above Shandong's line per person
	 * (the line of 2017 the check reads is Shandong's, which write_year sets) */
	int size = d->n_own;
	int64_t pc = g->line_prov * (120 + rng_int(&g->r, 0, 30)) / 100 / 100 * 100;
	struct income_req q = { .hh_no = d->h.hh_no, .source = "form" };
	q.in.year = LINKED_EXIT_YEAR;
	q.in.transfer = (int64_t)size * 30000;
	q.in.wage = pc * size - q.in.transfer;
	q.in.business = q.in.property = q.in.business_cost = q.in.net_pc = -1;
	q.in.size = size;
	if ((rc = income_set(t, &q, NULL, NULL, e)) != ERR_OK)
		return rc;
	struct proposal_new n = { .type = "exit", .hh_no = d->h.hh_no, .effective = LINKED_EXIT_YEAR * 10000 + 1231,
		.reason = "收入稳定超过扶贫标准，实现两不愁三保障", .channel = "screening", .batch = batch, .date = dd[0] };
	int64_t id;
	if ((rc = proposal_open(t, NULL, &n, &id, e)) != ERR_OK ||
	    (rc = act(t, id, "assess", dd[1], NULL, "入户核实：收入、两不愁三保障、安全饮水达标", NULL, e)) != ERR_OK ||
	    (rc = act(t, id, "review", dd[2], "9/0/0", "村民代表会议评议通过", NULL, e)) != ERR_OK ||
	    (rc = act(t, id, "notice", dd[3], NULL, "公示期满无异议", NULL, e)) != ERR_OK ||
	    (rc = act(t, id, "town", dd[4], NULL, NULL, NULL, e)) != ERR_OK ||
	    (rc = act(t, id, "county", dd[5], NULL, NULL, NULL, e)) != ERR_OK ||
	    (rc = act(t, id, "announce", dd[6], NULL, NULL, NULL, e)) != ERR_OK)
		return rc;
	res->events++;
	res->linked++;
	return ERR_OK;
}

/* Open proposals in 北泉子二村 at different steps, so that every demo login has something in its inbox: 返贫
 * at 民主评议, at 村内公示 and at 县级审定, 识别不准剔除 at 乡镇审核 (recorded in November 2018). */
#define OPEN_STAMP 20181112093000LL
static enum err
write_open_proposals(struct store *st, struct gen *g, const char *actor, struct demo_result *res,
    struct errinfo *e)
{
	static const struct {
		const char *type, *reason, *channel;
		int steps;      /* steps approved */
	} open[] = {
		{ "return", "家庭成员突发重病，医疗支出大，收入低于扶贫标准", "apply", 1 },
		{ "return", "主要劳动力因伤丧失劳动能力，家庭收入骤降", "screening", 2 },
		{ "remove", "部门比对发现家庭有商品房和营运车辆，不符合识别标准", "comparison", 3 },
		{ "return", "遭受冰雹灾害，种植收入大幅减少", "feedback", 4 },
	};
	static const char *const codes[] = { "assess", "review", "notice", "town", "county" };
	static const int days[] = { 20181012, 20181016, 20181024, 20181031, 20181106 };   /* each step's approval */
	struct txn t;
	enum err rc = txn_begin(&t, st, stamp_from_local(OPEN_STAMP), actor, e);
	if (rc != ERR_OK)
		return rc;
	t.quiet_audit = true;
	size_t k = 0;
	for (int i = 0; i < g->n_hh && k < NELEM(open); i++) {
		struct dhh *d = &g->hh[i];
		/* households that exited before 2017 and that nothing else touched */
		if (d->h.village != LINKED_VILLAGE || d->kind == K_REMOVE || d->kind == K_MISSED || d->day >= 0 ||
		    d->exit_year == 0 || d->exit_year >= LINKED_EXIT_YEAR || strcmp(d->m[0].name, LI_NAME) == 0)
			continue;
		if (strcmp(open[k].type, "remove") == 0 && d->end_year == 0)
			continue;   /* the one removed is no longer supported */
		struct proposal_new n = { .type = open[k].type, .hh_no = d->h.hh_no, .reason = open[k].reason,
			.channel = open[k].channel, .date = 20181010 };
		int64_t id;
		if ((rc = proposal_open(&t, NULL, &n, &id, e)) != ERR_OK)
			goto fail;
		for (int s = 0; s < open[k].steps; s++) {
			if ((rc = act(&t, id, codes[s], days[s], s == 1 ? "8/0/1" : NULL, s == 2 ? "公示期满无异议" : NULL,
			    NULL, e))
			    != ERR_OK)
				goto fail;
		}
		res->open_proposals++;
		k++;
	}
	return txn_commit(&t, e);
fail:
	txn_rollback(&t);
	return rc;
}

/* January of year + 1: the exits effective at the end of year, and the policy ends of households that exited
 * in earlier years. */
static enum err
write_year(struct store *st, struct gen *g, int year, const char *actor, struct demo_result *res,
    struct errinfo *e)
{
	struct txn t;
	enum err rc = txn_begin(&t, st, stamp_from_local(year_stamps[year - FIRST_EXIT_YEAR]), actor, e);
	if (rc != ERR_OK)
		return rc;
	t.quiet_audit = true;
	char batch[32];
	snprintf(batch, sizeof(batch), "%d年度动态调整", year);
	int eff = year * 10000 + 1231;
	/* The exit checks of the linked village read that year's line: Shandong kept its provincial standard
	 * (3322 元 at 2014 prices; later official values are not confirmed, DOMAIN.md §5.4), set here for the
	 * year, as the office would have with `tuopin line set`. */
	if (year == LINKED_EXIT_YEAR &&
	    (rc = store_poverty_line_set(st, year, "37", "provincial", g->line_prov,
	        "山东省定扶贫标准（演示数据沿用 2014 年标准）", e)) != ERR_OK)
		goto fail;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < IDENT_H; i++) {
			struct dhh *d = &g->hh[i];
			if ((pass == 0 ? d->exit_year : d->end_year) != year)
				continue;
			if (pass == 0 && year == LINKED_EXIT_YEAR && d->h.village == LINKED_VILLAGE) {
				if ((rc = exit_by_proposal(&t, g, d, batch, res, e)) != ERR_OK)
					goto fail;
				continue;
			}
			struct event_req q = { .type = pass == 0 ? EV_EXIT : EV_POLICY_END, .hh_no = d->h.hh_no,
				.effective = eff, .batch = batch,
				.reason = pass == 0 ? "收入稳定超过扶贫标准，实现两不愁三保障" : "稳定脱贫，不再享受扶贫政策" };
			if ((rc = record(&t, res, &q, e)) != ERR_OK)
				goto fail;
		}
	return txn_commit(&t, e);
fail:
	txn_rollback(&t);
	return rc;
}

/* One day of the 托底清零 campaign. */
static enum err
write_campaign_day(struct store *st, struct gen *g, int day, const char *actor, struct demo_result *res,
    struct errinfo *e)
{
	struct txn t;
	int date = campaign_days[day];
	enum err rc = txn_begin(&t, st, stamp_from_local((int64_t)date * 1000000 + CAMPAIGN_TIME), actor, e);
	if (rc != ERR_OK)
		return rc;
	t.quiet_audit = true;
	for (int i = 0; i < g->n_hh; i++) {
		struct dhh *d = &g->hh[i];
		if (d->day != day)
			continue;
		struct event_req q = { .hh_no = d->h.hh_no, .batch = CAMPAIGN_BATCH, .effective = date };
		switch (d->kind) {
		case K_END:
			q.type = EV_POLICY_END;
			q.reason = "托底清零核实：已稳定脱贫，改为不享受政策";
			rc = record(&t, res, &q, e);
			break;
		case K_RESUME:
			q.type = EV_POLICY_RESUME;
			q.reason = "托底清零核实：仍需扶持，恢复享受政策";
			rc = record(&t, res, &q, e);
			break;
		case K_REMOVE:
			/* A mistaken registration is voided from the identification date on. */
			q.type = EV_REMOVE;
			q.effective = IDENT_DATE;
			q.correction = true;
			q.reason = remove_reason(&g->r, d);
			rc = record(&t, res, &q, e);
			break;
		case K_ADD:
			q.type = EV_MEMBER_ADD;
			q.effective = IDENT_DATE;
			q.correction = true;
			q.reason = "更正";
			for (int k = d->n_own; k < d->n && rc == ERR_OK; k++) {
				q.member = &d->m[k];
				q.id_no = d->m[k].id_no;
				if ((rc = record(&t, res, &q, e)) == ERR_OK)
					res->members_added++;
			}
			break;
		case K_MISSED:
			rc = household_create(&t, &d->h, d->m, (size_t)d->n, EV_INCLUDE_MISSED, IDENT_DATE, CAMPAIGN_BATCH,
			    "托底清零核实：应纳未纳", &d->inc, NULL, e);
			if (rc == ERR_OK)
				res->events++;
			break;
		default:
			break;
		}
		if (rc != ERR_OK)
			goto fail;
	}
	return txn_commit(&t, e);
fail:
	txn_rollback(&t);
	return rc;
}

/* The 帮扶 and 督查 records (demo_assistance.c), over the households as written. */
static enum err
write_assistance(struct store *st, struct gen *g, uint64_t seed, const char *actor, struct demo_result *r,
    struct errinfo *e)
{
	_Static_assert(K_POOR == (int)DG_POOR && K_MISSED == (int)DG_MISSED && K_ADD == (int)DG_ADD, "the same groups");
	struct demo_household *hh = xcalloc((size_t)g->n_hh, sizeof(*hh));
	struct demo_village v[N_VILLAGES];
	int li = -1;
	for (int i = 0; i < g->n_hh; i++) {
		struct dhh *d = &g->hh[i];
		hh[i] = (struct demo_household){ d->h.id, d->h.hh_no, d->h.village, d->village, (enum demo_group)d->kind, d->m,
			d->n, d->n_own, d->day >= 0 ? campaign_days[d->day] : 0, d->h.attribute };
		if (li < 0 && d->m[0].name && strcmp(d->m[0].name, LI_NAME) == 0)
			li = i;
	}
	for (int i = 0; i < N_VILLAGES; i++)
		v[i] = (struct demo_village){ g->v[i].code, towns[g->v[i].town].code, g->v[i].name, towns[g->v[i].town].name,
			g->v[i].poor };
	enum err rc = demo_assistance_build(st, seed, actor, hh, g->n_hh, v, N_VILLAGES, li, &r->assist, e);
	free(hh);
	return rc;
}

/* One audit row for the whole demo, at the time it was actually loaded (its events carry the scenario's
 * recording instants, from 2014 to 2018). */
static enum err
audit_demo(struct store *st, const char *actor, const struct demo_result *r, struct errinfo *e)
{
	char d1[11], d2[11];
	json_t *j = json_pack("{s:I, s:i, s:i, s:i, s:i, s:s, s:s}", "seed", (json_int_t)r->seed, "households",
	    r->households, "persons", r->persons, "events", r->events, "days", r->days, "first_day",
	    date_format(r->first_day, d1), "last_day", date_format(r->last_day, d2));
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	enum err rc = audit_append(st, stamp_now(), actor, "demo.load", "371373000000", detail, NULL, e);
	free(detail);
	return rc;
}

static enum err
line_of(struct store *st, int year, int64_t *out, struct errinfo *e)
{
	int found;
	bool prov;
	enum err rc = income_line(st, year, 371373000000LL, "national", out, &found, &prov, e);
	if (rc == ERR_NOTFOUND)
		return errinfo_raw(e, ERR_NOTFOUND, "", "demo_no_line", msg_lang() == LANG_EN
		    ? "no poverty line is set for the demo's years (tuopin line set ...)"
		    : "没有演示所需年度的扶贫标准线（请用 tuopin line set 设置）");
	return rc;
}

/* Data quality after 2018: a 公安 list of three deaths in 2025 in 北泉子二村, compared with the registry (the
 * persons are still members: three open findings), and a campaign gathering them. Through the same functions
 * as `tuopin import external`, `tuopin check` and `tuopin campaign new`, at the time the demo is loaded. */
static enum err
demo_quality(struct store *st, struct gen *g, const char *actor, struct demo_result *r, struct errinfo *e)
{
	static const int died[] = { 20250314, 20250702, 20251120 };
	const char *cells[3 * (1 + NELEM(died))] = { "证件号码", "姓名", "死亡日期" };
	char days[NELEM(died)][11];
	int64_t li = 371373101208LL;
	size_t n = 0;
	for (int i = 0; i < g->n_hh && n < NELEM(died); i++) {
		const struct dhh *d = &g->hh[i];
		if (d->h.village != li || d->kind == K_REMOVE || d->n < 2 || strcmp(d->m[0].name, LI_NAME) == 0)
			continue;
		const struct member *m = &d->m[1];   /* the eldest member but the head */
		for (int k = 2; k < d->n; k++)
			if (d->m[k].birth < m->birth)
				m = &d->m[k];
		cells[3 * (n + 1)] = m->id_no;
		cells[3 * (n + 1) + 1] = m->name;
		cells[3 * (n + 1) + 2] = date_format(died[n], days[n]);
		n++;
	}
	struct arena a;
	arena_init(&a);
	struct external_opts o = { .sheet = sheet_open_memory(cells, 3, n + 1), .kind = "death", .date = 20251231,
		.source = "公安", .actor = actor };
	struct external_result xr;
	memset(&xr, 0, sizeof(xr));
	problems_init(&xr.problems, &a);
	enum err rc = external_import(st, &o, &xr, &a, e);
	if (rc == ERR_OK) {
		int sel[] = { R_DEATH_COUNTED, R_DEATH_REGISTERED, R_NAME_MISMATCH };
		struct check_query q = { .only = -1, .rules = sel, .n_rules = NELEM(sel), .keep = true, .actor = actor };
		struct check_result cr;
		rc = check_run(st, &q, &cr, &a, e);
		r->deaths_listed = xr.stored;
		r->findings = (int)cr.opened;
	}
	if (rc == ERR_OK) {
		struct finding_actor by = { .name = actor };
		struct campaign_req cq = { .name = "2026年死亡人员清理", .rules = "DEATH_COUNTED,DEATH_REGISTERED",
			.start = 20260101, .deadline = 20260630, .division = 371373000000LL };
		struct campaign_row c;
		rc = campaign_create(st, &by, &cq, &c, &a, e);
	}
	arena_free(&a);
	return rc;
}


/* ---- 2021–2026 防返贫动态监测 (SCENARIO.md "After 2018") ----
 * After everything above (its draws come last, so the 2014–2020 history does not change): Shandong's monitoring
 * line for each year; 一般农户 entered on 2021-01-01 (with their 2020 income); for every 脱贫户 and 一般农户 the
 * yearly income survey of 2020–2025, recorded in January of the next year; each year new monitoring objects
 * through the monitoring workflow (脱贫不稳定户 among the 脱贫户 with the lowest incomes, 边缘易致贫户 among the
 * 一般农户, 突发严重困难户 of either kind), their risks eliminated a year or two later (帮扶消除 mostly, 自然消除 for
 * some) once the income is above the line and an assessment finds 三保障 and water secured — households without
 * labour capacity stay monitored —, two households with a new case after their risk was eliminated, and a few
 * cases of 2026 still open (some past the 15 days). Written year by year in the order the office would have. */
#define MON_FIRST 2021
#define MON_LAST 2026
#define MON_ORDINARY 420
#define MON_MAX_CASES 8
static const int64_t mon_lines[] = { 600000, 650000, 690000, 730000, 760000, 790000 };   /* fen, 2021–2026 */
static const int mon_new[][3] = {   /* new cases per year: unstable, marginal, sudden */
	{ 150, 40, 30 }, { 70, 22, 18 }, { 55, 18, 16 }, { 48, 16, 15 }, { 42, 14, 14 }, { 30, 10, 10 },
};

struct mhh {
	struct dhh *d;
	bool ordinary, labour;
	int64_t pc;             /* 人均纯收入 of the last survey, fen */
	int open_seq;           /* an open case: its index in cases + 1, 0 none */
	int n_cases;
	int eliminated_year;    /* the last case's elimination year, 0 none */
	int last_case_year;
	int shock_year;         /* the year of a sharp fall in income, 0 none */
};

struct mon {
	struct gen *g;
	struct rng r;
	struct mhh *h;
	int n;
	struct demo_result *res;
	const char *actor;
};

static int64_t
mon_line(int year)
{
	return year < MON_FIRST ? 0 : mon_lines[(year > MON_LAST ? MON_LAST : year) - MON_FIRST];
}

static bool
has_labour(const struct dhh *d)
{
	for (int i = 0; i < d->n; i++)
		if (d->m[i].labor && (strcmp(d->m[i].labor, LABOR_NORMAL) == 0 || strcmp(d->m[i].labor, LABOR_SKILLED) == 0 ||
		    strcmp(d->m[i].labor, "05") == 0))
			return true;
	return false;
}

/* Up to three risks the members show, else one the year's circumstances suggest. */
static void
mon_risks(struct mon *m, const struct mhh *x, int type, char *out, size_t size)
{
	const char *v[3];
	int n = 0;
	const struct dhh *d = x->d;
	if (any(d->m, d->n, is_ill) || any(d->m, d->n, is_chronic))
		v[n++] = "illness";
	if (any(d->m, d->n, is_disabled))
		v[n++] = "disability";
	if (!x->labour && n < 3)
		v[n++] = "labour";
	if (n < 3 && any(d->m, d->n, is_senior_student) && rng_pct(&m->r, 50))
		v[n++] = "school";
	if (type == 2 || n == 0) {
		static const char *const sudden[] = { "illness", "accident", "disaster", "housing" };
		static const char *const other[] = { "employment", "industry", "employment", "water", "housing" };
		const char *c = type == 2 ? PICK(&m->r, sudden) : PICK(&m->r, other);
		bool dup = false;
		for (int i = 0; i < n; i++)
			dup |= strcmp(v[i], c) == 0;
		if (!dup && n < 3)
			v[n++] = c;
	}
	size_t k = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		k += (size_t)snprintf(out + k, size - k, "%s%s", i ? "," : "", v[i]);
}

/* A proposal through the monitoring workflow from day: 入户核实, 民主评议, 村内公示 (5 to 7 days), 乡镇审核,
 * 县级审定, the whole within the 15 days; steps: how many to approve (5 all). */
static enum err
mon_walk(struct mon *m, struct txn *t, int64_t id, int day, int steps, struct errinfo *e)
{
	int d1 = date_add_days(day, rng_int(&m->r, 1, 2)), d2 = date_add_days(d1, rng_int(&m->r, 1, 2));
	int d3 = date_add_days(d2, rng_int(&m->r, 5, 6)), d4 = date_add_days(d3, 1), d5 = date_add_days(d4, rng_int(&m->r, 1, 2));
	char votes[16];
	snprintf(votes, sizeof(votes), "%d/0/%d", rng_int(&m->r, 7, 11), rng_int(&m->r, 0, 2));
	enum err rc = ERR_OK;
	if (steps >= 1)
		rc = act(t, id, "assess", d1, NULL, "入户核实", NULL, e);
	if (rc == ERR_OK && steps >= 2)
		rc = act(t, id, "review", d2, votes, "村民代表会议评议通过", NULL, e);
	if (rc == ERR_OK && steps >= 3)
		rc = act(t, id, "notice", d3, NULL, "公示期满无异议", NULL, e);
	if (rc == ERR_OK && steps >= 4)
		rc = act(t, id, "town", d4, NULL, NULL, NULL, e);
	if (rc == ERR_OK && steps >= 5)
		rc = act(t, id, "county", d5, NULL, NULL, NULL, e);
	return rc;
}

static enum err
mon_in(struct mon *m, struct txn *t, struct mhh *x, int type, int day, int steps, struct errinfo *e)
{
	static const char *const types[] = { "unstable", "marginal", "sudden" };
	static const char *const channels[] = { "screening", "self", "department", "platform", "supervision" };
	static const int cw[] = { 45, 20, 15, 15, 5 };
	char risks[64];
	mon_risks(m, x, type, risks, sizeof(risks));
	struct proposal_new n = { .type = "monitor_in", .hh_no = x->d->h.hh_no, .monitor_type = types[type],
		.risks = risks, .channel = channels[rng_weighted(&m->r, cw, 5)], .date = day,
		.reason = type == 2 ? "突发变故，刚性支出骤增" : "收入不稳定，存在返贫致贫风险" };
	int64_t id;
	enum err rc = proposal_open(t, NULL, &n, &id, e);
	if (rc == ERR_OK)
		rc = mon_walk(m, t, id, day, steps, e);
	if (rc != ERR_OK)
		return rc;
	m->res->mon.proposals++;
	if (steps < 5) {
		m->res->mon.open++;
		x->open_seq = -1;   /* in the workflow: not a candidate again */
		return ERR_OK;
	}
	if (x->eliminated_year)
		m->res->mon.returns++;
	m->res->mon.cases++;
	x->open_seq = ++x->n_cases;
	x->last_case_year = day / 10000;
	return ERR_OK;
}

static enum err
mon_eliminate(struct mon *m, struct txn *t, struct mhh *x, int day, struct errinfo *e)
{
	struct assessment a = { .day = day, .assessor = "村两委、驻村工作队", .food = 1, .clothing = 1, .education = 1,
		.medical = 1, .water = 1, .housing = "A" };
	enum err rc = assessment_record(t, x->d->h.hh_no, &a, e);
	if (rc != ERR_OK)
		return rc;
	bool natural = rng_pct(&m->r, 20);
	struct proposal_new n = { .type = "risk_eliminate", .hh_no = x->d->h.hh_no, .way = natural ? "natural" : "help",
		.date = day, .reason = natural ? "风险自然消除，收入稳定超过监测标准" : "经帮扶收入稳定超过监测标准，三保障和饮水安全巩固" };
	int64_t id;
	if ((rc = proposal_open(t, NULL, &n, &id, e)) != ERR_OK || (rc = mon_walk(m, t, id, day, 5, e)) != ERR_OK)
		return rc;
	m->res->mon.proposals++;
	if (!x->labour) {   /* approved, but the case stays open with its social security */
		m->res->mon.held++;
		x->open_seq = -2;
		return ERR_OK;
	}
	m->res->mon.eliminated++;
	x->open_seq = 0;
	x->eliminated_year = day / 10000;
	return ERR_OK;
}

/* January of year + 1: the survey of year (pc drawn on from the year before) of the households the income
 * monitoring follows: every 一般农户 and every household ever monitored, and the 脱贫户 whose income is under 1.3
 * times the line or falls sharply (the year before too). */
static enum err
mon_survey(struct mon *m, struct txn *t, int year, struct errinfo *e)
{
	int64_t line = mon_line(year < MON_FIRST ? MON_FIRST : year);
	for (int i = 0; i < m->n; i++) {
		struct mhh *x = &m->h[i];
		if (year == MON_FIRST - 1 && x->ordinary)
			continue;   /* entered with it */
		if (year > MON_FIRST - 1) {
			int g = x->shock_year == year ? -rng_int(&m->r, 30, 50) : rng_int(&m->r, 2, 11);
			x->pc = x->pc * (100 + g) / 100 / 100 * 100;
			/* a monitored household helped: above the line with a margin, ready for elimination */
			if (x->open_seq > 0 && x->pc < mon_line(year) * 115 / 100)
				x->pc = mon_line(year) * rng_int(&m->r, 115, 140) / 100 / 100 * 100;
		}
		if (!(x->ordinary || x->n_cases || x->open_seq || x->pc < line * 13 / 10 ||
		    (x->shock_year && year >= x->shock_year - 1)))
			continue;
		const struct dhh *d = x->d;
		int size = d->n;
		struct income_req q = { .hh_no = d->h.hh_no, .source = "sheet" };
		q.in.year = year;
		q.in.property = (int64_t)size * rng_int(&m->r, 0, 3) * 10000;
		q.in.transfer = (int64_t)size * (x->labour ? rng_int(&m->r, 3, 12) : rng_int(&m->r, 20, 40)) * 10000;
		if (q.in.property + q.in.transfer > x->pc * size)
			q.in.property = q.in.transfer = 0;
		q.in.wage = x->pc * size - q.in.property - q.in.transfer;
		q.in.business = q.in.business_cost = 0;
		q.in.net_pc = -1;
		q.in.size = size;
		enum err rc = income_set(t, &q, NULL, NULL, e);
		if (rc != ERR_OK)
			return rc;
		m->res->mon.incomes++;
	}
	return ERR_OK;
}

struct pc_idx {
	int64_t pc;
	int i;
};

static int
cmp_pc(const void *a, const void *b)
{
	const struct pc_idx *x = a, *y = b;
	if (x->pc != y->pc)
		return x->pc < y->pc ? -1 : 1;
	return x->i - y->i;
}

/* The year's events: eliminations of the cases of earlier years, new cases (and, in 2024 and 2025, a new case for
 * a household whose risk was eliminated), dated through the year. */
static enum err
mon_year(struct mon *m, struct txn *t, int year, struct errinfo *e)
{
	enum err rc;
	int last = year == MON_LAST ? 930 : 1130;
	/* eliminations: a case of an earlier year, most within a year or two; a household without labour capacity
	 * gets 低保 first (民政's roll) and stays monitored */
	for (int i = 0; i < m->n; i++) {
		struct mhh *x = &m->h[i];
		if (x->open_seq <= 0 || x->last_case_year >= year || x->pc < mon_line(year - 1))
			continue;
		if (!rng_pct(&m->r, !x->labour ? 25 : year - x->last_case_year >= 2 ? 90 : 70))
			continue;
		int day = year * 10000 + rng_int(&m->r, 3, (last / 100) - 1) * 100 + rng_int(&m->r, 1, 15);
		if (!x->labour) {
			struct programme_req q = { .hh_no = x->d->h.hh_no, .kind = "dibao", .from = year * 10000 + 101,
				.source = "民政低保名册" };
			if ((rc = programme_add(t, &q, e)) != ERR_OK)
				return rc;
		}
		if ((rc = mon_eliminate(m, t, x, day, e)) != ERR_OK)
			return rc;
	}
	/* new cases: the lowest incomes first among the candidates of each type, with some chance */
	int *idx = xmalloc((size_t)m->n * sizeof(int));
	for (int type = 0; type < 3; type++) {
		int k = 0;
		for (int i = 0; i < m->n; i++) {
			struct mhh *x = &m->h[i];
			if (x->open_seq != 0 || x->eliminated_year || x->n_cases >= MON_MAX_CASES)
				continue;
			if ((type == 0 && x->ordinary) || (type == 1 && !x->ordinary))
				continue;
			idx[k++] = i;
		}
		if (type < 2) {
			struct pc_idx *v = xmalloc((size_t)(k ? k : 1) * sizeof(*v));
			for (int j = 0; j < k; j++)
				v[j] = (struct pc_idx){ m->h[idx[j]].pc, idx[j] };
			qsort(v, (size_t)k, sizeof(*v), cmp_pc);
			for (int j = 0; j < k; j++)
				idx[j] = v[j].i;
			free(v);
		} else
			rng_shuffle(&m->r, idx, k);
		int want = mon_new[year - MON_FIRST][type];
		for (int j = 0; j < k && want > 0; j++) {
			struct mhh *x = &m->h[idx[j]];
			if (type < 2 && !rng_pct(&m->r, 35))
				continue;
			int day = year * 10000 + rng_int(&m->r, 2, (last / 100) - 1) * 100 + rng_int(&m->r, 1, 12);
			/* in the last year a few are left in the workflow: at 入户核实 or 民主评议 (past the 15 days) */
			int steps = year == MON_LAST && want <= 2 ? want : 5;
			if ((rc = mon_in(m, t, x, type, day, steps, e)) != ERR_OK) {
				free(idx);
				return rc;
			}
			want--;
		}
	}
	free(idx);
	/* returns: a household whose risk was eliminated two years before meets a new one */
	if (year == 2024 || year == 2025)
		for (int i = 0; i < m->n; i++) {
			struct mhh *x = &m->h[i];
			if (x->open_seq == 0 && x->eliminated_year == year - 2 && !x->ordinary && x->labour) {
				int day = year * 10000 + 515 + (year - 2024) * 100;
				if ((rc = mon_in(m, t, x, 2, day, 5, e)) != ERR_OK)
					return rc;
				break;
			}
		}
	return ERR_OK;
}

/* 一般农户 of the district, entered on 2021-01-01 with their 2020 income: in the villages in turn. */
static enum err
mon_ordinary(struct mon *m, struct txn *t, struct mhh *out, struct errinfo *e)
{
	struct gen *g = m->g;
	struct dhh *dv = arena_alloc(&g->a, MON_ORDINARY * sizeof(*dv));
	for (int i = 0; i < MON_ORDINARY; i++) {
		struct dhh *d = &dv[i];
		memset(d, 0, sizeof(*d));
		d->village = (i * 37) % N_VILLAGES;
		if (g->v[d->village].code == LINKED_VILLAGE)   /* the tour's village keeps its proposals as they are */
			d->village = (d->village + 1) % N_VILLAGES;
		static const int sw[] = { 10, 24, 28, 22, 10, 6 };
		own_members(g, d, 1 + rng_weighted(&g->r, sw, 6), MON_FIRST * 10000 + 101);
		number_household(g, d);
		d->h.status = ST_ORDINARY;
		d->h.code_version = code_version_for_date(MON_FIRST * 10000 + 101);
		d->h.phone = arena_printf(&g->a, "13%d%08d", rng_int(&g->r, 0, 9), rng_int(&g->r, 0, 99999999));
		d->kind = K__MAX;
		struct mhh *x = &out[i];
		x->d = d;
		x->ordinary = true;
		x->labour = has_labour(d);
		x->pc = (rng_pct(&m->r, 15) ? rng_int(&m->r, 4500, 6500) : rng_int(&m->r, 6500, 26000)) * 100LL;
		struct income in = { .year = MON_FIRST - 1, .wage = x->pc * d->n, .business = 0, .property = 0,
			.transfer = 0, .business_cost = 0, .net_pc = x->pc, .size = d->n };
		enum err rc = household_create(t, &d->h, d->m, (size_t)d->n, EV_ENROL, MON_FIRST * 10000 + 101,
		    NULL, NULL, &in, NULL, e);
		if (rc != ERR_OK)
			return rc;
		m->res->mon.ordinary_h++;
		m->res->mon.ordinary_p += d->n;
	}
	return ERR_OK;
}

static enum err
write_monitoring(struct store *st, struct gen *g, uint64_t seed, const char *actor, struct demo_result *res,
    struct errinfo *e)
{
	struct mon m = { .g = g, .res = res, .actor = actor };
	rng_seed(&m.r, seed * 1000003ULL + 2021);
	m.h = xcalloc((size_t)IDENT_H + MON_ORDINARY, sizeof(*m.h));
	for (int i = 0; i < IDENT_H; i++) {
		struct dhh *d = &g->hh[i];
		if (d->kind == K_POOR || d->kind == K_REMOVE || d->kind == K_MISSED || d->h.village == LINKED_VILLAGE)
			continue;
		struct mhh *x = &m.h[m.n++];
		x->d = d;
		x->labour = has_labour(d);
		/* 2020: the registered poor reached about 10740 元 a head (DOMAIN.md §5.4) */
		x->pc = (rng_pct(&m.r, 3) ? rng_int(&m.r, 4800, 6400) : rng_int(&m.r, 6400, 17000)) * 100LL;
		if (rng_pct(&m.r, 3))
			x->shock_year = rng_int(&m.r, MON_FIRST, MON_LAST - 1);
	}
	enum err rc = ERR_OK;
	for (int year = MON_FIRST; rc == ERR_OK && year <= MON_LAST; year++) {
		struct txn t;
		if ((rc = txn_begin(&t, st, stamp_from_local((int64_t)year * 10000000000LL + 1200930 * 100LL), actor, e)) != ERR_OK)
			break;
		t.quiet_audit = true;
		char note[64];
		snprintf(note, sizeof(note), "山东省%d年防止返贫监测范围（演示数据）", year);
		rc = monitor_line_set(&t, year, "37", mon_line(year), note, e);
		res->mon.lines++;
		if (rc == ERR_OK && year == MON_FIRST) {
			rc = mon_ordinary(&m, &t, &m.h[m.n], e);
			m.n += MON_ORDINARY;
		}
		if (rc == ERR_OK)
			rc = mon_survey(&m, &t, year - 1, e);
		if (rc == ERR_OK)
			rc = txn_commit(&t, e);
		else
			txn_rollback(&t);
		if (rc != ERR_OK)
			break;
		if ((rc = txn_begin(&t, st, stamp_from_local((int64_t)year * 10000000000LL + (year == MON_LAST ? 1110 : 1220)
		    * 1000000LL + 170000), actor, e)) != ERR_OK)
			break;
		t.quiet_audit = true;
		rc = mon_year(&m, &t, year, e);
		if (rc == ERR_OK)
			rc = txn_commit(&t, e);
		else
			txn_rollback(&t);
	}
	free(m.h);
	return rc;
}

enum err
demo_build(struct store *st, uint64_t seed, const char *actor, struct demo_result *r, struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	r->seed = seed;
	struct gen *g = xcalloc(1, sizeof(*g));
	arena_init(&g->a);
	g->ids.cap = 1 << 17;
	g->ids.v = xcalloc(g->ids.cap, sizeof(*g->ids.v));
	rng_seed(&g->r, seed);

	enum err rc = txn_store_begin(st, true, e);
	if (rc != ERR_OK)
		goto out;
	int64_t n;
	if ((rc = store_household_count(st, &n, e)) != ERR_OK)
		goto fail;
	if (n > 0) {
		char msg[256];
		snprintf(msg, sizeof(msg), msg_lang() == LANG_EN
		    ? "the database already holds %lld households: the demo loads only into an empty database (use a new "
		      "one, e.g. --db sqlite:demo.db)"
		    : "数据库中已有 %lld 户建档立卡数据；演示数据只能载入空数据库（请换一个新库，如 --db sqlite:demo.db）",
		    (long long)n);
		rc = errinfo_raw(e, ERR_CONFLICT, "", "demo_not_empty", msg);
		goto fail;
	}
	/* Identification used 2013's income against 2013's national line; Shandong's provincial line of 2014
	 * (省定标准) reached households above it. The missed households are judged on 2017's income. */
	g->missed_year = 2017;
	if ((rc = line_of(st, 2013, &g->line_nat, e)) != ERR_OK || (rc = line_of(st, 2014, &g->line_prov, e)) ||
	    (rc = line_of(st, g->missed_year, &g->line_missed, e)) != ERR_OK)
		goto fail;

	make_map(g->v);
	plan(g);
	if ((rc = write_identification(st, g, actor, r, e)) != ERR_OK)
		goto fail;
	r->days = 1;
	for (int y = FIRST_EXIT_YEAR; y < FIRST_EXIT_YEAR + (int)NELEM(year_stamps); y++, r->days++)
		if ((rc = write_year(st, g, y, actor, r, e)) != ERR_OK)
			goto fail;
	for (int d = 0; d < N_DAYS; d++, r->days++)
		if ((rc = write_campaign_day(st, g, d, actor, r, e)) != ERR_OK)
			goto fail;
	if ((rc = write_open_proposals(st, g, actor, r, e)) != ERR_OK)
		goto fail;
	if ((rc = write_assistance(st, g, seed, actor, r, e)) != ERR_OK)
		goto fail;
	if ((rc = write_monitoring(st, g, seed, actor, r, e)) != ERR_OK)
		goto fail;
	r->households = g->n_hh;
	for (int i = 0; i < g->n_hh; i++)
		r->persons += g->hh[i].n;
	r->first_day = (int)(IDENT_STAMP / 1000000);
	r->last_day = campaign_days[N_DAYS - 1];
	if ((rc = audit_demo(st, actor, r, e)) != ERR_OK)
		goto fail;
	if ((rc = store_commit(st, e)) != ERR_OK)
		goto out;
	if ((rc = demo_quality(st, g, actor, r, e)) != ERR_OK)
		goto out;
	for (int i = 0; i < IDENT_H; i++)
		if (g->hh[i].m[0].name && strcmp(g->hh[i].m[0].name, LI_NAME) == 0)
			snprintf(r->li_hh_no, sizeof(r->li_hh_no), "%s", g->hh[i].h.hh_no);
	goto out;
fail:
	store_rollback(st);
out:
	free(g->hh);
	free(g->ids.v);
	arena_free(&g->a);
	free(g);
	return rc;
}
