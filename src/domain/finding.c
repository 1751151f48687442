/* finding.c: keeping what a run found, and the acts on a finding: waiving (and confirming a waiver), linking a
 * fix, checking it again, reading and exporting. Every act is one transaction with a row in the finding's
 * history; acts by people are audited too. */
#include "domain/finding.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/check.h"
#include "domain/external.h"
#include "domain/idno.h"
#include "lib/date.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

int
finding_rule(const struct finding_row *f)
{
	return f && f->rule ? rule_find(f->rule) : -1;
}

char *
finding_member_label(const struct finding_row *f, struct arena *a)
{
	if (!f->member_name && !f->member_id_no)
		return NULL;
	char mask[32];
	idno_mask(f->member_id_no ? f->member_id_no : "", mask, sizeof(mask));
	return arena_printf(a, "%s %s", f->member_name ? f->member_name : "", mask);
}

const char *
finding_message(const struct finding_row *f)
{
	return EN ? f->message_en : f->message_zh;
}

static enum err
history(struct store *st, int64_t id, int64_t at, const char *actor, const char *action, const char *note,
    int64_t run, const char *ref_kind, int64_t ref, struct errinfo *e)
{
	struct finding_event_row ev = { .finding_id = id, .at = at, .actor = (char *)actor, .action = (char *)action,
		.note = (char *)note, .run_id = run, .ref_kind = (char *)ref_kind, .ref_id = ref };
	return store_finding_event_add(st, &ev, e);
}

/* ---- keeping a run's findings ---- */

struct finding_keeper {
	struct store *st;
	struct txn t;
	struct check_result *r;
	struct check_run_row run;
	struct arena a;            /* the run's own strings */
	struct arena scratch;      /* one finding's, freed after it */
	bool ran[R__MAX];
	int64_t lo, hi;
};

/* The codes of the rules that ran, comma-separated ("*" for all). */
static char *
rules_text(const bool *ran, struct arena *a)
{
	bool all = true;
	for (int i = 0; i < R__MAX; i++)
		all &= ran[i];
	if (all)
		return arena_strdup(a, "*");
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < R__MAX; i++)
		if (ran[i])
			buf_printf(&b, "%s%s", b.n ? "," : "", rules[i].code);
	char *s = arena_strdup(a, b.p ? b.p : "");
	buf_free(&b);
	return s;
}

enum err
finding_keeper_begin(struct store *st, const struct check_query *q, struct check_result *r, const bool *ran,
    int64_t lo, int64_t hi, struct finding_keeper **out, struct errinfo *e)
{
	struct finding_keeper *k = xcalloc(1, sizeof(*k));
	k->st = st;
	k->r = r;
	k->lo = lo;
	k->hi = hi;
	memcpy(k->ran, ran, sizeof(k->ran));
	arena_init(&k->a);
	arena_init(&k->scratch);
	enum err rc = txn_begin(&k->t, st, q->now, q->actor, e);
	if (rc != ERR_OK) {
		arena_free(&k->a);
		free(k);
		return rc;
	}
	k->t.ip = q->ip;
	k->run = (struct check_run_row){ .as_of = r->as_of, .division = r->division, .rules = rules_text(ran, &k->a),
		.actor = (char *)k->t.actor, .started_at = k->t.now };
	if ((rc = store_run_insert(st, &k->run, e)) != ERR_OK) {
		txn_rollback(&k->t);
		arena_free(&k->a);
		free(k);
		return rc;
	}
	r->run_id = k->run.id;
	*out = k;
	return ERR_OK;
}

/* Keep one finding: open it, or update it (reopening a fixed one, or a waived one whose facts changed). Sets
 * f->id, f->state, f->is_new and f->reopened. */
enum err
finding_keeper_add(struct finding_keeper *k, struct finding *f, struct errinfo *e)
{
	struct store *st = k->st;
	struct check_result *r = k->r;
	int64_t now = k->t.now, run = k->run.id;
	const char *code = rules[f->rule].code;
	struct finding_row row;
	enum err rc = store_finding_by_subject(st, code, f->subject, &row, &k->scratch, e);
	if (rc == ERR_NOTFOUND) {
		memset(&row, 0, sizeof(row));
		row.rule = (char *)code;
		row.subject = f->subject;
		row.source = f->source;
		row.state = FS_OPEN;
		row.first_run = run;
		row.opened_at = now;
	} else if (rc != ERR_OK)
		goto out;
	const char *action = NULL, *note = NULL;
	if (rc == ERR_OK) {
		if (row.last_run == run) {
			f->duplicate = true;   /* the same subject twice in a run (a person on two lists): the first speaks */
			goto out;
		}
		if (row.state == FS_FIXED) {
			row.state = FS_OPEN;
			row.closed_at = 0;
			row.fix_kind = NULL;
			row.fix_ref = 0;
			action = "reopened";
		} else if (row.state == FS_WAIVED && strcmp(row.fact, f->fact) != 0) {
			row.state = FS_OPEN;
			row.closed_at = 0;
			row.waiver_pending = false;
			action = "reopened";
			note = f->message_zh;   /* the new fact */
		}
	}
	row.household_id = f->household_id;
	row.member_id = f->member_id;
	row.village = f->village;
	row.list_id = f->list_id;
	row.message_zh = f->message_zh;
	row.message_en = f->message_en;
	row.evidence = f->evidence;
	row.fact = f->fact;
	row.last_run = run;
	row.updated_at = now;
	bool is_new = rc == ERR_NOTFOUND;
	if (is_new) {
		if ((rc = store_finding_insert(st, &row, e)) != ERR_OK ||
		    (rc = history(st, row.id, now, k->t.actor, "opened", NULL, run, NULL, 0, e)) != ERR_OK)
			goto out;
		r->opened++;
	} else {
		if ((rc = store_finding_update(st, &row, e)) != ERR_OK)
			goto out;
		if (action && (rc = history(st, row.id, now, k->t.actor, action, note, run, NULL, 0, e)) != ERR_OK)
			goto out;
		if (action)
			r->reopened++;
		else if (row.state == FS_WAIVED)
			r->waived++;
		else
			r->still_open++;
	}
	f->id = row.id;
	f->state = row.state;
	f->is_new = is_new;
	f->reopened = action != NULL;
	rc = ERR_OK;
out:
	arena_free(&k->scratch);
	return rc;
}

/* The rule codes of the rules that ran, of history rules (hist) or of the others, as a JSON array. */
static char *
ran_json(const struct finding_keeper *k, bool hist, struct arena *a)
{
	json_t *arr = json_array();
	for (int i = 0; i < R__MAX; i++)
		if (k->ran[i] && (rules[i].kind == RK_HISTORY) == hist)
			json_array_append_new(arr, json_string(rules[i].code));
	char *s = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	char *out = arena_strdup(a, s);
	free(s);
	return out;
}

void
finding_keeper_abort(struct finding_keeper *k)
{
	if (!k)
		return;
	txn_rollback(&k->t);
	arena_free(&k->a);
	arena_free(&k->scratch);
	free(k);
}

/* What this run no longer finds is fixed: the open findings of the rules that ran in its range that it did
 * not see (a history rule's only in its own division; one from a deleted list only once its member has
 * left the registry). Then the run's record, one audit row, and the commit. */
enum err
finding_keeper_end(struct finding_keeper *k, struct errinfo *e)
{
	struct store *st = k->st;
	struct check_result *r = k->r;
	struct finding_close fc = { .lo = k->lo, .hi = k->hi, .root = r->division, .run = k->run.id, .at = k->t.now,
		.actor = k->t.actor, .day = r->as_of, .rules_json = ran_json(k, false, &k->a),
		.history_json = ran_json(k, true, &k->a) };
	int64_t closed = 0;
	enum err rc = store_findings_close(st, &fc, &closed, e);
	if (rc == ERR_OK) {
		r->closed = (int)closed;
		k->run.finished_at = k->t.now;
		k->run.households = (int64_t)r->households;
		k->run.members = (int64_t)r->members;
		k->run.opened = r->opened;
		k->run.reopened = r->reopened;
		k->run.closed = r->closed;
		k->run.still_open = r->still_open + r->opened + r->reopened;
		rc = store_run_finish(st, &k->run, e);
	}
	if (rc == ERR_OK) {
		char d[11], obj[32];
		snprintf(obj, sizeof(obj), "run:%lld", (long long)k->run.id);
		json_t *j = json_pack("{s:s, s:I, s:s, s:I, s:i, s:i, s:i, s:i}", "as_of", date_format(r->as_of, d),
		    "division", (json_int_t)r->division, "rules", k->run.rules, "findings", (json_int_t)r->total, "opened",
		    r->opened, "reopened", r->reopened, "closed", r->closed, "waived", r->waived);
		char *detail = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		rc = txn_audit(&k->t, "check.run", obj, detail, e);
		free(detail);
	}
	if (rc == ERR_OK)
		rc = txn_commit(&k->t, e);
	else
		txn_rollback(&k->t);
	if (rc == ERR_OK)
		r->kept = true;
	arena_free(&k->a);
	arena_free(&k->scratch);
	free(k);
	return rc;
}

/* ---- reading ---- */

static enum err
not_found(struct errinfo *e, int64_t id)
{
	char s[24];
	snprintf(s, sizeof(s), "%lld", (long long)id);
	return errinfo_set(e, ERR_NOTFOUND, "id", MSG_FINDING_NOT_FOUND, s);
}

enum err
finding_get(struct store *st, int64_t id, struct finding_view *v, struct arena *a, struct errinfo *e)
{
	memset(v, 0, sizeof(*v));
	bool began = store_read_begin(st, e);
	enum err rc = store_finding_get(st, id, &v->f, a, e);
	if (rc == ERR_NOTFOUND)
		rc = not_found(e, id);
	if (rc == ERR_OK) {
		v->rule = (enum rule)finding_rule(&v->f);
		rc = store_finding_events(st, id, &v->events, &v->n_events, a, e);
	}
	if (rc == ERR_OK && v->f.village) {
		struct errinfo ee;
		if (store_division_get(st, v->f.village, &v->village, a, &ee) != ERR_OK)
			v->village.code = v->f.village;
		struct division town;
		if (v->village.level == LV_VILLAGE && store_division_get(st, v->f.village / 1000 * 1000, &town, a, &ee) == ERR_OK)
			v->town_name = town.name;
	}
	store_read_end(st, began);
	return rc;
}

/* The filter of the store from a query (rule codes as a JSON array). */
static enum err
filter_of(struct store *st, const struct finding_query *q, struct finding_filter *f, struct arena *a,
    struct errinfo *e)
{
	memset(f, 0, sizeof(*f));
	division_range(q->division, &f->lo, &f->hi);
	f->state = q->state;
	f->pending = q->pending;
	f->limit = q->limit;
	f->offset = q->offset;
	/* a campaign's: its rules, within its divisions, open or closed since its start (the board's counts); a
	 * closed one's, opened before it closed (in their states now: its board keeps those of the close) */
	bool in_campaign[R__MAX];
	bool campaign = q->campaign && *q->campaign;
	if (campaign) {
		struct campaign_row c;
		enum err rc = store_campaign_by_name(st, q->campaign, true, &c, a, e);
		if (rc == ERR_NOTFOUND)
			return errinfo_set(e, ERR_NOTFOUND, "campaign", MSG_CAMPAIGN_NOT_FOUND, q->campaign);
		if (rc != ERR_OK)
			return rc;
		int rl[R__MAX];
		size_t n = 0;
		struct errinfo ee;
		if (check_parse_rules(c.rules, rl, &n, &ee) != ERR_OK)
			n = 0;   /* a rule that no longer exists counts for nothing, as on the board */
		memset(in_campaign, 0, sizeof(in_campaign));
		for (size_t i = 0; i < n; i++)
			in_campaign[rl[i]] = true;
		int64_t lo, hi;
		division_range(c.division, &lo, &hi);
		if (lo > f->lo)
			f->lo = lo;
		if (hi < f->hi)
			f->hi = hi;
		f->closed_since = stamp_day_start(c.start);
		f->opened_before = c.closed_at;
	}
	if (q->rule >= 0 || q->category >= 0 || campaign) {
		json_t *arr = json_array();
		for (int i = 0; i < R__MAX; i++)
			if ((q->rule < 0 || q->rule == i) && (q->category < 0 || (int)rules[i].category == q->category) &&
			    (!campaign || in_campaign[i]))
				json_array_append_new(arr, json_string(rules[i].code));
		char *s = json_dumps(arr, JSON_COMPACT);
		json_decref(arr);
		f->rules_json = arena_strdup(a, s);
		free(s);
	}
	if (q->hh_no) {
		struct household h;
		enum err rc = store_household_by_no(st, q->hh_no, &h, a, e);
		if (rc != ERR_OK)
			return rc;
		f->household_id = h.id;
	}
	return ERR_OK;
}

enum err
finding_list(struct store *st, const struct finding_query *q, struct finding_row **out, size_t *n, int64_t *total,
    struct arena *a, struct errinfo *e)
{
	struct finding_filter f;
	enum err rc = filter_of(st, q, &f, a, e);
	if (rc != ERR_OK)
		return rc;
	return store_finding_list(st, &f, out, n, total, a, e);
}

enum err
finding_counts(struct store *st, const struct finding_query *q, bool by_rule, struct finding_count **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	struct finding_filter f;
	enum err rc = filter_of(st, q, &f, a, e);
	if (rc != ERR_OK)
		return rc;
	return store_finding_counts(st, &f, by_rule, out, n, a, e);
}

/* ---- acts ---- */

static bool
confirms(const struct finding_actor *by)
{
	return by->level == 0 || by->level <= LV_TOWN;
}

static enum err
audit_act(struct txn *t, const char *action, int64_t id, const char *reason, struct errinfo *e)
{
	char obj[32];
	snprintf(obj, sizeof(obj), "finding:%lld", (long long)id);
	json_t *j = json_pack("{s:s?}", "reason", reason);
	char *d = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	enum err rc = txn_audit(t, action, obj, d, e);
	free(d);
	return rc;
}

static const char *
state_label(enum finding_state s)
{
	static const char *const zh[FS__MAX] = { "待整改", "已整改", "已豁免" };
	static const char *const en[FS__MAX] = { "open", "fixed", "waived" };
	return s < FS__MAX ? (EN ? en[s] : zh[s]) : "";
}

/* The finding in scope, for an act inside t. */
static enum err
load(struct txn *t, int64_t id, struct finding_row *f, struct arena *a, struct errinfo *e)
{
	enum err rc = store_finding_get(t->st, id, f, a, e);
	return rc == ERR_NOTFOUND ? not_found(e, id) : rc;
}

static char *
trimmed(const char *s, struct arena *a)
{
	struct str t = str_trim(str_from(s ? s : ""));
	return t.n ? arena_strndup(a, t.p, t.n) : NULL;
}

enum err
finding_waive(struct store *st, const struct finding_actor *by, int64_t id, const char *reason,
    struct finding_row *out, struct arena *a, struct errinfo *e)
{
	char *why = trimmed(reason, a);
	if (!why)
		return errinfo_set(e, ERR_INVALID, "reason", MSG_REASON_NEEDED);
	if (strlen(why) > 1000)
		return errinfo_set(e, ERR_INVALID, "reason", MSG_TOO_LONG, 300);
	struct txn t;
	enum err rc = txn_begin(&t, st, by->now, by->name, e);
	if (rc != ERR_OK)
		return rc;
	t.ip = by->ip;
	struct finding_row f;
	if ((rc = load(&t, id, &f, a, e)) != ERR_OK)
		goto fail;
	if (f.state != FS_OPEN) {
		rc = errinfo_set(e, ERR_CONFLICT, "id", MSG_FINDING_STATE, (long long)id, state_label(f.state),
		    EN ? "waived" : "豁免");
		goto fail;
	}
	bool now = confirms(by);
	f.waiver_reason = why;
	f.waiver_by = (char *)t.actor;
	f.waiver_at = t.now;
	f.updated_at = t.now;
	if (now) {
		f.state = FS_WAIVED;
		f.waiver_pending = false;
		f.closed_at = t.now;
	} else
		f.waiver_pending = true;
	if ((rc = store_finding_update(st, &f, e)) != ERR_OK ||
	    (rc = history(st, id, t.now, t.actor, now ? "waived" : "waive_requested", why, 0, NULL, 0, e)) != ERR_OK ||
	    (rc = audit_act(&t, now ? "finding.waive" : "finding.waive_request", id, why, e)) != ERR_OK)
		goto fail;
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	if (out)
		*out = f;
	return ERR_OK;
fail:
	txn_rollback(&t);
	return rc;
}

enum err
finding_decide(struct store *st, const struct finding_actor *by, int64_t id, bool accept, const char *note,
    struct finding_row *out, struct arena *a, struct errinfo *e)
{
	if (!confirms(by))
		return errinfo_set(e, ERR_FORBIDDEN, "", MSG_WAIVER_LEVEL);
	char *why = trimmed(note, a);
	if (!accept && !why)
		return errinfo_set(e, ERR_INVALID, "note", MSG_REASON_NEEDED);
	struct txn t;
	enum err rc = txn_begin(&t, st, by->now, by->name, e);
	if (rc != ERR_OK)
		return rc;
	t.ip = by->ip;
	struct finding_row f;
	if ((rc = load(&t, id, &f, a, e)) != ERR_OK)
		goto fail;
	if (f.state != FS_OPEN || !f.waiver_pending) {
		rc = errinfo_set(e, ERR_CONFLICT, "id", MSG_WAIVER_NONE, (long long)id);
		goto fail;
	}
	f.waiver_pending = false;
	f.updated_at = t.now;
	if (accept) {
		f.state = FS_WAIVED;
		f.closed_at = t.now;
	}
	if ((rc = store_finding_update(st, &f, e)) != ERR_OK ||
	    (rc = history(st, id, t.now, t.actor, accept ? "waived" : "waiver_refused", why ? why : f.waiver_reason, 0,
		NULL, 0, e)) != ERR_OK ||
	    (rc = audit_act(&t, accept ? "finding.waive_confirm" : "finding.waive_refuse", id, why, e)) != ERR_OK)
		goto fail;
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	if (out)
		*out = f;
	return ERR_OK;
fail:
	txn_rollback(&t);
	return rc;
}

enum err
finding_link(struct txn *t, int64_t id, int64_t hh, const char *kind, int64_t ref, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	struct finding_row f;
	enum err rc = load(t, id, &f, &a, e);
	if (rc == ERR_OK && f.state != FS_OPEN)
		rc = errinfo_set(e, ERR_CONFLICT, "finding", MSG_FINDING_STATE, (long long)id, state_label(f.state),
		    EN ? "fixed by this change" : "以此修改整改");
	if (rc == ERR_OK && f.household_id && f.household_id != hh) {
		struct household h;
		struct errinfo ee;
		const char *no = store_household_by_id(t->st, hh, &h, &a, &ee) == ERR_OK ? h.hh_no : "?";
		rc = errinfo_set(e, ERR_CONFLICT, "finding", MSG_FINDING_HOUSEHOLD, (long long)id, no);
	}
	if (rc == ERR_NOTFOUND)
		snprintf(e->field, sizeof(e->field), "finding");
	if (rc == ERR_OK) {
		f.fix_kind = (char *)kind;
		f.fix_ref = ref;
		f.updated_at = t->now;
		rc = store_finding_update(t->st, &f, e);
	}
	if (rc == ERR_OK)
		rc = history(t->st, id, t->now, t->actor, "linked", NULL, 0, kind, ref, e);
	arena_free(&a);
	return rc;
}

enum err
finding_recheck(struct store *st, int64_t id, const struct finding_actor *by, struct finding_row *out,
    struct arena *a, struct errinfo *e)
{
	struct finding_row f;
	enum err rc = store_finding_get(st, id, &f, a, e);
	if (rc == ERR_NOTFOUND)
		return not_found(e, id);
	if (rc != ERR_OK)
		return rc;
	int rl = finding_rule(&f);
	if (rl >= 0 && f.state == FS_OPEN) {
		struct check_query q = { .only = -1, .rules = &rl, .n_rules = 1, .division = f.village, .keep = true,
			.actor = by->name, .ip = by->ip, .now = by->now };
		struct check_result r;
		struct arena ra;
		arena_init(&ra);
		rc = check_run(st, &q, &r, &ra, e);
		arena_free(&ra);
		if (rc != ERR_OK)
			return rc;
		if ((rc = store_finding_get(st, id, &f, a, e)) != ERR_OK)
			return rc;
	}
	if (out)
		*out = f;
	return ERR_OK;
}

/* ---- export for paper ---- */

const char *
finding_source_label(const char *source, char *buf, size_t size)
{
	const struct ext_kind *k = source && strncmp(source, "external:", 9) == 0 ? ext_kind_find(source + 9) : NULL;
	if (source && strcmp(source, "registry") == 0)
		snprintf(buf, size, "%s", EN ? "the registry's rules" : "建档立卡数据规则");
	else if (k)
		snprintf(buf, size, EN ? "the %s list" : "%s名单", ext_kind_label(k));
	else
		snprintf(buf, size, "%s", source ? source : "");
	return buf;
}

enum err
finding_export(struct store *st, const struct finding_actor *by, const struct finding_query *q, const char *path,
    enum sheet_kind kind, int *rows, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	*rows = 0;
	struct finding_row *v;
	size_t n;
	int64_t total;
	enum err rc = finding_list(st, q, &v, &n, &total, &a, e);
	if (rc != ERR_OK) {
		arena_free(&a);
		return rc;
	}
	struct sheet_writer *w = sheet_writer_open(path, kind, false, EN ? "findings" : "问题清单", e);
	if (!w) {
		arena_free(&a);
		return e ? e->err : ERR_IO;
	}
	const char *head_zh[] = { "编号", "乡镇", "行政村", "户编号", "成员", "规则", "类别", "严重程度", "问题", "整改建议",
		"来源", "发现时间", "状态", "核实情况", "整改结果", "核实人", "核实日期" };
	const char *head_en[] = { "id", "town", "village", "household", "member", "rule", "category", "severity",
		"finding", "how to fix", "source", "found", "state", "what the visit found", "what was done", "checked by",
		"date" };
	rc = sheet_writer_row(w, EN ? head_en : head_zh, NELEM(head_zh), e);
	int64_t town_code = -1, village_code = -1;
	const char *town = "", *village = "";
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		const struct finding_row *f = &v[i];
		if (f->village != village_code) {
			struct division d;
			struct errinfo ee;
			village_code = f->village;
			village = store_division_get(st, f->village, &d, &a, &ee) == ERR_OK ? d.name : "";
			if (f->village / 1000 * 1000 != town_code) {
				town_code = f->village / 1000 * 1000;
				town = store_division_get(st, town_code, &d, &a, &ee) == ERR_OK && d.level == LV_TOWN ? d.name : "";
			}
		}
		int rl = finding_rule(f);
		char id[24], found[20];
		snprintf(id, sizeof(id), "%lld", (long long)f->id);
		stamp_format(f->opened_at, found);
		found[10] = '\0';
		const char *member = finding_member_label(f, &a);
		char source[96];
		const char *cells[] = { id, town, village, f->hh_no ? f->hh_no : "", member ? member : "",
			rl >= 0 ? rule_label((enum rule)rl) : f->rule, rl >= 0 ? category_label(rules[rl].category) : "",
			rl >= 0 ? severity_label(rules[rl].severity) : "", finding_message(f), rl >= 0 ? rule_fix((enum rule)rl) : "",
			finding_source_label(f->source, source, sizeof(source)), found, state_label(f->state), "", "", "", "" };
		rc = sheet_writer_row(w, cells, NELEM(cells), e);
		(*rows)++;
	}
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		arena_free(&a);
		return rc;
	}
	arena_free(&a);
	if ((rc = sheet_writer_close(w, e)) != ERR_OK || store_readonly(st))
		return rc;
	/* who took which list, and how big, as the registry's exports are recorded (it was not) */
	static const char *const state_codes[FS__MAX] = { "open", "fixed", "waived" };
	json_t *d = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s?, s:s, s:i}", "division", (json_int_t)q->division,
	    "state", q->pending ? "pending" : q->state >= 0 && q->state < FS__MAX ? state_codes[q->state] : "",
	    "rule", q->rule >= 0 ? rules[q->rule].code : "", "category", q->category >= 0 ?
	    category_code((enum category)q->category) : "", "household", q->hh_no, "campaign", q->campaign, "format",
	    kind == SHEET_XLSX ? "xlsx" : "csv", "rows", *rows);
	char *detail = d ? json_dumps(d, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(d);
	rc = audit_view(st, by->name, by->ip, "export.findings", "findings", detail, e);
	free(detail);
	if (rc != ERR_OK)
		remove(path);
	return rc;
}
