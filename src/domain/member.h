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

/* The rules over one household's members. rows[i] is the sheet row of members[i] (0 for members already
 * stored). Adds a problem per violation at the row that shows it. Returns false if an error was added. */
bool member_set_check(const struct member *members, const int *rows, size_t n, bool lenient, const char *rel_col,
    const char *id_col, struct problems *p);

/* Copy m with its strings into a. */
void member_copy(struct member *dst, const struct member *src, struct arena *a);

#endif
