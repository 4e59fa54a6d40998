/* lia-sample-data.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plausible community for demonstrations, screenshots, tests and
 * benchmarks: the partners of the public library of Riverbend, a Canadian
 * town on Mountain time. Everything is derived from the options alone (a
 * private PRNG seeded from options->seed, and options->today), never from
 * the clock, so the same options always give the same rows.
 *
 * The content is data, not interface text, and is therefore not translated.
 */

#define G_LOG_DOMAIN "lia-sample-data"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-sample-data.h"
#include "lia-validate.h"

#define SAMPLE_TZID        "America/Edmonton"
#define UID_DOMAIN         "sample.liaisonapp.org"
#define LIBRARY_NAME       "Riverbend Public Library"
#define LIBRARY_ADDRESS    "4920 50 Street, Riverbend, AB T9R 1A4"
#define LIBRARY_SITE       "https://www.riverbendlibrary.ca"
#define DEFAULT_PARTNERS   60
#define CANCEL_CHECK_MASK  0xff  /* every 256 rows */
#define DAY_CACHE_HALF     4096  /* days cached on either side of today */
#define SECONDS_PER_DAY    86400

/* The PRNG: splitmix64, small, fast and the same everywhere (unlike
 * GRand, whose sequence is not promised across GLib versions). */
typedef struct
{
  guint64 state;
} Rng;

static inline guint64
mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rng_next (Rng *rng)
{
  rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return mix64 (rng->state);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  rng->state = mix64 (seed ^ mix64 (stream + G_GUINT64_CONSTANT (0x5851f42d4c957f2d)));
}

/* A number in [0, n); n > 0. The modulo bias is far below anything visible. */
static inline guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint)((rng_next (rng) >> 11) % n);
}

/* A number in [lo, hi]. */
static inline int
rng_between (Rng *rng,
             int  lo,
             int  hi)
{
  return lo + (int)rng_below (rng, (guint)(hi - lo + 1));
}

/* TRUE with the given chance in percent. */
static inline gboolean
rng_percent (Rng   *rng,
             guint  percent)
{
  return rng_below (rng, 100) < percent;
}

/* An index into @weights, chosen in proportion to them. */
static guint
rng_weighted (Rng          *rng,
              const guint  *weights,
              guint         n)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  g_assert_not_reached ();
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* Unlike MIN and MAX, these evaluate their arguments once: many of them
 * draw from the PRNG. */
static inline gint64
max64 (gint64 a,
       gint64 b)
{
  return a > b ? a : b;
}

static inline gint64
min64 (gint64 a,
       gint64 b)
{
  return a < b ? a : b;
}

static inline int
max_int (int a,
         int b)
{
  return a > b ? a : b;
}

static inline int
min_int (int a,
         int b)
{
  return a < b ? a : b;
}

/* Enumerations, in the schema's words. */

enum { KIND_NONPROFIT, KIND_GOVERNMENT, KIND_SCHOOL, KIND_HEALTH,
       KIND_BUSINESS, KIND_FAITH, KIND_CLUB, KIND_OTHER, N_KINDS };
static const char * const kind_names[N_KINDS] = {
  "nonprofit", "government", "school", "health", "business", "faith", "club", "other",
};
static const guint kind_weights[N_KINDS] = { 30, 10, 14, 10, 14, 8, 9, 5 };

enum { STATUS_PROSPECT, STATUS_ACTIVE, STATUS_PAUSED, STATUS_ENDED, N_STATUSES };
static const char * const status_names[N_STATUSES] = { "prospect", "active", "paused", "ended" };
static const guint status_weights[N_STATUSES] = { 10, 70, 10, 10 };

enum { TIER_FEATURED, TIER_STANDARD, TIER_LISTED_ONLY, TIER_NOT_PROMOTED, N_TIERS };
static const char * const tier_names[N_TIERS] = { "featured", "standard", "listed-only", "not-promoted" };
static const guint tier_weights[N_TIERS] = { 10, 45, 35, 10 };

static const char * const upkeep_names[] = { "partner-sends", "library-asks" };

enum {
  CHANNEL_WEBSITE = 1 << 0,
  CHANNEL_BULLETIN = 1 << 1,
  CHANNEL_FLYER = 1 << 2,
  CHANNEL_NEWSLETTER = 1 << 3,
  CHANNEL_DISPLAY = 1 << 4,
  CHANNEL_ALL = 31,
};

static const int cadences[] = { 14, 21, 30, 30, 45, 60, 60, 90, 90, 90, 120, 180 };

enum { INTERACTION_CALL, INTERACTION_EMAIL, INTERACTION_MEETING, INTERACTION_VISIT,
       INTERACTION_EVENT, INTERACTION_NOTE, INTERACTION_UPDATE_REQUEST, N_INTERACTION_KINDS };
static const char * const interaction_kind_names[N_INTERACTION_KINDS] = {
  "call", "email", "meeting", "visit", "event", "note", "update-request",
};
static const guint interaction_kind_weights[N_INTERACTION_KINDS] = { 22, 30, 14, 7, 8, 10, 9 };

enum { EXPECTATION_ACTIVE, EXPECTATION_MET, EXPECTATION_MISSED, EXPECTATION_RETIRED, N_EXPECTATION_STATUSES };
static const char * const expectation_status_names[N_EXPECTATION_STATUSES] = {
  "active", "met", "missed", "retired",
};
static const guint expectation_status_weights[N_EXPECTATION_STATUSES] = { 60, 18, 12, 10 };

enum { AGREEMENT_MOU, AGREEMENT_LETTER, AGREEMENT_VERBAL, N_AGREEMENT_KINDS };
static const char * const agreement_kind_names[N_AGREEMENT_KINDS] = { "mou", "letter", "verbal" };
static const guint agreement_kind_weights[N_AGREEMENT_KINDS] = { 45, 30, 25 };

enum { AGREEMENT_DRAFT, AGREEMENT_ACTIVE, AGREEMENT_ENDED, N_AGREEMENT_STATUSES };
static const char * const agreement_status_names[N_AGREEMENT_STATUSES] = { "draft", "active", "ended" };

enum { EVENT_DRAFT, EVENT_CONFIRMED, EVENT_CANCELLED, EVENT_POSTPONED, N_EVENT_STATUSES };
static const char * const event_status_names[N_EVENT_STATUSES] = {
  "draft", "confirmed", "cancelled", "postponed",
};

static const char * const preferred_methods[] = {
  "email", "email", "email", "phone", "phone", "text", "in-person", "mail",
};

/* The people and places of Riverbend. */

static const char * const staff_names[] = {
  "Amira Haddad",
  "Daniel Tremblay",
  "Grace Okafor",
  "Mei-Lin Chen",
  "Jordan Cardinal",
};

static const char * const places[] = {
  "Riverbend", "Riverbend", "Riverbend", "Maple Grove", "Northside", "Southside",
  "Eastview", "Westbrook", "Cedar Hollow", "Willow Creek", "Aspen Park", "Birchwood",
  "Prairie View", "Lakeshore", "Old Town", "Millbrook", "Pinecrest", "Fairview",
  "Hillcrest", "Sunnyside", "Elmwood", "Poplar Ridge", "Meadowlark", "Stony Point",
  "Bellevue", "Saint-Isidore", "Lac-Sainte-Thérèse", "Côte-des-Érables",
};

static const char * const saints[] = {
  "Andrew", "Mary", "Paul", "Joseph", "John", "Margaret", "Luke", "Anne",
  "Thomas", "Stephen", "Michael", "Catherine", "Patrick", "James", "Gabriel", "Teresa",
};

static const char * const french_saints[] = {
  "Sainte-Anne", "Saint-Joseph", "Notre-Dame", "Saint-Isidore", "Sainte-Thérèse",
  "Saint-Éloi", "Père-Lacombe", "Sainte-Marguerite", "Saint-Jean-Baptiste", "des Érables",
  "Héritage", "La Prairie", "Boréale", "Citadelle",
};

static const char * const first_names[] = {
  "Olivia", "Liam", "Amira", "Noah", "Chloé", "Mathieu", "Priya", "Arjun", "Mei", "Wei",
  "Fatima", "Omar", "Grace", "Joseph", "Maria", "José", "Sophie", "Hannah", "Ethan", "Émilie",
  "Gabriel", "Nadia", "Kwame", "Ngozi", "Tomasz", "Anna", "Hiroshi", "Yuki", "Sarah", "David",
  "Leah", "Raj", "Simran", "Harpreet", "Daniel", "Isabelle", "Marc-André", "Linh", "Minh", "Aisha",
  "Mohammed", "Elena", "Ivan", "Rosa", "Carlos", "Jasmine", "Tyler", "Brianna", "Kateri", "Louis",
  "Zoé", "Hélène", "Ahmad", "Samuel", "Rachel", "Ayesha", "Connor", "Marisol", "Theo", "Ingrid",
  "Lucas", "Abigail", "Jun", "Farah", "Benoît", "Margaret", "Wyatt", "Sienna", "Dmitri", "Esther",
};

static const char * const surnames[] = {
  "Anderson", "Tremblay", "Gagnon", "Singh", "Chen", "Nguyen", "MacDonald", "Okafor",
  "Patel", "Kowalski", "Fehr", "Martin", "Bouchard", "Wong", "Friesen", "Thompson",
  "Cardinal", "Lavoie", "Ibrahim", "Santos", "Campbell", "Schmidt", "Kim", "Roy",
  "Morin", "Côté", "Bélanger", "Yusuf", "Haddad", "Petrov", "Hansen", "O’Brien",
  "Rodriguez", "Ahmed", "Delorme", "Laboucane", "Auger", "Gill", "Dhillon", "Reyes",
  "Cruz", "Mendoza", "Sato", "Park", "Larsen", "Wiebe", "Klassen", "Stewart",
  "Fraser", "Leblanc", "Gauthier", "Hébert", "Ostrowski", "Mahmoud", "Osei", "Boateng",
};

static const char * const street_names[] = {
  "50 Street", "50 Avenue", "49 Street", "51 Avenue", "Main Street", "Railway Avenue",
  "Riverside Drive", "Maple Crescent", "Birch Road", "Aspen Way", "Centennial Drive",
  "Heritage Boulevard", "Lakeview Road", "Prairie Lane", "Cedar Street", "Willow Close",
  "Rue Principale", "Boulevard Sainte-Anne", "Mission Road", "Industrial Road",
};

static const char * const area_codes[] = { "780", "780", "587", "825" };

/* Organisation templates: in names, '@' is a place, '#' a surname, '$' a
 * saint and '^' a French saint or school name; services are '|'-separated,
 * and a partner offers some of them. */
typedef struct
{
  const char *name;
  const char *mission;
  const char *services;
  gboolean    french;
} OrgTemplate;

typedef struct
{
  const OrgTemplate  *orgs;
  guint               n_orgs;
  const char * const *roles;
  guint               n_roles;
  const char * const *tags;
  guint               n_tags;
  const char         *domain_suffix;
} KindProfile;

static const OrgTemplate nonprofit_orgs[] = {
  { "@ Food Bank", "Runs a weekly food hamper program and an emergency food cupboard for families in need.",
    "Food hampers|Emergency food|Holiday food drive|Volunteer shifts" },
  { "@ Literacy Council", "Matches adult learners with volunteer tutors for reading, writing and numeracy.",
    "Adult tutoring|Family literacy nights|Tutor training|Book clubs for new readers" },
  { "@ Family Resource Network", "Supports parents and caregivers with parenting programs, playgroups and referrals.",
    "Parenting workshops|Playgroups|Toy lending shelf|Home visits|Referrals" },
  { "@ Immigrant Settlement Services", "Helps newcomers settle in: language classes, job search help and paperwork clinics.",
    "Settlement counselling|English classes|Job search help|Interpretation|Citizenship test preparation" },
  { "Friends of the @ Library", "Volunteers who raise money for library programs through book sales and events.",
    "Used book sales|Fundraising|Volunteer readers|Author visits" },
  { "@ Housing Coalition", "Advocates for affordable housing and helps tenants understand their rights.",
    "Tenant information sessions|Rent supplement help|Housing registry|Advocacy" },
  { "@ Youth Centre", "Offers drop-in programs, mentoring and a safe space for young people after school.",
    "Youth drop-in|Mentoring|Homework help|Summer programs|Hot meals" },
  { "Big Brothers Big Sisters of @", "Matches children and teens with adult mentors, one to one and in schools.",
    "One-to-one mentoring|In-school mentoring|Volunteer screening|Group outings" },
  { "@ Women’s Shelter", "Provides safe shelter, outreach and advocacy for women and children leaving violence.",
    "Emergency shelter|24-hour crisis line|Outreach|Court support|Children’s counselling" },
  { "@ Community Garden Society", "Brings volunteers together to grow food and share it with neighbours.",
    "Garden plots|Seed library|Gardening workshops|Harvest sharing" },
  { "Habitat for Humanity @", "Builds affordable homes with volunteers and partner families, and runs a ReStore.",
    "Home building|ReStore|Volunteer build days|Home repair program" },
  { "@ Arts Council", "Supports local artists and runs the summer arts festival and a small gallery.",
    "Art exhibitions|Arts festival|Artist grants|Workshops" },
  { "@ Historical Society", "Keeps the town’s history alive through archives, walking tours and talks.",
    "Archives by appointment|Walking tours|History talks|Oral history project" },
  { "@ Multicultural Association", "Celebrates the cultures of Riverbend with festivals, concerts and language classes.",
    "Cultural festivals|Heritage language classes|Concerts|Interpretation" },
  { "Association canadienne-française de @", "Rassemble la communauté francophone : activités culturelles, cours de français et fête de la Saint-Jean-Baptiste.",
    "Activités culturelles|Cours de français|Fête de la Saint-Jean-Baptiste|Soirées de contes", TRUE },
  { "@ Meals on Wheels", "Delivers hot, nutritious meals to seniors and people recovering at home.",
    "Meal delivery|Frozen meals|Friendly visits|Volunteer drivers" },
  { "@ Hospice Society", "Offers grief support, companionship and care for people at the end of life.",
    "Grief support groups|Companion volunteers|Advance care planning|Memorial events" },
  { "@ Volunteer Centre", "Connects residents with volunteer roles and helps groups recruit and train volunteers.",
    "Volunteer matching|Volunteer fairs|Board training|Police check help" },
  { "@ Community Kitchen", "Cooks and shares low-cost meals, and teaches cooking on a budget.",
    "Community meals|Cooking classes|Food safety training|Frozen meal program" },
  { "@ Pride Society", "Creates safe, welcoming spaces for 2SLGBTQ+ people and organises the Pride festival.",
    "Pride festival|Peer support|Youth group|Inclusion training" },
  { "@ Métis Local", "Brings Métis families together and shares Métis culture, history and language.",
    "Cultural gatherings|Michif language circles|Elders’ teachings|Jigging lessons" },
  { "@ Newcomer Welcome Centre", "The first stop for newcomers: orientation, conversation circles and help with forms.",
    "Orientation sessions|Conversation circles|Help with forms|Welcome kits" },
};

static const OrgTemplate government_orgs[] = {
  { "Town of @ Parks and Recreation", "Runs the town’s recreation centres, parks, trails and day camps.",
    "Recreation programs|Day camps|Swimming lessons|Trail maps|Facility bookings" },
  { "@ Fire Hall", "Delivers fire prevention visits, smoke alarm checks and school safety talks.",
    "Fire safety talks|Smoke alarm checks|Fire hall tours|Home escape planning" },
  { "@ RCMP Community Policing", "Works with residents on crime prevention, road safety and fraud awareness.",
    "Fraud awareness talks|Bike rodeos|Block watch|Youth liaison" },
  { "Service Canada @", "Offers help with benefits, pensions, employment insurance and passports.",
    "Benefit applications|Pension information|Employment insurance|Passport services|Social insurance numbers" },
  { "Alberta Supports @", "Helps people find income, employment and family support programs.",
    "Income support information|Job search help|Child care subsidy|Seniors’ benefits" },
  { "@ Family and Community Support Services", "Funds and runs preventive social programs for seniors, youth and families.",
    "Seniors’ outreach|Tax clinics|Parenting programs|Snow angels program|Community grants" },
  { "Town of @ Public Works", "Maintains roads, water and waste services, and runs the spring clean-up.",
    "Spring clean-up|Recycling information|Water conservation tips|Snow clearing updates" },
  { "@ County Agricultural Services", "Supports local farmers and runs the fall agricultural fair.",
    "Agricultural fair|Weed and pest advice|Farm safety|4-H support" },
  { "@ Community Peace Officers", "Enforces bylaws and teaches residents about pet licensing, parking and safety.",
    "Bylaw information|Pet licensing|Safety presentations" },
  { "@ Transit", "Runs the town’s buses and the accessible door-to-door service.",
    "Transit passes|Accessible transit|Travel training" },
  { "Town of @ Archives", "Keeps council records, maps and photographs, and helps researchers use them.",
    "Research help|Photo collection|Map collection|Records requests" },
  { "Town of @ Economic Development", "Helps people start and grow businesses, with workshops and a business directory.",
    "Business workshops|Business directory|Start-up advice|Shop local campaign" },
};

static const OrgTemplate school_orgs[] = {
  { "École ^", "Une école francophone de la maternelle à la 12e année, pour les familles de toute la région.",
    "Visites de classe|Heure du conte|Soirées d’information pour les parents|Salon du livre", TRUE },
  { "@ Elementary School", "A kindergarten to grade 6 school with a strong reading buddies program.",
    "Class visits|Reading buddies|Library card sign-up days|Family reading nights" },
  { "@ Junior High School", "Serves grades 7 to 9, with clubs, sports and a busy homework club.",
    "Class visits|Homework club|Book talks|Robotics club" },
  { "@ Composite High School", "Serves grades 10 to 12, with a career centre and dual-credit courses.",
    "Career fairs|Dual-credit courses|Volunteer hours|Research skills workshops" },
  { "St. $ Catholic School", "A kindergarten to grade 9 Catholic school with a choir and a breakfast program.",
    "Class visits|Breakfast program|Choir concerts|Reading buddies" },
  { "@ Montessori Preschool", "A play-based preschool that visits the library for story time every month.",
    "Preschool programs|Story time visits|Parent information nights" },
  { "Riverbend College, @ Campus", "Diploma and certificate programs, with continuing education in the evenings.",
    "Continuing education|Diploma programs|Career advising|Computer courses" },
  { "@ Adult Learning Centre", "Offers upgrading, English as an additional language and GED preparation for adults.",
    "Adult upgrading|English language classes|GED preparation|Computer basics" },
  { "@ Christian Academy", "A small independent school, kindergarten to grade 12.",
    "Class visits|Science fair|Volunteer tutors" },
  { "@ Outreach School", "Flexible high school programs for students who need another path to their diploma.",
    "Flexible schedules|Credit recovery|Career counselling|Youth supports" },
  { "@ Head Start Preschool", "A free preschool for families with low incomes, with family support and meals.",
    "Preschool programs|Family support|Healthy snacks|Home visits" },
  { "@ Middle School", "Grades 5 to 8, with a makerspace and a student-run book club.",
    "Makerspace|Book club|Class visits|Science fair" },
  { "@ Home Educators’ Network", "Families who home-school, sharing field trips, co-op classes and resources.",
    "Co-op classes|Field trips|Curriculum swaps|Library group visits" },
  { "École secondaire ^", "Une école secondaire francophone de la 7e à la 12e année.",
    "Visites de classe|Club de lecture|Théâtre|Orientation scolaire", TRUE },
};

static const OrgTemplate health_orgs[] = {
  { "@ Community Health Centre", "Offers immunizations, well-baby clinics and health information for all ages.",
    "Immunization clinics|Well-baby clinics|Prenatal classes|Health information" },
  { "@ Primary Care Network", "A team of family doctors, nurses and dietitians with free wellness classes.",
    "Diabetes education|Healthy eating classes|Chronic disease programs|Mental health support" },
  { "@ Hospital Foundation", "Raises funds for equipment and patient comfort at the hospital.",
    "Fundraising events|Equipment campaigns|Volunteer program" },
  { "@ Dental Clinic", "A family dental clinic that runs free dental checks for children twice a year.",
    "Children’s dental checks|Oral health talks|Fluoride varnish clinics" },
  { "Canadian Mental Health Association, @ Branch", "Supports people living with mental illness and their families, with peer groups.",
    "Mental health first aid|Peer support groups|Suicide prevention training|Family support" },
  { "@ Seniors’ Wellness Clinic", "Runs falls prevention, memory cafés and blood pressure clinics for seniors.",
    "Falls prevention classes|Memory café|Blood pressure checks|Medication reviews" },
  { "#’s Pharmacy", "An independent pharmacy offering flu shots, medication reviews and health talks.",
    "Flu shots|Medication reviews|Blood pressure checks|Health talks" },
  { "@ Physiotherapy", "A physiotherapy clinic that leads free walking and balance classes.",
    "Balance classes|Walking group|Injury prevention talks" },
  { "@ Public Health Unit", "Runs immunization, sexual health and healthy living programs for the region.",
    "Immunization clinics|Hearing screening|Healthy living talks|Car seat clinics" },
  { "@ Addiction Recovery Society", "Provides counselling and recovery support, with drop-in hours twice a week.",
    "Counselling|Recovery groups|Naloxone training|Family support" },
  { "@ Hearing Clinic", "Hearing tests and hearing aid support, with talks on hearing loss.",
    "Hearing screening|Hearing aid clinics|Talks on hearing loss" },
  { "@ Midwifery Collective", "Midwives who offer prenatal care, birth support and new parent circles.",
    "Prenatal classes|New parent circles|Breastfeeding support" },
  { "Centre de santé ^", "Un centre de santé communautaire qui offre ses services en français.",
    "Cliniques de vaccination|Soins infirmiers|Ateliers de santé", TRUE },
};

static const OrgTemplate business_orgs[] = {
  { "#’s Hardware", "A family hardware store on Main Street that sponsors the summer reading program.",
    "Event sponsorship|Door prizes|Fix-it workshops" },
  { "@ Credit Union", "Offers free financial literacy workshops and sponsors community events.",
    "Financial literacy workshops|Event sponsorship|Meeting space|Youth savings program" },
  { "# and Sons Bakery", "Bakes for the farmers’ market and gives day-old bread to the food bank.",
    "Baking for events|Food donations|Bakery tours" },
  { "@ Co-op", "The member-owned grocery and gas co-op, with a community fund for local groups.",
    "Community grants|Coffee for events|Grocery gift cards|Food donations" },
  { "# Coffee House", "A café that hosts open mic nights and shows local art.",
    "Open mic nights|Art on the walls|Coffee for events" },
  { "@ Chamber of Commerce", "Represents local businesses and runs the small business awards.",
    "Business networking|Small business awards|Shop local campaign" },
  { "# Books", "An independent bookshop that brings authors to town and runs a children’s book club.",
    "Author visits|Book launches|Children’s book club|Book fair" },
  { "Café ^", "Un café où se retrouvent les familles francophones et les clubs de conversation.",
    "Conversation française|Soirées musicales|Café pour les événements", TRUE },
  { "@ Insurance", "An insurance broker that sponsors local sports and safety events.",
    "Event sponsorship|Home safety tips|Door prizes" },
  { "# Family Farm", "Grows vegetables and runs farm tours for school classes every fall.",
    "Farm tours|Seed donations|Pumpkin patch|Market stall" },
  { "@ Print Shop", "Prints the library’s flyers at cost and sponsors the teen writing contest.",
    "Printing at cost|Poster design|Contest sponsorship" },
  { "@ Bike Co.", "A bike shop that runs repair clinics and donates bikes to newcomers.",
    "Bike repair clinics|Bike donations|Helmet fitting" },
  { "# Law Office", "A law firm that offers free legal information sessions twice a year.",
    "Free legal information|Wills and estates talks|Pro bono clinics" },
  { "@ Grocers", "A neighbourhood grocery that donates food for library programs.",
    "Food donations|Gift cards for prizes|Healthy snack sponsorship" },
  { "#’s Garden Centre", "A garden centre that stocks the seed library and teaches gardening basics.",
    "Seed donations|Gardening workshops|Plant sale" },
  { "@ Brewing Company", "A craft brewery that hosts trivia nights for local fundraisers.",
    "Fundraiser trivia nights|Event space|Sponsorship" },
  { "@ Computer Repair", "Repairs and refurbishes computers, and donates laptops to families in need.",
    "Laptop donations|Tech help sessions|Computer recycling" },
  { "Boulangerie ^", "Une boulangerie artisanale qui offre le pain des soupers communautaires.",
    "Pain pour les événements|Visites de la boulangerie|Dons alimentaires", TRUE },
};

static const OrgTemplate faith_orgs[] = {
  { "St. $’s Anglican Church", "A welcoming congregation that hosts a community supper every Thursday.",
    "Community suppers|Hall rental|Choir concerts|Bereavement support" },
  { "St. $’s Community Church", "Runs a clothing bank, English classes for newcomers and a youth group.",
    "Clothing bank|English classes|Youth group|Hall rental" },
  { "@ United Church", "Offers its hall to community groups and hosts a weekly seniors’ coffee.",
    "Hall rental|Seniors’ coffee|Community garden|Concerts" },
  { "@ Islamic Centre", "A mosque and community centre with Arabic classes, a food drive and open houses.",
    "Arabic classes|Food drive|Open houses|Youth programs" },
  { "@ Gurdwara", "Serves free langar every Sunday and welcomes visitors of all faiths.",
    "Free meals|Punjabi classes|Open houses|Food donations" },
  { "@ Mennonite Fellowship", "Sponsors newcomer families and runs a thrift shop and a winter coat drive.",
    "Newcomer sponsorship|Thrift shop|Winter coat drive|Quilting group" },
  { "Paroisse ^", "Une paroisse catholique francophone qui accueille chorales, soupers et groupes de jeunes.",
    "Messe en français|Chorale|Soupers paroissiaux|Salle communautaire", TRUE },
  { "@ Baptist Church", "Hosts a summer day program, a food cupboard and a parents’ morning out.",
    "Food cupboard|Parents’ morning out|Summer day program" },
  { "@ Jewish Community Centre", "Holds holiday celebrations, a Hebrew school and an interfaith seder.",
    "Hebrew school|Holiday celebrations|Interfaith events" },
  { "@ Lutheran Church", "A small congregation that runs a weekly soup lunch and a quilting circle.",
    "Soup lunch|Quilting circle|Hall rental" },
  { "@ Buddhist Society", "Offers meditation evenings open to everyone and a yearly lantern festival.",
    "Meditation evenings|Lantern festival|Dharma talks" },
  { "@ Alliance Church", "Runs a youth centre, a parents’ group and a Christmas hamper program.",
    "Youth centre|Parents’ group|Christmas hampers" },
  { "St. $’s Ukrainian Catholic Parish", "Keeps Ukrainian traditions alive with pysanka workshops, a choir and a perogy supper.",
    "Pysanka workshops|Choir|Perogy suppers|Ukrainian school" },
  { "@ Hindu Society", "Celebrates Diwali and Holi with the whole town and runs language and dance classes.",
    "Diwali festival|Holi celebration|Dance classes|Language classes" },
};

static const OrgTemplate club_orgs[] = {
  { "@ Rotary Club", "Members meet every week and raise money for local literacy projects.",
    "Literacy grants|Dictionary project|Volunteer readers|Fundraising dinners" },
  { "@ Lions Club", "A service club that collects used eyeglasses and funds vision screening for children.",
    "Eyeglass collection|Vision screening|Pancake breakfasts" },
  { "@ Quilters’ Guild", "A friendly group of quilters who teach beginners and show their work at the fair.",
    "Beginner lessons|Quilt shows|Charity quilts" },
  { "@ Chess Club", "Players of all ages meet weekly; beginners and juniors welcome.",
    "Weekly games|Junior lessons|Tournaments" },
  { "@ Seniors’ Centre", "Runs drop-in games, classes and lunches for people over 55.",
    "Drop-in games|Fitness classes|Hot lunches|Tech help" },
  { "@ Model Railroad Club", "Builds and runs a large model railway that opens to the public twice a year.",
    "Open houses|Exhibitions|Workshops" },
  { "@ Curling Club", "A community curling rink with learn-to-curl nights and junior leagues.",
    "Learn to curl|Junior leagues|Rink rental" },
  { "@ Naturalists", "Leads guided walks, bird counts and talks about the river valley.",
    "Guided walks|Bird counts|Nature talks|Nest box building" },
  { "@ Knitting Circle", "Meets to knit and crochet together, and gives hats and blankets to the hospital.",
    "Beginner lessons|Charity knitting|Yarn swaps" },
  { "@ Camera Club", "Photographers who share tips, run photo walks and hold an annual exhibition.",
    "Photo walks|Exhibitions|Workshops" },
  { "@ Writers’ Circle", "Meets twice a month to share work in progress and runs an annual writing contest.",
    "Writing contest|Critique groups|Open readings" },
  { "Club de lecture ^", "Un club de lecture en français qui se réunit une fois par mois.",
    "Rencontres mensuelles|Suggestions de lecture|Rencontres d’auteurs", TRUE },
  { "@ Astronomy Club", "Brings telescopes to public star parties at the library and in the park.",
    "Public star parties|Telescope lending|Astronomy talks" },
  { "@ Garden Club", "Gardeners who share tips, swap plants and keep up the library’s flower beds.",
    "Plant swaps|Garden tours|Gardening talks" },
  { "@ Toastmasters", "Helps members build confidence in public speaking and leadership.",
    "Public speaking practice|Speech contests|Open meetings" },
  { "@ Genealogy Society", "Helps people trace their family history with volunteers and local records.",
    "Family history help|Records indexing|Beginner workshops" },
  { "@ Robotics Club", "Young builders design, code and compete with robots.",
    "Robotics workshops|Competitions|Coding club" },
  { "Royal Canadian Legion, @ Branch", "Supports veterans and their families and organises the Remembrance Day ceremony.",
    "Remembrance Day ceremony|Veterans’ support|Hall rental|Poppy campaign" },
};

static const OrgTemplate other_orgs[] = {
  { "@ Farmers’ Market", "A Saturday market with more than 60 vendors from May to October.",
    "Market stalls|Community table|Local food" },
  { "@ Community Radio", "A volunteer-run radio station with a weekly show about library programs.",
    "Radio interviews|Public service announcements|Podcast studio" },
  { "@ Heritage Museum", "Collects and shows the stories of the people who settled the river valley.",
    "Museum tours|Exhibit loans|School programs" },
  { "@ Makerspace", "A shared workshop with 3D printers, laser cutters and sewing machines.",
    "Maker workshops|3D printing|Open shop nights" },
  { "@ Toy Library", "Lends toys and games to families, and runs play sessions for toddlers.",
    "Toy lending|Play sessions|Parent meetups" },
  { "Little Free Libraries of @", "Volunteers who build and stock little free libraries across the neighbourhood.",
    "Book boxes|Book donations|Build days" },
  { "@ Repair Café", "Volunteers help people fix things instead of throwing them away.",
    "Repair clinics|Tool lending|Sewing repairs" },
  { "@ Film Society", "Screens independent and Canadian films once a month, with discussions.",
    "Film screenings|Film discussions|Film festival" },
  { "@ Community Theatre", "Stages three community plays a year and runs drama camps for kids.",
    "Plays|Drama camps|Costume lending" },
  { "@ Tool Library", "Lends tools and teaches basic home repair.",
    "Tool lending|Home repair workshops" },
  { "@ Pow Wow Committee", "Organises the summer pow wow and shares First Nations culture all year.",
    "Pow wow|Cultural teachings|Drum and dance workshops" },
  { "@ Folk Festival", "Runs a weekend folk music festival each summer and concerts through the year.",
    "Music festival|Concerts|Volunteer crew" },
};

static const char * const nonprofit_roles[] = {
  "Executive Director", "Program Coordinator", "Volunteer Coordinator", "Board Chair",
  "Outreach Worker", "Office Manager", "Communications Coordinator", "Settlement Counsellor",
};

static const char * const nonprofit_tags[] = {
  "food security", "literacy", "newcomers", "youth", "families", "housing", "volunteers", "culture",
};

static const char * const government_roles[] = {
  "Community Programs Supervisor", "Fire Prevention Officer", "Community Liaison Officer",
  "Service Delivery Manager", "FCSS Coordinator", "Communications Officer", "Recreation Programmer",
};

static const char * const government_tags[] = {
  "recreation", "public safety", "seniors", "employment", "government services", "families",
};

static const char * const school_roles[] = {
  "Principal", "Vice-Principal", "Teacher-Librarian", "Family School Liaison Worker",
  "Office Administrator", "Program Coordinator", "Kindergarten Teacher", "Guidance Counsellor",
};

static const char * const school_tags[] = {
  "children", "teens", "literacy", "education", "francophone", "adult learning",
};

static const char * const health_roles[] = {
  "Health Promotion Coordinator", "Clinic Manager", "Public Health Nurse", "Pharmacist",
  "Program Facilitator", "Community Development Lead", "Dietitian", "Executive Director",
};

static const char * const health_tags[] = {
  "health", "mental health", "seniors", "wellness", "accessibility", "parents",
};

static const char * const business_roles[] = {
  "Owner", "Store Manager", "Marketing Coordinator", "Branch Manager",
  "Community Relations Manager", "Executive Director", "Co-owner", "Events Coordinator",
};

static const char * const business_tags[] = {
  "sponsor", "local business", "employment", "financial literacy", "food",
};

static const char * const faith_roles[] = {
  "Pastor", "Parish Administrator", "Outreach Coordinator", "Imam", "Youth Leader",
  "Office Manager", "Council Chair", "Rabbi",
};

static const char * const faith_tags[] = {
  "faith", "food security", "newcomers", "seniors", "volunteers",
};

static const char * const club_roles[] = {
  "President", "Secretary", "Treasurer", "Programs Chair", "Past President",
  "Membership Chair", "Coordinator",
};

static const char * const club_tags[] = {
  "hobbies", "seniors", "arts", "STEM", "outdoors", "volunteers",
};

static const char * const other_roles[] = {
  "Market Manager", "Station Manager", "Curator", "Coordinator", "Artistic Director",
  "Volunteer Lead", "Chair",
};

static const char * const other_tags[] = {
  "arts", "culture", "environment", "makers", "indigenous",
};

#define PROFILE(kind, suffix) { \
    kind##_orgs, G_N_ELEMENTS (kind##_orgs), \
    kind##_roles, G_N_ELEMENTS (kind##_roles), \
    kind##_tags, G_N_ELEMENTS (kind##_tags), \
    suffix }

static const KindProfile kind_profiles[N_KINDS] = {
  PROFILE (nonprofit, "org"),
  PROFILE (government, "ca"),
  PROFILE (school, "ca"),
  PROFILE (health, "ca"),
  PROFILE (business, "ca"),
  PROFILE (faith, "org"),
  PROFILE (club, "org"),
  PROFILE (other, "org"),
};

#undef PROFILE

static const char * const general_tags[] = {
  "children", "teens", "seniors", "newcomers", "families", "literacy", "francophone",
  "indigenous", "2SLGBTQ+", "accessibility", "volunteers", "arts", "health", "STEM",
  "environment", "employment", "rural", "summer reading", "outreach", "grants",
};

static const char * const partner_notes[] = {
  "Prefers to be contacted in the mornings.",
  "Office closed in July and August.",
  "Ask for the side door when delivering books.",
  "Board meets on the first Monday of the month; decisions wait until then.",
  "Shares a building with the seniors’ centre.",
  "Sends listings as a PDF; copy them into events by hand.",
  "French-speaking staff; send materials in both languages.",
  "Budget year starts in April.",
  "Good partner for the summer reading kick-off.",
};

static const char * const contact_notes[] = {
  "Works Tuesday to Thursday.",
  "Prefers French.",
  "Best reached by text.",
  "Away on leave until further notice.",
  "Also volunteers at the food bank.",
  "Copy the office address on all e-mails.",
};

/* Agreements, expectations and the contact log. */

static const char * const agreement_titles[] = {
  "Meeting room use",
  "Program listings exchange",
  "Deposit collection",
  "Summer reading partnership",
  "Outreach story time",
  "Cross-promotion of programs",
  "Shared volunteer program",
  "Newcomer services referral",
  "Technology lending",
  "Community resource directory listing",
};

typedef struct
{
  const char *what;
  int         cadence_days;  /* 0: a one-off with a due date */
} ExpectationTemplate;

static const ExpectationTemplate partner_provides[] = {
  { "Send their program listings every month", 30 },
  { "Share the monthly newsletter", 30 },
  { "Provide volunteers for the summer reading program", 0 },
  { "Post library events on their bulletin board", 14 },
  { "Report attendance after each joint program", 90 },
  { "Send an updated logo and description each year", 365 },
  { "Confirm the fall program schedule", 0 },
  { "Return the borrowed display boards", 0 },
  { "Send photos for the annual report", 0 },
  { "Bring a guest speaker to the seniors’ series each quarter", 90 },
};

static const ExpectationTemplate library_provides[] = {
  { "Lend the meeting room on the 2nd Tuesday", 30 },
  { "Promote their events in the community bulletin", 30 },
  { "Deliver a deposit collection of 50 books each term", 120 },
  { "Host a table at the fall open house", 0 },
  { "Provide a librarian for story time every month", 30 },
  { "Print 100 flyers for their spring fundraiser", 0 },
  { "Run a library card sign-up day", 0 },
  { "Send the list of new large-print books", 60 },
  { "Feature them on the display board for two weeks", 180 },
  { "Share the summer reading results", 365 },
};

static const char * const topics[] = {
  "the spring program schedule", "the summer reading kick-off", "room bookings for the fall",
  "a joint grant application", "the newcomer welcome fair", "volunteer training",
  "the holiday food drive", "their new program coordinator", "the annual report",
  "flyers for the community bulletin", "an author visit", "the seniors’ tech help series",
  "a deposit collection", "their updated opening hours", "the family literacy day",
  "the partnership agreement renewal", "event photos", "the career fair",
};

static const char * const outcomes[] = {
  "", "", "",
  "Agreed to send listings by the 20th of each month.",
  "They will confirm dates after their board meeting.",
  "Booked the program room.",
  "Sent them our flyer template.",
  "They are short of volunteers this season.",
  "Added their events to the bulletin.",
  "They asked for a second session.",
  "New contact person from next month.",
  "Will share our survey with their members.",
};

static const char * const confirming_outcomes[] = {
  "Information on file is still correct.",
  "Updated their opening hours and contact details.",
  "Confirmed their description and services.",
};

static const char * const update_request_outcomes[] = {
  "", "Sent the form by e-mail.", "Waiting for their reply.",
};

/* Events. */

enum { AUDIENCE_CHILDREN, AUDIENCE_TEENS, AUDIENCE_ADULTS, AUDIENCE_SENIORS,
       AUDIENCE_FAMILIES, AUDIENCE_ALL };
static const char * const audience_names[] = {
  "children", "teens", "adults", "seniors", "families", "all",
};

enum { REPEAT_NONE, REPEAT_WEEKLY, REPEAT_MONTHLY };

typedef struct
{
  const char *title;
  const char *summary;
  int         kind;          /* a partner kind, or -1 for any (and the library's own) */
  guint8      audience;
  guint8      repeat;        /* how such a program usually recurs */
  guint8      hour;          /* usual start, local time */
  guint8      minute;
  guint16     minutes;       /* duration; 0 = all day */
  const char *category;
} EventTemplate;

static const EventTemplate event_templates[] = {
  { "Family Story Time", "Stories, songs and rhymes for little ones and their grown-ups.", -1, AUDIENCE_FAMILIES, REPEAT_WEEKLY, 10, 30, 45, "Story time" },
  { "Baby Rhyme Time", "Bounces, songs and rhymes for babies up to 18 months.", -1, AUDIENCE_FAMILIES, REPEAT_WEEKLY, 10, 0, 30, "Story time" },
  { "Heure du conte en français", "Histoires et chansons en français pour les 3 à 6 ans.", KIND_SCHOOL, AUDIENCE_CHILDREN, REPEAT_MONTHLY, 10, 30, 45, "Français" },
  { "Seniors’ Tech Help", "Bring your phone, tablet or laptop and your questions.", -1, AUDIENCE_SENIORS, REPEAT_WEEKLY, 14, 0, 90, "Technology" },
  { "Teen Game Night", "Board games, video games and pizza for ages 12 to 17.", -1, AUDIENCE_TEENS, REPEAT_WEEKLY, 18, 30, 120, "Games" },
  { "Lego Club", "Build, share and show off your creations.", -1, AUDIENCE_CHILDREN, REPEAT_WEEKLY, 15, 45, 60, "STEM" },
  { "Newcomer Conversation Circle", "Practise English in a relaxed, friendly group.", KIND_NONPROFIT, AUDIENCE_ADULTS, REPEAT_WEEKLY, 18, 0, 90, "Newcomers" },
  { "Free Tax Clinic", "Volunteers file simple returns for people with modest incomes.", KIND_NONPROFIT, AUDIENCE_ADULTS, REPEAT_NONE, 10, 0, 240, "Financial literacy" },
  { "Community Food Drive", "Drop off non-perishable food at the library all week.", KIND_NONPROFIT, AUDIENCE_ALL, REPEAT_NONE, 0, 0, 0, "Food" },
  { "Community Garden Work Bee", "Help plant, weed and harvest; gloves provided.", KIND_NONPROFIT, AUDIENCE_ALL, REPEAT_MONTHLY, 9, 0, 180, "Outdoors" },
  { "Adult Literacy Tutor Training", "Learn how to tutor adults in reading and writing.", KIND_NONPROFIT, AUDIENCE_ADULTS, REPEAT_NONE, 18, 30, 150, "Literacy" },
  { "Heritage Walking Tour", "Discover the stories behind Old Town’s buildings.", KIND_NONPROFIT, AUDIENCE_ALL, REPEAT_NONE, 13, 0, 90, "Culture & heritage" },
  { "Fire Safety for Families", "Firefighters show how to plan an escape and check smoke alarms.", KIND_GOVERNMENT, AUDIENCE_FAMILIES, REPEAT_NONE, 11, 0, 60, "Health & wellness" },
  { "Benefits and Pensions Information Session", "Service Canada staff answer questions about benefits and pensions.", KIND_GOVERNMENT, AUDIENCE_SENIORS, REPEAT_MONTHLY, 13, 30, 90, "Government services" },
  { "Day Camp Registration Help", "Get help registering for day camps online.", KIND_GOVERNMENT, AUDIENCE_FAMILIES, REPEAT_NONE, 17, 0, 120, "Recreation" },
  { "Reading Buddies", "Older students read with younger ones at the library.", KIND_SCHOOL, AUDIENCE_CHILDREN, REPEAT_WEEKLY, 13, 15, 45, "Literacy" },
  { "Science Fair Showcase", "Students show their science fair projects.", KIND_SCHOOL, AUDIENCE_FAMILIES, REPEAT_NONE, 18, 0, 120, "STEM" },
  { "GED Study Group", "Prepare for the high school equivalency exam together.", KIND_SCHOOL, AUDIENCE_ADULTS, REPEAT_WEEKLY, 18, 0, 120, "Adult learning" },
  { "Blood Pressure Clinic", "Free blood pressure checks by a public health nurse.", KIND_HEALTH, AUDIENCE_SENIORS, REPEAT_MONTHLY, 10, 0, 120, "Health & wellness" },
  { "Memory Café", "A relaxed afternoon for people living with dementia and their care partners.", KIND_HEALTH, AUDIENCE_SENIORS, REPEAT_MONTHLY, 14, 0, 90, "Health & wellness" },
  { "Mental Health First Aid", "Learn to help someone in a mental health crisis (two-day course).", KIND_HEALTH, AUDIENCE_ADULTS, REPEAT_NONE, 9, 0, 420, "Health & wellness" },
  { "Flu Shot Clinic", "Walk-in flu and COVID-19 vaccines for everyone six months and older.", KIND_HEALTH, AUDIENCE_ALL, REPEAT_NONE, 9, 30, 360, "Health & wellness" },
  { "Small Business Basics", "Writing a business plan, with a local credit union advisor.", KIND_BUSINESS, AUDIENCE_ADULTS, REPEAT_NONE, 19, 0, 90, "Employment" },
  { "Money Matters for Teens", "Budgeting, banking and your first paycheque.", KIND_BUSINESS, AUDIENCE_TEENS, REPEAT_NONE, 16, 0, 60, "Financial literacy" },
  { "Bike Repair Clinic", "Bring your bike; mechanics show you how to fix it.", KIND_BUSINESS, AUDIENCE_ALL, REPEAT_NONE, 10, 0, 180, "Outdoors" },
  { "Community Supper", "A free hot meal; everyone is welcome.", KIND_FAITH, AUDIENCE_ALL, REPEAT_WEEKLY, 17, 30, 90, "Food" },
  { "Warm Clothing Drive", "Donate or pick up coats, boots and mittens.", KIND_FAITH, AUDIENCE_ALL, REPEAT_NONE, 0, 0, 0, "Community" },
  { "Interfaith Dialogue Evening", "Neighbours of different faiths talk about a shared theme.", KIND_FAITH, AUDIENCE_ADULTS, REPEAT_MONTHLY, 19, 0, 120, "Culture & heritage" },
  { "Chess Club", "All levels welcome; boards provided.", KIND_CLUB, AUDIENCE_ALL, REPEAT_WEEKLY, 18, 30, 120, "Games" },
  { "Knitting Circle", "Bring a project or learn the basics.", KIND_CLUB, AUDIENCE_ADULTS, REPEAT_WEEKLY, 13, 30, 120, "Arts & crafts" },
  { "Star Party", "Look through telescopes with the astronomy club, weather permitting.", KIND_CLUB, AUDIENCE_FAMILIES, REPEAT_MONTHLY, 20, 30, 120, "STEM" },
  { "Writers’ Circle", "Share a piece of writing and get friendly feedback.", KIND_CLUB, AUDIENCE_ADULTS, REPEAT_MONTHLY, 19, 0, 120, "Literacy" },
  { "Family History Drop-in", "Genealogy volunteers help you start your family tree.", KIND_CLUB, AUDIENCE_ADULTS, REPEAT_MONTHLY, 13, 0, 120, "Culture & heritage" },
  { "Repair Café", "Volunteers help fix lamps, toasters, clothes and more.", KIND_OTHER, AUDIENCE_ALL, REPEAT_MONTHLY, 12, 0, 180, "Environment" },
  { "Film Night", "A community screening with a discussion afterwards.", KIND_OTHER, AUDIENCE_ADULTS, REPEAT_MONTHLY, 19, 0, 150, "Film" },
  { "Intro to 3D Printing", "Design and print a small object.", KIND_OTHER, AUDIENCE_TEENS, REPEAT_NONE, 16, 30, 90, "STEM" },
  { "Indigenous Storytelling", "Stories and teachings shared by a local Knowledge Keeper.", -1, AUDIENCE_ALL, REPEAT_NONE, 14, 0, 60, "Culture & heritage" },
  { "Author Reading", "A local author reads from a new book and signs copies.", -1, AUDIENCE_ADULTS, REPEAT_NONE, 19, 0, 90, "Literacy" },
  { "Job Search Workshop", "Résumés, cover letters and online applications.", -1, AUDIENCE_ADULTS, REPEAT_NONE, 10, 0, 120, "Employment" },
  { "Community Resource Fair", "Meet dozens of local organisations in one place.", -1, AUDIENCE_ALL, REPEAT_NONE, 0, 0, 0, "Community" },
  { "Reading Challenge Kick-off", "Sign up for the reading challenge and enjoy games and crafts.", -1, AUDIENCE_FAMILIES, REPEAT_NONE, 11, 0, 180, "Story time" },
  { "Crafternoon", "Drop-in crafts; all materials supplied.", -1, AUDIENCE_CHILDREN, REPEAT_WEEKLY, 14, 0, 90, "Arts & crafts" },
};

static const char * const event_categories[] = {
  "Story time", "Technology", "Health & wellness", "Arts & crafts", "Newcomers", "Literacy",
  "Games", "Outdoors", "Food", "Employment", "Culture & heritage", "Music", "Film",
  "Français", "Volunteering", "Fundraiser", "STEM", "Community",
};

static const char * const event_closings[] = {
  "Drop in; no registration needed.",
  "Space is limited, so please register.",
  "Snacks provided.",
  "All materials supplied.",
  "Children under 8 must come with an adult.",
  "Bring a friend!",
  "Co-hosted by the Riverbend Public Library.",
  "Dress for the weather.",
};

static const char * const children_rooms[] = {
  "Children’s Area", "Program Room A", "Program Room B",
};

static const char * const teen_rooms[] = {
  "Teen Zone", "Maker Lab", "Program Room B",
};

static const char * const adult_rooms[] = {
  "Program Room A", "Program Room B", "Community Room", "Auditorium", "Boardroom",
};

static const char * const costs[] = {
  "Free", "Free", "Free", "$5", "$10 suggested donation", "Pay what you can", "$15, materials included",
};

static const char * const accessibility_notes[] = {
  "", "", "",
  "Wheelchair accessible; accessible washrooms on the main floor.",
  "ASL interpretation available on request with two weeks’ notice.",
  "Step-free entrance at the back of the building.",
  "Scent-free event.",
  "Quiet room available; sensory kits at the front desk.",
};

/* The generator's state. Rows get explicit ids in insertion order, so the
 * generator knows every id without asking sqlite. */

typedef struct
{
  char    name[128];
  char    domain[80];
  char    address[96];     /* "" = none on file */
  gint64  verified_at;     /* 0 = never verified */
  int     verified_days;   /* days before today; -1 = never */
  int     created_days;
  guint8  kind;
  guint8  status;
  guint8  tier;
  guint8  upkeep;
  int     owner;           /* index into staff_names, -1 = nobody */
  guint   contact_weight;
  guint   interaction_weight;
  guint   first_contact;   /* index into Generator.contacts */
  guint   n_contacts;
  guint   first_interaction;
  guint   n_interactions;
  guint   first_agreement; /* id */
  guint   n_agreements;
  guint   first_expectation; /* index into Generator.expectations */
  guint   n_expectations;
} Partner;

typedef struct
{
  guint16 first_name;
  guint16 surname;
  int     ended_day;       /* a day offset (<= 0), or G_MAXINT when still there */
} Contact;

typedef struct
{
  const char *what;
} Expectation;

typedef struct
{
  gint64  midnight_utc;
  gint32  noon_offset;     /* seconds east of UTC at noon */
  gboolean known;
} DayInfo;

/* Rows are written BATCH_ROWS at a time, with multi-row INSERTs. Besides
 * saving sqlite's per-statement work, this matters for the schema's CHECK
 * (x IN (...)) constraints of three or more values: sqlite evaluates them
 * with a temporary b-tree that it opens and closes once per execution of a
 * statement, which, done for every row, made the generator several times
 * slower (most of it spent allocating and returning memory). And each
 * statement ends with FTS5 writing out the search terms it holds as a new
 * segment, which it later merges: 1,024 rows a statement rather than 256
 * took a sixth of the generator's instructions (callgrind, 1,000 partners:
 * 7.30 to 6.14 billion). The widest table, event, binds 29 values a row:
 * 29,696 a statement, under sqlite's limit of 32,766. */
#define BATCH_ROWS 1024

/* In an order where a table comes after those it refers to. */
enum {
  TABLE_PARTNER,
  TABLE_PARTNER_TAG,
  TABLE_CONTACT,
  TABLE_AGREEMENT,
  TABLE_EXPECTATION,
  TABLE_INTERACTION,
  TABLE_EVENT,
  TABLE_EVENT_CATEGORY,
  N_TABLES
};

typedef struct
{
  const char *insert;
  int         n_columns;
  gsize       row_text_max;                     /* bytes of text one row may hold */
} TableSpec;

static const TableSpec table_specs[N_TABLES] = {
  [TABLE_PARTNER] = {
    "INSERT INTO partner (id, name, kind, status, description, services, website, email, phone,"
    " address, owner, upkeep_mode, cadence_days, info_verified_at, promotion_tier, channels,"
    " notes, created_at, updated_at, sort_name)", 20, 2048 },
  [TABLE_PARTNER_TAG] = {
    "INSERT INTO partner_tag (partner_id, tag)", 2, 64 },
  [TABLE_CONTACT] = {
    "INSERT INTO contact (id, partner_id, name, role, email, phone, preferred_method, is_primary,"
    " notes, ended_at, created_at, updated_at)", 12, 1024 },
  [TABLE_AGREEMENT] = {
    "INSERT INTO agreement (id, partner_id, title, kind, signed_on, starts_on, ends_on, auto_renews,"
    " document, status, notes, created_at, updated_at)", 13, 1024 },
  [TABLE_EXPECTATION] = {
    "INSERT INTO expectation (id, partner_id, agreement_id, direction, what, cadence_days, due_on,"
    " status, last_met_on, next_due_on, created_at, updated_at)", 12, 512 },
  [TABLE_INTERACTION] = {
    "INSERT INTO interaction (id, partner_id, contact_id, contact_name, staff, kind, occurred_at,"
    " summary, outcome, follow_up_on, follow_up_done_at, confirms_info, expectation_id,"
    " created_at, updated_at)", 15, 1024 },
  [TABLE_EVENT] = {
    "INSERT INTO event (id, uid, partner_id, title, summary, description, dtstart, dtend, tzid,"
    " all_day, start_utc, last_end_utc, rrule, venue_name, venue_address, venue_room, online_url,"
    " audience, cost, registration_url, accessibility, contact, status, promote, channels,"
    " featured, sequence, created_at, updated_at)", 29, 2048 },
  [TABLE_EVENT_CATEGORY] = {
    "INSERT INTO event_category (event_id, category)", 2, 64 },
};

enum { VALUE_NULL, VALUE_INTEGER, VALUE_TEXT };

typedef struct
{
  int         type;
  gint64      integer;
  const char *text;                             /* in the batch's arena */
} Value;

/* The rows of one table waiting to be written. */
typedef struct
{
  guint            table;
  const TableSpec *spec;

  /* Owned */
  sqlite3_stmt    *statements[BATCH_ROWS + 1];  /* by number of rows, prepared when first needed */
  Value           *values;                      /* BATCH_ROWS rows of spec->n_columns */
  char            *arena;                       /* BATCH_ROWS rows of spec->row_text_max */
  gsize            arena_size;
  gsize            arena_used;
  guint            n_rows;
} Batch;

typedef struct
{
  /* Borrowed */
  LiaDatabase  *database;
  GCancellable *cancellable;

  /* Owned */
  GTimeZone    *tz;
  DayInfo      *days;           /* DAY_CACHE_HALF * 2 + 1, centred on today */
  Batch         batches[N_TABLES];
  Partner      *partners;
  Contact      *contacts;
  Expectation  *expectations;
  GHashTable   *names;          /* partner names in use, borrowed from partners */

  Rng           rng;
  guint64       seed;
  guint64       uid_key;
  guint32       today_julian;
  guint32       epoch_julian;   /* 1970-01-01 */
  gint64        now_utc;        /* the generated "now": noon today */
  guint         n_partners;
  guint         n_contacts;
  guint         n_interactions;
  guint         n_events;
  guint         n_agreements;
  guint         n_expectations;
  guint         next_interaction_id;
  guint         name_serial;
  gboolean      made_ecole;
  guint64       n_rows;
} Generator;

static const char * const weekday_codes[] = { "", "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* Days and times. A day is a GDate julian day number; "offset" days are
 * relative to today. Wall-clock times become UTC through the day's offset
 * from America/Edmonton, computed once per day with GDateTime. */

static void
compute_day (Generator *gen,
             guint32    julian,
             DayInfo   *info)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) noon = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  midnight = g_date_time_new (gen->tz, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  noon = g_date_time_new (gen->tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 12, 0, 0);
  info->midnight_utc = g_date_time_to_unix (midnight);
  info->noon_offset = (gint32)(g_date_time_get_utc_offset (noon) / G_USEC_PER_SEC);
  info->known = TRUE;
}

static const DayInfo *
lookup_day (Generator *gen,
            guint32    julian,
            DayInfo   *scratch)
{
  gint64 index = (gint64)julian - gen->today_julian + DAY_CACHE_HALF;
  DayInfo *info;

  if (index < 0 || index > 2 * DAY_CACHE_HALF)
    {
      compute_day (gen, julian, scratch);
      return scratch;
    }

  info = &gen->days[index];
  if (!info->known)
    compute_day (gen, julian, info);

  return info;
}

static inline guint32
day_from_offset (Generator *gen,
                 int        offset)
{
  return (guint32)((gint64)gen->today_julian + offset);
}

static gint64
midnight_utc (Generator *gen,
              guint32    julian)
{
  DayInfo scratch;

  return lookup_day (gen, julian, &scratch)->midnight_utc;
}

/* The instant of a wall-clock time on @julian (seconds since midnight). */
static gint64
local_to_utc (Generator *gen,
              guint32    julian,
              int        seconds)
{
  DayInfo scratch;
  const DayInfo *info = lookup_day (gen, julian, &scratch);

  /* America/Edmonton changes its clocks at 02:00. */
  if (seconds < 3 * 3600)
    return info->midnight_utc + seconds;

  return ((gint64)julian - gen->epoch_julian) * SECONDS_PER_DAY + seconds - info->noon_offset;
}

/* A moment during office hours on the day @offset days from today, never
 * later than the generated "now". */
static gint64
office_instant (Generator *gen,
                int        offset)
{
  gint64 start = midnight_utc (gen, day_from_offset (gen, offset));

  if (offset >= 0)
    return min64 (start + rng_between (&gen->rng, 8 * 3600, 12 * 3600 - 60), gen->now_utc);

  return start + rng_between (&gen->rng, 8 * 3600, 17 * 3600);
}

static void
format_day (guint32  julian,
            char    *buffer,
            gsize    size)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, size, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static void
format_wall_time (guint32  julian,
                  int      seconds,
                  char    *buffer,
                  gsize    size)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, size, "%04u-%02u-%02uT%02d:%02d:%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
              seconds / 3600, seconds / 60 % 60, seconds % 60);
}

/* An iCalendar UTC date-time, for RRULE UNTIL. */
static void
format_utc_stamp (Generator *gen,
                  gint64     utc,
                  char      *buffer,
                  gsize      size)
{
  gint64 days = utc >= 0 ? utc / SECONDS_PER_DAY : -((-utc + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
  int seconds = (int)(utc - days * SECONDS_PER_DAY);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)(gen->epoch_julian + days));
  g_snprintf (buffer, size, "%04u%02u%02uT%02d%02d%02dZ",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
              seconds / 3600, seconds / 60 % 60, seconds % 60);
}

/* Text. */

/* Appends @text, truncating at a character boundary. */
static void
append_text (char       *buffer,
             gsize       size,
             gsize      *length,
             const char *text)
{
  gsize n = strlen (text);

  if (*length + n >= size)
    {
      const char *end;

      n = size - 1 - *length;
      /* Do not cut a UTF-8 sequence in half. */
      end = text + n;
      while (end > text && ((guchar)*end & 0xC0) == 0x80)
        end--;
      n = end - text;
    }
  memcpy (buffer + *length, text, n);
  *length += n;
  buffer[*length] = '\0';
}

/* Expands an organisation template: '@' a place, '#' a surname, '$' a
 * saint, '^' a French saint or school name. */
static void
expand_template (Rng        *rng,
                 const char *template,
                 char       *buffer,
                 gsize       size)
{
  gsize length = 0;

  buffer[0] = '\0';
  for (const char *p = template; *p != '\0'; p++)
    {
      char one[2] = { *p, '\0' };

      switch (*p)
        {
        case '@': append_text (buffer, size, &length, PICK (rng, places)); break;
        case '#': append_text (buffer, size, &length, PICK (rng, surnames)); break;
        case '$': append_text (buffer, size, &length, PICK (rng, saints)); break;
        case '^': append_text (buffer, size, &length, PICK (rng, french_saints)); break;
        default: append_text (buffer, size, &length, one); break;
        }
    }
}

/* Folds a name to lower-case ASCII for addresses: "École Sainte-Anne"
 * gives "ecole<sep>sainte<sep>anne"; apostrophes vanish ("O’Brien" → "obrien"). */
static void
fold_to_ascii (const char *text,
               char        separator,
               char       *buffer,
               gsize       size)
{
  gsize length = 0;
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0' && length + 2 < size; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char out = 0;

      if (c < 128 && g_ascii_isalnum ((char)c))
        out = g_ascii_tolower ((char)c);
      else
        switch (c)
          {
          case 0xE0: case 0xE2: case 0xE4: case 0xC0: case 0xC2: out = 'a'; break;
          case 0xE7: case 0xC7: out = 'c'; break;
          case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0xC8: case 0xC9: case 0xCA: out = 'e'; break;
          case 0xEE: case 0xEF: case 0xCE: out = 'i'; break;
          case 0xF4: case 0xF6: case 0xD4: out = 'o'; break;
          case 0xF9: case 0xFB: case 0xFC: out = 'u'; break;
          case '\'': case 0x2019: continue;
          default: break;
          }

      if (out == 0)
        {
          pending = length > 0 && separator != 0;
          continue;
        }
      if (pending)
        buffer[length++] = separator;
      pending = FALSE;
      buffer[length++] = out;
    }
  buffer[length] = '\0';
}

/* "Riverbend Food Bank" gives "riverbend-food-bank"; long names keep
 * their first words, up to 24 characters. */
static void
make_domain_stem (const char *name,
                  char       *buffer,
                  gsize       size)
{
  char *cut;

  fold_to_ascii (name, '-', buffer, size);
  if (strlen (buffer) <= 24)
    return;

  buffer[25] = '\0';
  cut = strrchr (buffer, '-');
  if (cut != NULL && cut > buffer)
    *cut = '\0';
  else
    buffer[24] = '\0';
}

static void
format_phone (Rng   *rng,
              char  *buffer,
              gsize  size)
{
  /* 555-01XX numbers are reserved for fiction. */
  g_snprintf (buffer, size, "(%s) 555-01%02u", PICK (rng, area_codes), rng_below (rng, 100));
}

static void
format_person (const Contact *contact,
               char          *buffer,
               gsize          size)
{
  g_snprintf (buffer, size, "%s %s", first_names[contact->first_name], surnames[contact->surname]);
}

/* Batches. The bind_ functions set a column (counted from 1) of the row
 * being built; end_row() adds it to its batch. */

static inline Value *
row_value (Batch *batch,
           int    column)
{
  g_assert (column >= 1 && column <= batch->spec->n_columns);

  return &batch->values[batch->n_rows * batch->spec->n_columns + column - 1];
}

static inline void
bind_text (Batch      *batch,
           int         column,
           const char *text)
{
  Value *value = row_value (batch, column);
  gsize size;

  if (text == NULL)
    {
      value->type = VALUE_NULL;
      return;
    }

  size = strlen (text) + 1;
  g_assert (batch->arena_used + size <= batch->arena_size);
  value->type = VALUE_TEXT;
  value->text = memcpy (batch->arena + batch->arena_used, text, size);
  batch->arena_used += size;
}

/* NULL for an empty string. */
static inline void
bind_optional (Batch      *batch,
               int         column,
               const char *text)
{
  bind_text (batch, column, text != NULL && text[0] != '\0' ? text : NULL);
}

static inline void
bind_int (Batch  *batch,
          int     column,
          gint64  integer)
{
  Value *value = row_value (batch, column);

  value->type = VALUE_INTEGER;
  value->integer = integer;
}

/* A zero instant or id is NULL. */
static inline void
bind_optional_int (Batch  *batch,
                   int     column,
                   gint64  integer)
{
  if (integer == 0)
    row_value (batch, column)->type = VALUE_NULL;
  else
    bind_int (batch, column, integer);
}

static sqlite3_stmt *
get_batch_statement (Generator  *gen,
                     Batch      *batch,
                     GError    **error)
{
  g_autoptr(GString) sql = NULL;

  if (batch->statements[batch->n_rows] != NULL)
    return batch->statements[batch->n_rows];

  sql = g_string_new (batch->spec->insert);
  g_string_append (sql, " VALUES ");
  for (guint row = 0; row < batch->n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (int column = 0; column < batch->spec->n_columns; column++)
        g_string_append (sql, column > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }

  batch->statements[batch->n_rows] = lia_database_prepare (gen->database, sql->str, error);

  return batch->statements[batch->n_rows];
}

static gboolean
flush_batch (Generator  *gen,
             Batch      *batch,
             GError    **error)
{
  guint n_values = batch->n_rows * batch->spec->n_columns;
  sqlite3_stmt *stmt;
  int rc;

  if (batch->n_rows == 0)
    return TRUE;

  if (!(stmt = get_batch_statement (gen, batch, error)))
    return FALSE;

  /* The texts stay in the arena until the bindings are cleared. */
  for (guint i = 0; i < n_values; i++)
    {
      const Value *value = &batch->values[i];

      switch (value->type)
        {
        case VALUE_INTEGER:
          sqlite3_bind_int64 (stmt, i + 1, value->integer);
          break;
        case VALUE_TEXT:
          sqlite3_bind_text (stmt, i + 1, value->text, -1, SQLITE_STATIC);
          break;
        default:
          sqlite3_bind_null (stmt, i + 1);
          break;
        }
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    lia_database_set_error_from_sqlite (gen->database, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  memset (batch->values, 0, n_values * sizeof (Value));
  batch->n_rows = 0;
  batch->arena_used = 0;

  return rc == SQLITE_DONE;
}

/* Writes the rows waiting for @table and for the tables it may refer to,
 * so that foreign keys and triggers always find their rows. */
static gboolean
flush_batches (Generator  *gen,
               guint       table,
               GError    **error)
{
  for (guint t = 0; t <= table; t++)
    if (!flush_batch (gen, &gen->batches[t], error))
      return FALSE;

  return TRUE;
}

static gboolean
end_row (Generator  *gen,
         Batch      *batch,
         GError    **error)
{
  batch->n_rows++;

  if ((++gen->n_rows & CANCEL_CHECK_MASK) == 0 &&
      g_cancellable_set_error_if_cancelled (gen->cancellable, error))
    return FALSE;

  if (batch->n_rows == BATCH_ROWS || batch->arena_size - batch->arena_used < batch->spec->row_text_max)
    return flush_batches (gen, batch->table, error);

  return TRUE;
}

static void
init_batches (Generator *gen)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      Batch *batch = &gen->batches[t];

      batch->table = t;
      batch->spec = &table_specs[t];
      batch->values = g_new0 (Value, BATCH_ROWS * batch->spec->n_columns);
      batch->arena_size = BATCH_ROWS * batch->spec->row_text_max;
      batch->arena = g_malloc (batch->arena_size);
    }
}

static void
generator_clear (Generator *gen)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      Batch *batch = &gen->batches[t];

      for (guint n = 0; n <= BATCH_ROWS; n++)
        g_clear_pointer (&batch->statements[n], sqlite3_finalize);
      g_clear_pointer (&batch->values, g_free);
      g_clear_pointer (&batch->arena, g_free);
    }
  g_clear_pointer (&gen->names, g_hash_table_unref);
  g_clear_pointer (&gen->tz, g_time_zone_unref);
  g_clear_pointer (&gen->days, g_free);
  g_clear_pointer (&gen->partners, g_free);
  g_clear_pointer (&gen->contacts, g_free);
  g_clear_pointer (&gen->expectations, g_free);
}

/* Splits @n_items between the partners in proportion to @weight, exactly. */
static void
split_between_partners (Generator *gen,
                        guint      n_items,
                        gboolean   contacts)
{
  guint64 total = 0;
  guint64 running = 0;
  guint previous = 0;

  for (guint p = 0; p < gen->n_partners; p++)
    total += contacts ? gen->partners[p].contact_weight : gen->partners[p].interaction_weight;

  for (guint p = 0; p < gen->n_partners; p++)
    {
      Partner *partner = &gen->partners[p];
      guint end;

      running += contacts ? partner->contact_weight : partner->interaction_weight;
      end = p + 1 == gen->n_partners ? n_items : (guint)((guint64)n_items * running / total);

      if (contacts)
        {
          partner->first_contact = previous;
          partner->n_contacts = end - previous;
        }
      else
        {
          partner->first_interaction = previous;
          partner->n_interactions = end - previous;
        }
      previous = end;
    }
}

/* Partners. */

/* Kinds, statuses and sizes first, so that contacts and interactions can be
 * shared out exactly before any row is written. The first partners take
 * each value in turn, so that even a small community shows every one. */
static void
plan_partners (Generator *gen)
{
  Rng rng;

  rng_init (&rng, gen->seed, 1);

  for (guint p = 0; p < gen->n_partners; p++)
    {
      Partner *partner = &gen->partners[p];
      static const guint activity[N_STATUSES] = { 2, 8, 3, 1 };

      partner->kind = p < N_KINDS ? p : rng_weighted (&rng, kind_weights, N_KINDS);
      partner->status = p < N_STATUSES ? (p + STATUS_ACTIVE) % N_STATUSES
                                       : rng_weighted (&rng, status_weights, N_STATUSES);
      partner->tier = p < N_TIERS ? p : rng_weighted (&rng, tier_weights, N_TIERS);
      partner->upkeep = p < 2 ? p : (rng_percent (&rng, 35) ? 0 : 1);
      partner->contact_weight = partner->status == STATUS_ENDED ? 1 + rng_below (&rng, 2)
                                                                : 1 + rng_below (&rng, 5);
      partner->interaction_weight = activity[partner->status] * (1 + rng_below (&rng, 4));
    }
}

/* Names the partner after one of its kind's templates, unique in the
 * community, and returns the template. */
static const OrgTemplate *
make_partner_name (Generator *gen,
                   Partner   *partner)
{
  const KindProfile *profile = &kind_profiles[partner->kind];
  const OrgTemplate *org = NULL;
  Rng *rng = &gen->rng;
  char base[sizeof partner->name];

  /* The first school is a French one (the first template), so that every
   * community has an accented name. */
  if (partner->kind == KIND_SCHOOL && !gen->made_ecole)
    {
      gen->made_ecole = TRUE;
      org = &school_orgs[0];
      expand_template (rng, org->name, partner->name, sizeof partner->name);
      if (!g_hash_table_contains (gen->names, partner->name))
        goto done;
    }

  for (guint attempt = 0; attempt < 12; attempt++)
    {
      org = &profile->orgs[rng_below (rng, profile->n_orgs)];
      expand_template (rng, org->name, partner->name, sizeof partner->name);
      if (!g_hash_table_contains (gen->names, partner->name))
        goto done;
    }

  /* The lists have run out: a branch in another part of town... */
  g_strlcpy (base, partner->name, sizeof base);
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_snprintf (partner->name, sizeof partner->name, "%s, %s", base, PICK (rng, places));
      if (!g_hash_table_contains (gen->names, partner->name))
        goto done;
    }

  /* ... or, at last, a number. */
  do
    g_snprintf (partner->name, sizeof partner->name, "%s No. %u", base, ++gen->name_serial);
  while (g_hash_table_contains (gen->names, partner->name));

done:
  g_hash_table_add (gen->names, partner->name);

  return org;
}

static void
make_description (Generator         *gen,
                  const OrgTemplate *org,
                  char              *buffer,
                  gsize              size)
{
  Rng *rng = &gen->rng;

  /* French-speaking organisations describe themselves in French. */
  switch (org->french ? 5 : rng_below (rng, 6))
    {
    case 0:
      g_snprintf (buffer, size, "%s Founded in %d.", org->mission, rng_between (rng, 1905, 2021));
      break;
    case 1:
      g_snprintf (buffer, size, "%s Serves about %d people a year.", org->mission, 50 * rng_between (rng, 2, 80));
      break;
    case 2:
      g_snprintf (buffer, size, "%s Run by %d volunteers and a small staff.", org->mission, rng_between (rng, 6, 120));
      break;
    case 3:
      g_snprintf (buffer, size, "%s Programs are free and open to everyone.", org->mission);
      break;
    case 4:
      g_snprintf (buffer, size, "%s Serves Riverbend and the surrounding county.", org->mission);
      break;
    default:
      g_strlcpy (buffer, org->mission, size);
      break;
    }
}

/* Some of the template's '|'-separated services (two at least, when it
 * has two), in their order, joined with commas. */
static void
make_services (Rng        *rng,
               const char *services,
               char       *buffer,
               gsize       size)
{
  const char *items[8];
  guint lengths[8];
  guint n_items = 0;
  guint chosen, n_chosen;
  gsize length = 0;

  for (const char *p = services; *p != '\0' && n_items < G_N_ELEMENTS (items); n_items++)
    {
      const char *end = strchr (p, '|');

      items[n_items] = p;
      lengths[n_items] = end != NULL ? (guint)(end - p) : (guint)strlen (p);
      p += lengths[n_items] + (end != NULL ? 1 : 0);
    }

  /* Drop some at random, but keep two. */
  chosen = (1u << n_items) - 1;
  n_chosen = n_items;
  for (guint i = 0; i < n_items; i++)
    if (n_chosen > 2 && rng_percent (rng, 30))
      {
        chosen &= ~(1u << i);
        n_chosen--;
      }

  buffer[0] = '\0';
  for (guint i = 0; i < n_items; i++)
    {
      char item[64];

      if (!(chosen & (1u << i)))
        continue;
      g_strlcpy (item, items[i], MIN (sizeof item, lengths[i] + 1));
      if (length > 0)
        append_text (buffer, size, &length, ", ");
      append_text (buffer, size, &length, item);
    }
}

static guint
tier_channels (Rng   *rng,
               guint  tier)
{
  guint channels = 0;

  switch (tier)
    {
    case TIER_FEATURED:
      channels = CHANNEL_WEBSITE | CHANNEL_BULLETIN | CHANNEL_FLYER | CHANNEL_NEWSLETTER;
      if (rng_percent (rng, 60))
        channels |= CHANNEL_DISPLAY;
      break;
    case TIER_STANDARD:
      channels = CHANNEL_WEBSITE;
      if (rng_percent (rng, 70))
        channels |= CHANNEL_BULLETIN;
      if (rng_percent (rng, 40))
        channels |= CHANNEL_NEWSLETTER;
      if (rng_percent (rng, 20))
        channels |= CHANNEL_FLYER;
      break;
    case TIER_LISTED_ONLY:
      channels = rng_percent (rng, 60) ? CHANNEL_WEBSITE : 0;
      break;
    default:
      break;
    }

  return channels;
}

static gboolean
insert_tags (Generator          *gen,
             guint               p,
             const KindProfile  *profile,
             GError            **error)
{
  Batch *batch = &gen->batches[TABLE_PARTNER_TAG];
  Rng *rng = &gen->rng;
  const char *tags[4];
  guint n_wanted = rng_between (rng, 1, 4);
  guint n = 0;

  for (guint attempt = 0; n < n_wanted && attempt < 12; attempt++)
    {
      const char *tag = n == 0 || rng_percent (rng, 50)
                        ? profile->tags[rng_below (rng, profile->n_tags)]
                        : PICK (rng, general_tags);
      gboolean seen = FALSE;

      for (guint i = 0; i < n; i++)
        seen |= strcmp (tags[i], tag) == 0;
      if (!seen)
        tags[n++] = tag;
    }

  for (guint i = 0; i < n; i++)
    {
      bind_int (batch, 1, p + 1);
      bind_text (batch, 2, tags[i]);
      if (!end_row (gen, batch, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_partner (Generator  *gen,
                guint       p,
                GError    **error)
{
  Partner *partner = &gen->partners[p];
  const KindProfile *profile = &kind_profiles[partner->kind];
  const OrgTemplate *org;
  Batch *batch = &gen->batches[TABLE_PARTNER];
  Rng *rng = &gen->rng;
  char slug[64], description[320], services[200], website[112], email[112], phone[32];
  const char *notes = "";
  int cadence = PICK (rng, cadences);
  g_autofree char *sort_name = NULL;
  gint64 created_at, updated_at;
  int updated_days;

  org = make_partner_name (gen, partner);
  make_domain_stem (partner->name, slug, sizeof slug);
  g_snprintf (partner->domain, sizeof partner->domain, "%s.%s", slug, profile->domain_suffix);

  make_description (gen, org, description, sizeof description);
  make_services (rng, org->services, services, sizeof services);

  website[0] = email[0] = phone[0] = partner->address[0] = '\0';
  if (rng_percent (rng, 85))
    g_snprintf (website, sizeof website, "https://www.%s", partner->domain);
  if (rng_percent (rng, 85))
    {
      static const char * const mailboxes[] = { "info", "info", "hello", "office", "programs", "admin" };

      g_snprintf (email, sizeof email, "%s@%s", PICK (rng, mailboxes), partner->domain);
    }
  if (rng_percent (rng, 90))
    format_phone (rng, phone, sizeof phone);
  if (rng_percent (rng, 80))
    g_snprintf (partner->address, sizeof partner->address, "%d %s, Riverbend, AB T9R %d%c%d",
                rng_between (rng, 100, 9899), PICK (rng, street_names),
                rng_between (rng, 0, 9), 'A' + rng_below (rng, 26), rng_between (rng, 0, 9));
  if (rng_percent (rng, 15))
    notes = PICK (rng, partner_notes);

  partner->owner = rng_percent (rng, 4) ? -1 : (int)rng_below (rng, G_N_ELEMENTS (staff_names));

  /* About a third of the partners are overdue for a check of their
   * information; some prospects were never checked at all. */
  if (partner->status == STATUS_PROSPECT && rng_percent (rng, 40))
    partner->verified_days = -1;
  else if (partner->status == STATUS_ENDED)
    partner->verified_days = cadence + rng_between (rng, 30, 400);
  else if (rng_percent (rng, 35))
    partner->verified_days = cadence + rng_between (rng, 1, cadence);
  else
    partner->verified_days = rng_between (rng, 0, cadence - 1);
  partner->verified_at = partner->verified_days >= 0 ? office_instant (gen, -partner->verified_days) : 0;

  partner->created_days = partner->status == STATUS_PROSPECT ? rng_between (rng, 14, 400)
                                                             : rng_between (rng, 400, 3650);
  if (partner->created_days <= partner->verified_days)
    partner->created_days = partner->verified_days + rng_between (rng, 1, 365);
  created_at = office_instant (gen, -partner->created_days);
  updated_days = rng_between (rng, 0, partner->created_days);
  updated_at = max64 (created_at, office_instant (gen, -updated_days));
  updated_at = MAX (updated_at, partner->verified_at);

  bind_int (batch, 1, p + 1);
  bind_text (batch, 2, partner->name);
  bind_text (batch, 3, kind_names[partner->kind]);
  bind_text (batch, 4, status_names[partner->status]);
  bind_text (batch, 5, description);
  bind_text (batch, 6, services);
  bind_optional (batch, 7, website);
  bind_optional (batch, 8, email);
  bind_optional (batch, 9, phone);
  bind_optional (batch, 10, partner->address);
  bind_text (batch, 11, partner->owner >= 0 ? staff_names[partner->owner] : NULL);
  bind_text (batch, 12, upkeep_names[partner->upkeep]);
  bind_int (batch, 13, cadence);
  bind_optional_int (batch, 14, partner->verified_at);
  bind_text (batch, 15, tier_names[partner->tier]);
  bind_int (batch, 16, tier_channels (rng, partner->tier));
  bind_text (batch, 17, notes);
  bind_int (batch, 18, created_at);
  bind_int (batch, 19, updated_at);
  /* As lia_store_save_partner() writes it, so "École" sorts among the E's. */
  sort_name = lia_sort_key_for_name (partner->name);
  bind_text (batch, 20, sort_name);

  return end_row (gen, batch, error) && insert_tags (gen, p, profile, error);
}

/* Contacts: at most one current primary; some people have left, and the
 * interactions with them keep their names. */
static gboolean
insert_contacts (Generator  *gen,
                 guint       p,
                 GError    **error)
{
  Partner *partner = &gen->partners[p];
  const KindProfile *profile = &kind_profiles[partner->kind];
  Batch *batch = &gen->batches[TABLE_CONTACT];
  Rng *rng = &gen->rng;
  gboolean has_primary = rng_percent (rng, 10);  /* TRUE: this partner names no primary */
  guint first_role = rng_below (rng, profile->n_roles);  /* colleagues hold different roles */

  for (guint i = 0; i < partner->n_contacts; i++)
    {
      guint index = partner->first_contact + i;
      Contact *contact = &gen->contacts[index];
      char name[96], first[48], last[48], email[160], phone[48];
      const char *role = rng_percent (rng, 8) ? "Volunteer" : profile->roles[(first_role + i) % profile->n_roles];
      gboolean primary = FALSE;
      int created_days;
      gint64 created_at, ended_at = 0, updated_at;

      contact->first_name = rng_below (rng, G_N_ELEMENTS (first_names));
      contact->surname = rng_below (rng, G_N_ELEMENTS (surnames));
      contact->ended_day = G_MAXINT;
      format_person (contact, name, sizeof name);

      if (partner->n_contacts > 1 && rng_percent (rng, partner->status == STATUS_ENDED ? 40 : 12))
        {
          contact->ended_day = -rng_between (rng, 10, 700);
          /* A former primary contact keeps the flag; the index ignores them. */
          primary = rng_percent (rng, 30);
        }
      else if (!has_primary)
        {
          primary = TRUE;
          has_primary = TRUE;
        }

      email[0] = phone[0] = '\0';
      if (rng_percent (rng, 85))
        {
          fold_to_ascii (first_names[contact->first_name], 0, first, sizeof first);
          fold_to_ascii (surnames[contact->surname], 0, last, sizeof last);
          g_snprintf (email, sizeof email, "%s.%s@%s", first, last, partner->domain);
        }
      if (rng_percent (rng, 70))
        {
          format_phone (rng, phone, sizeof phone);
          if (rng_percent (rng, 25))
            {
              gsize n = strlen (phone);

              g_snprintf (phone + n, sizeof phone - n, " ext. %d", rng_between (rng, 10, 299));
            }
        }

      created_days = rng_between (rng, 0, partner->created_days);
      if (contact->ended_day != G_MAXINT)
        {
          created_days = max_int (created_days, -contact->ended_day + rng_between (rng, 30, 700));
          ended_at = office_instant (gen, contact->ended_day);
        }
      created_at = office_instant (gen, -created_days);
      updated_at = MAX (created_at, ended_at);

      bind_int (batch, 1, index + 1);
      bind_int (batch, 2, p + 1);
      bind_text (batch, 3, name);
      bind_text (batch, 4, role);
      bind_optional (batch, 5, email);
      bind_optional (batch, 6, phone);
      bind_text (batch, 7, rng_percent (rng, 80) ? PICK (rng, preferred_methods) : NULL);
      bind_int (batch, 8, primary);
      bind_text (batch, 9, rng_percent (rng, 10) ? PICK (rng, contact_notes) : "");
      bind_optional_int (batch, 10, ended_at);
      bind_int (batch, 11, created_at);
      bind_int (batch, 12, updated_at);
      if (!end_row (gen, batch, error))
        return FALSE;
    }

  return TRUE;
}

/* Agreements: MOUs, letters and handshakes; some up for renewal soon. */
static gboolean
insert_agreements (Generator  *gen,
                   guint       p,
                   GError    **error)
{
  Partner *partner = &gen->partners[p];
  Batch *batch = &gen->batches[TABLE_AGREEMENT];
  Rng *rng = &gen->rng;
  guint n;

  switch (partner->status)
    {
    case STATUS_ACTIVE: n = rng_percent (rng, 35) ? 0 : rng_percent (rng, 70) ? 1 : 2; break;
    case STATUS_PAUSED: n = rng_percent (rng, 50) ? 0 : 1; break;
    case STATUS_ENDED: n = rng_percent (rng, 40) ? 0 : 1; break;
    default: n = rng_percent (rng, 60) ? 0 : 1; break;
    }

  partner->first_agreement = gen->n_agreements + 1;
  partner->n_agreements = n;

  for (guint i = 0; i < n; i++)
    {
      guint id = ++gen->n_agreements;
      guint kind = rng_weighted (rng, agreement_kind_weights, N_AGREEMENT_KINDS);
      const char *topic = PICK (rng, agreement_titles);
      char title[160], document[200], signed_on[16], starts_on[16], ends_on[16];
      const char *notes = "";
      gboolean has_start = TRUE, has_end = TRUE, has_signed;
      int start_off, end_off = 0, first_off;
      guint status;
      gint64 created_at, updated_at;

      if (partner->status == STATUS_PROSPECT)
        status = AGREEMENT_DRAFT;
      else if (partner->status == STATUS_ENDED)
        status = AGREEMENT_ENDED;
      else if (i > 0 && rng_percent (rng, 50))
        status = rng_percent (rng, 50) ? AGREEMENT_ENDED : AGREEMENT_DRAFT;
      else
        status = AGREEMENT_ACTIVE;

      switch (status)
        {
        case AGREEMENT_ACTIVE:
          start_off = -rng_between (rng, 30, 1100);
          if (rng_percent (rng, 25))
            end_off = rng_between (rng, 0, 60);        /* up for renewal */
          else if (rng_percent (rng, kind == AGREEMENT_VERBAL ? 60 : 10))
            has_end = FALSE;                           /* open-ended */
          else
            end_off = rng_between (rng, 61, 700);
          break;
        case AGREEMENT_ENDED:
          start_off = -rng_between (rng, 400, 2000);
          end_off = start_off + rng_between (rng, 180, 730);
          if (end_off >= 0)
            end_off = -rng_between (rng, 1, 60);
          break;
        default:
          start_off = rng_between (rng, 7, 90);
          has_start = rng_percent (rng, 70);
          end_off = start_off + 365;
          has_end = has_start && rng_percent (rng, 70);
          break;
        }

      has_signed = status != AGREEMENT_DRAFT && kind != AGREEMENT_VERBAL;
      first_off = MIN (start_off, 0) - (has_signed ? rng_between (rng, 0, 21) : 0);
      format_day (day_from_offset (gen, first_off), signed_on, sizeof signed_on);
      format_day (day_from_offset (gen, start_off), starts_on, sizeof starts_on);
      format_day (day_from_offset (gen, end_off), ends_on, sizeof ends_on);

      switch (kind)
        {
        case AGREEMENT_MOU:
          g_snprintf (title, sizeof title, "Memorandum of understanding: %s", topic);
          break;
        case AGREEMENT_LETTER:
          g_snprintf (title, sizeof title, "Letter of agreement: %s", topic);
          break;
        default:
          g_strlcpy (title, topic, sizeof title);
          break;
        }

      document[0] = '\0';
      if (kind != AGREEMENT_VERBAL && rng_percent (rng, 75))
        {
          char slug[64];

          fold_to_ascii (partner->name, '-', slug, 40);
          if (rng_percent (rng, 50))
            g_snprintf (document, sizeof document,
                        "https://drive.riverbendlibrary.ca/partnerships/%s-%u.pdf", slug, id);
          else
            g_snprintf (document, sizeof document, "Partnerships/%.4s/%s-%s.pdf",
                        starts_on, slug, agreement_kind_names[kind]);
        }
      if (rng_percent (rng, 12))
        {
          static const char * const agreement_notes[] = {
            "Renewal discussed at the last meeting.",
            "Their board must approve any change.",
            "Insurance certificate on file.",
            "Signed copy kept in the partnerships binder.",
          };
          notes = PICK (rng, agreement_notes);
        }

      created_at = office_instant (gen, MIN (first_off, 0) - rng_between (rng, 0, 30));
      updated_at = max64 (created_at, office_instant (gen, MIN (has_end ? end_off : 0, 0)));

      bind_int (batch, 1, id);
      bind_int (batch, 2, p + 1);
      bind_text (batch, 3, title);
      bind_text (batch, 4, agreement_kind_names[kind]);
      bind_text (batch, 5, has_signed ? signed_on : NULL);
      bind_text (batch, 6, has_start ? starts_on : NULL);
      bind_text (batch, 7, has_end ? ends_on : NULL);
      bind_int (batch, 8, status == AGREEMENT_ACTIVE && rng_percent (rng, 30));
      bind_optional (batch, 9, document);
      bind_text (batch, 10, agreement_status_names[status]);
      bind_text (batch, 11, notes);
      bind_int (batch, 12, created_at);
      bind_int (batch, 13, updated_at);
      if (!end_row (gen, batch, error))
        return FALSE;
    }

  return TRUE;
}

/* Expectations both ways; active ones due soon or overdue, some met, some
 * missed, some retired. The first four take each status in turn. */
static gboolean
insert_expectations (Generator  *gen,
                     guint       p,
                     GError    **error)
{
  Partner *partner = &gen->partners[p];
  Batch *batch = &gen->batches[TABLE_EXPECTATION];
  Rng *rng = &gen->rng;
  guint n;

  switch (partner->status)
    {
    case STATUS_ACTIVE: n = rng_below (rng, 5); break;
    case STATUS_PAUSED: n = rng_below (rng, 3); break;
    case STATUS_ENDED: n = rng_below (rng, 3); break;
    default: n = rng_below (rng, 2); break;
    }

  partner->first_expectation = gen->n_expectations;
  partner->n_expectations = n;

  for (guint i = 0; i < n; i++)
    {
      guint index = gen->n_expectations++;
      gboolean partner_side = rng_percent (rng, 50);
      const ExpectationTemplate *template;
      char due_on[16], last_met_on[16], next_due_on[16];
      gboolean has_due = FALSE, has_last_met = FALSE, has_next_due = FALSE;
      int cadence, due_off = 0, last_met_off = 0, next_due_off = 0, first_off, changed_off;
      guint status;
      guint agreement_id = 0;

      if (index < N_EXPECTATION_STATUSES)
        status = index;
      else if (partner->status == STATUS_ENDED)
        status = rng_percent (rng, 70) ? EXPECTATION_RETIRED : EXPECTATION_MISSED;
      else
        status = rng_weighted (rng, expectation_status_weights, N_EXPECTATION_STATUSES);

      /* "Met" is for one-off promises; a recurring one that is met stays active. */
      do
        template = partner_side ? &PICK (rng, partner_provides) : &PICK (rng, library_provides);
      while (status == EXPECTATION_MET && template->cadence_days != 0);
      cadence = template->cadence_days;

      switch (status)
        {
        case EXPECTATION_ACTIVE:
          if (cadence > 0)
            {
              next_due_off = rng_between (rng, -20, cadence);   /* some overdue */
              has_next_due = TRUE;
              last_met_off = next_due_off - cadence;
              has_last_met = rng_percent (rng, 85) && last_met_off <= 0;
            }
          else
            {
              due_off = next_due_off = rng_between (rng, -15, 120);
              has_due = has_next_due = TRUE;
            }
          break;
        case EXPECTATION_MET:
          due_off = -rng_between (rng, 1, 200);
          has_due = TRUE;
          last_met_off = min_int (due_off + rng_between (rng, -10, 3), 0);
          has_last_met = TRUE;
          break;
        case EXPECTATION_MISSED:
          next_due_off = -rng_between (rng, 8, 120);
          has_next_due = TRUE;
          if (cadence > 0)
            {
              last_met_off = next_due_off - cadence;
              has_last_met = rng_percent (rng, 60);
            }
          else
            {
              due_off = next_due_off;
              has_due = TRUE;
            }
          break;
        default:
          if (cadence > 0)
            {
              last_met_off = -rng_between (rng, 30, 400);
              has_last_met = rng_percent (rng, 70);
            }
          else
            {
              due_off = -rng_between (rng, 30, 400);
              has_due = TRUE;
            }
          break;
        }

      /* A recurring promise sometimes also has its first due day. */
      if (cadence > 0 && !has_due && rng_percent (rng, 15))
        {
          due_off = (has_last_met ? last_met_off : next_due_off) - cadence;
          has_due = TRUE;
        }

      if (partner->n_agreements > 0 && rng_percent (rng, 60))
        agreement_id = partner->first_agreement + rng_below (rng, partner->n_agreements);

      format_day (day_from_offset (gen, due_off), due_on, sizeof due_on);
      format_day (day_from_offset (gen, last_met_off), last_met_on, sizeof last_met_on);
      format_day (day_from_offset (gen, next_due_off), next_due_on, sizeof next_due_on);

      first_off = 0;
      if (has_due)
        first_off = MIN (first_off, due_off);
      if (has_last_met)
        first_off = MIN (first_off, last_met_off);
      if (has_next_due)
        first_off = MIN (first_off, next_due_off - MAX (cadence, 7));
      first_off -= rng_between (rng, 1, 120);
      changed_off = MIN (0, has_last_met ? last_met_off : first_off + 1);

      gen->expectations[index].what = template->what;

      bind_int (batch, 1, index + 1);
      bind_int (batch, 2, p + 1);
      bind_optional_int (batch, 3, agreement_id);
      bind_text (batch, 4, partner_side ? "partner-provides" : "library-provides");
      bind_text (batch, 5, template->what);
      bind_optional_int (batch, 6, cadence);
      bind_text (batch, 7, has_due ? due_on : NULL);
      bind_text (batch, 8, expectation_status_names[status]);
      bind_text (batch, 9, has_last_met ? last_met_on : NULL);
      bind_text (batch, 10, has_next_due ? next_due_on : NULL);
      {
        gint64 created_at = office_instant (gen, first_off);
        gint64 updated_at = max64 (created_at, office_instant (gen, changed_off));

        bind_int (batch, 11, created_at);
        bind_int (batch, 12, updated_at);
      }
      if (!end_row (gen, batch, error))
        return FALSE;
    }

  return TRUE;
}

static void
make_summary (Generator  *gen,
              guint       kind,
              const char *who,
              char       *buffer,
              gsize       size)
{
  Rng *rng = &gen->rng;
  const char *topic = PICK (rng, topics);

  switch (kind)
    {
    case INTERACTION_CALL:
      g_snprintf (buffer, size, "Called %s about %s", who, topic);
      break;
    case INTERACTION_EMAIL:
      g_snprintf (buffer, size, rng_percent (rng, 50) ? "E-mailed %s about %s" : "E-mail from %s about %s",
                  who, topic);
      break;
    case INTERACTION_MEETING:
      g_snprintf (buffer, size, "Met with %s to plan %s", who, topic);
      break;
    case INTERACTION_VISIT:
      g_snprintf (buffer, size, "Dropped by with flyers and talked with %s about %s", who, topic);
      break;
    case INTERACTION_EVENT:
      g_snprintf (buffer, size, "Saw %s at %s", who,
                  rng_percent (rng, 50) ? "the community resource fair" : "their open house");
      break;
    case INTERACTION_NOTE:
      g_snprintf (buffer, size, "Note about %s", topic);
      break;
    default:
      g_strlcpy (buffer,
                 rng_percent (rng, 50)
                 ? "Asked for updated program information and contact details"
                 : "Sent the yearly request to check their directory listing",
                 size);
      break;
    }
}

/* The contact log of the past year. */
static gboolean
insert_interactions (Generator  *gen,
                     guint       p,
                     GError    **error)
{
  Partner *partner = &gen->partners[p];
  Batch *batch = &gen->batches[TABLE_INTERACTION];
  Rng *rng = &gen->rng;

  for (guint i = 0; i < partner->n_interactions; i++)
    {
      guint id = ++gen->next_interaction_id;
      guint kind = id <= N_INTERACTION_KINDS ? id - 1
                   : rng_weighted (rng, interaction_kind_weights, N_INTERACTION_KINDS);
      gboolean conversation = kind == INTERACTION_CALL || kind == INTERACTION_EMAIL ||
                              kind == INTERACTION_MEETING || kind == INTERACTION_VISIT;
      char who[96], summary[256], follow_up_on[16];
      const Contact *contact = NULL;
      guint contact_index = 0;
      guint expectation_index = G_MAXUINT;
      const char *staff;
      gboolean confirms = FALSE;
      gboolean has_follow_up;
      int day_off, follow_off = 0;
      gint64 occurred_at, done_at = 0, created_at, updated_at;

      day_off = -rng_between (rng, 0, 364);

      if (partner->n_contacts > 0 && kind != INTERACTION_NOTE && rng_percent (rng, 85))
        {
          contact_index = partner->first_contact + rng_below (rng, partner->n_contacts);
          contact = &gen->contacts[contact_index];
          /* Talks with people who left happened before they left, this year. */
          if (contact->ended_day < -300)
            contact = NULL;
          else if (day_off >= contact->ended_day)
            day_off = max_int (contact->ended_day - rng_between (rng, 1, 90), -364);
        }

      occurred_at = office_instant (gen, day_off);

      /* The check that set the partner's "information verified" time. */
      if (i == 0 && partner->verified_days >= 0 && partner->verified_days < 365 &&
          (conversation || id > N_INTERACTION_KINDS))
        {
          if (!conversation)
            {
              kind = INTERACTION_CALL;
              conversation = TRUE;
            }
          occurred_at = partner->verified_at;
          day_off = -partner->verified_days;
          confirms = TRUE;
          if (contact != NULL && contact->ended_day <= day_off)
            contact = NULL;
        }
      else if (conversation && occurred_at < partner->verified_at && rng_percent (rng, 15))
        confirms = TRUE;

      if (contact != NULL)
        format_person (contact, who, sizeof who);
      else if (kind == INTERACTION_VISIT || kind == INTERACTION_EVENT)
        g_strlcpy (who, "the front desk", sizeof who);
      else
        g_strlcpy (who, rng_percent (rng, 50) ? "the office" : "their general inbox", sizeof who);

      if (partner->n_expectations > 0 && kind != INTERACTION_UPDATE_REQUEST && rng_percent (rng, 12))
        {
          expectation_index = partner->first_expectation + rng_below (rng, partner->n_expectations);
          g_snprintf (summary, sizeof summary, "Followed up with %s: %s", who,
                      gen->expectations[expectation_index].what);
        }
      else
        make_summary (gen, kind, who, summary, sizeof summary);

      has_follow_up = rng_percent (rng, kind == INTERACTION_UPDATE_REQUEST ? 70 : 22);
      if (has_follow_up)
        {
          follow_off = day_off + rng_between (rng, 3, 30);
          format_day (day_from_offset (gen, follow_off), follow_up_on, sizeof follow_up_on);
          /* Like a desk that is kept: follow-ups from past months are
           * nearly all done, recent ones often still open, so the Today
           * page shows a believable handful, not a year of backlog. */
          if (follow_off < -30 ? rng_percent (rng, 98)
                               : follow_off < 0 ? rng_percent (rng, 60) : rng_percent (rng, 15))
            {
              int done_off = min_int (follow_off + rng_between (rng, -2, 3), 0);

              done_at = max64 (occurred_at + rng_between (rng, 600, 7200), office_instant (gen, done_off));
              done_at = MIN (done_at, MAX (gen->now_utc, occurred_at + 600));
            }
        }

      staff = partner->owner >= 0 && rng_percent (rng, 80) ? staff_names[partner->owner]
                                                          : PICK (rng, staff_names);
      created_at = occurred_at + rng_between (rng, 0, 4 * 3600);
      created_at = MAX (occurred_at, MIN (created_at, gen->now_utc));
      updated_at = MAX (created_at, done_at);

      bind_int (batch, 1, id);
      bind_int (batch, 2, p + 1);
      bind_optional_int (batch, 3, contact != NULL ? contact_index + 1 : 0);
      bind_text (batch, 4, contact != NULL ? who : NULL);
      bind_text (batch, 5, staff);
      bind_text (batch, 6, interaction_kind_names[kind]);
      bind_int (batch, 7, occurred_at);
      bind_text (batch, 8, summary);
      if (confirms)
        bind_text (batch, 9, PICK (rng, confirming_outcomes));
      else if (kind == INTERACTION_UPDATE_REQUEST)
        bind_text (batch, 9, PICK (rng, update_request_outcomes));
      else if (kind == INTERACTION_CALL && rng_percent (rng, 15))
        bind_text (batch, 9, "No answer; left a message.");
      else
        bind_text (batch, 9, PICK (rng, outcomes));
      bind_text (batch, 10, has_follow_up ? follow_up_on : NULL);
      bind_optional_int (batch, 11, done_at);
      bind_int (batch, 12, confirms);
      bind_optional_int (batch, 13, expectation_index != G_MAXUINT ? expectation_index + 1 : 0);
      bind_int (batch, 14, created_at);
      bind_int (batch, 15, updated_at);
      if (!end_row (gen, batch, error))
        return FALSE;
    }

  return TRUE;
}

/* Events. */

/* The template of an event: mostly the partner's kind of program, else
 * one of the library's own. */
static const EventTemplate *
pick_event_template (Generator *gen,
                     int        kind)
{
  Rng *rng = &gen->rng;
  guint matches = 0;
  guint pick;

  if (kind < 0 || rng_percent (rng, 30))
    kind = -1;

  for (guint i = 0; i < G_N_ELEMENTS (event_templates); i++)
    matches += event_templates[i].kind == kind;
  pick = rng_below (rng, matches);
  for (guint i = 0; i < G_N_ELEMENTS (event_templates); i++)
    if (event_templates[i].kind == kind && pick-- == 0)
      return &event_templates[i];

  g_assert_not_reached ();
}

/* The day of the @nth (1-4) @weekday (1 Monday .. 7 Sunday) of the month
 * @months after the month of @julian. */
static guint32
nth_weekday_of_month (guint32 julian,
                      int     months,
                      guint   nth,
                      guint   weekday)
{
  GDate date;
  guint first_weekday;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  if (months > 0)
    g_date_add_months (&date, months);
  first_weekday = g_date_get_weekday (&date);
  g_date_add_days (&date, (weekday + 7 - first_weekday) % 7 + (nth - 1) * 7);

  return g_date_get_julian (&date);
}

/* Chooses a recurrence for a program that starts on *@julian at
 * @start_seconds. Sets @rrule and returns the day of the last occurrence,
 * or 0 when the series never ends. May move the start to a day the rule
 * can describe. */
static guint32
make_recurrence (Generator *gen,
                 guint      repeat,
                 guint32   *julian,
                 int        start_seconds,
                 char      *rrule,
                 gsize      size)
{
  Rng *rng = &gen->rng;
  GDate date;
  guint weekday, nth;
  int count;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, *julian);
  weekday = g_date_get_weekday (&date);

  if (repeat == REPEAT_MONTHLY)
    {
      /* "The 2nd Tuesday": a fifth weekday of the month moves a week earlier. */
      nth = (g_date_get_day (&date) - 1) / 7 + 1;
      if (nth == 5)
        {
          *julian -= 7;
          nth = 4;
        }

      if (rng_percent (rng, 40))
        {
          g_snprintf (rrule, size, "FREQ=MONTHLY;BYDAY=%u%s", nth, weekday_codes[weekday]);
          return 0;
        }
      count = rng_between (rng, 3, 10);
      g_snprintf (rrule, size, "FREQ=MONTHLY;BYDAY=%u%s;COUNT=%d", nth, weekday_codes[weekday], count);
      return nth_weekday_of_month (*julian, count - 1, nth, weekday);
    }

  switch (rng_below (rng, 4))
    {
    case 0:
      g_snprintf (rrule, size, "FREQ=WEEKLY;BYDAY=%s", weekday_codes[weekday]);
      return 0;

    case 1:
      count = rng_between (rng, 4, 12);
      g_snprintf (rrule, size, "FREQ=WEEKLY;BYDAY=%s;COUNT=%d", weekday_codes[weekday], count);
      return *julian + 7 * (count - 1);

    case 2:
      count = rng_between (rng, 3, 8);
      g_snprintf (rrule, size, "FREQ=WEEKLY;INTERVAL=2;BYDAY=%s;COUNT=%d", weekday_codes[weekday], count);
      return *julian + 14 * (count - 1);

    default:
      {
        guint32 last = *julian + 7 * rng_between (rng, 3, 20);
        char until[24];

        format_utc_stamp (gen, local_to_utc (gen, last, start_seconds), until, sizeof until);
        g_snprintf (rrule, size, "FREQ=WEEKLY;BYDAY=%s;UNTIL=%s", weekday_codes[weekday], until);
        return last;
      }
    }
}

static guint
pick_event_partner (Generator *gen)
{
  Rng *rng = &gen->rng;
  guint p = rng_below (rng, gen->n_partners);

  /* Prospects and former partners hold fewer events. */
  if ((gen->partners[p].status == STATUS_PROSPECT || gen->partners[p].status == STATUS_ENDED) &&
      rng_percent (rng, 70))
    p = rng_below (rng, gen->n_partners);

  return p;
}

static gboolean
insert_event (Generator  *gen,
              guint       index,
              GError    **error)
{
  Batch *batch = &gen->batches[TABLE_EVENT];
  Rng *rng = &gen->rng;
  const Partner *partner = NULL;
  const EventTemplate *template;
  char uid[64], title[192], description[400], dtstart[24], dtend[24], rrule[96];
  char online_url[96], registration_url[128], contact[160];
  const char *venue_name = NULL, *venue_address = NULL, *venue_room = NULL;
  guint32 julian, last_julian = 0;
  gboolean all_day, recurring = FALSE, promote;
  int day_off, start_seconds = 0, minutes;
  gint64 start_utc, last_end_utc, created_at, updated_at;
  guint status, channels = 0;
  int sequence;

  if (gen->n_partners > 0 && !rng_percent (rng, 15))
    partner = &gen->partners[pick_event_partner (gen)];
  template = pick_event_template (gen, partner != NULL ? partner->kind : -1);

  g_snprintf (uid, sizeof uid, "%016" G_GINT64_MODIFIER "x@" UID_DOMAIN, mix64 (gen->uid_key + index));

  /* From three months ago to six months ahead; former partners only in the past. */
  day_off = partner != NULL && partner->status == STATUS_ENDED ? -rng_between (rng, 1, 90)
                                                               : rng_between (rng, -90, 183);
  julian = day_from_offset (gen, day_off);

  all_day = template->minutes == 0;
  minutes = template->minutes;
  rrule[0] = '\0';
  if (all_day)
    {
      int length = rng_percent (rng, 50) ? 1 : rng_between (rng, 2, 7);

      format_day (julian, dtstart, sizeof dtstart);
      format_day (julian + length, dtend, sizeof dtend);
      start_utc = midnight_utc (gen, julian);
      last_end_utc = midnight_utc (gen, julian + length);
    }
  else
    {
      start_seconds = template->hour * 3600 + template->minute * 60;
      if (rng_percent (rng, 20))
        start_seconds += rng_percent (rng, 50) ? 1800 : -1800;
      if (template->repeat != REPEAT_NONE && rng_percent (rng, 45))
        {
          recurring = TRUE;
          last_julian = make_recurrence (gen, template->repeat, &julian, start_seconds,
                                         rrule, sizeof rrule);
        }
      format_wall_time (julian, start_seconds, dtstart, sizeof dtstart);
      format_wall_time (julian, start_seconds + minutes * 60, dtend, sizeof dtend);
      start_utc = local_to_utc (gen, julian, start_seconds);
      if (recurring && last_julian == 0)
        last_end_utc = 0;   /* never ends */
      else
        last_end_utc = local_to_utc (gen, recurring ? last_julian : julian, start_seconds + minutes * 60);
    }
  day_off = (int)((gint64)julian - gen->today_julian);

  if (index < N_EVENT_STATUSES)
    status = index;
  else if (day_off < 0)
    status = rng_percent (rng, 90) ? EVENT_CONFIRMED : rng_percent (rng, 70) ? EVENT_CANCELLED : EVENT_POSTPONED;
  else
    {
      static const guint future_weights[N_EVENT_STATUSES] = { 12, 78, 5, 5 };

      status = rng_weighted (rng, future_weights, N_EVENT_STATUSES);
    }

  if (partner != NULL && rng_percent (rng, 15))
    g_snprintf (title, sizeof title, "%s with %s", template->title, partner->name);
  else
    g_strlcpy (title, template->title, sizeof title);

  /* Some upcoming events still lack a description or a venue. */
  description[0] = '\0';
  if (!rng_percent (rng, 8))
    {
      const char *closing = PICK (rng, event_closings);

      if (partner != NULL)
        g_snprintf (description, sizeof description, "Presented with %s. %s", partner->name, closing);
      else
        g_snprintf (description, sizeof description, "A %s program. %s", LIBRARY_NAME, closing);
    }

  online_url[0] = '\0';
  if ((template->audience == AUDIENCE_ADULTS || template->audience == AUDIENCE_TEENS) &&
      !all_day && rng_percent (rng, 12))
    g_snprintf (online_url, sizeof online_url, "https://meet.riverbendlibrary.ca/j/%08x",
                (guint)(mix64 (gen->uid_key ^ index) & 0xffffffff));
  else if (rng_percent (rng, 6))
    ; /* no venue yet */
  else if (partner != NULL && partner->address[0] != '\0' && rng_percent (rng, 40))
    {
      venue_name = partner->name;
      venue_address = partner->address;
      venue_room = rng_percent (rng, 30) ? "Main hall" : NULL;
    }
  else
    {
      venue_name = LIBRARY_NAME;
      venue_address = LIBRARY_ADDRESS;
      switch (template->audience)
        {
        case AUDIENCE_CHILDREN:
        case AUDIENCE_FAMILIES:
          venue_room = PICK (rng, children_rooms);
          break;
        case AUDIENCE_TEENS:
          venue_room = PICK (rng, teen_rooms);
          break;
        default:
          venue_room = all_day ? "Main floor" : PICK (rng, adult_rooms);
          break;
        }
    }

  registration_url[0] = '\0';
  if (rng_percent (rng, 30))
    g_snprintf (registration_url, sizeof registration_url, LIBRARY_SITE "/events/%.8s/register", uid);

  if (partner != NULL && rng_percent (rng, 60))
    {
      format_phone (rng, contact, sizeof contact);
      if (rng_percent (rng, 50))
        {
          gsize n = strlen (contact);

          g_snprintf (contact + n, sizeof contact - n, ", programs@%s", partner->domain);
        }
    }
  else
    g_strlcpy (contact, "Programs desk, (780) 555-0100", sizeof contact);

  if (partner == NULL)
    promote = rng_percent (rng, 70);
  else
    {
      static const guint promote_percent[N_TIERS] = { 90, 60, 15, 0 };

      promote = rng_percent (rng, promote_percent[partner->tier]);
    }
  if (promote)
    channels = CHANNEL_WEBSITE | (rng_below (rng, 16) << 1);

  sequence = status == EVENT_DRAFT ? 0 : rng_between (rng, status == EVENT_CONFIRMED ? 0 : 1, 3);
  created_at = office_instant (gen, MIN (day_off, 0) - rng_between (rng, 7, 60));
  updated_at = max64 (created_at, office_instant (gen, MIN (day_off, 0) - rng_between (rng, 0, 6)));

  bind_int (batch, 1, index + 1);
  bind_text (batch, 2, uid);
  bind_optional_int (batch, 3, partner != NULL ? (partner - gen->partners) + 1 : 0);
  bind_text (batch, 4, title);
  bind_text (batch, 5, template->summary);
  bind_text (batch, 6, description);
  bind_text (batch, 7, dtstart);
  bind_text (batch, 8, dtend);
  bind_text (batch, 9, SAMPLE_TZID);
  bind_int (batch, 10, all_day);
  bind_int (batch, 11, start_utc);
  bind_optional_int (batch, 12, last_end_utc);
  bind_optional (batch, 13, rrule);
  bind_text (batch, 14, venue_name);
  bind_text (batch, 15, venue_address);
  bind_text (batch, 16, venue_room);
  bind_optional (batch, 17, online_url);
  bind_text (batch, 18, audience_names[template->audience]);
  /* The library's own programs are free. */
  if (rng_percent (rng, 20))
    bind_text (batch, 19, NULL);
  else
    bind_text (batch, 19, partner == NULL ? "Free" : PICK (rng, costs));
  bind_optional (batch, 20, registration_url);
  bind_text (batch, 21, PICK (rng, accessibility_notes));
  bind_text (batch, 22, contact);
  bind_text (batch, 23, event_status_names[status]);
  bind_int (batch, 24, promote);
  bind_int (batch, 25, channels);
  bind_int (batch, 26, promote && rng_percent (rng, 6));
  bind_int (batch, 27, sequence);
  bind_int (batch, 28, created_at);
  bind_int (batch, 29, updated_at);
  if (!end_row (gen, batch, error))
    return FALSE;

  batch = &gen->batches[TABLE_EVENT_CATEGORY];
  bind_int (batch, 1, index + 1);
  bind_text (batch, 2, template->category);
  if (!end_row (gen, batch, error))
    return FALSE;

  if (rng_percent (rng, 25))
    {
      const char *second = PICK (rng, event_categories);

      if (strcmp (second, template->category) != 0)
        {
          bind_int (batch, 1, index + 1);
          bind_text (batch, 2, second);
          if (!end_row (gen, batch, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_database_empty (LiaDatabase  *database,
                   gboolean     *empty,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare (database,
                                     "SELECT EXISTS (SELECT 1 FROM partner) OR EXISTS (SELECT 1 FROM event)"
                                     " OR EXISTS (SELECT 1 FROM contact) OR EXISTS (SELECT 1 FROM interaction)",
                                     error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);

  *empty = sqlite3_column_int (stmt, 0) == 0;

  return TRUE;
}

static gboolean
query_pragma (LiaDatabase  *database,
              const char   *sql,
              gint64       *value,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare (database, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);

  *value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* One big transaction: its pages, and the journals of its statements, are
 * best kept in memory (64 MiB at most) rather than spilled to files. */
static gboolean
tune_connection (LiaDatabase  *database,
                 gint64       *saved_cache_size,
                 gint64       *saved_temp_store,
                 GError      **error)
{
  return query_pragma (database, "PRAGMA cache_size", saved_cache_size, error) &&
         query_pragma (database, "PRAGMA temp_store", saved_temp_store, error) &&
         lia_database_exec (database, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY", error);
}

static void
restore_connection (LiaDatabase *database,
                    gint64       cache_size,
                    gint64       temp_store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (cache_size == G_MININT64 || temp_store == G_MININT64)
    return;

  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; PRAGMA temp_store = %" G_GINT64_FORMAT,
                         cache_size, temp_store);
  if (!lia_database_exec (database, sql, &error))
    g_debug ("Could not restore the connection's settings: %s", error->message);
}

static gboolean
generate (Generator  *gen,
          GError    **error)
{
  for (guint p = 0; p < gen->n_partners; p++)
    {
      if (!insert_partner (gen, p, error) ||
          !insert_contacts (gen, p, error) ||
          !insert_agreements (gen, p, error) ||
          !insert_expectations (gen, p, error) ||
          !insert_interactions (gen, p, error))
        return FALSE;
    }

  for (guint e = 0; e < gen->n_events; e++)
    if (!insert_event (gen, e, error))
      return FALSE;

  return flush_batches (gen, N_TABLES - 1, error);
}

static gboolean
write_meta (Generator                   *gen,
            const LiaSampleDataOptions  *options,
            GError                     **error)
{
  g_autofree char *staff = g_strjoinv ("\n", (char **)staff_names);
  char seed[32], day[16];

  g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, options->seed);
  format_day (gen->today_julian, day, sizeof day);

  return lia_database_set_meta (gen->database, "sample", "1", error) &&
         lia_database_set_meta (gen->database, "sample-seed", seed, error) &&
         lia_database_set_meta (gen->database, "sample-day", day, error) &&
         lia_database_set_meta (gen->database, "sample-staff", staff, error);
}

/**
 * lia_sample_data_options_init:
 * @options: the options to set to their defaults
 *
 * Sets 60 partners, sizes that suit them, seed 1 and today's date.
 */
void
lia_sample_data_options_init (LiaSampleDataOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->partners = DEFAULT_PARTNERS;
  options->seed = 1;
  g_date_clear (&options->today, 1);
  g_date_set_time_t (&options->today, time (NULL));
}

/**
 * lia_sample_data_fill:
 * @database: an empty database
 * @options: what to generate
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Fills @database with a sample community in one transaction. On failure,
 * and when @cancellable fires, nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
lia_sample_data_fill (LiaDatabase                 *database,
                      const LiaSampleDataOptions  *options,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  Generator gen = { 0 };
  gint64 saved_cache_size = G_MININT64;
  gint64 saved_temp_store = G_MININT64;
  gboolean empty = FALSE;
  gboolean ok;
  GDate epoch;

  g_return_val_if_fail (LIA_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);
  g_return_val_if_fail (options->partners > 0 || (options->contacts == 0 && options->interactions == 0), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!is_database_empty (database, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_autofree char *name = lia_database_dup_display_name (database);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY,
                   _("‘%s’ already holds partners or events. Sample data can only fill a new, empty database."),
                   name);
      return FALSE;
    }

  gen.database = database;
  gen.cancellable = cancellable;
  gen.seed = options->seed;
  gen.uid_key = mix64 (options->seed ^ G_GUINT64_CONSTANT (0x6c696169736f6e21));
  rng_init (&gen.rng, options->seed, 0);

  gen.tz = g_time_zone_new_identifier (SAMPLE_TZID);
  if (gen.tz == NULL)
    {
      /* Without time zone data, Mountain Standard Time all year. */
      g_debug ("No time zone data for %s; using UTC−07:00", SAMPLE_TZID);
      gen.tz = g_time_zone_new_offset (-7 * 3600);
    }
  gen.days = g_new0 (DayInfo, 2 * DAY_CACHE_HALF + 1);

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  gen.epoch_julian = g_date_get_julian (&epoch);
  gen.today_julian = g_date_get_julian (&options->today);
  gen.now_utc = local_to_utc (&gen, gen.today_julian, 12 * 3600);

  gen.n_partners = options->partners;
  gen.n_contacts = options->contacts > 0 ? options->contacts : 3 * gen.n_partners;
  gen.n_interactions = options->interactions > 0 ? options->interactions : 15 * gen.n_partners;
  gen.n_events = options->events > 0 ? options->events : 7 * gen.n_partners;

  gen.partners = g_new0 (Partner, gen.n_partners);
  gen.contacts = g_new0 (Contact, gen.n_contacts);
  gen.expectations = g_new0 (Expectation, 4 * (gsize)gen.n_partners);
  gen.names = g_hash_table_new (g_str_hash, g_str_equal);

  plan_partners (&gen);
  if (gen.n_partners > 0)
    {
      split_between_partners (&gen, gen.n_contacts, TRUE);
      split_between_partners (&gen, gen.n_interactions, FALSE);
    }

  g_debug ("Generating %u partners, %u contacts, %u interactions and %u events (seed %" G_GUINT64_FORMAT ")",
           gen.n_partners, gen.n_contacts, gen.n_interactions, gen.n_events, gen.seed);

  init_batches (&gen);

  ok = tune_connection (database, &saved_cache_size, &saved_temp_store, error) &&
       lia_database_begin (database, error);
  if (ok)
    {
      ok = generate (&gen, error) &&
           write_meta (&gen, options, error) &&
           lia_database_commit (database, error);
      if (!ok)
        lia_database_rollback (database);
    }

  generator_clear (&gen);
  restore_connection (database, saved_cache_size, saved_temp_store);

  return ok;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/**
 * lia_sample_data_write:
 * @path: the new database file
 * @options: what to generate
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes a sample database to @path, which must not exist yet. The file
 * appears whole, or not at all.
 *
 * Returns: %TRUE on success
 */
gboolean
lia_sample_data_write (const char                  *path,
                       const LiaSampleDataOptions  *options,
                       GCancellable                *cancellable,
                       GError                     **error)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("‘%s’ already exists. Choose another name, or delete it first."),
                   display_name);
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_name = g_filename_display_name (folder);
      g_autofree char *name = g_filename_display_name (base);

      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                   _("Cannot create ‘%s’: the folder ‘%s’ does not exist."),
                   name, folder_name);
      return FALSE;
    }

  /* Built beside its final name, so the rename cannot cross file systems. */
  temp_name = g_strdup_printf (".%s.XXXXXX.tmp", base);
  temp_path = g_build_filename (folder, temp_name, NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create a file in the folder ‘%s’: %s. Check that you may write there."),
                   folder_name, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  /* A new file that nobody else opens: while it is built, a rollback journal
   * in memory saves writing every page twice (to the WAL, then the file).
   * It is a WAL database again before it is closed. */
  if (!(database = lia_database_open (temp_path, LIA_DATABASE_OPEN_CREATE, error)) ||
      !lia_database_exec (database, "PRAGMA journal_mode = MEMORY", error) ||
      !lia_sample_data_fill (database, options, cancellable, error) ||
      !lia_database_exec (database, "PRAGMA journal_mode = WAL", error) ||
      !lia_database_exec (database, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    goto failed;

  /* Closing the last connection removes the -wal and -shm files; make sure. */
  g_clear_object (&database);
  {
    g_autofree char *wal = g_strconcat (temp_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (temp_path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }

  /* Somebody may have taken the name meanwhile: still never overwrite. */
  if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("‘%s’ already exists. Choose another name, or delete it first."),
                   display_name);
      goto failed;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save ‘%s’: %s."), display_name, g_strerror (saved_errno));
      goto failed;
    }

  return TRUE;

failed:
  g_clear_object (&database);
  remove_database_files (temp_path);

  return FALSE;
}
