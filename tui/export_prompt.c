#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/export_prompt.h"
#include "tui/prompt.h"

/* What the prompt and the question after it carry. */
typedef struct {
	export_write write;
	void *ctx;
	char path[TEXT_BYTES(EXPORT_PATH_MAX) + 4096]; /* as expanded */
} export_job;

/* Writes the workbook, saying how it went. */
static void export_now(app *a, const export_job *j)
{
	char err[1024];

	if (j->write(a, j->ctx, j->path, err, sizeof err))
		app_message(a, ROLE_BAD, msg(EXPORT_FAILED_FILE_FMT), j->path,
			    err);
	else
		app_message(a, ROLE_OK, msg(EXPORT_DONE_FMT), j->path);
}

static screen *replace_confirmed(app *a, void *ctx, bool yes)
{
	if (yes)
		export_now(a, ctx);
	return NULL;
}

static screen *export_to(app *a, void *ctx, const char *path)
{
	export_job *j = ctx, *ask;
	const char *home = getenv("HOME");
	char q[sizeof j->path + 160];
	struct stat sb;

	if (!*path)
		return NULL;
	if (strncmp(path, "~/", 2) == 0 && home)
		snprintf(j->path, sizeof j->path, "%s/%s", home, path + 2);
	else
		snprintf(j->path, sizeof j->path, "%s", path);
	/* A workbook already there is replaced only when the user says so
	 * (a link or a folder is refused by the export itself). The
	 * question outlives the prompt, so it gets its own copy. */
	if (lstat(j->path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (ask = malloc(sizeof *ask))) {
		*ask = *j;
		snprintf(q, sizeof q, msg(EXPORT_CONFIRM_REPLACE_FMT), j->path);
		return confirm_new(q, replace_confirmed, ask, true);
	}
	export_now(a, j);
	return NULL;
}

screen *export_prompt_new(const char *initial, export_write write, void *ctx)
{
	export_job *j = malloc(sizeof *j);

	if (!j)
		return NULL;
	j->write = write;
	j->ctx = ctx;
	j->path[0] = '\0';
	return prompt_checked(prompt_new(msg(EXPORT_PROMPT), initial,
					 EXPORT_PATH_MAX, FIELD_FILE, export_to,
					 j, true),
			      prompt_required);
}
