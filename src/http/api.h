/* api.h: the handlers of the JSON API, one file per noun (api_auth.c, api_registry.c, api_report.c,
 * api_check.c, api_findings.c, api_admin.c). Each turns a request into a domain call and the result into JSON; no rules, no SQL. */
#ifndef TUOPIN_API_H
#define TUOPIN_API_H

#include "http/http.h"

void api_health(struct req *r);
void api_ping(struct req *r);
void api_login(struct req *r);
void api_logout(struct req *r);
void api_me(struct req *r);
void api_about(struct req *r);
void api_me_password(struct req *r);
void api_tokens(struct req *r);
void api_token_create(struct req *r);
void api_token_revoke(struct req *r);

void api_codes(struct req *r);
void api_divisions(struct req *r);
void api_division(struct req *r);
void api_next_hh_no(struct req *r);
void api_households(struct req *r);
void api_household_create(struct req *r);
void api_household(struct req *r);
void api_household_update(struct req *r);
void api_member_add(struct req *r);
void api_member_update(struct req *r);
void api_member_head_change(struct req *r);
void api_events(struct req *r);
void api_event_record(struct req *r);
void api_import(struct req *r);
void api_export(struct req *r);

void api_proposal_create(struct req *r);   /* api_proposal.c */
void api_proposals(struct req *r);
void api_proposal(struct req *r);
void api_proposal_act(struct req *r);
void api_proposal_notice(struct req *r);
void api_proposal_sheet(struct req *r);
void api_proposal_check(struct req *r);
void api_assessments(struct req *r);
void api_assessment_create(struct req *r);
void api_workflows(struct req *r);
void api_workflow_load(struct req *r);
void api_settings(struct req *r);
void api_setting_set(struct req *r);
void api_village_exit(struct req *r);
/* api_income.c */
void api_incomes(struct req *r);
void api_income_set(struct req *r);
void api_monitor_stats(struct req *r);        /* api_monitor.c */
void api_monitor_list(struct req *r);
void api_export_monitoring(struct req *r);
void api_monitor_line_set(struct req *r);
void api_monitor_warnings(struct req *r);
void api_monitor_dismiss(struct req *r);
void api_household_monitoring(struct req *r);
void api_programme_add(struct req *r);

void api_stats(struct req *r);
void api_changes(struct req *r);
void api_changes_households(struct req *r);
void api_imports(struct req *r);
void api_import_template(struct req *r);
void api_changes_batches(struct req *r);
void api_check(struct req *r);
void api_check_rules(struct req *r);
void api_check_run(struct req *r);
void api_external_kinds(struct req *r);
void api_external_lists(struct req *r);
void api_external_import(struct req *r);
void api_external_list(struct req *r);
void api_external_delete(struct req *r);
void api_findings(struct req *r);
void api_findings_summary(struct req *r);
void api_findings_export(struct req *r);
void api_finding(struct req *r);
void api_finding_waive(struct req *r);
void api_finding_waiver(struct req *r);
void api_finding_recheck(struct req *r);
void api_campaigns(struct req *r);
void api_campaign(struct req *r);
void api_campaign_create(struct req *r);
void api_campaign_close(struct req *r);

/* api_assistance.c: 帮扶 and 督查 */
void api_assistance_report(struct req *r);
void api_supervision_report(struct req *r);
void api_assistance_kinds(struct req *r);
void api_records(struct req *r);
void api_record(struct req *r);
void api_record_create(struct req *r);
void api_record_update(struct req *r);
void api_assistance_households(struct req *r);
void api_assistance_mine(struct req *r);
void api_cadre_loads(struct req *r);
void api_asset_ledger(struct req *r);
void api_assistance_settings(struct req *r);
void api_household_assistance(struct req *r);
void api_household_handbook(struct req *r);
/* POST /api/imports/KIND for the assistance imports (cadres, pairings, measures, ...). */
void api_import_assist(struct req *r, const char *kind);

void api_users(struct req *r);
void api_user_create(struct req *r);
void api_user_update(struct req *r);
void api_user_code(struct req *r);
void api_user_tokens(struct req *r);
void api_user_token_revoke(struct req *r);
void api_admin_divisions(struct req *r);
void api_roles(struct req *r);
void api_audit(struct req *r);
void api_audit_verify(struct req *r);
void api_openapi(struct req *r);
void api_reports(struct req *r);
void api_report(struct req *r);

/* Shared by the handlers (api_util.c). */
/* Parse a date query parameter (0 if absent); false after answering 400. */
bool q_date(struct req *r, const char *name, int *out);
bool q_stamp(struct req *r, const char *name, int64_t *out);
bool q_int(struct req *r, const char *name, int lo, int hi, int dflt, int *out);
bool q_bool(struct req *r, const char *name);
/* ?format=: the form of the answer, one rule for every handler. Absent or empty means dflt; json is taken only
 * where json_ok; anything else is refused (400 bad_param naming format) and false is returned. */
enum q_form { FORM_JSON, FORM_XLSX, FORM_CSV };
bool q_format(struct req *r, enum q_form dflt, bool json_ok, enum q_form *out);
/* A text parameter, trimmed; NULL when absent or empty; refused (400) when longer than max_chars. */
bool q_text(struct req *r, const char *name, size_t max_chars, const char **out);
/* ?filename=: the name of the user's file, for the audit row and the list (the body is a temporary upload whose
 * name says nothing); NULL if not given; false (400 sent) if it is not a plain file name. */
bool q_file_name(struct req *r, const char **out);
/* ?division=CODE|name within the scope (0 if absent); false after answering 404. */
bool q_division(struct req *r, int64_t *code);
/* The names of a role's capabilities ("read", "write", ...) as a JSON array (GET /api/me, /api/roles). */
json_t *api_caps_json(unsigned caps);
/* The actor string for the audit log: "user:NAME". */
const char *req_actor(struct req *r);
/* full=1 asked and allowed (CAP_FULL_ID); the caller audits the view. */
bool want_full(struct req *r);
/* The office's procedure and settings (review, workflows, thresholds, assistance settings, monitoring lines)
 * are the county office's (auth_is_county_office; docs/SECURITY.md §2): false after answering 403. */
bool req_county_office(struct req *r);

/* A JSON answer from the page cache (page_cache.h). cached_answer: when the cache is on, key (everything the
 * answer depends on) is looked up under the registry's current generation; on a hit the answer is sent with
 * status and true is returned. Otherwise false, with c ready for cached_keep, which keeps the answer written to
 * out from start on, under the household's or scope's village, if no registry write committed meanwhile
 * (whatever the isolation of the reads). key must live as long as the request (in r->a). */
struct cached {
	const char *key;
	uint64_t gen;
};
bool cached_answer(struct req *r, struct cached *c, const char *key, int status);
void cached_keep(struct req *r, const struct cached *c, int64_t village, const struct buf *out, size_t start);

/* The API tokens of a user as JSON (api_auth.c): one's own, or anyone's for the security administrator. */
void api_token_list_of(struct req *r, int64_t user_id);

#endif
