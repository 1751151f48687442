/* registry.h: the registry's writes: creating a household with its members (the identify / include_missed
 * event), and recording every other change event with the exact temporal semantics of ARCHITECTURE.md §3:
 * forward events append, earlier ones must be corrections, corrections supersede later events of their own
 * chain, spans are closed and re-inserted (never deleted), aggregates move in the same transaction.
 * No SQL here: the store does that. */
#ifndef TUOPIN_REGISTRY_H
#define TUOPIN_REGISTRY_H

#include "domain/txn.h"

struct relation_change;   /* domain/member.h */

/* Create household h (status h->status) with members m[0..n) effective on day E, recorded as event ev
 * (EV_IDENTIFY or EV_INCLUDE_MISSED) in batch. Ids are assigned into h and m. inc (may be NULL) is stored
 * as the household's income of inc->year. The caller has validated the fields. */
enum err household_create(struct txn *t, struct household *h, struct member *m, size_t n, enum evtype ev, int E,
    const char *batch, const char *reason, const struct income *inc, int64_t *event_id, struct errinfo *e);

struct event_req {
	enum evtype type;
	const char *hh_no;
	int effective;
	const char *reason;        /* member events: a reason label or code of CL_REASON_ADD / CL_REASON_REMOVE */
	const char *batch;
	bool correction;
	const char *id_no;         /* member events; data_fix of a member */
	const struct member *member;  /* member_add: the member; data_fix: the new values of the fix_mask fields */
	const struct household *hh;   /* data_fix of household fields: the new values of the fix_mask fields */
	uint64_t fix_mask;         /* data_fix: bit (1 << enum col) per field given */
	const char *target_hh_no;  /* split, merge */
	const char *relation;      /* split, merge: the relation in the target household */
	const char *new_head;      /* member_remove of the head while others stay: the ID number of the member who
	                            * becomes the head (recorded as a 信息更正 of that member's relation, same day) */
	const char *former_head_relation;  /* data_fix making a member the head while the household has one: the
	                                    * relation (code) the head there was takes (户主变更 in one step,
	                                    * recorded as a 信息更正 of that member's relation, same day) */
	/* data_fix with former_head_relation: the other members' relations to the new head, given with it (each a
	 * 信息更正 of that member, same day); the members not named keep theirs. The end state is checked whole
	 * (head_change_check). */
	const struct relation_change *others;
	size_t n_others;
	/* monitor_in: the case to open (type, risks, channel, discovered, open_proposal_id; the rest is filled);
	 * risk_eliminate: way and close_proposal_id of the case it closes. NULL: a case of unknown type (a direct
	 * event, an import). */
	const struct monitor_case *mcase;
};

/* Record one event. On refusal nothing is written and e says why (field names the request field). The new
 * event (the main one, for split/merge the member move) is returned in out if not NULL. */
enum err event_record(struct txn *t, const struct event_req *r, struct event *out, struct errinfo *e);

/* 户主变更 planned: member member_id of household hh_no (in the store's scope) made the head on day; every other
 * member of the household on that day, with the relation to the new head a 户主变更 most likely gives it
 * (relation_to_new_head; NULL where no rule says).
 * 404 household or member not found, 409 member_absent (not a member on day), 400 already_head. */
struct head_change_row {
	struct member m;
	bool former_head;        /* the head there is */
	const char *suggested;   /* a code of CL_RELATION, or NULL: no rule says (the clerk chooses) */
};
enum err head_change_plan(struct store *st, const char *hh_no, int64_t member_id, int day,
    struct head_change_row **out, size_t *n, struct arena *a, struct errinfo *e);

/* The 户编号 a new household of a village gets by the national convention (DOMAIN.md §12.2): the village's
 * 12-digit code and a 4-digit number, one more than the highest such number in the registry (0001 for the
 * first; 5 digits after 9999). village: a code or a unique name in the scope (404 division_unknown, 400
 * not_village; field "village"). last: the highest such number, NULL if none; count: how many there are. */
struct hh_no_proposal {
	struct division village;
	const char *hh_no;
	const char *last;
	int count;
};
enum err hh_no_next(struct store *st, const char *village, struct hh_no_proposal *r, struct arena *a,
    struct errinfo *e);

/* Is the household hh_no inside the store's scope? A record outside it must look absent on writes too: a
 * conflict with it is refused with a message that names nothing of it (MSG_ID_NOT_AVAILABLE,
 * MSG_HH_NOT_AVAILABLE), and the caller audits the attempt. */
bool registry_hh_visible(struct store *st, const char *hh_no, struct arena *a);

#endif
