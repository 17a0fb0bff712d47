/* hel-instrument.h: the measuring instruments as data: items, ranges, bands; scoring by kind. */
#pragma once

#include <glib.h>

#include "hel-scoring.h"

G_BEGIN_DECLS

typedef enum {
  HEL_INSTRUMENT_WHO5,   /* adults: wellbeing */
  HEL_INSTRUMENT_SDQ,    /* children: strengths and difficulties, typed from the paper form */
  HEL_INSTRUMENT_BIP,    /* adults: BIP-inspired job-readiness indicators */
  HEL_N_INSTRUMENTS
} HelInstrumentKind;

const char *hel_instrument_kind_to_code   (HelInstrumentKind  kind);
gboolean    hel_instrument_kind_from_code (const char        *code,
                                           HelInstrumentKind *kind);
const char *hel_instrument_kind_label     (HelInstrumentKind  kind);
/* WHO-5 and BIP are for adults, SDQ for children. */
gboolean    hel_instrument_kind_for_adults (HelInstrumentKind kind);

/* One BIP-inspired indicator; the set is edited in the store (names and scales are data). */
typedef struct {
  gint64  id;
  char   *code;      /* a shipped indicator ("health", ...); NULL for one people added */
  char   *name;      /* as people named it; NULL: the shipped, translated name of @code */
  int     scale_min;
  int     scale_max;
  int     position;
} HelBipIndicator;

HelBipIndicator *hel_bip_indicator_new   (const char            *name,
                                          int                    scale_min,
                                          int                    scale_max);
HelBipIndicator *hel_bip_indicator_copy  (const HelBipIndicator *indicator);
void             hel_bip_indicator_free  (HelBipIndicator       *indicator);
/* The name to show: the typed name, or the shipped one in the UI language. */
const char      *hel_bip_indicator_get_label (const HelBipIndicator *indicator);
/* The shipped set's codes and English names (the migration stores the codes). */
const char      *hel_bip_shipped_label   (const char            *code);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelBipIndicator, hel_bip_indicator_free)

/* One thing to answer: a WHO-5 question, an SDQ scale score, a BIP indicator. */
typedef struct {
  char *key;       /* "1".."5"; "emotional" ... "impact"; a BIP indicator's id */
  char *label;
  int   min;
  int   max;
} HelInstrumentItem;

typedef struct {
  HelInstrumentKind  kind;
  GPtrArray         *items;      /* HelInstrumentItem* */
  HelSdqBandTable    sdq_bands;  /* SDQ only */
} HelInstrument;

HelInstrument *hel_instrument_new_who5   (void);
HelInstrument *hel_instrument_new_sdq    (const HelSdqBandTable *bands);
/* indicators: HelBipIndicator*, in order */
HelInstrument *hel_instrument_new_bip    (GPtrArray             *indicators);
void           hel_instrument_free       (HelInstrument         *instrument);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelInstrument, hel_instrument_free)

/* The item with @key, or -1. */
int            hel_instrument_find_item  (const HelInstrument   *instrument,
                                          const char            *key);

/* What scoring a measurement gives: the score people see (WHO-5 0-100, SDQ total 0-40, BIP
 * mean on the indicators' scale), its band code, and whether it was complete enough. */
typedef struct {
  gboolean complete;
  double   score;     /* NAN when not scored */
  char     band[16];  /* "" when not banded */
} HelInstrumentScore;

/* values[i] answers items[i] (HEL_SCORING_MISSING when not given). FALSE with a message a
 * person can act on, and *bad_item set to the item, when a value is outside its range. */
gboolean       hel_instrument_score      (const HelInstrument   *instrument,
                                          const int             *values,
                                          HelInstrumentScore    *score,
                                          guint                 *bad_item,
                                          GError               **error);

G_END_DECLS
