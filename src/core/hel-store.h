/* hel-store.h: the one door to the SQLite database; every read and write goes through here. */
#pragma once

#include <glib-object.h>

#include "hel-caseworker.h"
#include "hel-family.h"
#include "hel-member.h"
#include "hel-team.h"

G_BEGIN_DECLS

#define HEL_STORE_ERROR (hel_store_error_quark ())

typedef enum {
  HEL_STORE_ERROR_FAILED,
  HEL_STORE_ERROR_NOT_FOUND,      /* no such file, or no such row */
  HEL_STORE_ERROR_CANT_OPEN,
  HEL_STORE_ERROR_READ_ONLY,
  HEL_STORE_ERROR_LOCKED,
  HEL_STORE_ERROR_CORRUPT,
  HEL_STORE_ERROR_NOT_HELHED,     /* a database, but not Helhed's */
  HEL_STORE_ERROR_NEWER_SCHEMA,
  HEL_STORE_ERROR_FULL,
  HEL_STORE_ERROR_INVALID,        /* a value that breaks the rules */
  HEL_STORE_ERROR_CHANGED,        /* changed by someone else since it was read */
} HelStoreError;

typedef enum {
  HEL_STORE_OPEN_DEFAULT = 0,
  HEL_STORE_OPEN_CREATE  = 1 << 0,  /* create the file (and a private folder) if missing */
} HelStoreOpenFlags;

/* The newest schema this build writes; PRAGMA user_version holds the file's. */
#define HEL_STORE_SCHEMA_VERSION 6
/* PRAGMA application_id: "HELH", so a stranger's database is recognised and left alone. */
#define HEL_STORE_APPLICATION_ID 0x48454c48

/* One period of income support for an adult, from start_date until the next period. */
typedef struct {
  gint64         id;
  gint64         member_id;
  guint          kind;        /* HelIncomeKind */
  char          *start_date;  /* ISO */
} HelIncomePeriod;

#define HEL_TYPE_INCOME_PERIOD (hel_income_period_get_type ())
GType            hel_income_period_get_type (void) G_GNUC_CONST;
HelIncomePeriod *hel_income_period_new      (gint64      member_id,
                                             guint       kind,
                                             const char *start_date);
HelIncomePeriod *hel_income_period_copy     (const HelIncomePeriod *period);
void             hel_income_period_free     (HelIncomePeriod *period);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelIncomePeriod, hel_income_period_free)

#define HEL_TYPE_STORE (hel_store_get_type ())
G_DECLARE_FINAL_TYPE (HelStore, hel_store, HEL, STORE, GObject)

GQuark      hel_store_error_quark       (void);
char       *hel_store_default_path      (void);
HelStore   *hel_store_open              (const char        *path,
                                         HelStoreOpenFlags  flags,
                                         GError           **error);
const char *hel_store_get_path          (HelStore          *self);
int         hel_store_get_schema_version (HelStore         *self);

/* Transactions nest (savepoints inside); "changed" is emitted when the outermost commits. */
gboolean    hel_store_begin             (HelStore          *self,
                                         GError           **error);
/* A transaction that only reads: one consistent moment, without blocking writers. Ends with
 * hel_store_commit () or hel_store_rollback () like any other. */
gboolean    hel_store_begin_read        (HelStore          *self,
                                         GError           **error);
gboolean    hel_store_commit            (HelStore          *self,
                                         GError           **error);
void        hel_store_rollback          (HelStore          *self);

gboolean    hel_store_check_integrity   (HelStore          *self,
                                         char             **report,
                                         GError           **error);
gboolean    hel_store_backup            (HelStore          *self,
                                         const char        *dest_path,
                                         GError           **error);

/* Teams and caseworkers */
GPtrArray  *hel_store_list_teams        (HelStore          *self,
                                         GError           **error);
gboolean    hel_store_save_team         (HelStore          *self,
                                         HelTeam           *team,
                                         GError           **error);
gboolean    hel_store_delete_team       (HelStore          *self,
                                         gint64             team_id,
                                         GError           **error);
GPtrArray  *hel_store_list_caseworkers  (HelStore          *self,
                                         GError           **error);
HelCaseworker *hel_store_get_caseworker (HelStore          *self,
                                         gint64             caseworker_id,
                                         GError           **error);
gboolean    hel_store_save_caseworker   (HelStore          *self,
                                         HelCaseworker     *caseworker,
                                         GError           **error);
gboolean    hel_store_delete_caseworker (HelStore          *self,
                                         gint64             caseworker_id,
                                         GError           **error);

/* Families */
GPtrArray  *hel_store_list_families     (HelStore          *self,
                                         GError           **error);
/* What erasing a family takes with it, to say so before it is done. */
typedef struct {
  guint members;
  guint goals;          /* big goals of the plan */
  guint subgoals;
  guint plan_versions;
  guint map_people;     /* people on its network maps */
  guint measurements;   /* WHO-5, SDQ, BIP */
  guint board_items;    /* times it was on a board meeting's agenda, with notes and agreements */
  guint figures;        /* school absence, notifications, interventions, income support, expenses */
} HelFamilyRecordCounts;

gboolean    hel_store_count_family_records (HelStore              *self,
                                         gint64                 family_id,
                                         HelFamilyRecordCounts *counts,
                                         GError               **error);
HelFamily  *hel_store_get_family        (HelStore          *self,
                                         gint64             family_id,
                                         GError           **error);
gboolean    hel_store_save_family       (HelStore          *self,
                                         HelFamily         *family,
                                         GError           **error);
gboolean    hel_store_erase_family      (HelStore          *self,
                                         gint64             family_id,
                                         GError           **error);

/* Members and their income support */
GPtrArray  *hel_store_list_members      (HelStore          *self,
                                         gint64             family_id,
                                         GError           **error);
HelMember  *hel_store_get_member        (HelStore          *self,
                                         gint64             member_id,
                                         GError           **error);
gboolean    hel_store_save_member       (HelStore          *self,
                                         HelMember         *member,
                                         GError           **error);
gboolean    hel_store_delete_member     (HelStore          *self,
                                         gint64             member_id,
                                         GError           **error);
GPtrArray  *hel_store_list_income_periods (HelStore        *self,
                                         gint64             member_id,
                                         GError           **error);
gboolean    hel_store_add_income_period (HelStore          *self,
                                         HelIncomePeriod   *period,
                                         GError           **error);
gboolean    hel_store_delete_income_period (HelStore       *self,
                                         gint64             period_id,
                                         GError           **error);

G_END_DECLS
