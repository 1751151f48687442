/* cli.h: the command line: one table of commands (main.c), a small option parser, and the helpers every
 * command uses to open the database and print. Commands call domain functions and print; no rules here. */
#ifndef TUOPIN_CLI_H
#define TUOPIN_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "store/store.h"

#define MAX_OPTS 24

struct opt {
	const char *name;    /* "as-of" for --as-of */
	bool has_arg;
	const char *help;
};

struct args {
	const struct opt *spec;
	size_t n_spec;
	const char *val[MAX_OPTS];
	bool set[MAX_OPTS];
	char **pos;          /* positional arguments */
	int n_pos;
	/* global options */
	const char *db;
	const char *format;
	const char *tz;
	int64_t now;   /* --now, a UTC stamp (given in the office's zone) */
};

struct command {
	const char *name;
	int (*run)(struct args *a);
	const struct opt *opts;
	size_t n_opts;
	int min_pos, max_pos;
	const char *usage;   /* "import divisions|registry|events FILE" */
	const char *help_zh, *help_en;
};

/* Parse argv (after the command name). Usage errors print and return 2. */
int args_parse(int argc, char **argv, const struct command *cmd, struct args *out);
const char *arg(const struct args *a, const char *name);
bool flag(const struct args *a, const char *name);

/* Open the database named by --db / TUOPIN_DB and check its schema (unless migrate). Prints and returns
 * an exit code on failure, 0 on success. */
int cli_open(const struct args *a, struct store **st, bool migrate);
/* Append an anchor of the audit log's head (after a command that wrote audit rows); a failure is printed. */
void cli_anchor(const struct args *a);
/* Print an error (to stderr) and return its exit code. */
int cli_fail(const struct errinfo *e);
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The actor recorded on writes: "cli:<os user>". */
const char *cli_actor(void);
/* The database the command uses (--db, else $TUOPIN_DB, else sqlite:tuopin.db), its password masked. */
const char *cli_db_shown(const struct args *a, char *buf, size_t size);
/* Parse a date option (or 0 if absent); on error print and return false. */
bool cli_date(const struct args *a, const char *name, int *out);
bool cli_stamp(const struct args *a, const char *name, bool end_of_day, int64_t *out);
/* --format: one of the allowed values (default first); prints a usage error if not. */
const char *cli_format(const struct args *a, const char *const *allowed, size_t n);
void cli_print(const struct buf *b);
void cli_print_json(void *json);   /* json_t *; pretty, UTF-8, keys in insertion order */

#define OPT_COUNT(o) (sizeof(o) / sizeof((o)[0]))

int cmd_init(struct args *a);
int cmd_import(struct args *a);
int cmd_export(struct args *a);
int cmd_stats(struct args *a);
int cmd_changes(struct args *a);
int cmd_report(struct args *a);
int cmd_check(struct args *a);
int cmd_show(struct args *a);
int cmd_next_hh_no(struct args *a);
int cmd_line(struct args *a);
int cmd_version(struct args *a);
int cmd_serve(struct args *a);
int cmd_user(struct args *a);
int cmd_token(struct args *a);
int cmd_audit(struct args *a);
int cmd_routes(struct args *a);
/* cli_income.c: the income survey, with opts_income. */
int cmd_income(struct args *a);
extern const struct opt opts_income[];
/* Import FILE as sheet kind what (divisions, registry, events, income): cmd_import and `income import`. */
int cli_import_file(struct args *a, const char *what, const char *path);
int cmd_backup(struct args *a);    /* cli_backup.c, with opts_backup */
int cmd_restore(struct args *a);
extern const struct opt opts_backup[];
/* cli_deploy.c: the configuration file and `tuopin doctor`. conf_load reads $TUOPIN_CONFIG ("none": no file),
 * else CONF_DEFAULT if it exists: KEY = VALUE lines; db, tz, lang, audit_key, token_max_days and backup_dir stand
 * for their TUOPIN_* variables (the environment wins), the others are `serve` options (page_cache is
 * --page-cache), given to serve before its own arguments (which win). Prints and returns 2 on a bad file. */
#define CONF_DEFAULT "/etc/tuopin/tuopin.conf"
int conf_load(void);
const char *conf_path_used(void);
int conf_serve_args(char ***out);
int cmd_doctor(struct args *a);
int cmd_migrate(struct args *a);   /* cli_migrate.c, with opts_migrate */
extern const struct opt opts_migrate[];
int cmd_proposal(struct args *a);   /* cli_proposal.c */
int cmd_notice(struct args *a);
int cmd_workflow(struct args *a);
int cmd_assessment(struct args *a);
int cmd_config(struct args *a);
int cmd_village_exit(struct args *a);
extern const struct opt opts_proposal[], opts_notice[], opts_assessment[], opts_village_exit[];
int cmd_monitor(struct args *a);    /* cli_monitor.c */
int cmd_programme(struct args *a);
extern const struct opt opts_monitor[], opts_programme[];
int cmd_findings(struct args *a);
int cmd_campaign(struct args *a);
int cmd_external(struct args *a);
int cmd_import_external(struct args *a);   /* cli_check.c: import external */
extern const struct opt opts_findings[], opts_campaign[], opts_external[];
int cmd_demo(struct args *a);      /* cli_demo.c, with opts_demo */ extern const struct opt opts_demo[];
/* cli_assistance.c, with opts_assistance: `tuopin assistance` and `tuopin supervision` */
int cmd_assistance(struct args *a);
int cmd_supervision(struct args *a);
extern const struct opt opts_assistance[];
/* Import a sheet of assistance records (tuopin import cadres|pairings|measures|post_payments|loans|insurance). */
int cli_import_assist(struct args *a, const char *what, const char *path);

extern const struct opt opts_serve[], opts_user[], opts_audit[];
extern const size_t n_opts_serve, n_opts_user, n_opts_audit;
extern const struct opt opts_report[];
extern const struct opt opts_init[], opts_import[], opts_export[], opts_stats[], opts_changes[], opts_check[],
    opts_show[], opts_line[], opts_none[];
extern const size_t n_opts_init, n_opts_import, n_opts_export, n_opts_stats, n_opts_changes, n_opts_check,
    n_opts_show, n_opts_line, n_opts_none;

#endif
