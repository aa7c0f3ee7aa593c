#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/money.h"
#include "model/msg.h"
#include "model/response.h"
#include "model/strbuf.h"
#include "model/yaml_doc.h"

static const char *const romans[RESP_LEVELS] = {"I", "II", "III", "IV"};

const char *resp_level_roman(int number)
{
	return number >= 1 && number <= RESP_LEVELS ? romans[number - 1] : "?";
}

bool resp_parse_level(const char *s, int *number)
{
	for (int i = 0; i < RESP_LEVELS; i++) {
		char digit[2] = {(char)('1' + i), 0};
		if (strcmp(s, romans[i]) == 0 || strcmp(s, digit) == 0) {
			*number = i + 1;
			return true;
		}
	}
	return false;
}

void resp_level_label(const resp_level *l, char *out, size_t outlen)
{
	snprintf(out, outlen, msg(RESP_LEVEL_LABEL_FMT),
		 resp_level_roman(l->number), l->name);
}

/* ---- Reading response.yaml ---- */

static moat_status line(ydoc *d, yaml_node_t *map, const char *key, char **out)
{
	moat_status st = ydoc_text(d, map, key, YDOC_LINE, out);
	if (st || text_within(*out, RESP_TEXT_MAX))
		return st;
	return ydoc_fail(d, ydoc_get(d, map, key), "'%s' is longer than %d "
			 "characters", key, RESP_TEXT_MAX);
}

/* The same into a fixed buffer of TEXT_BYTES(RESP_TEXT_MAX). */
static moat_status line_into(ydoc *d, yaml_node_t *map, const char *key,
			     char *out)
{
	char *t;
	moat_status st = line(d, map, key, &t);
	if (st)
		return st;
	snprintf(out, TEXT_BYTES(RESP_TEXT_MAX), "%s", t);
	free(t);
	return ST_OK;
}

static moat_status level_of(ydoc *d, yaml_node_t *n, int *number)
{
	if (n->type == YAML_SCALAR_NODE &&
	    resp_parse_level(ydoc_scalar(n), number))
		return ST_OK;
	return ydoc_fail(d, n, "a level must be I, II, III or IV, not '%s'",
			 n->type == YAML_SCALAR_NODE ? ydoc_scalar(n) : "?");
}

static moat_status minutes_of(ydoc *d, yaml_node_t *map, const char *key,
			      bool none_ok, int64_t *out)
{
	yaml_node_t *v = ydoc_get(d, map, key);
	if (!v)
		return ydoc_fail(d, map, "missing '%s'", key);
	if (v->type == YAML_SCALAR_NODE) {
		if (none_ok && strcmp(ydoc_scalar(v), "none") == 0) {
			*out = -1;
			return ST_OK;
		}
		if (num_parse(ydoc_scalar(v), 0, false, BIA_MAX_MINUTES, out) ==
		    NUM_OK)
			return ST_OK;
	}
	return ydoc_fail(d, v, "'%s' must be a whole number of minutes from 0 "
			 "to %d%s", key, (int)BIA_MAX_MINUTES, none_ok ? ", or none" : "");
}

static moat_status load_levels(ydoc *d, yaml_node_t *root, resp_reference *r)
{
	static const char *const keys[] = {"level", "name", "definition",
					   "scope", "minutes", "words",
					   "decision", NULL};
	yaml_node_t *list;
	yaml_node_item_t *it;
	moat_status st;
	size_t n = 0;

	if ((st = ydoc_child(d, root, "levels", YAML_SEQUENCE_NODE, &list)))
		return st;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *ln = yaml_document_get_node(&d->doc, *it), *num;
		resp_level *l;
		int number;
		if ((st = ydoc_mapping(d, ln, "a level", keys)))
			return st;
		if (n == RESP_LEVELS)
			return ydoc_fail(d, ln, "more than %d levels", RESP_LEVELS);
		if (!(num = ydoc_get(d, ln, "level")))
			return ydoc_fail(d, ln, "missing 'level'");
		if ((st = level_of(d, num, &number)))
			return st;
		if (number != (int)n + 1)
			return ydoc_fail(d, num, "expected level %s here, found '%s'",
					 romans[n], ydoc_scalar(num));
		l = &r->levels[n++];
		l->number = number;
		if ((st = line_into(d, ln, "name", l->name)) ||
		    (st = line_into(d, ln, "definition", l->definition)) ||
		    (st = line_into(d, ln, "scope", l->scope)) ||
		    (st = minutes_of(d, ln, "minutes", false, &l->minutes)) ||
		    (st = line_into(d, ln, "words", l->words)) ||
		    (st = line_into(d, ln, "decision", l->decision)))
			return st;
		if (n > 1 && l->minutes < r->levels[n - 2].minutes)
			return ydoc_fail(d, ydoc_get(d, ln, "minutes"),
					 "level %s responds sooner (%lld minutes) "
					 "than level %s (%lld): a lower level may "
					 "not be more urgent", romans[n - 1],
					 (long long)l->minutes, romans[n - 2],
					 (long long)r->levels[n - 2].minutes);
	}
	if (n != RESP_LEVELS)
		return ydoc_fail(d, list, "'levels' must list I, II, III and IV");
	return ST_OK;
}

static moat_status load_role(ydoc *d, yaml_node_t *n, resp_reference *r,
			     resp_role *ro)
{
	static const char *const keys[] = {"key", "name", "levels", NULL};
	yaml_node_t *lv;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_mapping(d, n, "a role", keys)) ||
	    (st = line(d, n, "key", &ro->key)))
		return st;
	if (resp_role_find(r, ro->key) != ro)
		return ydoc_fail(d, ydoc_get(d, n, "key"), "role '%s' is given "
				 "twice", ro->key);
	if ((st = line(d, n, "name", &ro->name)) ||
	    (st = ydoc_child(d, n, "levels", YAML_SEQUENCE_NODE, &lv)))
		return st;
	for (it = lv->data.sequence.items.start; it < lv->data.sequence.items.top;
	     it++) {
		int number;
		if ((st = level_of(d, yaml_document_get_node(&d->doc, *it),
				   &number)))
			return st;
		ro->levels |= 1u << (number - 1);
	}
	if (!ro->levels)
		return ydoc_fail(d, lv, "'levels' is empty");
	return ST_OK;
}

static moat_status load_roles(ydoc *d, yaml_node_t *root, resp_reference *r)
{
	yaml_node_t *list;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_child(d, root, "roles", YAML_SEQUENCE_NODE, &list)))
		return st;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		if (r->n_roles == RESP_MAX_ROLES)
			return ydoc_fail(d, n, "more than %d roles", RESP_MAX_ROLES);
		if ((st = load_role(d, n, r, &r->roles[r->n_roles++])))
			return st;
	}
	if (!r->n_roles)
		return ydoc_fail(d, list, "'roles' is empty");
	return ST_OK;
}

static moat_status load_step(ydoc *d, yaml_node_t *n, resp_reference *r,
			     resp_step *s)
{
	static const char *const keys[] = {"key", "title", "limit", "minutes",
					   "from", "report_every", "contacts",
					   "checks", NULL};
	yaml_node_t *v, *checks;
	yaml_node_item_t *it;
	moat_status st;

	s->report_every = -1;
	if ((st = ydoc_mapping(d, n, "a step", keys)) ||
	    (st = line(d, n, "key", &s->key)))
		return st;
	if (resp_step_find(r, s->key) != s)
		return ydoc_fail(d, ydoc_get(d, n, "key"), "step '%s' is given "
				 "twice", s->key);
	if ((st = line(d, n, "title", &s->title)) ||
	    (st = line(d, n, "limit", &s->limit)) ||
	    (st = minutes_of(d, n, "minutes", true, &s->minutes)))
		return st;
	if (!(v = ydoc_get(d, n, "from")))
		return ydoc_fail(d, n, "missing 'from'");
	if (v->type == YAML_SCALAR_NODE && strcmp(ydoc_scalar(v), "declared") == 0)
		s->from = RESP_FROM_DECLARED;
	else if (v->type == YAML_SCALAR_NODE &&
		 strcmp(ydoc_scalar(v), "restored") == 0)
		s->from = RESP_FROM_RESTORED;
	else
		return ydoc_fail(d, v, "'from' must be declared or restored");
	if (ydoc_get(d, n, "report_every") &&
	    (st = minutes_of(d, n, "report_every", false, &s->report_every)))
		return st;
	if (s->report_every == 0)
		return ydoc_fail(d, ydoc_get(d, n, "report_every"),
				 "'report_every' must be at least 1");
	if ((v = ydoc_get(d, n, "contacts"))) {
		const char *t = v->type == YAML_SCALAR_NODE ? ydoc_scalar(v) : "";
		if (strcmp(t, "true") && strcmp(t, "false"))
			return ydoc_fail(d, v, "'contacts' must be true or false");
		s->contacts = strcmp(t, "true") == 0;
	}
	if ((st = ydoc_child(d, n, "checks", YAML_SEQUENCE_NODE, &checks)))
		return st;
	for (it = checks->data.sequence.items.start;
	     it < checks->data.sequence.items.top; it++) {
		yaml_node_t *c = yaml_document_get_node(&d->doc, *it);
		if (s->n_checks == RESP_MAX_CHECKS)
			return ydoc_fail(d, c, "more than %d checks", RESP_MAX_CHECKS);
		if (c->type != YAML_SCALAR_NODE || !*ydoc_scalar(c) ||
		    !text_within(ydoc_scalar(c), RESP_TEXT_MAX))
			return ydoc_fail(d, c, "a check must be a text of 1 to %d "
					 "characters", RESP_TEXT_MAX);
		for (const char *p = ydoc_scalar(c); *p;) {
			uint32_t cp;
			size_t k = text_decode(p, strlen(p), &cp);
			if (!k || text_cp_refused(cp, false))
				return ydoc_fail(d, c, "a check holds a control "
						 "character");
			p += k;
		}
		if (!(s->checks[s->n_checks] = strdup(ydoc_scalar(c))))
			return ST_NOMEM;
		s->n_checks++;
	}
	if (!s->n_checks && !s->contacts)
		return ydoc_fail(d, checks, "'checks' is empty and the step calls "
				 "no contacts");
	return ST_OK;
}

static moat_status load_steps(ydoc *d, yaml_node_t *root, resp_reference *r)
{
	yaml_node_t *list;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_child(d, root, "steps", YAML_SEQUENCE_NODE, &list)))
		return st;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		if (r->n_steps == RESP_MAX_STEPS)
			return ydoc_fail(d, n, "more than %d steps", RESP_MAX_STEPS);
		if ((st = load_step(d, n, r, &r->steps[r->n_steps++])))
			return st;
	}
	if (!r->n_steps)
		return ydoc_fail(d, list, "'steps' is empty");
	return ST_OK;
}

void resp_reference_free(resp_reference *r)
{
	free(r->title);
	free(r->posting);
	for (size_t i = 0; i < r->n_roles; i++) {
		free(r->roles[i].key);
		free(r->roles[i].name);
	}
	for (size_t i = 0; i < r->n_steps; i++) {
		resp_step *s = &r->steps[i];
		free(s->key);
		free(s->title);
		free(s->limit);
		for (size_t k = 0; k < s->n_checks; k++)
			free(s->checks[k]);
	}
	memset(r, 0, sizeof *r);
}

static moat_status load_doc(ydoc *d, resp_reference *r)
{
	static const char *const keys[] = {"title", "posting", "levels",
					   "roles", "steps", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	moat_status st;

	if ((st = ydoc_mapping(d, root, "the file", keys)) ||
	    (st = line(d, root, "title", &r->title)) ||
	    (st = line(d, root, "posting", &r->posting)) ||
	    (st = load_levels(d, root, r)) ||
	    (st = load_roles(d, root, r)) ||
	    (st = load_steps(d, root, r)))
		return st;
	return ST_OK;
}

static moat_status take(resp_reference *r, ydoc *d, moat_status opened)
{
	moat_status st;
	memset(r, 0, sizeof *r);
	if (opened)
		return opened;
	st = load_doc(d, r);
	yaml_document_delete(&d->doc);
	if (st)
		resp_reference_free(r);
	return st;
}

moat_status resp_reference_load_file(const char *path, resp_reference *r,
				     char *err, size_t errlen)
{
	ydoc d;
	return take(r, &d, ydoc_open(&d, path, err, errlen));
}

moat_status resp_reference_parse(resp_reference *r, const char *name,
				 const char *buf, size_t len, char *err,
				 size_t errlen)
{
	ydoc d;
	return take(r, &d, ydoc_parse(&d, name, buf, len, err, errlen));
}

moat_status resp_reference_load(const char *dir, resp_reference *r, char *err,
				size_t errlen)
{
	char path[PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/response.yaml", dir);
	return resp_reference_load_file(path, r, err, errlen);
}

const resp_role *resp_role_find(const resp_reference *r, const char *key)
{
	for (size_t i = 0; i < r->n_roles; i++)
		if (r->roles[i].key && strcmp(r->roles[i].key, key) == 0)
			return &r->roles[i];
	return NULL;
}

const resp_step *resp_step_find(const resp_reference *r, const char *key)
{
	for (size_t i = 0; i < r->n_steps; i++)
		if (r->steps[i].key && strcmp(r->steps[i].key, key) == 0)
			return &r->steps[i];
	return NULL;
}

const char *resp_role_name(const resp_reference *r, const char *role)
{
	const resp_role *ro = resp_role_find(r, role);
	return ro ? ro->name : role;
}

bool resp_contact_stale(const resp_contact *c, date today, int days)
{
	if (!c->confirmed.y)
		return true;
	return date_to_days(today) - date_to_days(c->confirmed) > days;
}

void resp_levels_text(unsigned levels, char *out, size_t outlen)
{
	size_t used = 0;
	levels &= RESP_ALL_LEVELS;
	if (outlen)
		out[0] = '\0';
	if (levels == RESP_ALL_LEVELS) {
		snprintf(out, outlen, "I-IV");
		return;
	}
	for (int i = 0; i < RESP_LEVELS && used < outlen; i++)
		if (levels & (1u << i))
			used += (size_t)snprintf(out + used, outlen - used, "%s%s",
						 used ? "/" : "", romans[i]);
}

bool resp_parse_levels(const char *s, unsigned *levels)
{
	char buf[64], *tok, *save;
	unsigned bits = 0;

	if (strcmp(s, "all") == 0 || strcmp(s, "I-IV") == 0) {
		*levels = RESP_ALL_LEVELS;
		return true;
	}
	if (strlen(s) >= sizeof buf)
		return false;
	snprintf(buf, sizeof buf, "%s", s);
	for (tok = strtok_r(buf, ",/ ", &save); tok;
	     tok = strtok_r(NULL, ",/ ", &save)) {
		int n;
		if (!resp_parse_level(tok, &n))
			return false;
		bits |= 1u << (n - 1);
	}
	if (!bits)
		return false;
	*levels = bits;
	return true;
}

bool resp_step_deadline(const resp_step *st, const verify_time *declared,
			const verify_time *restored, verify_time *out)
{
	const verify_time *from =
		st->from == RESP_FROM_DECLARED ? declared : restored;
	if (st->minutes < 0 || !from)
		return false;
	*out = verify_time_add(from, st->minutes);
	return true;
}

bool resp_report_due(const resp_step *st, const verify_time *declared, int k,
		     verify_time *out)
{
	if (st->report_every <= 0 || k < 1)
		return false;
	*out = verify_time_add(declared, st->report_every * k);
	return true;
}

static uint32_t mix(uint32_t h, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return (h ^ 0xFFu) * 16777619u;
}

/* Only what is the same in every language's file counts: printing the
 * card in the other language is no change. */
uint32_t resp_reference_hash(const resp_reference *r)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < r->n_roles; i++) {
		char lv[16];
		snprintf(lv, sizeof lv, "%u", r->roles[i].levels);
		h = mix(mix(h, r->roles[i].key), lv);
	}
	for (size_t i = 0; i < r->n_steps; i++) {
		const resp_step *s = &r->steps[i];
		char nums[128];
		snprintf(nums, sizeof nums, "%lld %d %lld %d %zu",
			 (long long)s->minutes, (int)s->from,
			 (long long)s->report_every, (int)s->contacts, s->n_checks);
		h = mix(mix(h, s->key), nums);
	}
	return h;
}

/* ---- The card as text ---- */

static void put(strbuf *b, const char *s, size_t n)
{
	strbuf_put(b, s, n);
}

static void spaces(strbuf *b, int n)
{
	strbuf_repeat(b, " ", n);
}

/* text (cleaned of anything a terminal would act on) wrapped to the card's
 * width: the first line where the caller left off (at most indent
 * columns in), the others indented by indent. */
static void para(strbuf *b, int indent, const char *text)
{
	char *clean = text_sanitize(text, false);
	int cols = RESP_CARD_COLS - indent;
	text_line lines[64];
	size_t n = 0;

	if (!clean) {
		b->nomem = true;
		return;
	}
	if (!text_wrap(clean, cols, lines, 64, &n)) {
		b->nomem = true;
		free(clean);
		return;
	}
	if (n > 64)
		n = 64;
	for (size_t i = 0; i < n; i++) {
		if (i)
			spaces(b, indent);
		put(b, clean + lines[i].off, lines[i].len);
		put(b, "\n", 1);
	}
	if (!n)
		put(b, "\n", 1);
	free(clean);
}

/* A line indent columns in; what wraps goes on hang columns in. */
static void linef(strbuf *b, int indent, int hang, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void linef(strbuf *b, int indent, int hang, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	spaces(b, indent);
	para(b, hang > indent ? hang : indent, text);
}

static void rule(strbuf *b, const char *ch)
{
	for (int i = 0; i < RESP_CARD_COLS; i++)
		put(b, ch, strlen(ch));
	put(b, "\n", 1);
}

/* Left text and right text on one line, or on two when they do not fit. */
static void left_right(strbuf *b, const char *left, const char *right)
{
	char *l = text_sanitize(left, false), *r = text_sanitize(right, false);
	if (!l || !r) {
		b->nomem = true;
	} else {
		int lw = text_width(l), rw = text_width(r);
		if (lw + 2 + rw <= RESP_CARD_COLS) {
			put(b, l, strlen(l));
			spaces(b, RESP_CARD_COLS - lw - rw);
			put(b, r, strlen(r));
			put(b, "\n", 1);
		} else {
			para(b, 0, l);
			spaces(b, RESP_CARD_COLS - rw > 0 ? RESP_CARD_COLS - rw : 0);
			para(b, 0, r);
		}
	}
	free(l);
	free(r);
}

static bool called_at(const resp_contact *c, int level)
{
	return level == 0 || (c->levels & (1u << (level - 1)));
}

static void contact_lines(strbuf *b, const resp_reference *r,
			  const resp_card *c, int indent)
{
	bool any = false;
	/* In escalation order, then as stored. */
	for (int rank = 0; rank <= 1000; rank++) {
		for (size_t i = 0; i < c->n_contacts; i++) {
			const resp_contact *p = &c->contacts[i];
			char head[1024], lv[16] = "";
			int want = p->rank < 1 ? 1000 : p->rank > 999 ? 999 : p->rank;
			if (want != rank || !called_at(p, c->level))
				continue;
			any = true;
			if (c->level == 0 && (p->levels & RESP_ALL_LEVELS) != RESP_ALL_LEVELS) {
				char t[16];
				resp_levels_text(p->levels, t, sizeof t);
				snprintf(lv, sizeof lv, msg(RESP_CARD_AT_LEVELS_FMT), t);
			}
			snprintf(head, sizeof head, msg(RESP_CARD_CONTACT_FMT),
				 resp_role_name(r, p->role), lv, p->name, p->phone,
				 p->phone2[0] ? msg(BIAT_LIST_SEP) : "", p->phone2,
				 p->placeholder ? msg(RESP_PLACEHOLDER_MARK) : "");
			linef(b, indent, indent + 4, "%s", head);
			if (p->alternate[0])
				linef(b, indent + 4, indent + 4, msg(RESP_CARD_ALTERNATE_FMT),
				      p->alternate);
		}
	}
	if (!any)
		linef(b, indent, indent, "%s", msg(RESP_CARD_NO_CONTACTS));
}

moat_status resp_card_text(const resp_reference *r, const resp_card *c,
			   char **out)
{
	strbuf b = {0};
	char day[16], head[512], right[256], label[512];
	const int ind = 4;

	*out = NULL;
	date_format(c->printed, day, sizeof day);
	if (c->level >= 1 && c->level <= RESP_LEVELS) {
		resp_level_label(&c->levels[c->level - 1], label, sizeof label);
		snprintf(head, sizeof head, "%s%s%s", r->title, msg(RESP_SEP),
			 label);
	} else {
		snprintf(head, sizeof head, "%s", r->title);
	}
	snprintf(right, sizeof right, msg(RESP_CARD_VERSION_FMT),
		 (long long)c->version, day);
	left_right(&b, head, right);
	left_right(&b, c->unit, r->posting);
	rule(&b, "=");
	for (int i = 0; i < RESP_LEVELS; i++) {
		const resp_level *l = &c->levels[i];
		if (c->level && l->number != c->level)
			continue;
		resp_level_label(l, label, sizeof label);
		linef(&b, 0, ind, msg(RESP_CARD_LEVEL_FMT), label, l->definition,
		      l->scope);
		linef(&b, ind, ind, msg(RESP_CARD_LEVEL_RESPONSE_FMT), l->words,
		      l->decision);
	}
	rule(&b, "-");
	for (size_t i = 0; i < r->n_steps; i++) {
		const resp_step *s = &r->steps[i];
		linef(&b, 0, ind, msg(RESP_CARD_STEP_FMT), (int)i + 1, s->title,
		      s->limit);
		if (s->contacts)
			contact_lines(&b, r, c, ind);
		for (size_t k = 0; k < s->n_checks; k++)
			linef(&b, ind, ind + 4, "[ ] %s", s->checks[k]);
	}
	rule(&b, "-");
	linef(&b, 0, 0, msg(RESP_CARD_FOOT_FMT), (long long)c->version, day);
	if (b.nomem) {
		free(b.buf);
		return ST_NOMEM;
	}
	*out = b.buf;
	return ST_OK;
}
