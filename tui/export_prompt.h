/* Asking where a workbook goes and writing it there: the home screen's
 * export of the year and the group screen's pack share it. */
#ifndef MOAT_EXPORT_PROMPT_H
#define MOAT_EXPORT_PROMPT_H

#include <stddef.h>

#include "model/status.h"
#include "tui/screen.h"

/* Characters of a file name typed for an export. */
#define EXPORT_PATH_MAX 1000

/* Writes the workbook to path; on failure err says why. */
typedef moat_status (*export_write)(app *a, void *ctx, const char *path,
				    char *err, size_t errlen);

/* A prompt for the file, filled with initial; Enter expands a leading
 * "~/" to $HOME, asks before replacing a file already there, then calls
 * write(a, ctx, path) and says on the status line how it went. ctx must
 * outlive the prompt and its question (the screen beneath them). NULL on
 * no memory. */
screen *export_prompt_new(const char *initial, export_write write, void *ctx);

#endif
