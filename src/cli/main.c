/* main.c: `tuopin COMMAND ...`: the table of commands, and help. Every command is one function in a
 * cli_<noun>.c file that calls the domain and prints. */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "domain/audit.h"
#include "domain/auth.h"
#include "io/sheet.h"
#include "lib/date.h"
#include "lib/msg.h"

#ifndef TUOPIN_VERSION
#define TUOPIN_VERSION "0.1.0"
#endif

static int cmd_man(struct args *a);

static const struct command commands[] = {
	{ "init", cmd_init, opts_init, 0, 0, 0, "init", "创建数据库或升级其结构", "create or migrate the database" },
	{ "import", cmd_import, opts_import, 0, 2, 2,
		"import divisions|registry|events|income|cadres|pairings|measures|post_payments|loans|insurance FILE [--as-of D] "
		"[--event identify|include_missed] [--update] [--batch B] [--reason R] [--dry-run] [--lenient] | "
		"import external FILE --kind K [--date D] [--source S]",
		"导入区划、建档立卡名单、变动记录、收入调查、帮扶记录或其他部门的比对名单（CSV/XLSX，全部正确才写入）",
		"import divisions, the registry, change events, income surveys, assistance records or another department's "
		"list (CSV/XLSX; all or nothing)" },
	{ "export", cmd_export, opts_export, 0, 2, 2,
		"export registry FILE [--as-of D] [--division C] [--town T] [--village V] [--search Q] [--status S] [--format csv|xlsx] [--gb18030] [--full-id] [--all] | "
		"export monitoring FILE [--list objects|marginal|exited] [--as-of D] [--division C] [--format csv|xlsx] [--full-id]",
		"导出建档立卡名单、防返贫监测名单（证件号码默认脱敏）",
		"export the registry or a monitoring list (ID numbers and health masked by default)" },
	{ "stats", cmd_stats, opts_stats, 0, 0, 0,
		"stats [--as-of D] [--recorded-at T] [--division C] [--by town|village|cause|attribute] [--format table|json|csv] "
		"[--xlsx FILE]",
		"按状态统计户数人数", "households and persons by status" },
	{ "changes", cmd_changes, opts_changes, 0, 0, 0,
		"changes [--from D --to D] [--recorded] [--batch B] [--recorded-at T] [--division C] "
		"[--format table|json|csv] [--xlsx FILE]",
		"按变动类型统计户数人数", "changes by type, in households and persons" },
	{ "report", cmd_report, opts_report, 0, 1, 1,
		"report list | report TABLE [--as-of D] [--recorded-at T] [--from D --to D] [--division C] [--by town|village] "
		"[--group G] [--year Y] [--format table|json|csv|xlsx] [--out FILE]",
		"标准统计报表（DOMAIN.md §9.1）：列出报表，或按区划、日期统计并导出 Excel",
		"the standard statistics tables: list them, or compute one for a division and a date, and export it" },
	{ "check", cmd_check, opts_check, 0, 0, 0,
		"check [--rule R[,R...]] [--as-of D] [--division C] [--dry-run] [--format table|json] | check --rules",
		"数据质量检查（托底清零）：规则、数据比对与平衡核对；当天的检查结果保存为问题",
		"data-quality rules, comparisons with other departments' lists and the yearly balance; a run as of today keeps its findings" },
	{ "findings", cmd_findings, opts_findings, 0, 0, 2,
		"findings [--state open|fixed|waived] [--rule R] [--division C] | findings show|recheck ID | "
		"findings waive ID --reason R | findings confirm ID | findings refuse ID --note N | findings export FILE",
		"查看、豁免和导出数据质量问题", "list, waive and export data-quality findings" },
	{ "campaign", cmd_campaign, opts_campaign, 0, 1, 2,
		"campaign new NAME --rules R,... [--start D] [--deadline D] [--division C] | campaign show NAME [--by town|village] | "
		"campaign close NAME [--note N] | campaign list",
		"托底清零专项行动：进度看板、验收结束", "clean-up campaigns, their boards and their close" },
	{ "external", cmd_external, opts_external, 0, 1, 2, "external list [--deleted] | external show ID | external delete ID | "
		"external kinds", "管理其他部门的比对名单", "other departments' lists kept for comparison" },
	{ "show", cmd_show, opts_show, 0, 1, 1, "show HH_NO [--as-of D] [--full-id] [--format table|json]",
		"查看一户：成员、状态和全部变动历史", "one household: members, status and its whole history" },
	{ "next-hh-no", cmd_next_hh_no, opts_none, 0, 1, 1, "next-hh-no VILLAGE [--format table|json]",
		"某村新建农户的下一个户编号（村代码加 4 位顺序号）", "the 户编号 a new household of a village gets (its code and the next 4-digit number)" },
	{ "income", cmd_income, opts_income, 0, 2, 3,
		"income set HH_NO YEAR [--wage Y] [--business Y] [--property Y] [--transfer Y] [--cost Y] [--size N] "
		"[--reason R] | income show HH_NO | income import FILE [--year Y] [--dry-run]",
		"录入、查询或导入一户一年的收入调查（保留每次修改）", "enter, show or import the yearly income survey (every version kept)" },
	{ "line", cmd_line, opts_line, 0, 1, 5, "line set YEAR REGION KIND AMOUNT [--note N] | line get YEAR REGION KIND",
		"设置或查询扶贫标准线（元/人·年）", "set or read a poverty line (yuan per person per year)" },
	{ "proposal", cmd_proposal, opts_proposal, 0, 1, 3,
		"proposal new TYPE (HH_NO | --village CODE) [--effective D] [--reason R] [--batch B] [--channel C] [--date D] "
		"[--new-household FILE.json] [--monitor-type unstable|marginal|sudden] [--risks R,...] [--way help|natural] | "
		"proposal act ID approve|reject|object [--date D] [--note N] [--votes F/A/B] [--override R] [--step S] | "
		"proposal show ID | proposal list [--state S] [--step C] [--division C] [--batch B] [--inbox] | "
		"proposal sheet ID   (all take --user NAME)",
		"精准识别与退出申请：提出、办理（入户核实、民主评议、公示、审核、审定、公告）、查看",
		"proposals (identification and exit): open, act on each step, show, list" },
	{ "monitor", cmd_monitor, opts_monitor, 0, 1, 4,
		"monitor line set YEAR AMOUNT [--region R] | monitor list [--as-of D] [--division C] [--state S] [--type T] "
		"[--programme P] [--risk R] | monitor stats [--as-of D] [--division C] [--by town|village] | monitor cases HH_NO | "
		"monitor warnings [--as-of D] [--division C] [--rule R] [--all] | monitor dismiss RULE:HH_NO:BASIS --reason R "
		"[--date D]",
		"防返贫动态监测：监测标准、监测对象名单与统计（纳入监测、风险消除经 proposal 办理）",
		"monitoring: the monitoring line, the list and figures of monitoring objects (cases go through proposals)" },
	{ "programme", cmd_programme, opts_programme, 0, 1, 2,
		"programme add (HH_NO | --id-no ID) --programme dibao|dibao_edge|tekun --from D [--to D] [--source S] | "
		"programme list HH_NO",
		"登记或查看低保、低保边缘、特困等帮扶救助项目", "record or list programme memberships (dibao, tekun, ...)" },
	{ "notice", cmd_notice, opts_notice, 0, 1, 1, "notice ID [--format table|html|json]",
		"打印申请的公示或公告（不含证件号码、电话、银行账号、健康状况）",
		"print a proposal's notice or announcement (no ID, phone, bank account or health)" },
	{ "workflow", cmd_workflow, opts_none, 0, 1, 2, "workflow load FILE | workflow list",
		"载入或查看审批流程（JSON，按版本保存）", "load or list the workflows (JSON, versioned)" },
	{ "assessment", cmd_assessment, opts_assessment, 0, 1, 2,
		"assessment add HH_NO --assessor A [--date D] [--food yes|no] [--clothing yes|no] [--education yes|no] "
		"[--medical yes|no] [--housing A|B|C|D|relocated] [--water yes|no] [--note N] | assessment list HH_NO",
		"录入或查看入户核实记录（两不愁三保障、饮水安全）", "record or list household assessments" },
	{ "config", cmd_config, opts_none, 0, 1, 3, "config get [KEY] | config set KEY VALUE",
		"查看或修改设置（require_review、exit_income_items、village_exit_threshold、warning_income_fall、warning_medical_cost）",
		"read or change settings (require_review, exit_income_items, village_exit_threshold, warning_income_fall, warning_medical_cost)" },
	{ "village-exit", cmd_village_exit, opts_village_exit, 0, 0, 0, "village-exit [--as-of D] [--division C]",
		"省定贫困村的贫困发生率与出列情况", "designated poor villages: poverty incidence and exit" },
	{ "migrate-data", cmd_migrate, opts_migrate, 0, 0, 0, "migrate-data --from URI --to URI", "在 SQLite 与 PostgreSQL 之间迁移整个数据库并核对", "copy a whole database between SQLite and PostgreSQL, and check it" },
	{ "serve", cmd_serve, opts_serve, 0, 0, 0,
		"serve [--listen HOST:PORT] [--threads N] [--timeout S] [--access-log FILE] [--max-upload MIB] [--trust-proxy] [--secure-cookies] [--page-cache MIB] [--session-idle S] [--session-max S] [--max-per-address N] [--header-timeout S] [--token-max-days D] [--login-delay-max S] [--audit-anchor S]",
		"启动网页和 API 服务", "run the web UI and API server" },
	{ "user", cmd_user, opts_user, 0, 1, 3,
		"user add NAME --role R [--division C] [--display-name N] [--password P] [--keep] | passwd NAME [--password P] | lock NAME | unlock NAME | role NAME ROLE [--division C] | list",
		"管理用户账户", "manage accounts" },
	{ "token", cmd_token, opts_user, 0, 2, 3, "token add USER [--name N] [--days D] | token list USER | token revoke USER ID",
		"为程序调用创建 API 令牌，查看或撤销某用户的令牌", "create an API token for a machine client; list or revoke a user's tokens" },
	{ "audit", cmd_audit, opts_audit, 0, 1, 1, "audit verify [--anchor ROW:MAC] | audit anchor | audit list [--from D] [--to D] [--actor U] [--action A] [--object O] [--limit N]",
		"核验审计日志（哈希链、密钥链、锚点）、记下链头锚点或查看日志", "verify the audit log (hash chain, keyed chain, anchors), anchor its head, or list it" },
	{ "backup", cmd_backup, opts_backup, 0, 1, 1, "backup FILE [--format table|json]",
		"备份 SQLite 数据库（运行中也可，备份经完整性与审计链检查）",
		"back up a SQLite database (while it runs; the copy is checked: integrity and the audit chain)" },
	{ "restore", cmd_restore, opts_backup, 0, 1, 1, "restore FILE [--db sqlite:NEW_PATH] [--format table|json]",
		"把备份恢复到一个空位置（先检查备份）", "restore a backup into an empty place (the backup is checked first)" },
	{ "assistance", cmd_assistance, opts_assistance, 0, 0, 64,
		"assistance [--from D --to D] [--division C] [--format table|json|csv|xlsx] [--out FILE] | assistance "
		"add|update|list|show|import KIND ... | households [--unassigned|--overdue] | cadres [--overloaded] | "
		"handbook HH_NO [--card] | ledger | settings [KEY=VALUE] | kinds",
		"帮扶情况统计，及帮扶责任人、结对、走访、措施、项目、岗位、贷款、救助、资产的登记和查询",
		"assistance figures, and the records: cadres, pairings, visits, measures, projects, posts, loans, aid, assets" },
	{ "supervision", cmd_supervision, opts_assistance, 0, 0, 64,
		"supervision [--from D --to D] [--division C] [--format table|json|csv|xlsx] | supervision "
		"add|update|list|show KIND ...",
		"督查问责统计，及问题线索、问责人员、12317 举报投诉的登记和查询",
		"supervision figures, and the cases, the persons held accountable and the complaints" },
	{ "demo", cmd_demo, opts_demo, 0, 0, 0, "demo [--seed N]", "载入临港区演示数据（空数据库）", "load the Lingang demo district (into an empty database)" },
	{ "routes", cmd_routes, opts_none, 0, 0, 0, "routes", "列出 API 的全部地址", "list every API route" },
	{ "doctor", cmd_doctor, opts_none, 0, 0, 0, "doctor [--format table|json]",
		"检查安装：数据库与结构版本、文件权限、时区、磁盘、审计日志、TLS、备份",
		"check an installation: the database and its schema, file modes, time zone, disk, audit log, TLS, backups" },
	{ "man", cmd_man, opts_none, 0, 0, 0, "man", "输出手册页 tuopin(1)（由命令表生成）",
		"print the manual page tuopin(1) (made from the command table)" },
	{ "version", cmd_version, opts_none, 0, 0, 0, "version", "显示版本与数据库结构版本", "print the version and the schema version" },
};

/* roff text: a backslash doubled, a leading dot or quote escaped */
static void
roff(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

/* `tuopin man`: tuopin(1), from the command table and each command's options, so it never drifts from help. */
static int
cmd_man(struct args *a)
{
	(void)a;
	printf(".TH TUOPIN 1 \"\" \"tuopin %s\" \"User Commands\"\n", TUOPIN_VERSION);
	printf(".SH NAME\ntuopin \\- the registry of targeted poverty alleviation (脱贫：精准扶贫建档立卡信息系统)\n");
	printf(".SH SYNOPSIS\n.B tuopin\n.I COMMAND\n[\\fIOPTIONS\\fR]\n");
	printf(".SH DESCRIPTION\nTuopin keeps a county's registry of poor households and their members, their identification and "
	       "exit with review and public notice, the monitoring against return to poverty, who helps each household, "
	       "the checks of its data, supervision cases, and the standard tables. One program: the commands below, and "
	       "\\fBtuopin serve\\fR (the web UI and the JSON API).\n");
	printf(".SH COMMANDS\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		printf(".TP\n.B tuopin ");
		roff(commands[i].usage);
		printf("\n");
		roff(commands[i].help_en);
		printf("\n.br\n");
		roff(commands[i].help_zh);
		printf("\n");
		bool any = false;
		for (const struct opt *o = commands[i].opts; o && o->name; o++) {
			if (!any)
				printf(".RS\n");
			any = true;
			printf(".TP\n.B \\-\\-");
			roff(o->name);
			printf("%s\n", o->has_arg ? " \\fIVALUE\\fR" : "");
			roff(o->help ? o->help : "");
			printf("\n");
		}
		if (any)
			printf(".RE\n");
	}
	printf(".SH GLOBAL OPTIONS\n.TP\n.B \\-\\-db \\fIURI\\fR\nsqlite:PATH or postgresql://...; default $TUOPIN_DB, then the "
	       "configuration file's db, then sqlite:tuopin.db\n.TP\n.B \\-\\-tz \\fIZONE\\fR\nthe office's time zone (default "
	       "$TUOPIN_TZ, then Asia/Shanghai); \"today\" is the office's day\n.TP\n.B \\-\\-lang zh|en\n.TP\n.B \\-\\-format "
	       "\\fIFORMAT\\fR\ntable, json, csv or xlsx where the command has them\n.TP\n.B \\-\\-now \\fISTAMP\\fR\nthe recording "
	       "instant (back-filling and tests)\n");
	printf(".SH FILES\n.TP\n.I /etc/tuopin/tuopin.conf\nthe configuration (KEY = VALUE; $TUOPIN_CONFIG names another file, "
	       "\"none\" no file): db, tz, lang, audit_key, backup_dir, and the options of serve with _ for \\- (listen, "
	       "page_cache, max_upload, trust_proxy, ...). The environment and the command line override it.\n.TP\n"
	       ".I /var/lib/tuopin\nthe service's state: the database, its audit key and anchors, backups/\n");
	printf(".SH EXIT STATUS\n0 ok, 1 bad input, 2 usage, 3 not found, 4 forbidden, 5 database\n");
	printf(".SH SEE ALSO\n/usr/share/doc/tuopin/DEPLOY.md, /usr/share/doc/tuopin/USER-GUIDE.md\n");
	return 0;
}

static void
help(void)
{
	bool en = msg_lang() == LANG_EN;
	printf(en ? "Tuopin (脱贫) %s: the registry of targeted poverty alleviation.\n\nusage:\n"
		  : "脱贫（Tuopin）%s：精准扶贫建档立卡信息系统\n\n用法：\n", TUOPIN_VERSION);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		printf("  tuopin %s\n      %s\n", commands[i].usage, en ? commands[i].help_en : commands[i].help_zh);
	printf(en ? "\nglobal options: --db URI (sqlite:PATH or postgresql://...; default $TUOPIN_DB, then "
		    "sqlite:tuopin.db), --lang zh|en, --format, --tz ZONE (the office's time zone; default $TUOPIN_TZ, then "
		    "Asia/Shanghai), --now \"YYYY-MM-DD HH:MM:SS\" (recording time in the office's zone, for "
		    "back-filling and tests)\nexit codes: 0 ok, 1 bad input, 2 usage, 3 not found, 4 forbidden, 5 database\n"
		  : "\n全局选项：--db 数据库（sqlite:路径 或 postgresql://…；默认 $TUOPIN_DB，否则 sqlite:tuopin.db），"
		    "--lang zh|en，--format 输出格式，--tz 时区（办公所在时区；默认 $TUOPIN_TZ，否则 Asia/Shanghai），"
		    "--now \"YYYY-MM-DD HH:MM:SS\"（记录时间，按办公时区，用于补录和测试）\n"
		    "退出码：0 成功，1 输入有误，2 用法错误，3 不存在，4 无权限，5 数据库错误\n");
}

int
main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	/* Everything Tuopin creates holds personal data or secrets (the database and its WAL, logs, exports,
	 * uploads, the audit key and anchors): the service user's only, whatever umask it was started with. */
	umask(077);
	/* the configuration file (/etc/tuopin/tuopin.conf of the package): its settings are defaults the
	 * environment and the options override */
	if (conf_load() != 0)
		return 2;
	const char *env = getenv("TUOPIN_TOKEN_MAX_DAYS");
	if (env && atoi(env) > 0 && atoi(env) <= 3650)
		auth_policy.token_max_days = atoi(env);
	env = getenv("TUOPIN_LANG");
	enum lang l;
	if (env && msg_parse_lang(env, &l))
		msg_set_lang(l);
	/* The office's time zone, before anything reads the clock: --tz anywhere, else TUOPIN_TZ, else
	 * Asia/Shanghai. The machine's TZ never decides. An unknown name stops here, before anything is
	 * written. */
	const char *zone = getenv("TUOPIN_TZ"), *zone_from = "TUOPIN_TZ";
	if (!zone || !*zone)
		zone = TZ_DEFAULT, zone_from = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && msg_parse_lang(argv[i + 1], &l))
			msg_set_lang(l);
		else if (strncmp(argv[i], "--lang=", 7) == 0 && msg_parse_lang(argv[i] + 7, &l))
			msg_set_lang(l);
		if (strcmp(argv[i], "--tz") == 0 && i + 1 < argc)
			zone = argv[i + 1], zone_from = "--tz";
		else if (strncmp(argv[i], "--tz=", 5) == 0)
			zone = argv[i] + 5, zone_from = "--tz";
	}
	if (!tz_set(zone)) {
		fprintf(stderr, "tuopin: ");
		fprintf(stderr, msg_text(MSG_BAD_TZ), zone_from ? zone_from : "TUOPIN_TZ", zone);
		fputc('\n', stderr);
		return 2;
	}
	/* The import limits (TUOPIN_IMPORT_*): a bad one stops every command before it reads or writes. */
	struct errinfo le;
	errinfo_clear(&le);
	if (!sheet_limits_load(&le)) {
		fprintf(stderr, "tuopin: %s\n", le.message);
		return 2;
	}
	/* Global options may come before the command: move them after it. */
	int first = 1;
	char **moved = calloc((size_t)argc + 1, sizeof(char *));
	int nm = 0;
	while (first < argc && strncmp(argv[first], "--", 2) == 0 && argv[first][2]) {
		bool has_value = strchr(argv[first], '=') == NULL && strcmp(argv[first], "--help") != 0;
		moved[nm++] = argv[first++];
		if (has_value && first < argc)
			moved[nm++] = argv[first++];
	}
	for (int i = 0; i < nm; i++)
		if (strncmp(moved[i], "--lang", 6) == 0) {
			const char *v = moved[i][6] == '=' ? moved[i] + 7 : (i + 1 < nm ? moved[i + 1] : "");
			if (msg_parse_lang(v, &l))
				msg_set_lang(l);
		}
	static char **nv;   /* the reordered argv; freed at exit */
	if (nm && first < argc) {
		/* argv becomes: tuopin COMMAND <moved...> <rest...> */
		nv = calloc((size_t)argc + 1, sizeof(char *));
		int k = 0;
		nv[k++] = argv[0];
		nv[k++] = argv[first];
		for (int i = 0; i < nm; i++)
			nv[k++] = moved[i];
		for (int i = first + 1; i < argc; i++)
			nv[k++] = argv[i];
		argv = nv;
		first = 1;
	}
	free(moved);
	if (first >= argc || strcmp(argv[first], "help") == 0 || strcmp(argv[first], "--help") == 0 ||
	    strcmp(argv[first], "-h") == 0) {
		/* --lang after help */
		for (int i = first; i < argc; i++)
			if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && msg_parse_lang(argv[i + 1], &l))
				msg_set_lang(l);
		help();
		free(nv);
		return first >= argc ? 2 : 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[first], commands[i].name) != 0)
			continue;
		struct command cmd = commands[i];
		/* a command's own help (`tuopin user --help`): its usage and what it does (it said "unknown option") */
		for (int k = first + 1; k < argc; k++)
			if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
				bool en = msg_lang() == LANG_EN;
				printf(en ? "usage: tuopin %s\n  %s\n" : "用法：tuopin %s\n  %s\n", cmd.usage,
				    en ? cmd.help_en : cmd.help_zh);
				if (strcmp(cmd.name, "user") == 0)
					puts(en ? "  the password: `--password -` (or none given, away from a terminal) reads one line of "
						  "standard input; at a terminal one is made and shown"
						: "  密码：`--password -`（或不给出且不在终端上运行时）从标准输入读取一行；在终端上运行则自动生成并显示");
				free(nv);
				return 0;
			}
		for (const struct opt *o = cmd.opts; o && o->name; o++)
			cmd.n_opts++;
		struct args a;
		char **cargv = argv + first + 1, **withconf = NULL;
		int cargc = argc - first - 1;
		char **ca;
		int nc = cmd.run == cmd_serve ? conf_serve_args(&ca) : 0;
		if (nc) {
			/* the configuration's serve options first: the command line's, later, win */
			withconf = calloc((size_t)(nc + cargc + 1), sizeof(char *));
			memcpy(withconf, ca, (size_t)nc * sizeof(char *));
			memcpy(withconf + nc, cargv, (size_t)cargc * sizeof(char *));
			cargv = withconf;
			cargc += nc;
		}
		int rc = args_parse(cargc, cargv, &cmd, &a);
		if (rc == 0)
			rc = cmd.run(&a);
		/* A command that wrote audit rows leaves an anchor of the head behind it (domain/audit.h); the
		 * server anchors on its own, every minute and when it stops. */
		if (audit_appended() && strcmp(cmd.name, "serve") != 0)
			cli_anchor(&a);
		free(a.pos);
		free(withconf);
		free(nv);
		return rc;
	}
	fprintf(stderr, "tuopin: ");
	fprintf(stderr, msg_text(MSG_UNKNOWN_COMMAND), argv[first]);
	fputc('\n', stderr);
	free(nv);
	return 2;
}
