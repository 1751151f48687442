/* sheet_impl.h: internals shared by the CSV and XLSX readers (not for other layers). */
#ifndef TUOPIN_SHEET_IMPL_H
#define TUOPIN_SHEET_IMPL_H

#include "io/sheet.h"

struct qrow {
	int num;
	size_t n;
	char *data;
	size_t *offs;          /* 2 per cell: offset, length */
	unsigned char *numeric;
};

/* Rows completed by a push parser wait here until sheet_next hands them out. */
struct rowq {
	struct qrow *rows;
	size_t head, n, cap;
	/* the row being built */
	struct buf cur_data;
	size_t *cur_offs;
	unsigned char *cur_numeric;
	size_t cur_n, cur_cap;
	/* the row handed out last (owned here until the next pop) */
	char *out_data;
	size_t *out_offs;
	unsigned char *out_numeric;
	struct str *out_cells;
	size_t out_cap;
};

void rowq_init(struct rowq *q);
void rowq_free(struct rowq *q);
/* Add cell col (0-based) to the row being built; gaps are filled with empty cells. */
void rowq_cell(struct rowq *q, size_t col, const char *p, size_t n, bool numeric);
/* Finish the row being built as row number num; rows whose cells are all empty are dropped. */
void rowq_end(struct rowq *q, int num);
bool rowq_pop(struct rowq *q, struct sheet_row *row);

/* A cell Excel would run as a formula: = + - @ first, unless it is a number (-3, +86). The CSV writer puts a '
 * before such a cell, and before one that starts with ' and is such a cell after its 's (so that a value of
 * its own leading ' survives); the CSV reader takes one ' off exactly those cells: every value reads back as
 * it was written, and a file from Excel reads as Excel shows it. */
static inline bool
sheet_formula_like(const char *s, size_t n)
{
	if (n == 0 || (s[0] != '=' && s[0] != '+' && s[0] != '-' && s[0] != '@'))
		return false;
	if (n == 1 || s[0] == '=' || s[0] == '@')
		return true;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
			return true;
	return false;
}

static inline bool
sheet_quoted_formula(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '\'')
		i++;
	return i > 0 && sheet_formula_like(s + i, n - i);
}

struct csv_state;
struct xlsx_state;

struct sheet {
	enum sheet_kind kind;
	char *path;
	struct sheet_limits lim;
	size_t rows;         /* rows handed out */
	int err_col;         /* sheet_error_col */
	size_t width;        /* sheet_set_width: cells past it must be empty; 0: not checked */
	struct rowq q;
	struct csv_state *csv;
	struct xlsx_state *xlsx;
};

bool xlsx_open(struct sheet *s, const char *path, const struct sheet_limits *lim, struct errinfo *e);
int xlsx_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e);
void xlsx_close(struct sheet *s);

#endif
