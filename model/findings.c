#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model/findings.h"

bool item_findings_contradict(const item_findings *f, item_state state)
{
	return state == ITEM_DONE && !f->supports_done;
}

const char *findings_contradiction_text(find_source src)
{
	return msg(src == FIND_BIA ? BIAT_F_CONTRADICTS : FIND_CONTRADICTS);
}

const char *findings_mark(find_source src)
{
	return msg(src == FIND_BIA ? BIAF_LIST_MARK : FIND_LIST_MARK);
}

const char *findings_label(find_source src)
{
	return msg(src == FIND_BIA ? BIAF_ITEM_LABEL : FIND_ITEM_LABEL);
}

const char *findings_cli_heading_fmt(find_source src)
{
	return msg(src == FIND_BIA ? BIAF_CLI_ITEM_FMT : FIND_CLI_ITEM_FMT);
}

const char *findings_gap_fmt(find_source src)
{
	return msg(src == FIND_BIA ? BIAF_GAP_CONTRA_FMT : FIND_GAP_CONTRA_FMT);
}

void finder_start(finder *fd, item_findings *f, const char *item,
		  find_source src, msg_id label)
{
	f->item = item;
	f->source = src;
	f->supports_done = false;
	f->n_lines = 0;
	fd->f = f;
	fd->label = label;
	fd->more = 0;
}

/* Copies s into out[FINDING_BYTES], cut between characters. */
static void put_line(char *out, const char *s)
{
	size_t n = strlen(s);
	if (n >= FINDING_BYTES) {
		n = FINDING_BYTES - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

void finder_add(finder *fd, const char *text)
{
	item_findings *f = fd->f;
	char line[FINDING_BYTES * 2];

	if (f->n_lines == FINDING_LINES) {
		fd->more++;
		return;
	}
	snprintf(line, sizeof line, msg(BIAT_F_LINE_FMT), msg(fd->label), text);
	put_line(f->lines[f->n_lines++], line);
}

void finder_addf(finder *fd, const char *fmt, ...)
{
	char text[FINDING_BYTES];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	finder_add(fd, text);
}

void finder_finish(finder *fd)
{
	if (!fd->more)
		return;
	/* The last line kept gives way to the count, itself included. */
	fd->f->n_lines--;
	finder_addf(fd, msg(BIAT_F_MORE_FMT), fd->more + 1);
}

void findings_set_add(findings_set *s, const item_findings *f)
{
	if (s->n < FINDINGS_MAX && f->item)
		s->items[s->n++] = *f;
}

const item_findings *findings_for(const findings_set *s, const char *item_key)
{
	for (size_t i = 0; item_key && i < s->n; i++)
		if (strcmp(s->items[i].item, item_key) == 0)
			return &s->items[i];
	return NULL;
}

find_source findings_contradicts(const findings_set *s, const char *item_key,
				 item_state state)
{
	const item_findings *f = findings_for(s, item_key);
	return f && item_findings_contradict(f, state) ? f->source : FIND_NONE;
}

void findings_contradicted(const findings_set *s, const questionnaire *q,
			   const item_state *states, find_source *out)
{
	for (size_t i = 0; i < q->n_items; i++)
		out[i] = findings_contradicts(s, q->items[i].key, states[i]);
}
