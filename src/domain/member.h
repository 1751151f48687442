/* member.h: a member's fields from a sheet row (or a request), and the rules a household's members must
 * keep together: one 户主, 配偶 of the other sex, relation/sex consistency, no ID number twice. No SQL. */
#ifndef TUOPIN_MEMBER_H
#define TUOPIN_MEMBER_H

#include <stdbool.h>

#include "domain/fields.h"
#include "domain/idno.h"
#include "domain/model.h"

/* Read the member columns of one row into m (allocated in a). Required: 姓名, 证件号码, 与户主关系, 性别.
 * ID problems (check digit, date, province, placeholder) and sex/relation mismatches are errors, or warnings
 * when lenient. today bounds birth dates. Returns false if any error was added. */
bool member_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today, bool lenient,
    struct member *m, struct problems *p, struct arena *a);

/* The 新户主证件号码 column of a member_remove (the member who becomes the head), if given: validated like an
 * ID number. */
bool member_new_head_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today,
    char **id_no, struct problems *p, struct arena *a);
/* Only the ID number column (member_remove, data_fix): validated the same way, lenient or not. */
bool member_idno_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today,
    bool lenient, char **id_no, struct problems *p, struct arena *a);

/* The corrected number of a data_fix (新证件号码), validated strictly (a correction is never lenient): true
 * with *id filled if the cell holds a valid number; false (a problem added unless the cell is empty). */
bool member_new_idno_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today,
    struct idno *id, struct problems *p);

/* How many of members[0..n) hold members[i]'s relation (*same, members[i] included), and how many of them come
 * before it (returned): a relation one member holds (relation_once) twice is named at its second. */
size_t relation_rank(const struct member *members, size_t n, size_t i, size_t *same);

/* The rules over one household's members. rows[i] is the sheet row of members[i] (0 for members already
 * stored). Adds a problem per violation at the row that shows it. Returns false if an error was added. */
bool member_set_check(const struct member *members, const int *rows, size_t n, bool lenient, const char *rel_col,
    const char *id_col, struct problems *p);

/* 户主变更 (a member made the head while another member is): what member x is to the new head, read from what x
 * was to the head there was (x_rel; NULL: x is that head) and x's sex. A code of CL_RELATION in force in the
 * code version in force (99 其他 where the relation has none, as a sister's husband to her brother), or NULL:
 * no rule says (the clerk chooses: a member of a household whose new head was a daughter-in-law, a 之儿媳 when
 * the head has several sons). */
struct head_change_ctx {
	const char *nh_rel, *nh_sex;   /* the new head: what it was to the head there was, and its sex */
	const char *head_sex;          /* the head there was */
	int count[100];                /* how many members of the household hold each relation code (01..99) */
	int version;                   /* the code version in force on the day of the change */
};
/* Fill k->count from the relations of members[0..n). */
void head_change_count(struct head_change_ctx *k, const struct member *members, size_t n);
const char *relation_to_new_head(const struct head_change_ctx *k, const char *x_rel, const char *x_sex);

/* One member's relation given with a 户主变更. */
struct relation_change {
	int64_t member_id;
	const char *relation;  /* a code of CL_RELATION */
};

/* A 户主变更's end state, checked whole: members (those of the household today) with head (as corrected) made the head,
 * former (the head there is) given former_rel and the members in others their relations, the rest keeping
 * theirs. Refused (e->field "other_relations" unless said): a member in others who is the new or the former head,
 * twice, made the head, or of the wrong sex for the relation; two spouses; a spouse of the new head's sex
 * (field "former_head_relation" when it is the former head); a member left 配偶 (not named) beside a new head
 * who was not the spouse (head_was: its relation before).  former_rel NULL: the former head leaves (a removal
 * naming the new head): it takes no relation and may not be named. lenient: only the first three. */
enum err head_change_check(const struct member *members, size_t n, const struct member *head, const char *head_was,
    const struct member *former, const char *former_rel, const struct relation_change *others, size_t n_others,
    bool lenient, struct errinfo *e);

/* Copy m with its strings into a. */
void member_copy(struct member *dst, const struct member *src, struct arena *a);

#endif
