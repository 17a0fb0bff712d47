/* hel-demo.c: generates the fictional demo database: 50 invented families in two teams.
 *
 * The shape follows seed 004 (Projekt Job og Familie): Familiegruppe Øst with 35 families and
 * Familiegruppe Sydvest with 15, a job-centre and a family-group caseworker per family, 62
 * adults (most families a single parent) and 89 children, the adults' income support in the
 * seed's proportions. Every name, number and date is invented; the surnames are made up so
 * that no real family is meant. The same seed always gives the same database.
 *
 * The demo is built in steps (see `steps` below); a later feature (family plans, network
 * maps, meetings, measurements) adds its own step that reads what the earlier steps made. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-demo.h"
#include "hel-json.h"
#include "hel-measurement-demo.h"
#include "hel-store-board.h"
#include "hel-store-netmap.h"
#include "hel-store-plan.h"
#include "hel-store-private.h"
#include "hel-validate.h"

#define N_FAMILIES        50
#define N_EAST            35
#define N_COUPLES         12   /* families with two adults in the household: 38 + 2 * 12 = 62 */
#define N_ABSENT_FATHERS   3   /* single-parent families whose father lives elsewhere */
#define N_CHILDREN        89
#define MAX_CHILDREN       5
#define REFERENCE_DATE    "2025-06-30"   /* ages are drawn as of this day */

/* People outside the family and the teams who help with the plan: a role and a first name,
 * drawn per family, so one family's plan and network map name the same mentor. */
typedef enum {
  DEMO_MENTOR,
  DEMO_CLASS_TEACHER,
  DEMO_AKT_TEACHER,
  DEMO_SUPPORT_CONTACT,
  DEMO_HEALTH_VISITOR,
  DEMO_BUSINESS_CONSULTANT,
  DEMO_N_HELPERS
} DemoHelper;

typedef struct {
  HelFamily *family;
  guint      team;        /* 0 = east, 1 = south-west */
  GPtrArray *members;     /* HelMember*, in the order shown */
  guint      n_adults;    /* in the household */
  guint      n_children;
  gboolean   absent_father;
  char      *helpers[DEMO_N_HELPERS];   /* "Mentor Lise", "Klasselærer Bent" ... */
} DemoFamily;

typedef struct {
  HelStore  *store;
  GRand     *rand;
  gint64     team_ids[2];
  GArray    *job_centre[2];     /* gint64 caseworker ids per team */
  GArray    *family_group[2];
  GPtrArray *families;          /* DemoFamily* */
} Demo;

static void
demo_family_free (gpointer data)
{
  DemoFamily *df = data;

  g_clear_object (&df->family);
  g_clear_pointer (&df->members, g_ptr_array_unref);
  for (guint i = 0; i < DEMO_N_HELPERS; i++)
    g_free (df->helpers[i]);
  g_free (df);
}

/* ------------------------------------------------------------------------------------------ */
/* Invented names                                                                              */

static const char * const surnames[] = {
  "Testrup", "Ulvebæk", "Tjørneholt", "Hjortevig", "Ravnemark", "Kildestrup", "Lyngevad",
  "Egebølle", "Mosedal", "Bromhøj", "Vindekær", "Ellebrink", "Hyldevang", "Kragelev",
  "Snerlund", "Pilevad", "Rønnebæk", "Stærdal", "Gøgeholt", "Multebjerg", "Siverstrup",
  "Brakmose", "Tranevig", "Hasselvad", "Ugleholm", "Kløverup", "Lærkedal", "Syrenholt",
  "Vibekær", "Mågebjerg", "Perlestrup", "Nældevig", "Sivsgaard", "Enghave-Ris", "Bøgevad",
  "Fyrreholt", "Spurvelund", "Ålekær", "Tidselbæk", "Hjemmeby", "Skærvelund", "Rævdal",
  "Smørblom", "Humlevad", "Grankær", "Ladestrup", "Stenvig", "Ranunkeldal", "Odderholt",
  "Vejsbæk", "Tornekær", "Mølleris", "Drosselvad", "Kvædebjerg",
};

static const char * const women[] = {
  "Mette", "Susanne", "Camilla", "Louise", "Maria", "Anne", "Lene", "Pia", "Tina", "Helle",
  "Charlotte", "Sanne", "Stine", "Rikke", "Dorthe", "Jeanette", "Marianne", "Heidi", "Trine",
  "Janni", "Line", "Nadia", "Sara", "Ditte", "Katrine", "Malene", "Anja", "Bettina", "Gitte",
};

static const char * const men[] = {
  "Jesper", "Thomas", "Martin", "Michael", "Lars", "Kenneth", "Brian", "Henrik", "René", "Kim",
  "Jan", "Dennis", "Claus", "Mads", "Rasmus", "Jacob", "Nicolai", "Allan", "Ronni", "Steffen",
};

static const char * const girls[] = {
  "Emma", "Ida", "Freja", "Clara", "Alma", "Ella", "Karla", "Olivia", "Sofie", "Laura", "Agnes",
  "Josefine", "Mathilde", "Ellen", "Liva", "Nora", "Asta", "Lea", "Isabella", "Anna",
};

static const char * const boys[] = {
  "William", "Noah", "Oscar", "Lucas", "Carl", "Victor", "Malthe", "Alfred", "Elias", "Emil",
  "Magnus", "Frederik", "Oliver", "Aksel", "Anton", "Villads", "Mikkel", "Tobias", "Valdemar",
  "Sebastian",
};

/* The helpers' first names: a pool of its own, so a mentor is seldom called what the mother is. */
static const char * const helper_names[] = {
  "Lise", "Jens", "Birthe", "Ali", "Hanne", "Søren", "Karin", "Bo", "Tove", "Yasmin", "Niels",
  "Inger", "Erik", "Hassan", "Grethe", "Poul", "Vibeke", "Jette", "Ahmed", "Kirsten", "Troels",
  "Lotte", "Bent", "Aase",
};

static const char * const helper_roles[DEMO_N_HELPERS] = {
  [DEMO_MENTOR] = "Mentor",
  [DEMO_CLASS_TEACHER] = "Klasselærer",
  [DEMO_AKT_TEACHER] = "AKT-lærer",
  [DEMO_SUPPORT_CONTACT] = "Støttekontaktperson",
  [DEMO_HEALTH_VISITOR] = "Sundhedsplejerske",
  [DEMO_BUSINESS_CONSULTANT] = "Virksomhedskonsulent",
};

typedef struct {
  const char *name;
  const char *email;
} DemoCaseworker;

/* Per team: job centre first, then family group. East 4 + 4, south-west 2 + 2. */
static const DemoCaseworker east_job_centre[] = {
  { "Hanne Lindeskov", "hali@kommune.example" }, { "Jonas Bøgedal", "jobo@kommune.example" },
  { "Birgit Agerlev", "biag@kommune.example" }, { "Kasper Hedevang", "kahe@kommune.example" },
};
static const DemoCaseworker east_family_group[] = {
  { "Lone Skrænting", "losk@kommune.example" }, { "Peter Vandholm", "peva@kommune.example" },
  { "Sidsel Marehøj", "sima@kommune.example" }, { "Ulla Rugbjerg", "ulru@kommune.example" },
};
static const DemoCaseworker south_west_job_centre[] = {
  { "Morten Engsig", "moen@kommune.example" }, { "Vibeke Tanglund", "vita@kommune.example" },
};
static const DemoCaseworker south_west_family_group[] = {
  { "Karen Slåenvad", "kasl@kommune.example" }, { "Ole Bramstrup", "olbr@kommune.example" },
};

/* The seed's table for the 4th quarter of 2017: 36 + 15 + 4 + 1 + 2 on public support, and the
 * rest (4) in work. Cash benefit and resource course qualify a family for the project. */
static const struct {
  HelIncomeKind kind;
  guint         count;
} income_mix[] = {
  { HEL_INCOME_CASH_BENEFIT, 36 },
  { HEL_INCOME_RESOURCE_COURSE, 15 },
  { HEL_INCOME_DISABILITY_PENSION, 4 },
  { HEL_INCOME_UNEMPLOYMENT, 1 },
  { HEL_INCOME_FLEX_JOB, 2 },
  { HEL_INCOME_SELF_SUPPORTING, 4 },
};

/* The seed's age table for the job-centre adults: 30-34: 13, 35-39: 14, 40-44: 15, 45-49: 8,
 * 50-54: 2, 55-60: 1. */
static const struct {
  guint from;
  guint to;
  guint weight;
} adult_ages[] = {
  { 30, 34, 13 }, { 35, 39, 14 }, { 40, 44, 15 }, { 45, 49, 8 }, { 50, 54, 2 }, { 55, 60, 1 },
};

/* ------------------------------------------------------------------------------------------ */
/* Random helpers                                                                              */

static guint
pick (Demo  *demo,
      guint  n)
{
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

static guint
between (Demo  *demo,
         guint  from,
         guint  to)
{
  return (guint) g_rand_int_range (demo->rand, (gint32) from, (gint32) to + 1);
}

/* Fisher-Yates with GRand, so the order depends only on the seed. */
static void
shuffle (Demo    *demo,
         gpointer items,
         guint    n,
         gsize    size)
{
  char *base = items;
  g_autofree char *tmp = g_malloc (size);

  for (guint i = n; i > 1; i--)
    {
      guint j = pick (demo, i);

      memcpy (tmp, base + (i - 1) * size, size);
      memcpy (base + (i - 1) * size, base + j * size, size);
      memcpy (base + j * size, tmp, size);
    }
}

static char *
iso_add_days (const char *iso,
              int         days)
{
  GDate date;

  hel_date_to_gdate (iso, &date);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return hel_date_from_gdate (&date);
}

static char *
random_date (Demo       *demo,
             const char *from,
             const char *to)
{
  GDate a, b;

  hel_date_to_gdate (from, &a);
  hel_date_to_gdate (to, &b);
  return iso_add_days (from,
                       (int) between (demo, 0, g_date_get_julian (&b) - g_date_get_julian (&a)));
}

/* A birth date `age` whole years before the reference day. */
static char *
birth_date_for_age (Demo *demo,
                    guint age)
{
  GDate date;

  hel_date_to_gdate (REFERENCE_DATE, &date);
  g_date_subtract_years (&date, age);
  g_date_subtract_days (&date, between (demo, 0, 364));
  return hel_date_from_gdate (&date);
}

static guint
random_adult_age (Demo *demo)
{
  guint total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (adult_ages); i++)
    total += adult_ages[i].weight;
  roll = pick (demo, total);
  for (guint i = 0; i < G_N_ELEMENTS (adult_ages); i++)
    {
      if (roll < adult_ages[i].weight)
        return between (demo, adult_ages[i].from, adult_ages[i].to);
      roll -= adult_ages[i].weight;
    }
  return 40;
}

/* A made-up CPR number that fits the birth date and gender; the serial is random. */
static char *
random_cpr (Demo       *demo,
            const char *birth,
            HelGender   gender)
{
  GDate date;
  guint year, first, middle, last;

  hel_date_to_gdate (birth, &date);
  year = g_date_get_year (&date);
  /* The first serial digit gives the century: 0-3 for 1900-1999, 4 for 2000-2036. */
  first = year < 2000 ? between (demo, 0, 3) : 4;
  middle = between (demo, 0, 99);
  /* The last digit is odd for men, even for women. */
  last = between (demo, 0, 4) * 2 + (gender == HEL_GENDER_MALE ? 1 : 0);
  return g_strdup_printf ("%02u%02u%02u-%u%02u%u", g_date_get_day (&date),
                          (guint) g_date_get_month (&date), year % 100, first, middle, last);
}

/* ------------------------------------------------------------------------------------------ */
/* Steps                                                                                       */

static gboolean
add_teams (Demo    *demo,
           GError **error)
{
  static const char * const names[] = { "Familiegruppe Øst", "Familiegruppe Sydvest" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HelTeam) team = hel_team_new (0, names[i]);

      if (!hel_store_save_team (demo->store, team, error))
        return FALSE;
      demo->team_ids[i] = hel_team_get_id (team);
    }
  return TRUE;
}

static gboolean
add_caseworker_group (Demo                 *demo,
                      guint                 team,
                      HelDiscipline         discipline,
                      const DemoCaseworker *people,
                      guint                 n,
                      GArray               *ids,
                      guint                *phone_counter,
                      GError              **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelCaseworker) cw = hel_caseworker_new ();
      g_autofree char *phone = NULL;
      gint64 id;

      /* +45 99 99 xx xx: clearly not anyone's phone number. */
      phone = g_strdup_printf ("+45 99 99 %02u %02u", 10 + *phone_counter,
                               (34 + 17 * *phone_counter) % 100);
      (*phone_counter)++;
      hel_caseworker_set_name (cw, people[i].name);
      hel_caseworker_set_discipline (cw, discipline);
      hel_caseworker_set_team_id (cw, demo->team_ids[team]);
      hel_caseworker_set_phone (cw, phone);
      hel_caseworker_set_email (cw, people[i].email);
      if (!hel_store_save_caseworker (demo->store, cw, error))
        return FALSE;
      id = hel_caseworker_get_id (cw);
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
add_caseworkers (Demo    *demo,
                 GError **error)
{
  guint phone = 0;

  return add_caseworker_group (demo, 0, HEL_DISCIPLINE_JOB_CENTRE, east_job_centre,
                               G_N_ELEMENTS (east_job_centre), demo->job_centre[0], &phone,
                               error) &&
         add_caseworker_group (demo, 0, HEL_DISCIPLINE_FAMILY_GROUP, east_family_group,
                               G_N_ELEMENTS (east_family_group), demo->family_group[0], &phone,
                               error) &&
         add_caseworker_group (demo, 1, HEL_DISCIPLINE_JOB_CENTRE, south_west_job_centre,
                               G_N_ELEMENTS (south_west_job_centre), demo->job_centre[1], &phone,
                               error) &&
         add_caseworker_group (demo, 1, HEL_DISCIPLINE_FAMILY_GROUP, south_west_family_group,
                               G_N_ELEMENTS (south_west_family_group), demo->family_group[1],
                               &phone, error);
}

/* The families themselves: team, caseworker pair, start, and for a few the end. */
static gboolean
add_families (Demo    *demo,
              GError **error)
{
  static const struct {
    HelEndReason reason;
    const char  *note;
  } endings[] = {
    { HEL_END_MOVED, "Flyttet til en anden kommune." },
    { HEL_END_LACKED_MOTIVATION, "Familien ønskede ikke at fortsætte i projektet." },
    { HEL_END_MOVED, "Flyttet til familie i Jylland." },
  };
  const char *names[G_N_ELEMENTS (surnames)];
  char *starts[N_FAMILIES];
  int ending[N_FAMILIES];
  guint early[N_FAMILIES];
  guint next_pair[2] = { 0, 0 };
  guint n_early = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (surnames) >= N_FAMILIES);

  memcpy (names, surnames, sizeof names);
  shuffle (demo, names, G_N_ELEMENTS (names), sizeof names[0]);

  /* Three of the families that started early left again during their first year. */
  for (guint i = 0; i < N_FAMILIES; i++)
    {
      starts[i] = random_date (demo, "2024-01-08", "2025-10-31");
      ending[i] = -1;
      if (hel_date_compare (starts[i], "2024-09-01") < 0)
        early[n_early++] = i;
    }
  shuffle (demo, early, n_early, sizeof early[0]);
  for (guint e = 0; e < MIN (n_early, G_N_ELEMENTS (endings)); e++)
    ending[early[e]] = (int) e;

  for (guint i = 0; i < N_FAMILIES; i++)
    {
      DemoFamily *df = g_new0 (DemoFamily, 1);
      g_autofree char *name = g_strdup_printf ("Familien %s", names[i]);
      g_autofree char *start = g_steal_pointer (&starts[i]);
      g_autofree char *consent = iso_add_days (start, -(int) between (demo, 0, 14));
      GArray *jc, *fg;
      gint64 job_centre, family_group;
      guint k;

      df->members = g_ptr_array_new_with_free_func (g_object_unref);
      df->family = hel_family_new ();
      df->team = i < N_EAST ? 0 : 1;
      g_ptr_array_add (demo->families, df);

      /* Pairs rotate through the team so every caseworker carries a fair share. */
      jc = demo->job_centre[df->team];
      fg = demo->family_group[df->team];
      k = next_pair[df->team]++;
      job_centre = g_array_index (jc, gint64, k % jc->len);
      family_group = g_array_index (fg, gint64, (k / jc->len + k) % fg->len);

      hel_family_set_name (df->family, name);
      hel_family_set_team_id (df->family, demo->team_ids[df->team]);
      if (g_rand_boolean (demo->rand))
        {
          hel_family_set_primary_caseworker_id (df->family, family_group);
          hel_family_set_secondary_caseworker_id (df->family, job_centre);
        }
      else
        {
          hel_family_set_primary_caseworker_id (df->family, job_centre);
          hel_family_set_secondary_caseworker_id (df->family, family_group);
        }
      hel_family_set_start_date (df->family, start);
      hel_family_set_consent_date (df->family, consent);

      if (ending[i] >= 0)
        {
          g_autofree char *end = iso_add_days (start, (int) between (demo, 120, 300));

          hel_family_set_end_date (df->family, end);
          hel_family_set_end_reason (df->family, endings[ending[i]].reason);
          hel_family_set_end_note (df->family, endings[ending[i]].note);
        }
      if (!hel_store_save_family (demo->store, df->family, error))
        {
          for (guint j = i + 1; j < N_FAMILIES; j++)
            g_free (starts[j]);
          return FALSE;
        }
    }
  return TRUE;
}

static HelMember *
new_member (Demo       *demo,
            DemoFamily *df,
            HelRole     role,
            HelGender   gender,
            const char *first_name,
            const char *last_name,
            guint       age)
{
  HelMember *member = hel_member_new ();
  g_autofree char *birth = birth_date_for_age (demo, age);

  hel_member_set_family_id (member, hel_family_get_id (df->family));
  hel_member_set_role (member, role);
  hel_member_set_gender (member, gender);
  hel_member_set_first_name (member, first_name);
  hel_member_set_last_name (member, last_name);
  hel_member_set_birth_date (member, birth);
  /* About half the members have their CPR number on file. */
  if (g_rand_boolean (demo->rand))
    {
      g_autofree char *cpr = random_cpr (demo, birth, gender);
      hel_member_set_cpr (member, cpr);
    }
  g_ptr_array_add (df->members, member);
  return member;
}

/* Adults first, then the children from the oldest; an absent father last. */
static gboolean
add_members (Demo    *demo,
             GError **error)
{
  guint kinds[N_FAMILIES];   /* 0 = single mother, 1 = single father, 2 = couple */
  guint children[N_FAMILIES];
  gboolean absent[N_FAMILIES] = { FALSE };
  guint extra = N_CHILDREN - N_FAMILIES, n_absent = 0;

  for (guint i = 0; i < N_FAMILIES; i++)
    {
      kinds[i] = i < N_COUPLES ? 2 : (i < N_COUPLES + 5 ? 1 : 0);
      children[i] = 1;
    }
  shuffle (demo, kinds, N_FAMILIES, sizeof kinds[0]);
  while (extra > 0)
    {
      guint i = pick (demo, N_FAMILIES);

      if (children[i] < MAX_CHILDREN)
        {
          children[i]++;
          extra--;
        }
    }
  for (guint i = 0; i < N_FAMILIES && n_absent < N_ABSENT_FATHERS; i++)
    if (kinds[i] == 0 && pick (demo, 3) == 0)
      {
        absent[i] = TRUE;
        n_absent++;
      }

  for (guint i = 0; i < N_FAMILIES; i++)
    {
      DemoFamily *df = g_ptr_array_index (demo->families, i);
      const char *surname = hel_family_get_name (df->family) + strlen ("Familien ");
      guint youngest_parent = 99;

      if (kinds[i] != 1)
        {
          guint age = random_adult_age (demo);
          new_member (demo, df, HEL_ROLE_MOTHER, HEL_GENDER_FEMALE,
                      women[pick (demo, G_N_ELEMENTS (women))], surname, age);
          youngest_parent = MIN (youngest_parent, age);
          df->n_adults++;
        }
      if (kinds[i] != 0)
        {
          guint age = random_adult_age (demo);
          /* In some couples the father kept his own surname. */
          const char *last = kinds[i] == 2 && pick (demo, 3) == 0
                               ? surnames[pick (demo, G_N_ELEMENTS (surnames))] : surname;
          new_member (demo, df, HEL_ROLE_FATHER, HEL_GENDER_MALE,
                      men[pick (demo, G_N_ELEMENTS (men))], last, age);
          youngest_parent = MIN (youngest_parent, age);
          df->n_adults++;
        }

      /* Children born when the youngest parent was 18 or older; oldest first. */
      {
        guint ages[MAX_CHILDREN];
        guint oldest = MIN (17u, youngest_parent - 18);

        for (guint c = 0; c < children[i]; c++)
          ages[c] = between (demo, 0, oldest);
        for (guint a = 1; a < children[i]; a++)
          for (guint b = a; b > 0 && ages[b - 1] < ages[b]; b--)
            {
              guint t = ages[b - 1];
              ages[b - 1] = ages[b];
              ages[b] = t;
            }
        for (guint c = 0; c < children[i]; c++)
          {
            gboolean girl = g_rand_boolean (demo->rand);
            new_member (demo, df, HEL_ROLE_CHILD, girl ? HEL_GENDER_FEMALE : HEL_GENDER_MALE,
                        girl ? girls[pick (demo, G_N_ELEMENTS (girls))]
                             : boys[pick (demo, G_N_ELEMENTS (boys))],
                        surname, ages[c]);
            df->n_children++;
          }
      }

      if (absent[i])
        {
          HelMember *father = new_member (demo, df, HEL_ROLE_FATHER, HEL_GENDER_MALE,
                                          men[pick (demo, G_N_ELEMENTS (men))],
                                          surnames[pick (demo, G_N_ELEMENTS (surnames))],
                                          random_adult_age (demo));
          hel_member_set_in_household (father, FALSE);
          df->absent_father = TRUE;
        }

      for (guint m = 0; m < df->members->len; m++)
        if (!hel_store_save_member (demo->store, g_ptr_array_index (df->members, m), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
add_period (Demo         *demo,
            HelMember    *member,
            HelIncomeKind kind,
            const char   *start,
            GError      **error)
{
  g_autoptr(HelIncomePeriod) period = hel_income_period_new (hel_member_get_id (member), kind,
                                                             start);

  return hel_store_add_income_period (demo->store, period, error);
}

/* Each family has at least one adult on cash benefit or a resource course (the project's
 * entry rule); the other adults share the rest of the seed's mix. A few changed support
 * during the project: three moved from cash benefit to a resource course, one found work,
 * and one came off unemployment benefit onto cash benefit. */
static gboolean
add_income_support (Demo    *demo,
                    GError **error)
{
  g_autoptr(GArray) qualifying = g_array_new (FALSE, FALSE, sizeof (HelIncomeKind));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (HelIncomeKind));
  g_autoptr(GPtrArray) leads = g_ptr_array_new ();
  g_autoptr(GPtrArray) seconds = g_ptr_array_new ();
  guint to_resource = 3, to_work = 1, from_unemployment = 1;

  for (guint i = 0; i < G_N_ELEMENTS (income_mix); i++)
    for (guint n = 0; n < income_mix[i].count; n++)
      {
        gboolean qualifies = income_mix[i].kind == HEL_INCOME_CASH_BENEFIT ||
                             income_mix[i].kind == HEL_INCOME_RESOURCE_COURSE;
        g_array_append_val (qualifies ? qualifying : others, income_mix[i].kind);
      }
  shuffle (demo, qualifying->data, qualifying->len, sizeof (HelIncomeKind));
  /* The qualifying kinds beyond one per family join the others. */
  while (qualifying->len > N_FAMILIES)
    {
      g_array_append_val (others, g_array_index (qualifying, HelIncomeKind, qualifying->len - 1));
      g_array_set_size (qualifying, qualifying->len - 1);
    }
  shuffle (demo, others->data, others->len, sizeof (HelIncomeKind));

  for (guint i = 0; i < demo->families->len; i++)
    {
      DemoFamily *df = g_ptr_array_index (demo->families, i);
      guint adult = 0;

      for (guint m = 0; m < df->members->len; m++)
        {
          HelMember *member = g_ptr_array_index (df->members, m);

          if (!hel_role_is_adult (hel_member_get_role (member)) ||
              !hel_member_get_in_household (member))
            continue;
          g_ptr_array_add (adult++ == 0 ? leads : seconds, member);
        }
    }
  g_assert (leads->len == qualifying->len && seconds->len == others->len);

  for (guint i = 0; i < leads->len + seconds->len; i++)
    {
      gboolean lead = i < leads->len;
      HelMember *member = lead ? g_ptr_array_index (leads, i)
                               : g_ptr_array_index (seconds, i - leads->len);
      HelIncomeKind kind = lead ? g_array_index (qualifying, HelIncomeKind, i)
                                : g_array_index (others, HelIncomeKind, i - leads->len);
      HelFamily *family = NULL;
      g_autofree char *since = NULL;
      g_autofree char *changed = NULL;
      HelIncomeKind before = kind;

      for (guint f = 0; f < demo->families->len && family == NULL; f++)
        {
          DemoFamily *df = g_ptr_array_index (demo->families, f);
          if (hel_family_get_id (df->family) == hel_member_get_family_id (member))
            family = df->family;
        }

      /* Years on public support before the project: 1-12. */
      since = iso_add_days (hel_family_get_start_date (family), -(int) between (demo, 200, 4400));
      if (kind == HEL_INCOME_RESOURCE_COURSE && to_resource > 0)
        before = HEL_INCOME_CASH_BENEFIT, to_resource--;
      else if (kind == HEL_INCOME_SELF_SUPPORTING && to_work > 0)
        before = HEL_INCOME_CASH_BENEFIT, to_work--;
      else if (kind == HEL_INCOME_CASH_BENEFIT && !lead && from_unemployment > 0)
        before = HEL_INCOME_UNEMPLOYMENT, from_unemployment--;

      if (before != kind)
        {
          changed = iso_add_days (hel_family_get_start_date (family),
                                  (int) between (demo, 60, 300));
          if (hel_date_compare (changed, "2025-12-31") > 0)
            {
              g_free (changed);
              changed = g_strdup ("2025-12-31");
            }
          if (!add_period (demo, member, before, since, error) ||
              !add_period (demo, member, kind, changed, error))
            return FALSE;
        }
      else if (!add_period (demo, member, kind, since, error))
        return FALSE;
    }
  return TRUE;
}

/* Each family's own mentor, teachers, support contact person ...: six different first names
 * from the pool, so the helpers differ from family to family. */
static gboolean
add_helpers (Demo    *demo,
             GError **error)
{
  const char *names[G_N_ELEMENTS (helper_names)];

  G_STATIC_ASSERT (G_N_ELEMENTS (helper_names) >= DEMO_N_HELPERS);

  for (guint f = 0; f < demo->families->len; f++)
    {
      DemoFamily *df = demo->families->pdata[f];

      memcpy (names, helper_names, sizeof names);
      shuffle (demo, names, G_N_ELEMENTS (names), sizeof names[0]);
      for (guint h = 0; h < DEMO_N_HELPERS; h++)
        df->helpers[h] = g_strdup_printf ("%s %s", helper_roles[h], names[h]);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Family plans                                                                                */

/* Who takes a step on: the family themselves, one of the two caseworkers, or one of the
 * family's helpers (BY_MENTOR + a DemoHelper). */
typedef enum {
  BY_SELF,            /* the member the small goal is about; a parent for a child under 10 */
  BY_PARENT,          /* an adult at home */
  BY_JOB_CENTRE,      /* the family's job-centre caseworker */
  BY_FAMILY_GROUP,    /* the family's family-group caseworker */
  BY_MENTOR,
  BY_CLASS_TEACHER,
  BY_AKT_TEACHER,
  BY_SUPPORT_CONTACT,
  BY_HEALTH_VISITOR,
  BY_BUSINESS_CONSULTANT,
} DemoStepBy;

G_STATIC_ASSERT (BY_BUSINESS_CONSULTANT - BY_MENTOR == DEMO_BUSINESS_CONSULTANT);

/* Children younger than this do not own steps: a parent or a helper does it with them. */
#define STEP_OWNER_MIN_AGE 10
/* A child's goal is about a child of school age. */
#define CHILD_GOAL_MIN_AGE 6

typedef struct {
  const char *what;
  DemoStepBy  by;
} DemoStep;

/* A library of goals as Danish families and caseworkers word them. {who} is replaced by the
 * first name of the member the small goal belongs to. */
typedef struct {
  const char *wording;
  DemoStep    steps[3];
} DemoSubgoal;

typedef struct {
  const char  *title;
  gboolean     for_child;   /* small goals belong to a child rather than an adult */
  DemoSubgoal  subgoals[6];
} DemoGoal;

static const DemoGoal demo_goals[] = {
  { "{who} i arbejde", FALSE, {
    { "{who} skriver et CV sammen med sin mentor", {
      { "Book tid hos mentoren", BY_SELF }, { "Skriv de sidste tre job ind", BY_SELF },
      { "Læs CV'et igennem med {who}", BY_MENTOR } } },
    { "{who} er i virksomhedspraktik 10 timer om ugen", {
      { "Find et praktiksted sammen med {who}", BY_BUSINESS_CONSULTANT },
      { "Aftal arbejdstider med praktikstedet", BY_SELF },
      { "Godkend praktikforløbet", BY_JOB_CENTRE } } },
    { "{who} møder op til alle samtaler i jobcentret", {
      { "Skriv samtalerne ind i kalenderen på telefonen", BY_SELF },
      { "Send en sms dagen før hver samtale", BY_JOB_CENTRE } } },
    { "{who} søger to job om måneden", {
      { "Lav en liste over arbejdspladser i nærheden", BY_SELF },
      { "Send den første ansøgning", BY_SELF },
      { "Gennemgå ansøgningerne med {who}", BY_MENTOR } } },
    { "{who} går til danskundervisning to gange om ugen", {
      { "Tilmeld holdet på sprogcentret", BY_JOB_CENTRE } } },
    { NULL } } },
  { "Ro om skolegangen", TRUE, {
    { "{who} kommer i skole hver dag i en måned", {
      { "Aftal morgenrutine med klasselæreren", BY_PARENT },
      { "Skriv fremmøde på køleskabskalenderen", BY_SELF },
      { "Ring hjem, hvis {who} ikke er mødt kl. 8", BY_CLASS_TEACHER } } },
    { "{who} går i lektiecafé to gange om ugen", {
      { "Tilmeld lektiecaféen", BY_PARENT },
      { "Fortæl lektiecaféen, hvad klassen arbejder med", BY_CLASS_TEACHER } } },
    { "Morgenen foregår uden skænderier", {
      { "Læg tøj frem aftenen før", BY_SELF }, { "Stå op kl. 6.45", BY_SELF } } },
    { "{who} har en god ven i klassen", {
      { "Invitér en klassekammerat hjem", BY_SELF },
      { "Sæt {who} sammen med en makker i frikvartererne", BY_AKT_TEACHER } } },
    { NULL } } },
  { "Trivsel i familien", FALSE, {
    { "Vi spiser aftensmad sammen fire dage om ugen", { { "Lav en madplan for ugen", BY_SELF } } },
    { "Børnene har faste sengetider", {
      { "Sluk skærme kl. 20", BY_SELF }, { "Læs godnathistorie", BY_SELF },
      { "Hjemmebesøg om søvn og sengetider", BY_HEALTH_VISITOR } } },
    { "Vi tager på tur sammen en gang om måneden", {
      { "Find en gratis tur i kommunens kalender", BY_SELF } } },
    { "{who} har en aften om ugen til sig selv", { { "Aftal pasning med mormor", BY_SELF } } },
    { NULL } } },
  { "Styr på økonomien", FALSE, {
    { "{who} lægger et budget sammen med rådgiveren", {
      { "Saml regninger og lønsedler", BY_SELF },
      { "Book møde med økonomirådgiveren", BY_FAMILY_GROUP } } },
    { "Huslejen bliver betalt til tiden tre måneder i træk", {
      { "Sæt huslejen på betalingsservice", BY_SELF },
      { "Gå med i banken og få styr på betalingerne", BY_SUPPORT_CONTACT } } },
    { "{who} får styr på gælden til forsyningsselskabet", {
      { "Find gældsrådgivningen i kommunen", BY_FAMILY_GROUP },
      { "Ring og lav en afdragsordning", BY_SELF } } },
    { NULL } } },
  { "Et sundere liv", FALSE, {
    { "{who} går til lægen om søvnproblemerne", { { "Bestil tid hos lægen", BY_SELF } } },
    { "{who} går en tur tre gange om ugen", {
      { "Find en gåmakker", BY_SELF }, { "Gå med på den første tur", BY_SUPPORT_CONTACT } } },
    { "{who} starter i et forløb hos psykolog", {
      { "Få henvisning fra lægen", BY_SELF }, { "Første samtale", BY_SELF } } },
    { NULL } } },
  { "Et stærkere netværk", TRUE, {
    { "{who} finder en voksen at tale med", {
      { "Lav netværkskort sammen med {who}", BY_FAMILY_GROUP },
      { "Spørg onkel Peter om han vil være med", BY_PARENT },
      { "Samtale med {who} hver anden uge", BY_SUPPORT_CONTACT } } },
    { "{who} går til en fritidsaktivitet", {
      { "Prøv fodbold i den lokale klub", BY_SELF }, { "Søg fritidspas", BY_PARENT } } },
    { "Familien deltager i forældrecaféen", {
      { "Tilmeld caféen", BY_PARENT }, { "Følg med første gang", BY_FAMILY_GROUP } } },
    { NULL } } },
};

static const char * const family_wishes[] = {
  "At vi får mere ro i hverdagen og mere tid til hinanden.",
  "At mor får et arbejde, og at børnene er glade for at gå i skole.",
  "At vi kan klare os selv uden at skulle bede om hjælp hele tiden.",
  "Vi vil gerne have en hverdag, hvor vi ikke skændes om morgenen.",
  "At far får det bedre og kan være mere sammen med børnene.",
  "Vi drømmer om at tage på ferie sammen til sommer.",
};

static const char * const child_wishes[] = {
  "Jeg vil gerne gå til fodbold.",
  "Jeg vil have flere venner i klassen.",
  "At mor og far ikke er sure.",
  "Jeg vil gerne have mit eget værelse.",
  "At vi får en hund.",
};

static const char * const followup_texts[] = {
  "Godt i gang. Vi aftalte at følge op om to uger.",
  "Det har været svært i denne periode; vi justerer delmålet.",
  "Familien fortæller, at det går bedre. Fortsæt som aftalt.",
  "Talt med skolen: fremmødet er steget.",
  "Mentor melder, at samarbejdet går godt.",
};

static char *
demo_wording (const char *pattern,
              const char *who)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "{who}", -1);
  return g_strjoinv (who, parts);
}

static guint
count_subgoals (const DemoGoal *goal)
{
  guint n = 0;
  while (n < G_N_ELEMENTS (goal->subgoals) && goal->subgoals[n].wording != NULL)
    n++;
  return n;
}

static HelMember *
pick_member (Demo       *demo,
             DemoFamily *df,
             gboolean    child)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  for (guint i = 0; i < df->members->len; i++)
    {
      HelMember *m = df->members->pdata[i];
      if (hel_member_get_in_household (m) && hel_role_is_adult (hel_member_get_role (m)) != child)
        g_ptr_array_add (candidates, m);
    }
  if (candidates->len == 0)
    return df->members->pdata[0];
  return candidates->pdata[pick (demo, candidates->len)];
}

static gboolean
is_job_centre (Demo       *demo,
               DemoFamily *df,
               gint64      id)
{
  GArray *ids = demo->job_centre[df->team];

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The family's caseworker from the job centre, or the one from the family group. */
static gint64
caseworker_of (Demo       *demo,
               DemoFamily *df,
               gboolean    job_centre)
{
  gint64 primary = hel_family_get_primary_caseworker_id (df->family);

  return is_job_centre (demo, df, primary) == job_centre
           ? primary : hel_family_get_secondary_caseworker_id (df->family);
}

static int
age_on (HelMember  *member,
        const char *day)
{
  return hel_date_age_years (hel_member_get_birth_date (member), day);
}

/* Whom a goal is about: an adult at home, or for a child's goal a child at home of school
 * age. NULL when the family has no such child. */
static HelMember *
pick_goal_owner (Demo       *demo,
                 DemoFamily *df,
                 gboolean    child,
                 const char *today)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  if (!child)
    return pick_member (demo, df, FALSE);
  for (guint i = 0; i < df->members->len; i++)
    {
      HelMember *m = df->members->pdata[i];
      if (hel_member_get_in_household (m) && !hel_role_is_adult (hel_member_get_role (m)) &&
          age_on (m, today) >= CHILD_GOAL_MIN_AGE)
        g_ptr_array_add (candidates, m);
    }
  if (candidates->len == 0)
    return NULL;
  return candidates->pdata[pick (demo, candidates->len)];
}

/* Who owns a step: what the family does themselves goes to the member the small goal is
 * about, or to a parent when that is a child under STEP_OWNER_MIN_AGE; meetings and
 * applications to the caseworker whose field it is; school, mentoring and support to the
 * family's own helper of that kind. */
static void
set_step_owner (Demo       *demo,
                DemoFamily *df,
                HelStep    *step,
                DemoStepBy  by,
                HelMember  *about,
                const char *today)
{
  HelMember *member = NULL;

  switch (by)
    {
    case BY_SELF:
      if (hel_role_is_adult (hel_member_get_role (about)) ||
          age_on (about, today) >= STEP_OWNER_MIN_AGE)
        member = about;
      else
        member = pick_member (demo, df, FALSE);
      break;
    case BY_PARENT:
      member = hel_role_is_adult (hel_member_get_role (about)) ? about
                                                              : pick_member (demo, df, FALSE);
      break;
    case BY_JOB_CENTRE:
    case BY_FAMILY_GROUP:
      step->owner_kind = HEL_OWNER_CASEWORKER;
      step->owner_caseworker_id = caseworker_of (demo, df, by == BY_JOB_CENTRE);
      return;
    default:
      step->owner_kind = HEL_OWNER_EXTERNAL;
      step->owner_name = g_strdup (df->helpers[by - BY_MENTOR]);
      return;
    }
  step->owner_kind = HEL_OWNER_MEMBER;
  step->owner_member_id = hel_member_get_id (member);
}

/* A plan's history. The plan is written down a week after the family joins, and then lived:
 * small goals get under way, steps are done, the scale moves, notes are written, and some small
 * goals are achieved, paused or dropped. The demo first draws all of that as dated events and
 * then writes them to the store in date order, each dated on its day, never after today (or
 * the day the family left). A version saved on a day so holds just what had happened by then,
 * and comparing it with the plan now shows what happened since. */
typedef enum {
  EVENT_ADD_GOAL,         /* a big goal with its small goals and steps is written down */
  EVENT_START,            /* a small goal gets under way */
  EVENT_STEP_DONE,
  EVENT_SCALE,
  EVENT_FOLLOWUP,
  EVENT_STATUS,           /* achieved, paused or dropped */
  EVENT_NEXT_FOLLOWUP,    /* the next follow-up as it stands today */
  EVENT_VERSION,          /* the plan is saved as a version, after that day's other events */
} DemoEventKind;

typedef struct {
  char          *date;    /* ISO; one day's events in the order of their kinds */
  DemoEventKind  kind;
  guint          seq;     /* then in the order they were drawn */
  HelGoal       *goal;    /* ADD_GOAL */
  HelSubgoal    *subgoal;
  HelStep       *step;    /* STEP_DONE */
  int            value;   /* SCALE: the value; VERSION: the minute of the day it was saved */
  HelGoalStatus  status;  /* STATUS */
  char          *text;    /* SCALE: who set it; FOLLOWUP: the note; NEXT_FOLLOWUP: the date;
                           * VERSION: who took part */
} DemoEvent;

typedef struct {
  Demo       *demo;
  DemoFamily *df;
  const char *today;
  char       *until;      /* the last day anything happens: today, or the day the family left */
  const char *caseworker; /* the primary caseworker, who sets the scale and writes the notes */
  GPtrArray  *goals;      /* HelGoal, owned; the events point into them */
  GArray     *events;     /* DemoEvent */
} DemoPlan;

static const char * const dropped_texts[] = {
  "Delmålet er droppet efter aftale med familien: det passer ikke ind lige nu.",
  "Vi har sammen besluttet at droppe delmålet og bruge kræfterne på de andre mål.",
  "Droppet: behovet er ikke længere til stede.",
};

static void
demo_event_clear (gpointer data)
{
  DemoEvent *e = data;

  g_free (e->date);
  g_free (e->text);
}

static DemoEvent *
add_event (DemoPlan      *plan,
           DemoEventKind  kind,
           const char    *date,
           HelSubgoal    *subgoal)
{
  DemoEvent e = { g_strdup (date), kind, plan->events->len, NULL, subgoal, NULL, 0, 0, NULL };

  g_array_append_val (plan->events, e);
  return &g_array_index (plan->events, DemoEvent, plan->events->len - 1);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const DemoEvent *x = a, *y = b;
  int c = hel_date_compare (x->date, y->date);

  if (c != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* @date (freed here) moved into @from .. @to; NULL for either: no limit that side. */
static char *
clamp_date (char       *date,
            const char *from,
            const char *to)
{
  if (from != NULL && hel_date_compare (date, from) < 0)
    {
      g_free (date);
      date = g_strdup (from);
    }
  if (to != NULL && hel_date_compare (date, to) > 0)
    {
      g_free (date);
      date = g_strdup (to);
    }
  return date;
}

/* A random day from @from to @to (both included); @from when @to is earlier. */
static char *
random_date_until (Demo       *demo,
                   const char *from,
                   const char *to)
{
  return hel_date_compare (to, from) <= 0 ? g_strdup (from) : random_date (demo, from, to);
}

/* A step of a small goal: owned as its kind says, due around today, not yet done. If the small
 * goal got under way on @started, the step may have been done between then and today. */
static void
draw_step (DemoPlan       *plan,
           HelSubgoal     *sg,
           const DemoStep *spec,
           HelMember      *about,
           const char     *started,
           HelGoalStatus   status)
{
  Demo *demo = plan->demo;
  g_autofree char *what = demo_wording (spec->what, hel_member_get_first_name (about));
  HelStep *step = hel_step_new (what);

  set_step_owner (demo, plan->df, step, spec->by, about, plan->today);
  step->due = iso_add_days (plan->today, (int) between (demo, 0, 110) - 10);
  step->due = clamp_date (step->due, sg->created, NULL);
  g_ptr_array_add (sg->steps, step);

  /* Done some day after the small goal got under way; when it was due long ago, not much
   * later than that. */
  if (started != NULL && (status == HEL_GOAL_ACHIEVED || pick (demo, 3) == 0))
    {
      g_autofree char *latest = g_strdup (plan->until);
      g_autofree char *done = NULL;

      if (hel_date_compare (step->due, plan->until) < 0)
        {
          g_free (latest);
          latest = iso_add_days (step->due, (int) between (demo, 0, 7));
          latest = clamp_date (latest, started, plan->until);
        }
      done = random_date_until (demo, started, latest);
      add_event (plan, EVENT_STEP_DONE, done, sg)->step = step;
    }
}

/* A small goal of @goal about @about, with its steps and what has happened to it since. */
static void
draw_subgoal (DemoPlan          *plan,
              HelGoal           *goal,
              const DemoSubgoal *spec,
              HelMember         *about)
{
  Demo *demo = plan->demo;
  const char *first = hel_member_get_first_name (about);
  g_autofree char *wording = demo_wording (spec->wording, first);
  HelSubgoal *sg = hel_subgoal_new (wording);
  guint roll = pick (demo, 100);
  HelGoalStatus status;
  g_autofree char *started = NULL;
  g_autofree char *last = NULL;   /* the day of the latest event so far */
  guint n_scale;

  g_ptr_array_add (goal->subgoals, sg);
  sg->created = g_strdup (goal->created);
  g_array_append_val (sg->owners, *(gint64[]) { hel_member_get_id (about) });
  /* About a quarter achieved, some paused, a few dropped, the rest under way or not
   * started. The small goal is written down as not started; the rest happens later. */
  status = roll < 25 ? HEL_GOAL_ACHIEVED
         : roll < 35 ? HEL_GOAL_PAUSED
         : roll < 40 ? HEL_GOAL_DROPPED
         : roll < 58 ? HEL_GOAL_NOT_STARTED : HEL_GOAL_IN_PROGRESS;
  sg->status = HEL_GOAL_NOT_STARTED;
  sg->deadline = iso_add_days (plan->today, status == HEL_GOAL_ACHIEVED
                                              ? -(int) between (demo, 10, 90)
                                              : (int) between (demo, 0, 170) - 12);
  sg->deadline = clamp_date (sg->deadline, sg->created, NULL);
  /* The first follow-up, agreed when the plan was made. */
  sg->next_followup = iso_add_days (sg->created, (int) between (demo, 14, 28));

  if (status != HEL_GOAL_NOT_STARTED)
    {
      g_autofree char *soon = iso_add_days (sg->created, 21);

      started = random_date_until (demo, sg->created, hel_date_compare (soon, plan->until) < 0
                                                        ? soon : plan->until);
      add_event (plan, EVENT_START, started, sg);
      last = g_strdup (started);
    }

  for (guint t = 0; t < G_N_ELEMENTS (spec->steps) && spec->steps[t].what; t++)
    draw_step (plan, sg, &spec->steps[t], about, started, status);

  /* The scale, a fortnight to six weeks apart, from soon after the start. */
  n_scale = status == HEL_GOAL_NOT_STARTED ? 0 : between (demo, 1, 3);
  for (guint e = 0; e < n_scale; e++)
    {
      int value = status == HEL_GOAL_ACHIEVED
                    ? (int) (e + 1 == n_scale ? 10 : between (demo, 3, 8))
                    : (int) (1 + e * 2 + between (demo, 0, 3));
      const char *by = e % 2 == 0 && plan->caseworker ? plan->caseworker : first;
      char *date = iso_add_days (last, (int) (e == 0 ? between (demo, 0, 14) : between (demo, 14, 42)));
      DemoEvent *ev;

      date = clamp_date (date, last, plan->until);
      ev = add_event (plan, EVENT_SCALE, date, sg);
      ev->value = value;
      ev->text = g_strdup (by);
      g_free (last);
      last = date;
    }

  if (status != HEL_GOAL_NOT_STARTED && pick (demo, 2) == 0)
    {
      char *date = iso_add_days (plan->until, -(int) between (demo, 5, 60));

      date = clamp_date (date, started, plan->until);
      add_event (plan, EVENT_FOLLOWUP, date, sg)->text =
        g_strdup (followup_texts[pick (demo, G_N_ELEMENTS (followup_texts))]);
      if (hel_date_compare (date, last) > 0)
        {
          g_free (last);
          last = date;
        }
      else
        g_free (date);
    }

  /* Achieved, paused or dropped some days after the last thing that happened; for the steps
   * done, that is only known once they are drawn, so the status follows the latest of them. */
  for (guint i = 0; i < plan->events->len; i++)
    {
      DemoEvent *e = &g_array_index (plan->events, DemoEvent, i);

      if (e->subgoal == sg && hel_date_compare (e->date, last) > 0)
        {
          g_free (last);
          last = g_strdup (e->date);
        }
    }
  if (status == HEL_GOAL_ACHIEVED || status == HEL_GOAL_PAUSED || status == HEL_GOAL_DROPPED)
    {
      char *date = iso_add_days (last, (int) between (demo, 0, 14));

      date = clamp_date (date, last, plan->until);
      add_event (plan, EVENT_STATUS, date, sg)->status = status;
      if (status == HEL_GOAL_DROPPED)
        add_event (plan, EVENT_FOLLOWUP, date, sg)->text =
          g_strdup (dropped_texts[pick (demo, G_N_ELEMENTS (dropped_texts))]);
      g_free (date);
    }

  /* An open small goal has its next follow-up ahead, or for a few it has slipped by. */
  if (status != HEL_GOAL_ACHIEVED && status != HEL_GOAL_DROPPED)
    {
      gboolean overdue = status != HEL_GOAL_PAUSED && pick (demo, 10) == 0;

      add_event (plan, EVENT_NEXT_FOLLOWUP, plan->until, sg)->text =
        iso_add_days (plan->today, overdue ? -(int) between (demo, 1, 21)
                                           : (int) between (demo, 3, 40));
    }
}

/* The store stamps a scale value and a plan version with the time they are saved: the demo's
 * are dated on their day at once, so that a version saved later holds the same dates, and the
 * same seed gives the same database. */
static gboolean
restamp (Demo        *demo,
         const char  *sql,
         gint64       id,
         const char  *stamp,
         GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (demo->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
  return _hel_store_step_done (demo->store, stmt, error);
}

static gboolean
apply_event (DemoPlan   *plan,
             DemoEvent  *e,
             GError    **error)
{
  HelStore *store = plan->demo->store;
  HelSubgoal *sg = e->subgoal;

  switch (e->kind)
    {
    case EVENT_ADD_GOAL:
      if (!hel_store_save_goal (store, hel_family_get_id (plan->df->family), e->goal, error))
        return FALSE;
      for (guint i = 0; i < e->goal->subgoals->len; i++)
        {
          HelSubgoal *s = e->goal->subgoals->pdata[i];

          s->goal_id = e->goal->id;
          if (!hel_store_save_subgoal (store, s, error))
            return FALSE;
          for (guint t = 0; t < s->steps->len; t++)
            if (!hel_store_save_step (store, s->id, s->steps->pdata[t], error))
              return FALSE;
        }
      return TRUE;
    case EVENT_START:
      sg->status = HEL_GOAL_IN_PROGRESS;
      return hel_store_save_subgoal (store, sg, error);
    case EVENT_STEP_DONE:
      e->step->done = TRUE;
      g_free (e->step->done_date);
      e->step->done_date = g_strdup (e->date);
      return hel_store_save_step (store, sg->id, e->step, error);
    case EVENT_SCALE:
      {
        g_autofree char *stamp = g_strdup_printf ("%sT10:00:00Z", e->date);

        return hel_store_set_subgoal_scale (store, sg->id, e->value, e->text, error) &&
               restamp (plan->demo, "UPDATE scale_entry SET set_at = ?2 WHERE id = "
                        "(SELECT max(id) FROM scale_entry WHERE subgoal_id = ?1)",
                        sg->id, stamp, error);
      }
    case EVENT_FOLLOWUP:
      {
        g_autoptr(HelFollowup) note = hel_followup_new (e->date, e->text, plan->caseworker);

        return hel_store_add_followup (store, sg->id, note, error);
      }
    case EVENT_STATUS:
      sg->status = e->status;
      if (e->status == HEL_GOAL_ACHIEVED || e->status == HEL_GOAL_DROPPED)
        g_clear_pointer (&sg->next_followup, g_free);
      return hel_store_save_subgoal (store, sg, error);
    case EVENT_NEXT_FOLLOWUP:
      g_free (sg->next_followup);
      sg->next_followup = g_strdup (e->text);
      return hel_store_save_subgoal (store, sg, error);
    case EVENT_VERSION:
      {
        gint64 id = hel_store_save_plan_version (store, hel_family_get_id (plan->df->family),
                                                 e->text, error);
        g_autofree char *stamp = g_strdup_printf ("%sT%02d:%02d:00Z", e->date, e->value / 60,
                                                  e->value % 60);

        return id > 0 && restamp (plan->demo, "UPDATE plan_version SET created = ?2 WHERE id = ?1",
                                  id, stamp, error);
      }
    }
  g_return_val_if_reached (FALSE);
}

static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  hel_date_to_gdate (from, &a);
  hel_date_to_gdate (to, &b);
  return (int) g_date_get_julian (&b) - (int) g_date_get_julian (&a);
}

/* Who was there when the plan was saved, as a caseworker types it: "Gitte, Victor, Ole
 * Bramstrup (familiegruppen), Morten Engsig (jobcenter)". The adults at home, some of the
 * older children, both caseworkers at the first meeting; later now and then a helper. */
static char *
version_participants (DemoPlan   *plan,
                      const char *day,
                      gboolean    first)
{
  Demo *demo = plan->demo;
  DemoFamily *df = plan->df;
  gint64 caseworkers[2] = { hel_family_get_primary_caseworker_id (df->family),
                            hel_family_get_secondary_caseworker_id (df->family) };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < df->members->len; i++)
    {
      HelMember *m = df->members->pdata[i];

      if (!hel_member_get_in_household (m))
        continue;
      if (hel_role_is_adult (hel_member_get_role (m)) ||
          (age_on (m, day) >= 12 && pick (demo, 2) == 0))
        g_ptr_array_add (names, g_strdup (hel_member_get_first_name (m)));
    }
  for (guint c = 0; c < G_N_ELEMENTS (caseworkers); c++)
    {
      g_autoptr(HelCaseworker) cw = NULL;

      if (c == 1 && !first && pick (demo, 2) == 0)
        continue;
      cw = hel_store_get_caseworker (demo->store, caseworkers[c], NULL);
      if (cw != NULL)
        g_ptr_array_add (names, g_strdup_printf ("%s (%s)", hel_caseworker_get_name (cw),
                                                 is_job_centre (demo, df, caseworkers[c])
                                                   ? "jobcenter" : "familiegruppen"));
    }
  if (!first && pick (demo, 3) == 0)
    {
      DemoHelper h = pick (demo, 2) ? DEMO_MENTOR : DEMO_SUPPORT_CONTACT;
      g_autofree char *role = g_utf8_strdown (helper_roles[h], -1);

      g_ptr_array_add (names, g_strdup_printf ("%s (%s)", strrchr (df->helpers[h], ' ') + 1,
                                               role));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
add_version (DemoPlan   *plan,
             const char *day,
             gboolean    first)
{
  char *participants = version_participants (plan, day, first);
  DemoEvent *e = add_event (plan, EVENT_VERSION, day, NULL);

  e->text = participants;
  /* In the daytime, on the five minutes. */
  e->value = 9 * 60 + 5 * (int) between (plan->demo, 0, 72);
}

static gboolean
add_plan (Demo        *demo,
          DemoFamily  *df,
          const char  *today,
          GError     **error)
{
  gint64 family_id = hel_family_get_id (df->family);
  const char *end = hel_family_get_end_date (df->family);
  g_autofree char *created = iso_add_days (hel_family_get_start_date (df->family), 7);
  g_autoptr(HelCaseworker) primary = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_goal_free);
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (DemoEvent));
  DemoPlan plan = { demo, df, today, NULL, NULL, goals, events };
  guint order[G_N_ELEMENTS (demo_goals)];
  guint n_goals = between (demo, 2, 4);
  guint n_versions = 0;
  g_autofree char *first_version = NULL;
  g_autofree char *later_goal = NULL;
  gboolean ok = TRUE;

  g_array_set_clear_func (events, demo_event_clear);
  created = clamp_date (created, NULL, today);
  plan.until = g_strdup (end != NULL && hel_date_compare (end, today) < 0 ? end : today);
  plan.until = clamp_date (plan.until, created, NULL);
  primary = hel_store_get_caseworker (demo->store,
                                      hel_family_get_primary_caseworker_id (df->family), NULL);
  plan.caseworker = primary ? hel_caseworker_get_name (primary) : NULL;

  if (!hel_store_set_wishes (demo->store, family_id, 0,
                             family_wishes[pick (demo, G_N_ELEMENTS (family_wishes))], error))
    ok = FALSE;
  for (guint i = 0; ok && i < df->members->len; i++)
    {
      HelMember *m = df->members->pdata[i];
      if (!hel_role_is_adult (hel_member_get_role (m)) && pick (demo, 2) == 0 &&
          !hel_store_set_wishes (demo->store, family_id, hel_member_get_id (m),
                                 child_wishes[pick (demo, G_N_ELEMENTS (child_wishes))], error))
        ok = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  shuffle (demo, order, G_N_ELEMENTS (order), sizeof order[0]);

  /* A third of the families saved their plan as a version at the first meeting, and some of
   * them again at a later one; for some the last big goal came in a while after the first. */
  if (pick (demo, 3) == 0 && days_between (created, plan.until) >= 60)
    {
      n_versions = between (demo, 1, 2);
      first_version = iso_add_days (created, (int) between (demo, 0, 10));
      if (n_goals >= 3 && days_between (first_version, plan.until) >= 120 && pick (demo, 2) == 0)
        later_goal = iso_add_days (first_version, (int) between (demo, 21, 60));
    }

  for (guint g = 0, next = 0; ok && g < n_goals && next < G_N_ELEMENTS (order); next++)
    {
      const DemoGoal *spec = &demo_goals[order[next]];
      HelMember *owner = pick_goal_owner (demo, df, spec->for_child, today);
      g_autofree char *title = NULL;
      HelGoal *goal;
      guint wanted, n_sub;

      /* A child's goal only where there is a child of school age. */
      if (owner == NULL)
        continue;
      g++;
      title = demo_wording (spec->title, hel_member_get_first_name (owner));
      goal = hel_goal_new (title);
      g_ptr_array_add (goals, goal);
      goal->created = g_strdup (later_goal != NULL && g == n_goals ? later_goal : created);
      add_event (&plan, EVENT_ADD_GOAL, goal->created, NULL)->goal = goal;
      wanted = between (demo, 2, 6);   /* not inside MIN (): it would draw twice */
      n_sub = MIN (count_subgoals (spec), wanted);
      for (guint k = 0; k < n_sub; k++)
        draw_subgoal (&plan, goal, &spec->subgoals[k], owner);
    }

  if (n_versions > 0)
    {
      g_autofree char *from = iso_add_days (first_version, 45);
      g_autofree char *to = iso_add_days (plan.until, -7);

      add_version (&plan, first_version, TRUE);
      if (n_versions > 1 && hel_date_compare (from, to) <= 0)
        {
          g_autofree char *second = random_date (demo, from, to);

          add_version (&plan, second, FALSE);
        }
    }

  g_array_sort (events, compare_events);
  for (guint i = 0; ok && i < events->len; i++)
    ok = apply_event (&plan, &g_array_index (events, DemoEvent, i), error);
  g_free (plan.until);
  return ok;
}

static gboolean
add_plans (Demo    *demo,
           GError **error)
{
  g_autofree char *today = hel_date_today ();

  for (guint f = 0; f < demo->families->len; f++)
    if (!add_plan (demo, demo->families->pdata[f], today, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Network maps                                                                                */

/* One person to place: who, where, and how the centre is tied to them. */
typedef struct {
  char              *name;
  HelNetmapSector    sector;
  HelNetmapRing      ring;
  HelNetmapNodeKind  kind;
  const char        *actor;
  const char        *note;
  gint64             member_id;   /* a family member drawn on the family's map; 0 otherwise */
} DemoPerson;

static const char * const demo_relatives[] = {
  "Mormor Inge", "Morfar Ole", "Moster Lene", "Farmor Bodil", "Onkel Peter", "Kusine Sofie",
  "Faster Grethe", "Storebror Mads",
};
static const char * const demo_friends[] = {
  "Naboen Karin", "Veninden Sanne", "Fodboldtræner Kim", "Naboen Hassan", "Spejderleder Anne",
  "Bedste ven Jonas", "Kollega Rikke", "Forældrecaféen",
};
/* NULL: the family's class teacher (DemoFamily.helpers). */
static const char * const demo_school_work[] = {
  NULL, "Pædagog i SFO'en", "Praktikstedet Netto", "Sprogcentret",
  "Lektiecaféen", "Arbejdsgiver Brian",
};
/* A name of NULL: the family's own helper of that kind, the one its plan names. */
static const struct {
  const char *name;
  DemoHelper  helper;
  const char *actor;
} demo_professionals[] = {
  { "PPR-psykolog Jesper", 0, "PPR" }, { NULL, DEMO_AKT_TEACHER, "Skole" },
  { NULL, DEMO_MENTOR, "Mentor" }, { NULL, DEMO_HEALTH_VISITOR, "Sundhedsplejerske" },
  { "Læge Birthe Holm", 0, "Praktiserende læge" }, { "UU-vejleder Tina", 0, "Skole" },
};
static const char * const demo_map_notes[] = {
  "Ringer hver søndag.", "Kan hente børnene, når mor er på arbejde.",
  "Har tilbudt at være med til næste møde.", "Kontakten er gået i stå efter flytningen.",
};

static void
demo_person_clear (gpointer data)
{
  g_free (((DemoPerson *) data)->name);
}

static void
add_person (GArray            *people,
            const char        *name,
            HelNetmapSector    sector,
            HelNetmapRing      ring,
            HelNetmapNodeKind  kind,
            const char        *actor,
            gint64             member_id)
{
  DemoPerson p = { g_strdup (name), sector, ring, kind, actor, NULL, member_id };
  g_array_append_val (people, p);
}

static const char *
caseworker_name (Demo   *demo,
                 gint64  id,
                 char  **owned)
{
  g_autoptr(HelCaseworker) cw = id > 0 ? hel_store_get_caseworker (demo->store, id, NULL) : NULL;

  *owned = g_strdup (cw ? hel_caseworker_get_name (cw) : "Rådgiver");
  return *owned;
}

/* Everybody placed in their sector and ring, spread over the sector's quarter circle. */
static void
place_people (Demo   *demo,
              GArray *people,
              double *xy)
{
  for (guint s = 0; s < HEL_NETMAP_N_SECTORS; s++)
    for (guint r = 0; r < HEL_NETMAP_N_RINGS; r++)
      {
        guint n = 0, k = 0;

        for (guint i = 0; i < people->len; i++)
          n += g_array_index (people, DemoPerson, i).sector == s &&
               g_array_index (people, DemoPerson, i).ring == r;
        for (guint i = 0; i < people->len; i++)
          {
            DemoPerson *p = &g_array_index (people, DemoPerson, i);
            double angle, d, jitter = ((int) pick (demo, 21) - 10) / 400.0;

            if (p->sector != s || p->ring != r)
              continue;
            angle = -G_PI + s * (G_PI / 2) + (k + 0.5) * (G_PI / 2) / n + jitter;
            /* Staggered in and out, so names in a crowded band do not sit on one line. */
            d = r == HEL_NETMAP_RING_CLOSE ? (k % 2 ? 0.72 : 0.86)
                                           : r + (k % 2 ? 0.34 : 0.68) + jitter;
            xy[2 * i] = d * cos (angle);
            xy[2 * i + 1] = d * sin (angle);
            k++;
          }
      }
}

static gboolean
tie_once (HelStore      *store,
          gint64         netmap_id,
          GHashTable    *pairs,
          gint64         a,
          gint64         b,
          HelNetmapTieKind kind,
          HelNetmapArrow arrow,
          GError       **error)
{
  g_autoptr(HelNetmapTie) tie = NULL;
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));

  if (a == b || g_hash_table_contains (pairs, key))
    {
      g_free (key);
      return TRUE;
    }
  g_hash_table_add (pairs, key);
  tie = hel_netmap_tie_new (a, b, kind, arrow);
  return hel_store_save_netmap_tie (store, netmap_id, tie, error);
}

/* Stores people[first..last) on the map and ties them: the first six ties to the centre use
 * every kind of tie once, so each map shows the whole legend. Places are worked out for all of
 * @people, so a person stays in the same spot in a map's versions. */
static gboolean
fill_map (Demo        *demo,
          gint64       netmap_id,
          GArray      *people,
          guint        first,
          guint        last,
          GArray      *ids,
          GHashTable  *pairs,
          GError     **error)
{
  g_autofree double *xy = g_new0 (double, 2 * people->len);
  HelNetmapTieKind kinds[HEL_NETMAP_N_TIE_KINDS];
  guint centre_ties = 0;

  for (guint i = 0; i < HEL_NETMAP_N_TIE_KINDS; i++)
    kinds[i] = i;
  shuffle (demo, kinds, G_N_ELEMENTS (kinds), sizeof kinds[0]);
  place_people (demo, people, xy);

  for (guint i = first; i < last; i++)
    {
      DemoPerson *p = &g_array_index (people, DemoPerson, i);
      g_autoptr(HelNetmapNode) node = hel_netmap_node_new (p->name, xy[2 * i], xy[2 * i + 1]);

      node->kind = p->kind;
      node->actor = g_strdup (p->actor);
      node->note = g_strdup (p->note);
      if (!hel_store_save_netmap_node (demo->store, netmap_id, node, NULL, error))
        return FALSE;
      g_array_append_val (ids, node->id);
    }

  for (guint i = first; i < last; i++)
    {
      DemoPerson *p = &g_array_index (people, DemoPerson, i);
      gint64 id = g_array_index (ids, gint64, i);
      HelNetmapTieKind kind;
      HelNetmapArrow arrow = HEL_NETMAP_ARROW_NONE;

      if (p->member_id > 0 || p->ring == HEL_NETMAP_RING_CLOSE)
        kind = pick (demo, 3) ? HEL_NETMAP_TIE_STRONG : HEL_NETMAP_TIE_NORMAL;
      else if (centre_ties < HEL_NETMAP_N_TIE_KINDS)
        kind = kinds[centre_ties];
      else
        kind = pick (demo, 3) == 0 ? HEL_NETMAP_TIE_WEAK : HEL_NETMAP_TIE_NORMAL;
      if (p->member_id == 0 && p->ring != HEL_NETMAP_RING_CLOSE)
        centre_ties++;
      /* Support flows from the professionals to the family, and sometimes back. */
      if (p->kind == HEL_NETMAP_NODE_PROFESSIONAL && kind != HEL_NETMAP_TIE_BROKEN)
        arrow = pick (demo, 3) ? HEL_NETMAP_ARROW_BACK : HEL_NETMAP_ARROW_NONE;
      else if (kind == HEL_NETMAP_TIE_STRONG && pick (demo, 3) == 0)
        arrow = HEL_NETMAP_ARROW_BOTH;
      if (!tie_once (demo->store, netmap_id, pairs, 0, id, kind, arrow, error))
        return FALSE;
    }

  /* A few ties between the people themselves: a grandmother close to a child, a mentor to
   * the job centre, a neighbour the family has fallen out with. */
  for (guint t = 0; last - first >= 4 && t < (last - first) / 4; t++)
    {
      guint a = first + pick (demo, last - first);
      guint b = first + pick (demo, last - first);

      /* Neighbours on the map: lines across the whole drawing would only hide it. */
      if (g_array_index (people, DemoPerson, a).sector != g_array_index (people, DemoPerson, b).sector)
        continue;
      static const HelNetmapTieKind between_kinds[] = {
        HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_TIE_STRONG, HEL_NETMAP_TIE_WEAK,
        HEL_NETMAP_TIE_STRESSFUL, HEL_NETMAP_TIE_CONFLICT,
      };

      if (!tie_once (demo->store, netmap_id, pairs, g_array_index (ids, gint64, a),
                     g_array_index (ids, gint64, b),
                     between_kinds[pick (demo, G_N_ELEMENTS (between_kinds))],
                     pick (demo, 4) == 0 ? HEL_NETMAP_ARROW_FORWARD : HEL_NETMAP_ARROW_NONE, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_from_list (Demo               *demo,
               GArray             *people,
               const char * const *names,
               guint               n_names,
               guint               count,
               HelNetmapSector     sector,
               GHashTable         *used)
{
  for (guint i = 0; i < count; i++)
    {
      const char *name = names[pick (demo, n_names)];

      if (g_hash_table_contains (used, name))
        continue;
      g_hash_table_add (used, (gpointer) name);
      add_person (people, name, sector, between (demo, HEL_NETMAP_RING_EFFECTIVE,
                                                 HEL_NETMAP_RING_AVAILABLE),
                  HEL_NETMAP_NODE_PRIVATE, NULL, 0);
    }
}

static gboolean
add_family_map (Demo        *demo,
                DemoFamily  *df,
                GError     **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *primary = NULL, *secondary = NULL;
  const char *school_work[G_N_ELEMENTS (demo_school_work)];
  gint64 family_id = hel_family_get_id (df->family);
  gint64 pid = hel_family_get_primary_caseworker_id (df->family);
  gint64 sid = hel_family_get_secondary_caseworker_id (df->family);
  guint target = between (demo, 8, 25), first_round;
  gint64 netmap_id;
  gboolean with_version = pick (demo, 3) == 0;

  g_array_set_clear_func (people, demo_person_clear);
  for (guint i = 0; i < G_N_ELEMENTS (school_work); i++)
    school_work[i] = demo_school_work[i] ? demo_school_work[i] : df->helpers[DEMO_CLASS_TEACHER];
  netmap_id = hel_store_ensure_netmap (demo->store, family_id, 0, error);
  if (netmap_id == 0)
    return FALSE;

  /* The household around the centre, in the family sector; a father elsewhere further out. */
  for (guint i = 0; i < df->members->len; i++)
    {
      HelMember *m = df->members->pdata[i];
      gboolean home = hel_member_get_in_household (m);

      add_person (people, hel_member_get_first_name (m), HEL_NETMAP_SECTOR_FAMILY,
                  home ? HEL_NETMAP_RING_CLOSE : HEL_NETMAP_RING_AVAILABLE,
                  HEL_NETMAP_NODE_PRIVATE, NULL, hel_member_get_id (m));
    }
  /* The two caseworkers, by the name the family knows them by. */
  add_person (people, caseworker_name (demo, pid, &primary), HEL_NETMAP_SECTOR_PROFESSIONALS,
              HEL_NETMAP_RING_EFFECTIVE, HEL_NETMAP_NODE_PROFESSIONAL,
              is_job_centre (demo, df, pid) ? "Jobcenter" : "Familiegruppen", 0);
  add_person (people, caseworker_name (demo, sid, &secondary), HEL_NETMAP_SECTOR_PROFESSIONALS,
              HEL_NETMAP_RING_EFFECTIVE, HEL_NETMAP_NODE_PROFESSIONAL,
              is_job_centre (demo, df, sid) ? "Jobcenter" : "Familiegruppen", 0);
  /* Every map has all four sectors and all three rings. */
  add_person (people, demo_relatives[pick (demo, G_N_ELEMENTS (demo_relatives))],
              HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_EFFECTIVE, HEL_NETMAP_NODE_PRIVATE, NULL, 0);
  add_person (people, demo_friends[pick (demo, G_N_ELEMENTS (demo_friends))],
              HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_CLOSE, HEL_NETMAP_NODE_PRIVATE, NULL, 0);
  add_person (people, school_work[pick (demo, G_N_ELEMENTS (school_work))],
              HEL_NETMAP_SECTOR_SCHOOL_WORK, HEL_NETMAP_RING_AVAILABLE, HEL_NETMAP_NODE_PRIVATE,
              NULL, 0);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_add (used, g_array_index (people, DemoPerson, i).name);

  while (people->len < target)
    {
      guint before = people->len;

      switch (pick (demo, 4))
        {
        case 0:
          add_from_list (demo, people, demo_relatives, G_N_ELEMENTS (demo_relatives), 1,
                         HEL_NETMAP_SECTOR_FAMILY, used);
          break;
        case 1:
          add_from_list (demo, people, demo_friends, G_N_ELEMENTS (demo_friends), 1,
                         HEL_NETMAP_SECTOR_FRIENDS, used);
          break;
        case 2:
          add_from_list (demo, people, school_work, G_N_ELEMENTS (school_work), 1,
                         HEL_NETMAP_SECTOR_SCHOOL_WORK, used);
          break;
        default:
          {
            guint k = pick (demo, G_N_ELEMENTS (demo_professionals));
            const char *name = demo_professionals[k].name ? demo_professionals[k].name
                                                          : df->helpers[demo_professionals[k].helper];

            if (!g_hash_table_contains (used, name))
              {
                g_hash_table_add (used, (gpointer) name);
                add_person (people, name, HEL_NETMAP_SECTOR_PROFESSIONALS,
                            between (demo, HEL_NETMAP_RING_EFFECTIVE, HEL_NETMAP_RING_AVAILABLE),
                            HEL_NETMAP_NODE_PROFESSIONAL, demo_professionals[k].actor, 0);
              }
          }
          break;
        }
      /* The lists can run dry for a large family: stop rather than loop. */
      if (people->len == before && g_hash_table_size (used) >= G_N_ELEMENTS (demo_relatives) +
          G_N_ELEMENTS (demo_friends) + G_N_ELEMENTS (demo_school_work) +
          G_N_ELEMENTS (demo_professionals) + df->members->len + 2)
        break;
    }
  for (guint i = 0; i < people->len; i++)
    {
      DemoPerson *p = &g_array_index (people, DemoPerson, i);
      if (p->member_id == 0 && pick (demo, 6) == 0)
        p->note = demo_map_notes[pick (demo, G_N_ELEMENTS (demo_map_notes))];
    }

  /* A third of the families have a first map saved as a version; since then the network grew. */
  first_round = with_version ? MAX (people->len - between (demo, 2, 4), 7) : people->len;
  first_round = MIN (first_round, people->len);
  if (!fill_map (demo, netmap_id, people, 0, first_round, ids, pairs, error))
    return FALSE;
  if (with_version)
    {
      if (hel_store_save_netmap_version (demo->store, netmap_id, "Første netværkskort", error) == 0)
        return FALSE;
      if (!fill_map (demo, netmap_id, people, first_round, people->len, ids, pairs, error))
        return FALSE;
    }
  return TRUE;
}

/* A young person's own map: the adults at home, friends, school and the professionals. */
static gboolean
add_member_map (Demo        *demo,
                DemoFamily  *df,
                HelMember   *young,
                GError     **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 netmap_id;

  g_array_set_clear_func (people, demo_person_clear);
  netmap_id = hel_store_ensure_netmap (demo->store, hel_family_get_id (df->family),
                                       hel_member_get_id (young), error);
  if (netmap_id == 0)
    return FALSE;
  for (guint i = 0; i < df->members->len; i++)
    {
      HelMember *m = df->members->pdata[i];

      if (m == young)
        continue;
      add_person (people, hel_member_get_first_name (m), HEL_NETMAP_SECTOR_FAMILY,
                  hel_member_get_in_household (m) ? HEL_NETMAP_RING_CLOSE
                                                  : HEL_NETMAP_RING_AVAILABLE,
                  HEL_NETMAP_NODE_PRIVATE, NULL, 0);
    }
  add_person (people, "Bedste ven Jonas", HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_CLOSE,
              HEL_NETMAP_NODE_PRIVATE, NULL, 0);
  add_person (people, df->helpers[DEMO_CLASS_TEACHER], HEL_NETMAP_SECTOR_SCHOOL_WORK,
              HEL_NETMAP_RING_EFFECTIVE, HEL_NETMAP_NODE_PRIVATE, NULL, 0);
  add_person (people, df->helpers[DEMO_MENTOR], HEL_NETMAP_SECTOR_PROFESSIONALS,
              HEL_NETMAP_RING_EFFECTIVE, HEL_NETMAP_NODE_PROFESSIONAL, "Mentor", 0);
  add_person (people, "UU-vejleder Tina", HEL_NETMAP_SECTOR_PROFESSIONALS,
              HEL_NETMAP_RING_AVAILABLE, HEL_NETMAP_NODE_PROFESSIONAL, "Skole", 0);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_add (used, g_array_index (people, DemoPerson, i).name);
  add_from_list (demo, people, demo_friends, G_N_ELEMENTS (demo_friends), 3,
                 HEL_NETMAP_SECTOR_FRIENDS, used);
  add_from_list (demo, people, demo_relatives, G_N_ELEMENTS (demo_relatives), 2,
                 HEL_NETMAP_SECTOR_FAMILY, used);
  return fill_map (demo, netmap_id, people, 0, people->len, ids, pairs, error);
}

static gboolean
add_netmaps (Demo    *demo,
             GError **error)
{
  for (guint f = 0; f < demo->families->len; f++)
    {
      DemoFamily *df = demo->families->pdata[f];

      if (!add_family_map (demo, df, error))
        return FALSE;
      /* Some young people of 13 and over have their own map as well. */
      for (guint i = 0; i < df->members->len; i++)
        {
          HelMember *m = df->members->pdata[i];

          if (!hel_role_is_adult (hel_member_get_role (m)) &&
              hel_date_age_years (hel_member_get_birth_date (m), REFERENCE_DATE) >= 13 &&
              pick (demo, 2) == 0)
            {
              if (!add_member_map (demo, df, m, error))
                return FALSE;
              break;
            }
        }
    }
  return TRUE;
}

/* Measurements, absence, notifications, interventions, expenses (hel-measurement-demo.c). */
static gboolean
add_measurements (Demo    *demo,
                  GError **error)
{
  return _hel_demo_add_measurements (demo->store, demo->rand, error);
}

/* The records look as if they were made when each family joined, not when the demo ran,
 * so the same seed gives the same export. */
static gboolean
set_timestamps (Demo    *demo,
                GError **error)
{
  /* (Scale values and plan versions are dated as they are saved: see apply_event ().) */
  return _hel_store_exec (demo->store,
                          "UPDATE family SET created = start_date || 'T09:00:00Z', "
                          "modified = coalesce(end_date, start_date) || 'T15:30:00Z';"
                          /* Network maps: made a week after the family joined; their versions
                           * a month after that. */
                          "UPDATE netmap SET created = date((SELECT start_date FROM family f "
                          "  WHERE f.id = netmap.family_id), '+7 days') || 'T09:30:00Z', "
                          "  modified = date((SELECT start_date FROM family f "
                          "  WHERE f.id = netmap.family_id), '+40 days') || 'T14:00:00Z';"
                          "UPDATE netmap_version SET created = date((SELECT created FROM netmap n "
                          "  WHERE n.id = netmap_version.netmap_id), '+30 days') || 'T11:00:00Z'",
                          error);
}

/* ------------------------------------------------------------------------------------------ */
/* Board meetings                                                                              */

/* Phrases in the columns' words, without names: the demo shows the room what a board holds. */
static const char * const demo_worries[] = {
  "Mor sover dårligt og er træt om morgenen", "Huslejen er ikke betalt for sidste måned",
  "Ældste barn har meget fravær i skolen", "Far aflyser ofte møderne med jobcentret",
  "Konflikter om aftenen når alle er trætte", "Familien har få voksne at trække på",
  "Lillebror er ked af det i børnehaven", "Mor føler sig alene med det hele",
};
static const char * const demo_working_well[] = {
  "Børnene kommer i skole hver dag", "Mor har selv ringet til jobcentret",
  "Familien spiser aftensmad sammen", "Mormor henter to dage om ugen",
  "God kontakt til klasselæreren", "Far er begyndt i praktik", "Faste sengetider virker",
};
static const char * const demo_needs[] = {
  "Ro på økonomien", "En fritidsaktivitet til den ældste", "Hjælp til morgenrutinen",
  "Afklaring af mors helbred", "Et netværksmøde med mormor og skolen", "Mentor i praktikken",
};
static const char * const demo_agreements[] = {
  "Book møde med skolen om fraværet", "Ring til boligkontoret om en afdragsordning",
  "Følg med til lægen om søvnen", "Find en fodboldklub sammen med familien",
  "Afklar praktik hos den lokale købmand", "Indkald til netværksmøde",
  "Lav en ugeplan for morgenerne", "Søg om fritidspas",
};

/* The Tuesday on or after @iso: the teams meet on Tuesdays. */
static char *
next_tuesday (const char *iso)
{
  GDate date;

  hel_date_to_gdate (iso, &date);
  while (g_date_get_weekday (&date) != G_DATE_TUESDAY)
    g_date_add_days (&date, 1);
  return hel_date_from_gdate (&date);
}

static gboolean
fill_board (Demo          *demo,
            HelMeeting    *meeting,
            HelAgendaItem *item,
            DemoFamily    *df,
            gboolean       long_ago,
            gboolean       link_to_plan,
            GError       **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  static const struct { HelBoardColumn column; const char * const *bank; guint n; } columns[] = {
    { HEL_BOARD_WORRIES, demo_worries, G_N_ELEMENTS (demo_worries) },
    { HEL_BOARD_WORKING_WELL, demo_working_well, G_N_ELEMENTS (demo_working_well) },
    { HEL_BOARD_NEEDS, demo_needs, G_N_ELEMENTS (demo_needs) },
  };
  guint minute = 0;
  guint n_agreements = between (demo, 1, 3);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      guint n = between (demo, 1, 3), first = pick (demo, columns[c].n);

      for (guint k = 0; k < n; k++)
        {
          HelParticipant *author = d->participants->pdata[pick (demo, d->participants->len)];
          g_autoptr(HelBoardNote) note = hel_board_note_new (columns[c].column,
                                                             columns[c].bank[(first + k) % columns[c].n]);

          note->author_id = author->id;
          note->internal = c == 0 && pick (demo, 6) == 0;
          note->created = g_strdup_printf ("%sT%02u:%02u:00Z", d->date, 8 + minute / 60, 35 + minute % 20);
          minute += 2;
          if (!hel_store_save_note (demo->store, item->id, note, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      if (pick (demo, 3) != 0 &&
          !hel_store_set_scale (demo->store, item->id, p->id, (int) between (demo, 3, 8), error))
        return FALSE;
    }

  for (guint k = 0; k < n_agreements; k++)
    {
      g_autoptr(HelAgreement) a =
        hel_agreement_new (demo_agreements[pick (demo, G_N_ELEMENTS (demo_agreements))]);
      GDate due;
      guint who = pick (demo, 4);

      if (who == 0)
        {
          a->owner_kind = HEL_OWNER_MEMBER;
          a->owner_member_id = hel_member_get_id (pick_member (demo, df, FALSE));
        }
      else if (who < 3)
        {
          a->owner_kind = HEL_OWNER_CASEWORKER;
          a->owner_caseworker_id = who == 1 ? hel_family_get_primary_caseworker_id (df->family)
                                            : hel_family_get_secondary_caseworker_id (df->family);
        }
      /* who == 3: a draft without an owner, as happens in a hurry. */
      hel_date_to_gdate (d->date, &due);
      g_date_add_days (&due, between (demo, 7, 21));
      if (who != 3 || pick (demo, 2) == 0)
        a->due = hel_date_from_gdate (&due);
      a->created = g_strdup (d->date);
      if (long_ago && pick (demo, 3) != 0)
        {
          a->done = TRUE;
          a->done_date = g_strdup (a->due ? a->due : d->date);
        }
      if (!hel_store_save_agreement (demo->store, item->id, a, error))
        return FALSE;

      /* One agreement becomes a step of the family's own plan: the same object in both. */
      if (link_to_plan && k == 0 && a->owner_kind != HEL_OWNER_NONE)
        {
          g_autoptr(HelPlan) plan = hel_store_load_plan (demo->store, hel_family_get_id (df->family),
                                                         error);
          HelPlanData *pd;

          if (plan == NULL)
            return FALSE;
          pd = hel_plan_data (plan);
          if (pd->goals->len > 0 && ((HelGoal *) pd->goals->pdata[0])->subgoals->len > 0)
            {
              HelSubgoal *sg = ((HelGoal *) pd->goals->pdata[0])->subgoals->pdata[0];
              if (!hel_store_link_agreement (demo->store, a->id, sg->id, NULL, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static HelMeeting *
demo_meeting (Demo           *demo,
              HelMeetingKind  kind,
              gint64          team_id,
              const char     *date,
              const char     *time,
              GPtrArray      *families,
              GError        **error)
{
  HelMeeting *meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);
  GDate created;

  d->kind = kind;
  d->team_id = team_id;
  d->date = g_strdup (date);
  d->time = g_strdup (time);
  hel_date_to_gdate (date, &created);
  g_date_subtract_days (&created, 7);
  {
    g_autofree char *day = hel_date_from_gdate (&created);
    d->created = g_strdup_printf ("%sT08:00:00Z", day);
  }
  for (guint i = 0; families != NULL && i < families->len; i++)
    {
      DemoFamily *df = families->pdata[i];
      HelAgendaItem *item = hel_agenda_item_new (hel_family_get_id (df->family));

      item->minutes = pick (demo, 4) == 0 ? 12 : HEL_BOARD_DEFAULT_MINUTES;
      g_ptr_array_add (d->items, item);
    }
  if (!hel_store_create_meeting (demo->store, meeting, HEL_MEETING_CREATE_CARRY_OVER, error))
    {
      hel_meeting_unref (meeting);
      return NULL;
    }
  return meeting;
}

static DemoFamily *
demo_family_of (Demo   *demo,
                gint64  family_id)
{
  for (guint i = 0; i < demo->families->len; i++)
    {
      DemoFamily *df = demo->families->pdata[i];
      if (hel_family_get_id (df->family) == family_id)
        return df;
    }
  return NULL;
}

static gboolean
fill_meeting (Demo       *demo,
              HelMeeting *meeting,
              gboolean    long_ago,
              GError    **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);

  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      DemoFamily *df = demo_family_of (demo, item->family_id);

      if (df != NULL && !fill_board (demo, meeting, item, df, long_ago, i == 0, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_board_meetings (Demo    *demo,
                    GError **error)
{
  g_autofree char *today = hel_date_today ();
  g_autofree char *upcoming = next_tuesday (today);
  g_autofree char *back4 = iso_add_days (upcoming, -28);
  g_autofree char *back2 = iso_add_days (upcoming, -14);
  g_autofree char *group_next = iso_add_days (upcoming, 7);
  g_autofree char *group_back = iso_add_days (group_next, -28);
  g_autoptr(GPtrArray) group_families = g_ptr_array_new ();

  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(GPtrArray) active = g_ptr_array_new ();
      g_autoptr(GPtrArray) agenda = g_ptr_array_new ();
      g_autoptr(HelMeeting) first = NULL;
      g_autoptr(HelMeeting) second = NULL;
      g_autoptr(HelMeeting) next = NULL;
      g_autoptr(HelParticipant) guest = NULL;
      guint n = t == 0 ? 6 : 4;

      for (guint i = 0; i < demo->families->len; i++)
        {
          DemoFamily *df = demo->families->pdata[i];
          if (df->team == t && hel_family_get_end_date (df->family) == NULL)
            g_ptr_array_add (active, df);
        }
      shuffle (demo, active->pdata, active->len, sizeof (gpointer));
      for (guint i = 0; i < MIN (n, active->len); i++)
        g_ptr_array_add (agenda, active->pdata[i]);
      for (guint i = 0; i < MIN (3u, active->len); i++)
        g_ptr_array_add (group_families, active->pdata[i]);

      /* Four weeks ago, with a mentor who came for one family; two weeks ago, following up. */
      first = demo_meeting (demo, HEL_MEETING_TEAM, demo->team_ids[t], back4, "09:30", agenda, error);
      if (first == NULL)
        return FALSE;
      guest = hel_participant_new (0, t == 0 ? "Lise Mentorsen" : "Bo Praktiksen",
                                   t == 0 ? "Mentor" : "Virksomhedskonsulent", HEL_DISCIPLINE_OTHER);
      if (!hel_store_add_participant (demo->store, hel_meeting_data (first)->id, guest, error))
        return FALSE;
      g_ptr_array_add (hel_meeting_data (first)->participants,
                       g_steal_pointer (&guest));
      if (!fill_meeting (demo, first, TRUE, error))
        return FALSE;

      second = demo_meeting (demo, HEL_MEETING_TEAM, demo->team_ids[t], back2, "09:30", NULL, error);
      if (second == NULL || !fill_meeting (demo, second, FALSE, error))
        return FALSE;
      next = demo_meeting (demo, HEL_MEETING_TEAM, demo->team_ids[t], upcoming, "09:30", NULL, error);
      if (next == NULL)
        return FALSE;
    }

  {
    g_autoptr(HelMeeting) past = demo_meeting (demo, HEL_MEETING_PROJECT_GROUP, 0, group_back,
                                               "13:00", group_families, error);
    g_autoptr(HelMeeting) next = NULL;

    if (past == NULL || !fill_meeting (demo, past, TRUE, error))
      return FALSE;
    next = demo_meeting (demo, HEL_MEETING_PROJECT_GROUP, 0, group_next, "13:00", NULL, error);
    if (next == NULL)
      return FALSE;
  }
  return TRUE;
}

typedef gboolean (*DemoStepFunc) (Demo *demo, GError **error);

/* In order; each step may use what the steps above it made (demo->families and so on). */
static const struct {
  const char   *name;
  DemoStepFunc  run;
} steps[] = {
  { "teams", add_teams },
  { "caseworkers", add_caseworkers },
  { "families", add_families },
  { "members", add_members },
  { "income support", add_income_support },
  { "helpers", add_helpers },
  { "family plans", add_plans },
  { "network maps", add_netmaps },
  { "board meetings", add_board_meetings },
  { "measurements", add_measurements },
  { "timestamps", set_timestamps },
};

gboolean
hel_demo_generate (HelStore  *store,
                   guint32    seed,
                   GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) families = g_ptr_array_new_with_free_func (demo_family_free);
  Demo demo = { store, rand, { 0, 0 }, { NULL, NULL }, { NULL, NULL }, families };
  gboolean empty = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);

  if (!hel_store_begin (store, error))
    return FALSE;
  if (!hel_json_store_is_empty (store, &empty, error))
    {
      hel_store_rollback (store);
      return FALSE;
    }
  if (!empty)
    {
      hel_store_rollback (store);
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID,
                   _("The database “%s” already holds data. The demo is only made in a new, "
                     "empty database, so nothing was changed."), hel_store_get_path (store));
      return FALSE;
    }

  for (guint t = 0; t < 2; t++)
    {
      demo.job_centre[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
      demo.family_group[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    {
      ok = steps[i].run (&demo, error);
      if (!ok)
        g_prefix_error (error, _("The demo could not be made (step “%s”): "), steps[i].name);
    }
  for (guint t = 0; t < 2; t++)
    {
      g_array_unref (demo.job_centre[t]);
      g_array_unref (demo.family_group[t]);
    }

  if (!ok)
    {
      hel_store_rollback (store);
      return FALSE;
    }
  return hel_store_commit (store, error);
}
