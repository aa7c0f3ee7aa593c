#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/contingency.h"
#include "model/msg.h"
#include "model/strbuf.h"

date cont_review_due(const cont_summary *s)
{
	date last = s->approved_on;
	if (!s->version || !last.y)
		return (date){0, 0, 0};
	if (s->reviewed_on.y && date_cmp(s->reviewed_on, last) > 0)
		last = s->reviewed_on;
	return date_add_months(last, CONT_REVIEW_MONTHS);
}

unsigned cont_state(const cont_summary *s, date today)
{
	unsigned bits = 0;
	if (!s->version)
		return 0;
	bits |= CONT_APPROVED;
	if (s->changed)
		bits |= CONT_CHANGED;
	if (date_cmp(today, cont_review_due(s)) >= 0)
		bits |= CONT_REVIEW_DUE;
	return bits;
}

void cont_state_text(const cont_summary *s, date today, char *out, size_t len)
{
	unsigned bits = cont_state(s, today);
	char day[16];
	size_t used;

	if (!(bits & CONT_APPROVED)) {
		snprintf(out, len, "%s", msg(CONT_STATE_NEVER));
		return;
	}
	date_format(s->approved_on, day, sizeof day);
	snprintf(out, len, msg(CONT_STATE_APPROVED_FMT), (long long)s->version, day);
	if (bits & CONT_CHANGED) {
		used = strlen(out);
		snprintf(out + used, len - used, "%s", msg(CONT_STATE_CHANGED));
	}
	if (bits & CONT_REVIEW_DUE) {
		date_format(cont_review_due(s), day, sizeof day);
		used = strlen(out);
		snprintf(out + used, len - used, msg(CONT_STATE_REVIEW_DUE_FMT), day);
	}
}

/* ---- Growing strings ---- */

typedef strbuf cbuf;

static void put(cbuf *b, const char *s, size_t n)
{
	strbuf_put(b, s, n);
}

static void puts_(cbuf *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

static void repeat(cbuf *b, const char *s, int n)
{
	strbuf_repeat(b, s, n);
}

/* s with its line breaks as spaces: a title stays one canonical line. */
static void one_line(cbuf *b, const char *s)
{
	for (; *s; s++)
		put(b, *s == '\n' || *s == '\r' ? " " : s, 1);
}

static char *finish(cbuf *b)
{
	if (b->nomem) {
		free(b->buf);
		return NULL;
	}
	if (!b->buf)
		puts_(b, "");
	return b->nomem ? NULL : b->buf;
}

/* ---- Canonical lines ---- */

char *cont_canonical(const cont_step *steps, size_t n)
{
	cbuf b = {0};
	char num[64];

	for (size_t i = 0; i < n; i++) {
		const cont_step *st = &steps[i];
		const char *p = st->detail;
		snprintf(num, sizeof num, "%zu. ", i + 1);
		puts_(&b, num);
		one_line(&b, st->title);
		if (st->minutes >= 0) {
			snprintf(num, sizeof num, " [%" PRId64 " min]", st->minutes);
			puts_(&b, num);
		}
		if (st->role[0]) {
			puts_(&b, " (");
			one_line(&b, st->role);
			puts_(&b, ")");
		}
		puts_(&b, "\n");
		while (*p) {
			size_t len = strcspn(p, "\n");
			size_t a = 0, z = len;
			while (a < z && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
				a++;
			while (z > a && (p[z - 1] == ' ' || p[z - 1] == '\t' ||
					 p[z - 1] == '\r'))
				z--;
			if (z > a) {
				puts_(&b, "   - ");
				put(&b, p + a, z - a);
				puts_(&b, "\n");
			}
			p += len + (p[len] == '\n');
		}
	}
	return finish(&b);
}

/* ---- Line diff ---- */

/* Splits text into its lines (pointers into a copy in *copy). */
static bool split(const char *text, char **copy, char ***lines, size_t *n)
{
	size_t cap = 1;
	char *p;
	*n = 0;
	*lines = NULL;
	if (!(*copy = strdup(text ? text : "")))
		return false;
	for (p = *copy; *p; p++)
		cap += *p == '\n';
	if (!(*lines = malloc(cap * sizeof **lines)))
		return false;
	for (p = *copy; *p;) {
		char *end = strchr(p, '\n');
		(*lines)[(*n)++] = p;
		if (!end)
			break;
		*end = '\0';
		p = end + 1;
	}
	return true;
}

static bool emit(cont_diff_line *out, size_t *k, char sign, const char *text)
{
	if (!(out[*k].text = strdup(text)))
		return false;
	out[(*k)++].sign = sign;
	return true;
}

/* Past this many table cells the diff gives up on matching lines (every
 * old line out, every new line in) rather than take the memory. */
#define CONT_DIFF_CELLS ((size_t)4000000)

moat_status cont_diff(const char *old, const char *new, cont_diff_line **out,
		      size_t *n)
{
	char *ca = NULL, *cb = NULL, **a = NULL, **b = NULL;
	size_t na = 0, nb = 0, i, j, k = 0;
	unsigned *t = NULL;
	moat_status st = ST_NOMEM;
	bool match;

	*out = NULL;
	*n = 0;
	if (!split(old, &ca, &a, &na) || !split(new, &cb, &b, &nb))
		goto done;
	if (!(*out = calloc(na + nb + 1, sizeof **out)))
		goto done;
	match = (na + 1) * (nb + 1) <= CONT_DIFF_CELLS;
	if (match && !(t = calloc((na + 1) * (nb + 1), sizeof *t)))
		goto done;
	/* t[i][j]: the longest common subsequence of a[i..] and b[j..]. */
#define T(i, j) t[(i) * (nb + 1) + (j)]
	if (match)
		for (i = na; i-- > 0;)
			for (j = nb; j-- > 0;)
				T(i, j) = strcmp(a[i], b[j]) == 0
						  ? T(i + 1, j + 1) + 1
						  : T(i + 1, j) >= T(i, j + 1)
							    ? T(i + 1, j)
							    : T(i, j + 1);
	for (i = 0, j = 0; i < na || j < nb;) {
		bool ok;
		if (match && i < na && j < nb && strcmp(a[i], b[j]) == 0) {
			ok = emit(*out, &k, ' ', a[i]);
			i++, j++;
		} else if (i < na && (!match || j >= nb || T(i + 1, j) >= T(i, j + 1))) {
			ok = emit(*out, &k, '-', a[i++]);
		} else {
			ok = emit(*out, &k, '+', b[j++]);
		}
		if (!ok)
			goto done;
	}
#undef T
	st = ST_OK;
done:
	*n = k;
	if (st) {
		cont_diff_free(*out, k);
		*out = NULL;
		*n = 0;
	}
	free(t);
	free(a);
	free(b);
	free(ca);
	free(cb);
	return st;
}

void cont_diff_free(cont_diff_line *d, size_t n)
{
	for (size_t i = 0; d && i < n; i++)
		free(d[i].text);
	free(d);
}

bool cont_diff_changes(const cont_diff_line *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (d[i].sign != ' ')
			return true;
	return false;
}

/* ---- The registration form ---- */

void cont_default_columns(cont_column out[CONT_DEFAULT_COLUMNS])
{
	static const msg_id cols[CONT_DEFAULT_COLUMNS] = {
		CONT_COL_TIME, CONT_COL_PLATE, CONT_COL_CUSTOMER, CONT_COL_PHONE,
		CONT_COL_SERVICE, CONT_COL_DUE, CONT_COL_ADVISOR};
	for (int i = 0; i < CONT_DEFAULT_COLUMNS; i++)
		snprintf(out[i], sizeof out[i], "%s", msg(cols[i]));
}

bool cont_column_ok(const char *s)
{
	size_t len;
	if (!s || !*s || !text_within(s, CONT_COLUMN_MAX))
		return false;
	for (const char *p = s; *p; p += len) {
		uint32_t cp;
		len = text_decode(p, strlen(p), &cp);
		if (text_cp_refused(cp, false) || cp == '\t')
			return false;
	}
	return true;
}

/* The narrowest a column gets: room to write a few characters. */
#define CONT_MIN_CELL 4

void cont_form_widths(const cont_column *columns, size_t n, int w[])
{
	int avail = CONT_FORM_COLS - (int)n - 1 - 2 * (int)n, sum = 0;
	for (size_t i = 0; i < n; i++) {
		char *clean = text_sanitize(columns[i], false);
		w[i] = clean ? text_width(clean) : CONT_MIN_CELL;
		if (w[i] < CONT_MIN_CELL)
			w[i] = CONT_MIN_CELL;
		free(clean);
		sum += w[i];
	}
	/* Too wide: the widest columns give way (their headings wrap). */
	while (sum > avail) {
		size_t widest = 0;
		for (size_t i = 1; i < n; i++)
			if (w[i] > w[widest])
				widest = i;
		if (w[widest] <= CONT_MIN_CELL)
			break;
		w[widest]--, sum--;
	}
	/* Room left: shared out, as writing space. */
	for (size_t i = 0; n && sum < avail; i = (i + 1) % n)
		w[i]++, sum++;
}

static void rule_line(cbuf *b, const int *w, size_t n)
{
	puts_(b, "+");
	for (size_t i = 0; i < n; i++) {
		repeat(b, "-", w[i] + 2);
		puts_(b, "+");
	}
	puts_(b, "\n");
}

/* text wrapped to the form's width, each line indented by indent. */
static void para(cbuf *b, int indent, const char *text)
{
	char *clean = text_sanitize(text, false);
	text_line lines[32];
	size_t n = 0;
	if (!clean || !text_wrap(clean, CONT_FORM_COLS - indent, lines, 32, &n)) {
		free(clean);
		b->nomem = true;
		return;
	}
	for (size_t i = 0; i < n && i < 32; i++) {
		repeat(b, " ", indent);
		put(b, clean + lines[i].off, lines[i].len);
		puts_(b, "\n");
	}
	free(clean);
}

static void paraf(cbuf *b, int indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void paraf(cbuf *b, int indent, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	para(b, indent, text);
}

/* The heading row: each heading wrapped within its column. */
static void heading_rows(cbuf *b, const cont_column *columns, size_t n,
			 const int *w)
{
	text_line lines[CONT_MAX_COLUMNS][CONT_COLUMN_MAX];
	size_t got[CONT_MAX_COLUMNS], rows = 1;
	char *clean[CONT_MAX_COLUMNS] = {0};

	for (size_t i = 0; i < n; i++) {
		got[i] = 0;
		if (!(clean[i] = text_sanitize(columns[i], false)) ||
		    !text_wrap(clean[i], w[i], lines[i], CONT_COLUMN_MAX, &got[i]))
			b->nomem = true;
		if (got[i] > CONT_COLUMN_MAX)
			got[i] = CONT_COLUMN_MAX;
		if (got[i] > rows)
			rows = got[i];
	}
	for (size_t r = 0; !b->nomem && r < rows; r++) {
		puts_(b, "|");
		for (size_t i = 0; i < n; i++) {
			int used = 0;
			puts_(b, " ");
			if (r < got[i]) {
				put(b, clean[i] + lines[i][r].off, lines[i][r].len);
				used = lines[i][r].cols;
			}
			repeat(b, " ", w[i] - used + 1);
			puts_(b, "|");
		}
		puts_(b, "\n");
	}
	for (size_t i = 0; i < n; i++)
		free(clean[i]);
}

moat_status cont_form_text(const cont_form *f, char **out)
{
	cbuf b = {0};
	int w[CONT_MAX_COLUMNS], tw, pad;
	char day[16], appr[16], version[256], when[64];
	const char *title = msg(CONT_FORM_TITLE);

	*out = NULL;
	if (!f->n_columns || f->n_columns > CONT_MAX_COLUMNS)
		return ST_INVALID;
	cont_form_widths(f->columns, f->n_columns, w);
	tw = text_width(title);
	pad = tw < CONT_FORM_COLS ? (CONT_FORM_COLS - tw) / 2 : 0;
	para(&b, pad, title);
	puts_(&b, "\n");
	paraf(&b, 0, msg(CONT_FORM_UNIT_FMT), f->unit ? f->unit : "",
	      f->system ? f->system : "");
	date_format(f->printed, day, sizeof day);
	if (f->version) {
		date_format(f->approved_on, appr, sizeof appr);
		snprintf(version, sizeof version, msg(CONT_FORM_VERSION_FMT),
			 (long long)f->version, appr);
	} else {
		snprintf(version, sizeof version, "%s", msg(CONT_FORM_DRAFT));
	}
	paraf(&b, 0, msg(CONT_FORM_PRINTED_FMT), version, day);
	puts_(&b, "\n");
	rule_line(&b, w, f->n_columns);
	heading_rows(&b, f->columns, f->n_columns, w);
	rule_line(&b, w, f->n_columns);
	for (int r = 0; r < f->rows; r++) {
		puts_(&b, "|");
		for (size_t i = 0; i < f->n_columns; i++) {
			repeat(&b, " ", w[i] + 2);
			puts_(&b, "|");
		}
		puts_(&b, "\n");
		rule_line(&b, w, f->n_columns);
	}
	if (f->backentry >= 0) {
		bia_minutes_format(f->backentry, when, sizeof when);
		puts_(&b, "\n");
		paraf(&b, 0, msg(CONT_FORM_BACKENTRY_FMT), when);
	}
	if (!(*out = finish(&b)))
		return ST_NOMEM;
	return ST_OK;
}
