/* hel-danish.h: Danish text whatever language the app runs in, for what the family is given.
 *
 * The family's own plan is handed over in Danish, also when a caseworker runs Helhed in
 * another language or a C locale (where gettext would give the English source text). These
 * look the text up in the Danish catalogue of the text domain's folder (bindtextdomain ()),
 * read once; text it does not hold comes back as it was given. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *hel_danish          (const char *msgid) G_GNUC_FORMAT (1);
/* A text with a context, as C_() marks it. */
const char *hel_danish_context  (const char *context,
                                 const char *msgid) G_GNUC_FORMAT (2);
/* TRUE when the Danish catalogue was found (FALSE: texts come back as given). */
gboolean    hel_danish_available (void);

/* Test hook: reads the catalogue at @path instead (NULL: back to the text domain's). */
void        _hel_danish_reset    (const char *path);

G_END_DECLS
