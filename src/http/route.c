/* route.c: every HTTP endpoint, in one table, and the matcher. Nothing else. The capability is what a role
 * needs (any of the listed bits); the scope check is the store's. docs/openapi.yaml describes each route (a
 * test checks that every route here is there). */
#include <string.h>

#include "http/api.h"
#include "http/http.h"

const struct route routes[] = {
	{ "GET", "/api/health", api_health, 0, RF_PUBLIC, "health of the server and its database" },
	{ "GET", "/api/ping", api_ping, 0, RF_PUBLIC, "a constant answer (liveness, and the benchmarks' ceiling)" },
	{ "POST", "/api/login", api_login, 0, RF_PUBLIC, "log in; sets the session cookie" },
	{ "POST", "/api/logout", api_logout, CAP_SELF, RF_MUST_CHANGE, "log out" },
	{ "GET", "/api/me", api_me, CAP_SELF, RF_MUST_CHANGE, "the logged-in user" },
	{ "GET", "/api/about", api_about, CAP_SELF, 0, "version, database and counts of this installation" },
	{ "POST", "/api/me/password", api_me_password, CAP_SELF, RF_MUST_CHANGE, "change one's own password" },
	{ "GET", "/api/me/tokens", api_tokens, CAP_SELF, 0, "one's API tokens" },
	{ "POST", "/api/me/tokens", api_token_create, CAP_SELF, 0, "create an API token" },
	{ "DELETE", "/api/me/tokens/:id", api_token_revoke, CAP_SELF, 0, "revoke an API token" },
	{ "GET", "/api/codes", api_codes, CAP_READ | CAP_AUDIT, 0, "the code lists (also for the audit log's labels)" },
	{ "GET", "/api/divisions", api_divisions, CAP_READ, 0, "the division tree in scope, with counts" },
	{ "GET", "/api/divisions/:code", api_division, CAP_READ, 0, "one division with its children and counts" },
	{ "GET", "/api/divisions/:code/next-hh-no", api_next_hh_no, CAP_WRITE, 0,
		"the 户编号 a new household of this village gets (its code and the next 4-digit number)" },
	{ "GET", "/api/households", api_households, CAP_READ, 0, "households: filters, search, paging, sorting" },
	{ "POST", "/api/households", api_household_create, CAP_WRITE, 0, "register a household with its members" },
	{ "GET", "/api/households/:no", api_household, CAP_READ, 0, "one household: members, income, history" },
	{ "PATCH", "/api/households/:no", api_household_update, CAP_WRITE, 0, "correct a household's fields" },
	{ "POST", "/api/households/:no/members", api_member_add, CAP_WRITE, 0, "add a member" },
	{ "PATCH", "/api/households/:no/members/:id", api_member_update, CAP_WRITE, 0, "correct a member's fields" },
	{ "GET", "/api/households/:no/members/:id/head-change", api_member_head_change, CAP_WRITE, 0,
		"making this member the head: the others' likely relations to it" },
	{ "GET", "/api/households/:no/events", api_events, CAP_READ, 0, "a household's history" },
	{ "POST", "/api/households/:no/events", api_event_record, CAP_WRITE, 0, "record a change event" },
	{ "GET", "/api/households/:no/assessments", api_assessments, CAP_READ, 0, "a household's assessments (入户核实记录)" },
	{ "POST", "/api/households/:no/assessments", api_assessment_create, CAP_WRITE, 0, "record an assessment" },
	{ "GET", "/api/proposals", api_proposals, CAP_READ, 0, "proposals: filters, the inbox and its count" },
	{ "POST", "/api/proposals", api_proposal_create, CAP_WRITE, 0, "open a proposal for a household or a village" },
	{ "GET", "/api/proposals/:id", api_proposal, CAP_READ, 0, "one proposal with its steps" },
	{ "POST", "/api/proposals/:id/actions", api_proposal_act, CAP_WRITE, 0, "approve, reject or object at the current step" },
	{ "GET", "/api/proposals/:id/notice", api_proposal_notice, CAP_READ, 0, "the printable 公示 or 公告 (HTML)" },
	{ "GET", "/api/proposals/:id/sheet", api_proposal_sheet, CAP_READ, 0, "the exit analysis sheet (HTML)" },
	{ "GET", "/api/proposals/:id/check", api_proposal_check, CAP_READ, 0, "the proposal's check as of a date" },
	{ "GET", "/api/workflows", api_workflows, CAP_READ | CAP_USERS, 0, "the workflows, every version" },
	{ "POST", "/api/workflows", api_workflow_load, CAP_WRITE, 0,
	    "load a workflow (the next version of its code): the county office" },
	{ "GET", "/api/settings", api_settings, CAP_READ | CAP_USERS, 0, "the office's settings" },
	{ "PUT", "/api/settings/:key", api_setting_set, CAP_WRITE, 0, "change a setting: the county office" },
	{ "GET", "/api/village-exit", api_village_exit, CAP_READ, 0, "poor villages' incidence and exit" },
	{ "GET", "/api/households/:no/incomes", api_incomes, CAP_READ, 0, "a household's yearly income survey with its versions" },
	{ "PUT", "/api/households/:no/incomes/:year", api_income_set, CAP_WRITE, 0, "record or correct a year's income survey" },
	{ "GET", "/api/monitor/stats", api_monitor_stats, CAP_READ, 0, "monitoring objects by type, eliminated, new (N户M人)" },
	{ "GET", "/api/monitor/list", api_monitor_list, CAP_READ, 0, "the monitoring objects as of a day, with filters" },
	{ "GET", "/api/monitor/warnings", api_monitor_warnings, CAP_READ, 0, "early warnings: households the data says should be looked at" },
	{ "POST", "/api/monitor/dismissals", api_monitor_dismiss, CAP_WRITE, 0, "dismiss an early warning with a reason" },
	{ "PUT", "/api/monitor/lines/:year", api_monitor_line_set, CAP_WRITE, 0, "set a year's monitoring line (county office)" },
	{ "GET", "/api/households/:no/monitoring", api_household_monitoring, CAP_READ, 0, "a household's monitoring cases and programmes" },
	{ "POST", "/api/households/:no/programmes", api_programme_add, CAP_WRITE, 0, "record a programme membership (低保, 特困, ...)" },
	{ "GET", "/api/imports", api_imports, CAP_IMPORT, 0, "the sheets the user may import, with their columns" },
	{ "GET", "/api/imports/:kind/template", api_import_template, CAP_IMPORT, 0, "a sheet kind's template (its header row)" },
	{ "POST", "/api/imports/:kind", api_import, CAP_IMPORT, RF_UPLOAD, "import a sheet (all or nothing)" },
	{ "GET", "/api/exports/registry", api_export, CAP_EXPORT, 0, "download the registry as CSV or XLSX" },
	{ "GET", "/api/exports/monitoring", api_export_monitoring, CAP_EXPORT, 0,
		"download a monitoring list (§9.3: objects, marginal, exited) as CSV or XLSX" },
	{ "GET", "/api/stats", api_stats, CAP_READ, 0, "households and persons by status (N户M人)" },
	{ "GET", "/api/changes", api_changes, CAP_READ, 0, "changes by type for a period or a batch" },
	{ "GET", "/api/reports", api_reports, CAP_READ, 0, "the standard statistics tables" },
	{ "GET", "/api/reports/:table", api_report, CAP_READ, 0, "one standard table as JSON, CSV or XLSX" },
	{ "GET", "/api/changes/households", api_changes_households, CAP_READ, 0, "the households behind one line of the change report" },
	{ "GET", "/api/changes/batches", api_changes_batches, CAP_READ, 0, "the batches recorded, with their counts" },
	{ "GET", "/api/households/:no/assistance", api_household_assistance, CAP_READ, 0,
		"a household's cadre, visits, measures and aid" },
	{ "GET", "/api/households/:no/handbook", api_household_handbook, CAP_READ, 0,
		"a household's 扶贫手册 or 明白卡 (card=1), for printing" },
	{ "GET", "/api/assistance", api_assistance_report, CAP_READ, 0, "the assistance figures of a period (N户M人)" },
	{ "GET", "/api/assistance/kinds", api_assistance_kinds, CAP_READ, 0, "the kinds of record with their fields" },
	{ "GET", "/api/assistance/households", api_assistance_households, CAP_READ, 0,
		"households that need a cadre and visits: all, unassigned or overdue" },
	{ "GET", "/api/assistance/mine", api_assistance_mine, CAP_ASSIST, 0, "a cadre's own households and visit due dates" },
	{ "GET", "/api/assistance/cadres/overloaded", api_cadre_loads, CAP_READ, 0, "cadres with too many households" },
	{ "GET", "/api/assistance/ledger", api_asset_ledger, CAP_READ, 0, "the project assets' county and village ledgers" },
	{ "GET", "/api/assistance/settings", api_assistance_settings, CAP_READ, 0, "the visit period and the cadre limit" },
	{ "PUT", "/api/assistance/settings", api_assistance_settings, CAP_ASSIST, 0, "change the visit period or the cadre limit" },
	{ "GET", "/api/supervision", api_supervision_report, CAP_SUPERVISE, 0, "supervision cases and persons handled by category" },
	{ "GET", "/api/records/:kind", api_records, CAP_READ | CAP_SUPERVISE, 0, "assistance or supervision records of a kind" },
	{ "POST", "/api/records/:kind", api_record_create, CAP_ASSIST | CAP_SUPERVISE, 0, "record one" },
	{ "GET", "/api/records/:kind/:id", api_record, CAP_READ | CAP_SUPERVISE, 0, "one record" },
	{ "PATCH", "/api/records/:kind/:id", api_record_update, CAP_ASSIST | CAP_SUPERVISE, 0, "change a record's fields" },
	{ "GET", "/api/check", api_check, CAP_READ, 0, "run the data-quality rules without keeping the findings" },
	{ "GET", "/api/check/rules", api_check_rules, CAP_READ, 0, "the data-quality rules" },
	{ "POST", "/api/check/runs", api_check_run, CAP_WRITE, 0, "run the rules as of today and keep the findings" },
	{ "GET", "/api/findings", api_findings, CAP_READ, 0, "kept findings: filters and paging" },
	{ "GET", "/api/findings/summary", api_findings_summary, CAP_READ, 0, "findings counted by rule and by village" },
	{ "GET", "/api/findings/export", api_findings_export, CAP_WRITE | CAP_EXPORT, 0,
		"download findings as XLSX or CSV (a village's open ones for paper)" },
	{ "GET", "/api/findings/:id", api_finding, CAP_READ, 0, "one finding with its evidence and history" },
	{ "POST", "/api/findings/:id/waive", api_finding_waive, CAP_WRITE, 0, "waive a finding with a reason" },
	{ "POST", "/api/findings/:id/waiver", api_finding_waiver, CAP_WRITE, 0, "confirm or refuse a village's waiver" },
	{ "POST", "/api/findings/:id/recheck", api_finding_recheck, CAP_WRITE, 0, "check a finding again" },
	{ "GET", "/api/campaigns", api_campaigns, CAP_READ, 0, "clean-up campaigns" },
	{ "POST", "/api/campaigns", api_campaign_create, CAP_WRITE, 0, "start a clean-up campaign" },
	{ "GET", "/api/campaigns/:name", api_campaign, CAP_READ, 0, "a campaign's board by town or village" },
	{ "POST", "/api/campaigns/:name/close", api_campaign_close, CAP_WRITE, 0, "close a campaign, keeping its board" },
	{ "GET", "/api/external-kinds", api_external_kinds, CAP_COMPARE, 0, "the kinds of other departments' lists" },
	{ "GET", "/api/external-lists", api_external_lists, CAP_COMPARE, 0, "other departments' lists" },
	{ "POST", "/api/external-lists", api_external_import, CAP_COMPARE, RF_UPLOAD, "import another department's list" },
	{ "GET", "/api/external-lists/:id", api_external_list, CAP_COMPARE, 0, "one list and how many rows match (audited)" },
	{ "DELETE", "/api/external-lists/:id", api_external_delete, CAP_COMPARE, 0, "delete a list's rows (audited)" },
	{ "GET", "/api/users", api_users, CAP_USERS | CAP_ROLES, 0, "accounts" },
	{ "POST", "/api/users", api_user_create, CAP_USERS, 0, "create an account, without a role (its code's first half)" },
	{ "PATCH", "/api/users/:name", api_user_update, CAP_USERS | CAP_ROLES, 0, "change an account" },
	{ "POST", "/api/users/:name/code", api_user_code, CAP_USERS | CAP_ROLES, 0,
		"issue one's half of a one-time code (activation or password reset)" },
	{ "GET", "/api/users/:name/tokens", api_user_tokens, CAP_ROLES, 0, "a user's API tokens (security administrator)" },
	{ "DELETE", "/api/users/:name/tokens/:id", api_user_token_revoke, CAP_ROLES, 0,
		"revoke a user's API token (security administrator)" },
	{ "GET", "/api/admin/divisions", api_admin_divisions, CAP_ROLES, 0, "the division tree to choose an account's division" },
	{ "GET", "/api/roles", api_roles, CAP_USERS | CAP_ROLES, 0, "the roles and what they may do" },
	{ "GET", "/api/audit", api_audit, CAP_AUDIT, 0, "the audit log" },
	{ "GET", "/api/audit/verify", api_audit_verify, CAP_AUDIT, 0, "verify the audit log's hash chain" },
	{ "GET", "/api/openapi.yaml", api_openapi, 0, RF_PUBLIC, "this API's OpenAPI 3 description" },
};
const size_t n_routes = sizeof(routes) / sizeof(routes[0]);

/* Does path match pattern? Captures the :segments into params. */
static bool
matches(const char *pattern, const char *path, char **params, size_t max, struct arena *a)
{
	size_t k = 0;
	while (*pattern && *path) {
		if (*pattern != '/' || *path != '/')
			return false;
		pattern++, path++;
		const char *pe = strchr(pattern, '/'), *qe = strchr(path, '/');
		size_t pl = pe ? (size_t)(pe - pattern) : strlen(pattern), ql = qe ? (size_t)(qe - path) : strlen(path);
		if (*pattern == ':') {
			if (ql == 0 || k >= max)
				return false;
			params[k++] = arena_strndup(a, path, ql);
		} else if (pl != ql || strncmp(pattern, path, pl) != 0)
			return false;
		pattern += pl;
		path += ql;
	}
	/* a trailing slash is the same address */
	if (*path == '/' && path[1] == '\0')
		path++;
	return *pattern == '\0' && *path == '\0';
}

const struct route *
route_match(const char *method, const char *path, char **params, size_t max, bool *path_known, struct arena *a)
{
	*path_known = false;
	for (size_t i = 0; i < n_routes; i++) {
		if (!matches(routes[i].pattern, path, params, max, a))
			continue;
		if (strcmp(routes[i].method, method) == 0)
			return &routes[i];
		*path_known = true;
	}
	return NULL;
}
