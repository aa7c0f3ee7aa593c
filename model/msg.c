#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/msg.h"

static const char *const catalog[MSG__COUNT][2] = {
#define M(id, en, zh) [id] = {en, zh},
#include "model/msg_catalog.def"
#undef M
};

static moat_lang current = LANG_EN;

void msg_set_lang(moat_lang lang) { current = lang; }

const char *msg_in(msg_id id, moat_lang lang)
{
	if ((int)id < 0 || id >= MSG__COUNT)
		return "?";
	return catalog[id][lang == LANG_ZH ? 1 : 0];
}

const char *msg(msg_id id) { return msg_in(id, current); }

void msg_limit(msg_id label, size_t max, char *out, size_t len)
{
	snprintf(out, len, msg(max == 1 ? TEXT_LIMIT_ONE_FMT : TEXT_LIMIT_FMT),
		 msg(label), max);
}

bool msg_parse_lang(const char *s, moat_lang *out)
{
	if (strncmp(s, "zh", 2) == 0 && (s[2] == '\0' || s[2] == '_' || s[2] == '-')) {
		*out = LANG_ZH;
		return true;
	}
	if (strncmp(s, "en", 2) == 0 && (s[2] == '\0' || s[2] == '_' || s[2] == '-')) {
		*out = LANG_EN;
		return true;
	}
	return false;
}

moat_lang msg_lang_from_locale(const char *locale)
{
	moat_lang l;
	if (locale && msg_parse_lang(locale, &l))
		return l;
	return LANG_EN;
}

const char *msg_lang_dir(moat_lang lang)
{
	return lang == LANG_ZH ? "zh_CN" : "en";
}
