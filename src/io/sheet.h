/* sheet.h: read and write tables of text cells: CSV (UTF-8 with or without BOM, or GB18030, detected) and
 * XLSX (first worksheet, streamed). Knows records and cells, never households: the domain maps columns.
 * Readers stream with bounded memory; every row carries its spreadsheet row number for error messages. */
#ifndef TUOPIN_SHEET_H
#define TUOPIN_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "lib/err.h"

enum sheet_kind { SHEET_CSV, SHEET_XLSX, SHEET_MEMORY };
enum sheet_encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_GB18030, ENC_XLSX, ENC_MEMORY };

struct sheet_row {
	int num;              /* 1-based row number as a spreadsheet shows it (the header is row 1) */
	size_t n;             /* number of cells */
	const struct str *cells;  /* valid until the next sheet_next call; cells are trimmed */
	bool numeric_mask_valid;
	const unsigned char *numeric;  /* XLSX: numeric[i] != 0 if cell i was stored as a number */
};

struct sheet;

/* Limits that protect the server and the CLI from hostile files ("bombs": a small file that inflates, or cells
 * that repeat one huge string). Every reader stays within them, whatever the file holds, and says which limit a
 * file broke, with the row and column where it could tell. The defaults hold a million-person registry. */
struct sheet_limits {
	uint64_t max_inflated;       /* XLSX: bytes inflated from all the parts of one file together */
	uint64_t max_shared_bytes;   /* XLSX: text of all shared strings together */
	size_t max_shared_strings;   /* XLSX: number of shared strings */
	size_t max_cells_per_row;    /* CSV and XLSX alike */
	size_t max_cell_bytes;       /* one cell, as read: no field holds more */
	size_t max_rows;             /* rows of one file, the header included */
	size_t max_sort_keys;        /* the importer's 证件号码 held in memory before a sorted run is spilled */
	size_t max_hold_rows;        /* the registry importer's rows held at once for a file whose households'
	                              * rows lie apart: it is read in as many slices of households */
};
extern const struct sheet_limits sheet_default_limits;
/* The limits of this process: the defaults, each replaced by its environment variable when set
 * (TUOPIN_IMPORT_MAX_ROWS, _MAX_COLUMNS, _MAX_CELL in bytes, _MAX_INFLATE and _MAX_SHARED in MiB,
 * _MAX_SHARED_COUNT, _SORT_KEYS, _HOLD_ROWS). Read once. */
const struct sheet_limits *sheet_limits(void);
/* Read the environment variables now; false with e filled (ERR_USAGE) if one is not a positive number.
 * main() calls it first, so a bad setting stops every command before it reads or writes anything. */
bool sheet_limits_load(struct errinfo *e);
/* Bytes read from a CSV file at a time (1 MiB). Tests and the fuzzer set it smaller, so that characters, BOMs
 * and quoted fields fall across chunk boundaries; 0 restores the default. */
void sheet_set_chunk(size_t bytes);

/* What a file is, from its first bytes alone (for a summary when it cannot be opened). */
enum sheet_kind sheet_sniff(const char *path);

/* Open path; the kind is taken from the content (a ZIP signature means XLSX), not the extension. A CSV file's
 * encoding is decided for the whole file (one pass over it before the first row): UTF-8 if all of it is,
 * GB18030 if all of it is, else whichever reads further, so that a bad byte is reported where it is, as the
 * row and column that hold it. lim NULL: sheet_limits(). Returns NULL with e filled on failure. */
struct sheet *sheet_open(const char *path, const struct sheet_limits *lim, struct errinfo *e);
/* A sheet whose rows are given in memory (a request's fields, say): n_rows rows of n_cols cells, row-major;
 * the first row is the header. The cells are copied. */
struct sheet *sheet_open_memory(const char *const *cells, size_t n_cols, size_t n_rows);
/* 1: *row filled; 0: end of input; -1: error in e, with *err_row set to the row being read. */
int sheet_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e);
/* The header's width: the cells up to its last non-empty one. */
size_t sheet_header_width(const struct sheet_row *header);
/* From now on a row with a non-empty cell past the first width cells is an error (at that row and column): its
 * values have no column to go to, and a row shifted by an unquoted comma would otherwise be read with every
 * value under the wrong heading. The importers call it with their header's width once they have read it. */
void sheet_set_width(struct sheet *s, size_t width);
/* After sheet_next answered -1: the column (1-based) holding the error, or 0 if the error is not in one. */
int sheet_error_col(const struct sheet *s);
enum sheet_kind sheet_kind(const struct sheet *s);
enum sheet_encoding sheet_encoding(const struct sheet *s);
const char *sheet_encoding_name(enum sheet_encoding enc);
void sheet_close(struct sheet *s);

/* Writers. CSV: UTF-8 with a BOM (Excel opens it correctly) or GB18030; CRLF line ends; quoting only where
 * needed; a cell that would start a formula (=, +, -, @) is prefixed with a quote mark to stop CSV injection.
 * XLSX (libxlsxwriter): a finished-looking table. Optionally a title row (merged across the columns, bold,
 * larger) and group-header rows of merged spans; a bold, shaded header row frozen in place; column widths that
 * fit the widest cell (a Chinese character counts as two); columns typed text (format "@", for ID and account
 * numbers and codes with leading zeros), number (a cell that is a number is written as one, so Excel sums it)
 * or general; bold rows for totals. stream: constant memory for big files (the registry); rows must then come
 * in order and a merge spans one row only. CSV gets the header and data rows; titles and spans are XLSX only,
 * so a CSV stays a plain table for scripts. */
struct sheet_writer;
enum sheet_col_type { SHEET_COL_TEXT, SHEET_COL_NUMBER, SHEET_COL_GENERAL };
struct sheet_col {
	enum sheet_col_type type;
	double width;          /* in Excel's character units; 0: fit the widest cell */
	const char *num_format;   /* XLSX number format of a number column ("#,##0", "0.00"), NULL: general */
};
/* A merged cell of a group-header row: columns first..last (0-based) carry text; rows > 1 (table writers
 * only) lets it reach down over the next rows - 1 rows, for a column heading beside a group's subheadings. */
struct sheet_span {
	size_t first, last;
	const char *text;
	size_t rows;
};
enum sheet_row_style { SHEET_ROW_PLAIN = 0, SHEET_ROW_BOLD = 1 };

struct sheet_writer *sheet_writer_open(const char *path, enum sheet_kind kind, bool gb18030,
    const char *sheet_name, struct errinfo *e);
/* The same for small tables (reports): everything kept in memory until close, merges over several rows. */
struct sheet_writer *sheet_writer_open_table(const char *path, enum sheet_kind kind, bool gb18030,
    const char *sheet_name, struct errinfo *e);
/* Column types and widths (before any row; columns not given are text, fitted). */
void sheet_writer_columns(struct sheet_writer *w, const struct sheet_col *cols, size_t n);
/* A title row merged over n_cols columns (XLSX; CSV: nothing). */
enum err sheet_writer_title(struct sheet_writer *w, const char *text, size_t n_cols, struct errinfo *e);
/* A line of text under the title, merged over n_cols columns and left-aligned (填报单位, date, unit; XLSX only). */
enum err sheet_writer_note(struct sheet_writer *w, const char *text, size_t n_cols, struct errinfo *e);
/* A group-header row of merged spans, bold and centred (XLSX; CSV: nothing). */
enum err sheet_writer_spans(struct sheet_writer *w, const struct sheet_span *spans, size_t n, struct errinfo *e);
/* The header row: bold, shaded; the rows above it and it stay frozen when scrolling. */
enum err sheet_writer_header(struct sheet_writer *w, const char *const *cells, size_t n, struct errinfo *e);
/* Write one row of n cells (NULL cells are empty). */
enum err sheet_writer_row(struct sheet_writer *w, const char *const *cells, size_t n, struct errinfo *e);
enum err sheet_writer_row_styled(struct sheet_writer *w, const char *const *cells, size_t n,
    enum sheet_row_style style, struct errinfo *e);
/* Flush and close; on failure the file is removed. */
enum err sheet_writer_close(struct sheet_writer *w, struct errinfo *e);
void sheet_writer_abort(struct sheet_writer *w);
/* The width a cell needs in Excel's units: 2 for a wide (CJK) character, 1 for others. */
double sheet_text_width(const char *s);

#endif
