/* helhed-tool-progress.h: `export chart` and `report` for helhed-tool.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each parses its own options (argv[0] is skipped) and returns the exit status: 0 done,
 * 1 the work failed, 2 a usage error. @title: "helhed-tool export chart". */
int hel_tool_export_chart (const char *title,
                           const char *summary,
                           int         argc,
                           char      **argv);
int hel_tool_report       (const char *title,
                           const char *summary,
                           int         argc,
                           char      **argv);

G_END_DECLS
