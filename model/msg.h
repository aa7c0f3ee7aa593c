/* The message catalog: every text moat shows, in English and Chinese.
 * Both languages live side by side in msg_catalog.def, so a message
 * missing a translation does not compile. */
#ifndef MOAT_MSG_H
#define MOAT_MSG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { LANG_EN = 0, LANG_ZH = 1 } moat_lang;

typedef enum {
#define M(id, en, zh) id,
#include "model/msg_catalog.def"
#undef M
	MSG__COUNT
} msg_id;

/* Sets the language used by msg(). Default is LANG_EN. */
void msg_set_lang(moat_lang lang);

/* The text of id in the current language; a static string, never NULL. */
const char *msg(msg_id id);

/* The text of id in a given language. */
const char *msg_in(msg_id id, moat_lang lang);

/* The message that the field labelled label takes at most max characters,
 * in the current language, into out (capacity len): "Owner: at most 200
 * characters", "负责人：最多 200 个字符". */
void msg_limit(msg_id label, size_t max, char *out, size_t len);

/* Parses "zh", "zh_CN", "zh_CN.UTF-8", "en", "en_GB"... Returns false for
 * anything else. */
bool msg_parse_lang(const char *s, moat_lang *out);

/* The language a locale string names (LANG/LC_MESSAGES): Chinese for zh*,
 * English otherwise. */
moat_lang msg_lang_from_locale(const char *locale);

/* Directory name of a language's questionnaire files ("en", "zh_CN"). */
const char *msg_lang_dir(moat_lang lang);

#endif
