/* cli_demo.c: `tuopin demo [--seed N]`: create (or migrate) the database, load the Lingang demo district
 * (domain/demo.c) into it, and say what was built and how long it took. It refuses a database that already
 * holds households. No rules here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/demo.h"
#include "lib/date.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_demo[] = {
	{ "seed", true, "generator seed (default 20181008): any seed gives the article's figures" },
	{ NULL, false, NULL },
};

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int
cmd_demo(struct args *a)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	uint64_t seed = DEMO_SEED_DEFAULT;
	const char *s = arg(a, "seed");
	if (s) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(s, &end, 10);
		if (!*s || *s == '-' || *end || errno)
			return cli_usage(EN ? "--seed must be a non-negative integer, not \"%s\"" : "--seed 应为非负整数，而不是“%s”", s);
		seed = v;
	}
	struct store *st;
	int rc = cli_open(a, &st, true);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	int applied;
	struct demo_result r;
	if (store_migrate(st, &applied, &e) != ERR_OK || demo_build(st, seed, cli_actor(), &r, &e) != ERR_OK) {
		store_close(st);
		return cli_fail(&e);
	}
	store_close(st);
	char d1[11], d2[11];
	date_format(r.first_day, d1);
	date_format(r.last_day, d2);
	char shown[512];
	if (EN)
		printf("Lingang demo district (临港区) loaded into %s (seed %llu):\n"
		       "  divisions: 山东省, 临沂市, 临港区, %d towns, %d villages (%d province-designated poor villages)\n"
		       "  identified 2014-01-01: %d households, %d persons\n"
		       "  households created: %d (the 2018 clean-up included the missed ones), persons: %d "
		       "(%d added by corrections)\n"
		       "  change events: %d, recorded on %d days from %s to %s\n"
		       "  proposals: %d exits of 北泉子二村 through the whole workflow, %d open there (the inbox)\n"
		       "  李从山's household: %s\n"
		       "  assistance: %d cadres, %d pairings, %d visits (%d households overdue on 2018-10-08), %d measures, "
		       "%d projects, %d public posts, %d loans, %d aid records, %d assets; supervision: %d cases, %d "
		       "complaints (%d records)\n"
		       "  data quality: a police list of %d deaths compared, %d findings open in 北泉子二村\n"
		       ,
		    cli_db_shown(a, shown, sizeof(shown)), (unsigned long long)r.seed, r.towns, r.villages,
		    r.poor_villages, r.identified_h, r.identified_p, r.households, r.persons, r.members_added, r.events,
		    r.days, d1, d2, r.linked, r.open_proposals, r.li_hh_no, r.assist.cadres, r.assist.pairings, r.assist.visits, r.assist.overdue,
		    r.assist.measures, r.assist.projects, r.assist.posts, r.assist.loans, r.assist.aid, r.assist.assets,
		    r.assist.cases, r.assist.complaints, r.assist.records, r.deaths_listed, r.findings);
	else
		printf("临港区演示数据已载入 %s（种子 %llu）：\n"
		       "  区划：山东省、临沂市、临港区，乡镇 %d 个，村 %d 个（其中省定贫困村 %d 个）\n"
		       "  2014-01-01 识别：%d 户 %d 人\n"
		       "  建户 %d 户（含 2018 年托底清零补录的应纳未纳户），人员 %d 人（其中更正补录 %d 人）\n"
		       "  变动记录 %d 条，分 %d 天记录（%s 至 %s）\n"
		       "  审核流程：北泉子二村 %d 户脱贫走完全部程序至公告，另有 %d 件在办（待办事项）\n"
		       "  李从山户：%s\n"
		       "  帮扶：帮扶责任人 %d 名，结对 %d 条，走访 %d 次（2018-10-08 逾期未走访 %d 户），帮扶措施 %d 条，"
		       "项目 %d 个，公益岗位 %d 个，贷款 %d 笔，救助与保险 %d 条，资产 %d 项；督查：问题 %d 起，"
		       "举报投诉 %d 件（共 %d 条记录）\n"
		       "  数据比对：公安死亡人员名单 %d 人，北泉子二村待整改问题 %d 个\n"
		       ,
		    cli_db_shown(a, shown, sizeof(shown)), (unsigned long long)r.seed, r.towns, r.villages, r.poor_villages,
		    r.identified_h, r.identified_p, r.households, r.persons, r.members_added, r.events, r.days, d1, d2,
		    r.linked, r.open_proposals, r.li_hh_no, r.assist.cadres, r.assist.pairings, r.assist.visits, r.assist.overdue, r.assist.measures,
		    r.assist.projects, r.assist.posts, r.assist.loans, r.assist.aid, r.assist.assets, r.assist.cases,
		    r.assist.complaints, r.assist.records, r.deaths_listed, r.findings);
	printf(EN ? "  monitoring 2021–2026: lines for %d years, %d ordinary households (%d persons) entered, %d income "
		    "surveys, %d households taken into monitoring (%d again after their risk was eliminated), %d risks "
		    "eliminated, %d held (no labour capacity, 低保 in place), %d proposals in the workflow\n"
		  : "  防返贫监测（2021—2026 年）：监测标准 %d 个年度，一般农户 %d 户 %d 人，收入调查 %d 户次，纳入监测 %d 户次"
		    "（其中风险消除后再次纳入 %d 户），风险消除 %d 户次，无劳动能力落实低保暂不消除 %d 户，在办 %d 件\n",
	    r.mon.lines, r.mon.ordinary_h, r.mon.ordinary_p, r.mon.incomes, r.mon.cases, r.mon.returns, r.mon.eliminated,
	    r.mon.held, r.mon.open);
	printf(EN ? "took %.1f s; try: tuopin stats --as-of 2018-10-08, tuopin changes --batch 2018年托底清零, "
		    "tuopin assistance --from 2018-01-01 --to 2018-10-08, tuopin monitor stats --by town\n"
		  : "用时 %.1f 秒。试试：tuopin stats --as-of 2018-10-08；tuopin changes --batch 2018年托底清零；"
		    "tuopin assistance --from 2018-01-01 --to 2018-10-08；tuopin monitor stats --by town\n",
	    seconds_since(&t0));
	return 0;
}
