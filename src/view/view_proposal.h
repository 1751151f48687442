/* view_proposal.h: proposals, workflows, assessments and the printables (公示, 公告, the exit analysis sheet),
 * shared by the CLI and the API (view_proposal.c). */
#ifndef TUOPIN_VIEW_PROPOSAL_H
#define TUOPIN_VIEW_PROPOSAL_H

#include <jansson.h>

#include "domain/codes.h"
#include "domain/proposal.h"
#include "lib/buf.h"
#include "view/view.h"

/* A proposal (the contract of ARCHITECTURE.md §10 and more). u decides may_act; full adds the check and the
 * whole workflow. */
json_t *view_proposal_json(const struct proposal_view *v, const struct proposal_user *u, bool full);
json_t *view_workflow_json(const struct workflow *w);
json_t *view_assessment_json(const struct assessment *x);
json_t *view_checklist_json(const struct checklist *r);
json_t *view_notice_json(const struct notice *n);
/* The notice as an A4 page (print CSS) or as a text table. */
void view_notice_html(struct buf *b, const struct notice *n);
void view_notice_text(struct buf *b, const struct notice *n);
/* The household's exit analysis sheet for 双认定 signatures. */
void view_exit_sheet_html(struct buf *b, const struct proposal_view *v, const struct member *ms, size_t nm,
    const struct assessment *x, const struct checklist *c);

/* The villages' exit: {"as_of","threshold","rows":[{code,name,town,rural_population,poor_persons,incidence,
 * below_threshold,exit_year,proposal,step}]}; incidence a percentage with two decimals, or null. */
json_t *view_village_exit_json(const struct village_row *v, size_t n, int day, int threshold);

#endif
