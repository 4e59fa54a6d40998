/* lia-caldav-publisher.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CalDAV target (RFC 4791): one resource per event in a calendar
 * collection, {collection}/{uid}.ics.
 *
 * Discovery (RFC 6764 section 6, without the DNS part): the target's URL
 * is used when it is a calendar collection; otherwise its
 * current-user-principal leads to the calendar-home-set, whose calendars
 * are listed: the only one, or the one named like the target.
 *
 * Writes are conditional: create with If-None-Match: *, update and delete
 * with If-Match on the ETag last seen, so a copy someone changed on the
 * server is a conflict (412), never overwritten. A 412 for what the server
 * already holds — a run cut short after the server stored the step, before
 * it was recorded — is not a conflict: the job reads the resource back
 * (fetch_remote) and takes the step as done.
 *
 * The multistatus answers are read with GMarkup, which knows nothing of
 * namespaces: the xmlns declarations are tracked here, and elements are
 * matched by namespace URI and local name, whatever prefixes the server
 * chose.
 */

#define G_LOG_DOMAIN "lia-caldav-publisher"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-event.h"
#include "lia-ical.h"
#include "lia-publisher.h"

#define CALENDAR_CONTENT_TYPE "text/calendar; charset=utf-8"
#define XML_CONTENT_TYPE      "application/xml; charset=utf-8"
#define NS_DAV                "DAV:"
#define NS_CALDAV             "urn:ietf:params:xml:ns:caldav"
#define MAX_NAME_LENGTH       200  /* of 255 in most file systems, with room for ".ics" and more */

#define LIA_TYPE_CALDAV_PUBLISHER (lia_caldav_publisher_get_type ())
G_DECLARE_FINAL_TYPE (LiaCaldavPublisher, lia_caldav_publisher, LIA, CALDAV_PUBLISHER, GObject)

struct _LiaCaldavPublisher
{
  GObject  parent_instance;

  /* Owned */
  LiaHttp *http;
  char    *target_name;
  char    *target_url;
  char    *collection_url;  /* found by discovery; ends with a slash */
  GMutex   discovery_lock;
};

static void lia_caldav_publisher_iface_init (LiaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaCaldavPublisher, lia_caldav_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_PUBLISHER, lia_caldav_publisher_iface_init))

/* The elements of a multistatus that discovery and ETags need. */
typedef enum
{
  ELEMENT_OTHER,
  ELEMENT_RESPONSE,
  ELEMENT_HREF,
  ELEMENT_PROPSTAT,
  ELEMENT_STATUS,
  ELEMENT_RESOURCETYPE,
  ELEMENT_DISPLAYNAME,
  ELEMENT_GETETAG,
  ELEMENT_CURRENT_USER_PRINCIPAL,
  ELEMENT_CALENDAR,
  ELEMENT_CALENDAR_HOME_SET,
  ELEMENT_COMPONENT_SET,
  ELEMENT_COMP,
} Element;

static const struct
{
  const char *ns;
  const char *name;
  Element     element;
} known_elements[] = {
  { NS_DAV, "response", ELEMENT_RESPONSE },
  { NS_DAV, "href", ELEMENT_HREF },
  { NS_DAV, "propstat", ELEMENT_PROPSTAT },
  { NS_DAV, "status", ELEMENT_STATUS },
  { NS_DAV, "resourcetype", ELEMENT_RESOURCETYPE },
  { NS_DAV, "displayname", ELEMENT_DISPLAYNAME },
  { NS_DAV, "getetag", ELEMENT_GETETAG },
  { NS_DAV, "current-user-principal", ELEMENT_CURRENT_USER_PRINCIPAL },
  { NS_CALDAV, "calendar", ELEMENT_CALENDAR },
  { NS_CALDAV, "calendar-home-set", ELEMENT_CALENDAR_HOME_SET },
  { NS_CALDAV, "supported-calendar-component-set", ELEMENT_COMPONENT_SET },
  { NS_CALDAV, "comp", ELEMENT_COMP },
};

/* What one <response> says of its resource (from its 2xx propstats). */
typedef struct
{
  char     *href;
  char     *displayname;
  char     *etag;
  char     *principal;
  char     *home_set;
  gboolean  is_calendar;
  gboolean  has_component_set;
  gboolean  supports_events;
} DavResource;

typedef struct
{
  GPtrArray   *resources;   /* DavResource, in document order */
  GArray      *elements;    /* Element of each open element */
  GPtrArray   *namespaces;  /* per open element: NULL, or a GStrv of prefix, URI pairs */
  GString     *text;
  DavResource *resource;    /* the <response> being read */
  DavResource  propstat;    /* the open <propstat>'s properties */
  guint        status;      /* the open <propstat>'s status */
} MultistatusParser;

static void
dav_resource_clear (DavResource *resource)
{
  g_clear_pointer (&resource->href, g_free);
  g_clear_pointer (&resource->displayname, g_free);
  g_clear_pointer (&resource->etag, g_free);
  g_clear_pointer (&resource->principal, g_free);
  g_clear_pointer (&resource->home_set, g_free);
  resource->is_calendar = FALSE;
  resource->has_component_set = FALSE;
  resource->supports_events = FALSE;
}

static void
dav_resource_free (DavResource *resource)
{
  dav_resource_clear (resource);
  g_free (resource);
}

/* The URI bound to @prefix ("" for the default namespace) by the innermost
 * declaration in scope; NULL when none. */
static const char *
lookup_namespace (MultistatusParser *parser,
                  const char        *prefix)
{
  for (guint i = parser->namespaces->len; i > 0; i--)
    {
      char **pairs = g_ptr_array_index (parser->namespaces, i - 1);

      for (guint j = 0; pairs != NULL && pairs[j] != NULL; j += 2)
        if (g_str_equal (pairs[j], prefix))
          return pairs[j + 1];
    }

  return NULL;
}

static char **
collect_namespaces (const char **attribute_names,
                    const char **attribute_values)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean any = FALSE;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *prefix;

      if (g_str_equal (attribute_names[i], "xmlns"))
        prefix = "";
      else if (g_str_has_prefix (attribute_names[i], "xmlns:"))
        prefix = attribute_names[i] + strlen ("xmlns:");
      else
        continue;

      if (builder == NULL)
        builder = g_strv_builder_new ();
      g_strv_builder_add (builder, prefix);
      g_strv_builder_add (builder, attribute_values[i]);
      any = TRUE;
    }

  return any ? g_strv_builder_end (builder) : NULL;
}

static Element
classify_element (MultistatusParser *parser,
                  const char        *qualified_name)
{
  g_autofree char *prefix = NULL;
  const char *colon = strchr (qualified_name, ':');
  const char *local = colon != NULL ? colon + 1 : qualified_name;
  const char *ns;

  prefix = colon != NULL ? g_strndup (qualified_name, colon - qualified_name) : g_strdup ("");
  ns = lookup_namespace (parser, prefix);
  if (ns == NULL)
    return ELEMENT_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    if (g_str_equal (known_elements[i].ns, ns) && g_str_equal (known_elements[i].name, local))
      return known_elements[i].element;

  return ELEMENT_OTHER;
}

/* The element enclosing the innermost open one (@depth 1), or further out. */
static Element
open_element (MultistatusParser *parser,
              guint              depth)
{
  if (parser->elements->len <= depth)
    return ELEMENT_OTHER;

  return g_array_index (parser->elements, Element, parser->elements->len - 1 - depth);
}

static void
multistatus_start_element (GMarkupParseContext  *context,
                           const char           *element_name,
                           const char          **attribute_names,
                           const char          **attribute_values,
                           gpointer              user_data,
                           GError              **error)
{
  MultistatusParser *parser = user_data;
  Element element;

  g_ptr_array_add (parser->namespaces, collect_namespaces (attribute_names, attribute_values));
  element = classify_element (parser, element_name);
  g_array_append_val (parser->elements, element);
  g_string_truncate (parser->text, 0);

  switch (element)
    {
    case ELEMENT_RESPONSE:
      g_clear_pointer (&parser->resource, dav_resource_free);
      parser->resource = g_new0 (DavResource, 1);
      break;

    case ELEMENT_PROPSTAT:
      dav_resource_clear (&parser->propstat);
      parser->status = 0;
      break;

    case ELEMENT_CALENDAR:
      if (open_element (parser, 1) == ELEMENT_RESOURCETYPE)
        parser->propstat.is_calendar = TRUE;
      break;

    case ELEMENT_COMPONENT_SET:
      parser->propstat.has_component_set = TRUE;
      break;

    case ELEMENT_COMP:
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "name")
            && g_ascii_strcasecmp (attribute_values[i], "VEVENT") == 0
            && open_element (parser, 1) == ELEMENT_COMPONENT_SET)
          parser->propstat.supports_events = TRUE;
      break;

    case ELEMENT_OTHER:
    case ELEMENT_HREF:
    case ELEMENT_STATUS:
    case ELEMENT_RESOURCETYPE:
    case ELEMENT_DISPLAYNAME:
    case ELEMENT_GETETAG:
    case ELEMENT_CURRENT_USER_PRINCIPAL:
    case ELEMENT_CALENDAR_HOME_SET:
    default:
      break;
    }
}

static void
set_text (char       **field,
          GString     *text)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (text->str));
}

/* "HTTP/1.1 200 OK" → 200; 0 when it is not a status line. */
static guint
parse_status_line (const char *line)
{
  guint status = 0;

  if (!soup_headers_parse_status_line (line, NULL, &status, NULL))
    return 0;

  return status;
}

static void
take_text (char **field,
           char **value)
{
  g_free (*field);
  *field = g_steal_pointer (value);
}

static void
end_propstat (MultistatusParser *parser)
{
  DavResource *props = &parser->propstat;
  DavResource *resource = parser->resource;

  /* A 404 propstat lists what the resource does not have. */
  if (resource != NULL && SOUP_STATUS_IS_SUCCESSFUL (parser->status))
    {
      if (props->displayname != NULL)
        take_text (&resource->displayname, &props->displayname);
      if (props->etag != NULL)
        take_text (&resource->etag, &props->etag);
      if (props->principal != NULL)
        take_text (&resource->principal, &props->principal);
      if (props->home_set != NULL)
        take_text (&resource->home_set, &props->home_set);
      resource->is_calendar |= props->is_calendar;
      resource->has_component_set |= props->has_component_set;
      resource->supports_events |= props->supports_events;
    }

  dav_resource_clear (props);
}

static void
multistatus_end_element (GMarkupParseContext  *context,
                         const char           *element_name,
                         gpointer              user_data,
                         GError              **error)
{
  MultistatusParser *parser = user_data;
  Element element = open_element (parser, 0);
  Element parent = open_element (parser, 1);

  switch (element)
    {
    case ELEMENT_HREF:
      if (parent == ELEMENT_RESPONSE && parser->resource != NULL)
        set_text (&parser->resource->href, parser->text);
      else if (parent == ELEMENT_CURRENT_USER_PRINCIPAL)
        set_text (&parser->propstat.principal, parser->text);
      else if (parent == ELEMENT_CALENDAR_HOME_SET && parser->propstat.home_set == NULL)
        set_text (&parser->propstat.home_set, parser->text);
      break;

    case ELEMENT_STATUS:
      if (parent == ELEMENT_PROPSTAT)
        parser->status = parse_status_line (g_strstrip (parser->text->str));
      break;

    case ELEMENT_DISPLAYNAME:
      set_text (&parser->propstat.displayname, parser->text);
      break;

    case ELEMENT_GETETAG:
      set_text (&parser->propstat.etag, parser->text);
      break;

    case ELEMENT_PROPSTAT:
      end_propstat (parser);
      break;

    case ELEMENT_RESPONSE:
      if (parser->resource != NULL && parser->resource->href != NULL)
        g_ptr_array_add (parser->resources, g_steal_pointer (&parser->resource));
      g_clear_pointer (&parser->resource, dav_resource_free);
      break;

    case ELEMENT_OTHER:
    case ELEMENT_RESOURCETYPE:
    case ELEMENT_CURRENT_USER_PRINCIPAL:
    case ELEMENT_CALENDAR:
    case ELEMENT_CALENDAR_HOME_SET:
    case ELEMENT_COMPONENT_SET:
    case ELEMENT_COMP:
    default:
      break;
    }

  g_array_set_size (parser->elements, parser->elements->len - 1);
  g_ptr_array_set_size (parser->namespaces, parser->namespaces->len - 1);
  g_string_truncate (parser->text, 0);
}

static void
multistatus_text (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 text_len,
                  gpointer              user_data,
                  GError              **error)
{
  MultistatusParser *parser = user_data;

  g_string_append_len (parser->text, text, text_len);
}

static const GMarkupParser multistatus_parser = {
  multistatus_start_element,
  multistatus_end_element,
  multistatus_text,
  NULL,
  NULL,
};

/* The resources of a 207 Multi-Status body: a GPtrArray of DavResource,
 * hrefs as the server wrote them. */
static GPtrArray *
parse_multistatus (GBytes      *body,
                   const char  *url,
                   GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func ((GDestroyNotify) dav_resource_free);
  MultistatusParser parser = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  gboolean ok;

  parser.resources = resources;
  parser.elements = g_array_new (FALSE, FALSE, sizeof (Element));
  parser.namespaces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  parser.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&multistatus_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &parser, NULL);
  ok = g_markup_parse_context_parse (context, data != NULL ? data : "", size, &local_error)
       && g_markup_parse_context_end_parse (context, &local_error);

  g_clear_pointer (&parser.resource, dav_resource_free);
  dav_resource_clear (&parser.propstat);
  g_array_unref (parser.elements);
  g_ptr_array_unref (parser.namespaces);
  g_string_free (parser.text, TRUE);

  if (!ok)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                   _("The server’s answer for %s could not be read: %s"),
                   url, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&resources);
}

/* Whether @etag is a strong ETag: only those can be sent in If-Match. */
static gboolean
is_strong_etag (const char *etag)
{
  return etag != NULL && etag[0] == '"';
}

static char *
dup_strong_etag (const char *etag)
{
  return is_strong_etag (etag) ? g_strdup (etag) : NULL;
}

static char *
dup_with_slash (const char *url)
{
  return g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
}

/* An href from a multistatus as a URL on the target's server. A server
 * behind a reverse proxy may write absolute URLs with its own inner name
 * (http://localhost:5232/...); and credentials must never follow an href
 * to another host. So only the path of an absolute href is kept. */
static char *
resolve_href (const char *base,
              const char *href)
{
  g_autoptr(GUri) base_uri = g_uri_parse (base, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) uri = NULL;

  if (base_uri == NULL || !(uri = g_uri_parse_relative (base_uri, href, SOUP_HTTP_URI_FLAGS, NULL)))
    return lia_http_resolve (base, href);

  if (g_strcmp0 (g_uri_get_scheme (uri), g_uri_get_scheme (base_uri)) != 0
      || g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (base_uri)) != 0
      || g_uri_get_port (uri) != g_uri_get_port (base_uri))
    return lia_http_resolve (base, g_uri_get_path (uri));

  return g_uri_to_string (uri);
}

/* PROPFIND @props (inside <d:prop>, prefixes d: DAV and c: CalDAV) at @url.
 * When @not_found is not NULL a 404 or 410 is no error: *@not_found is
 * set and the list is empty. */
static GPtrArray *
propfind (LiaCaldavPublisher  *self,
          const char          *url,
          const char          *depth,
          const char          *props,
          gboolean            *not_found,
          GCancellable        *cancellable,
          GError             **error)
{
  const char *headers[] = { "Depth", depth, NULL };
  g_autofree char *request = NULL;
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessage) message = NULL;
  guint status;

  if (not_found != NULL)
    *not_found = FALSE;

  request = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                             "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"" NS_CALDAV "\">"
                             "<d:prop>%s</d:prop></d:propfind>",
                             props);
  request_body = g_bytes_new_take (request, strlen (request));
  request = NULL;

  body = lia_http_send (self->http, "PROPFIND", url, headers, request_body, XML_CONTENT_TYPE,
                        &message, cancellable, error);
  if (body == NULL)
    return NULL;

  status = soup_message_get_status (message);
  if (not_found != NULL && (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE))
    {
      *not_found = TRUE;
      return g_ptr_array_new_with_free_func ((GDestroyNotify) dav_resource_free);
    }
  if (!lia_http_check_status (message, error))
    return NULL;
  if (status != SOUP_STATUS_MULTI_STATUS)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("%s is not a CalDAV server (it answered %u to PROPFIND): check the target’s address"),
                   url, status);
      return NULL;
    }

  return parse_multistatus (body, url, error);
}

/* The resource a Depth 0 PROPFIND describes; NULL when the answer has none. */
static DavResource *
first_resource (GPtrArray *resources)
{
  return resources->len > 0 ? g_ptr_array_index (resources, 0) : NULL;
}

static char *
find_calendar_in_home (LiaCaldavPublisher  *self,
                       const char          *home_url,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  DavResource *chosen = NULL;
  gboolean not_found;

  resources = propfind (self, home_url, "1",
                        "<d:resourcetype/><d:displayname/><c:supported-calendar-component-set/>",
                        &not_found, cancellable, error);
  if (resources == NULL)
    return NULL;

  for (guint i = 0; i < resources->len; i++)
    {
      DavResource *resource = g_ptr_array_index (resources, i);

      /* A calendar that only holds tasks is no place for events. */
      if (resource->is_calendar && (!resource->has_component_set || resource->supports_events))
        g_ptr_array_add (calendars, resource);
    }

  if (calendars->len == 1)
    chosen = g_ptr_array_index (calendars, 0);
  else
    for (guint i = 0; i < calendars->len; i++)
      {
        DavResource *calendar = g_ptr_array_index (calendars, i);

        if (g_strcmp0 (calendar->displayname, self->target_name) == 0)
          {
            chosen = calendar;
            break;
          }
      }

  if (chosen != NULL)
    {
      g_autofree char *url = resolve_href (home_url, chosen->href);

      return dup_with_slash (url);
    }

  if (calendars->len == 0)
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                 _("The server at %s has no calendar for “%s”: make one there, "
                   "or give the calendar’s own address as the target’s URL"),
                 self->target_url, self->target_name);
  else
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                 ngettext ("The server at %s has %u calendar and none is named “%s”: "
                           "name one after the target, or give the calendar’s own address as the target’s URL",
                           "The server at %s has %u calendars and none is named “%s”: "
                           "name one after the target, or give the calendar’s own address as the target’s URL",
                           calendars->len),
                 self->target_url, calendars->len, self->target_name);

  return NULL;
}

/* The calendar collection: the target's URL when it is one, else through
 * the principal and its calendar home. */
static char *
discover_collection (LiaCaldavPublisher  *self,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autofree char *home_url = NULL;
  DavResource *resource;
  gboolean not_found;

  resources = propfind (self, self->target_url, "0",
                        "<d:resourcetype/><d:current-user-principal/><c:calendar-home-set/>"
                        "<c:supported-calendar-component-set/>",
                        &not_found, cancellable, error);
  if (resources == NULL)
    return NULL;

  resource = first_resource (resources);
  if (not_found || resource == NULL)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("There is nothing at %s: check the address of “%s”"),
                   self->target_url, self->target_name);
      return NULL;
    }

  if (resource->is_calendar)
    return dup_with_slash (self->target_url);

  if (resource->home_set != NULL)
    home_url = resolve_href (self->target_url, resource->home_set);
  else if (resource->principal != NULL)
    {
      g_autofree char *principal_url = resolve_href (self->target_url, resource->principal);
      g_autoptr(GPtrArray) principal = NULL;
      DavResource *found;

      principal = propfind (self, principal_url, "0", "<c:calendar-home-set/>",
                            NULL, cancellable, error);
      if (principal == NULL)
        return NULL;

      found = first_resource (principal);
      if (found != NULL && found->home_set != NULL)
        home_url = resolve_href (principal_url, found->home_set);
    }

  /* A server that names no home: the calendars may be right below. */
  if (home_url == NULL)
    home_url = g_strdup (self->target_url);

  return find_calendar_in_home (self, home_url, cancellable, error);
}

/* The collection, discovered once (prepare, or the first step that needs
 * it when the job did not prepare, as when resolving a conflict). */
static const char *
ensure_collection (LiaCaldavPublisher  *self,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->discovery_lock);

  if (self->collection_url == NULL)
    {
      self->collection_url = discover_collection (self, cancellable, error);
      if (self->collection_url != NULL)
        g_debug ("The calendar of “%s” is %s", self->target_name, self->collection_url);
    }

  return self->collection_url;
}

/* The resource's name: the UID with anything but [A-Za-z0-9._-@]
 * percent-encoded (a UID may hold spaces, '?' or anything else). Servers
 * decode %2F into a folder separator (Radicale refuses it), and a file
 * name has a length limit: a UID with a slash, or a long one, is named by
 * its SHA-256 instead — the same name every time, so a retried create
 * still finds its copy. */
static char *
make_resource_name (const char *uid)
{
  GString *name = g_string_new (NULL);

  for (const guchar *p = (const guchar *) uid; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-' || *p == '@')
        g_string_append_c (name, *p);
      else
        g_string_append_printf (name, "%%%02X", *p);
    }

  if (strchr (uid, '/') != NULL || name->len > MAX_NAME_LENGTH)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);

      g_string_printf (name, "liaison-%s", hash);
    }
  g_string_append (name, ".ics");

  return g_string_free (name, FALSE);
}

static char *
make_href (LiaCaldavPublisher  *self,
           const char          *uid,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autofree char *name = make_resource_name (uid);
  const char *collection = ensure_collection (self, cancellable, error);

  if (collection == NULL)
    return NULL;

  return g_strconcat (collection, name, NULL);
}

/* Where @record's resource is: where it was put, else where it would be. */
static char *
dup_record_href (LiaCaldavPublisher      *self,
                 const LiaPublishRecord  *record,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  if (record->remote_href != NULL)
    return g_strdup (record->remote_href);

  return make_href (self, record->item, cancellable, error);
}

/* The current strong ETag of @href (NULL when the server gives none or a
 * weak one); *@exists FALSE when there is nothing there. */
static gboolean
read_etag (LiaCaldavPublisher  *self,
           const char          *href,
           char               **etag,
           gboolean            *exists,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(GPtrArray) resources = NULL;
  DavResource *resource;
  gboolean not_found;

  *etag = NULL;
  resources = propfind (self, href, "0", "<d:getetag/>", &not_found, cancellable, error);
  if (resources == NULL)
    return FALSE;

  resource = first_resource (resources);
  *exists = !not_found;
  if (resource != NULL)
    *etag = dup_strong_etag (resource->etag);

  return TRUE;
}

static GBytes *
get_resource (LiaCaldavPublisher  *self,
              const char          *href,
              char               **etag,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;

  body = lia_http_send (self->http, "GET", href, NULL, NULL, NULL, &message, cancellable, error);
  if (body == NULL)
    return NULL;

  if (soup_message_get_status (message) == SOUP_STATUS_NOT_FOUND
      || soup_message_get_status (message) == SOUP_STATUS_GONE)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("%s is no longer on the server"), href);
      return NULL;
    }
  if (!lia_http_check_status (message, error))
    return NULL;

  if (etag != NULL)
    *etag = dup_strong_etag (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));

  return g_steal_pointer (&body);
}

/* PUT @content at @href with the precondition @if_header (If-Match or
 * If-None-Match) @if_value, and fills @result. */
static gboolean
put_resource (LiaCaldavPublisher  *self,
              const char          *href,
              GBytes              *content,
              const char          *if_header,
              const char          *if_value,
              LiaPublishResult    *result,
              GCancellable        *cancellable,
              GError             **error)
{
  const char *headers[] = { if_header, if_value, NULL };
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *etag = NULL;

  /* Said even when the PUT fails: the job reads it back after a 412. */
  g_free (result->remote_href);
  result->remote_href = g_strdup (href);

  body = lia_http_send (self->http, "PUT", href, if_header != NULL ? headers : NULL,
                        content, CALENDAR_CONTENT_TYPE, &message, cancellable, error);
  if (body == NULL)
    return FALSE;

  if (!lia_http_check_status (message, error))
    return FALSE;
  etag = dup_strong_etag (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));

  /* Without a strong ETag the next update could not be conditional. */
  if (etag == NULL)
    {
      gboolean exists;

      if (!read_etag (self, href, &etag, &exists, cancellable, error))
        return FALSE;
    }

  result->remote_etag = g_steal_pointer (&etag);

  return TRUE;
}

static gboolean
delete_resource (LiaCaldavPublisher      *self,
                 const LiaPublishRecord  *record,
                 LiaPublishResult        *result,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autofree char *href = dup_record_href (self, record, cancellable, error);
  g_autofree char *etag = g_strdup (record->remote_etag);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *headers[] = { "If-Match", NULL, NULL };
  guint status;

  if (href == NULL)
    return FALSE;

  if (etag == NULL)
    {
      gboolean exists;

      if (!read_etag (self, href, &etag, &exists, cancellable, error))
        return FALSE;
      if (!exists)
        goto done;
    }

  headers[1] = etag;
  body = lia_http_send (self->http, "DELETE", href, etag != NULL ? headers : NULL,
                        NULL, NULL, &message, cancellable, error);
  if (body == NULL)
    return FALSE;

  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_NOT_FOUND && status != SOUP_STATUS_GONE
      && !lia_http_check_status (message, error))
    return FALSE;

done:
  result->remote_href = g_steal_pointer (&href);

  return TRUE;
}

static gboolean
update_resource (LiaCaldavPublisher      *self,
                 const LiaPublishStep    *step,
                 LiaPublishResult        *result,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autofree char *href = dup_record_href (self, step->record, cancellable, error);
  g_autofree char *etag = g_strdup (step->record->remote_etag);

  if (href == NULL)
    return FALSE;

  if (etag == NULL)
    {
      gboolean exists;

      if (!read_etag (self, href, &etag, &exists, cancellable, error))
        return FALSE;
      if (!exists)
        return put_resource (self, href, step->item->content, "If-None-Match", "*",
                             result, cancellable, error);
      if (etag == NULL)
        {
          /* A server without ETags: sending over it would overwrite
           * whatever is there unseen. */
          g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT,
                       _("The server gives no ETag for %s, so a change made there cannot be told apart"),
                       href);
          return FALSE;
        }
    }

  return put_resource (self, href, step->item->content, "If-Match", etag,
                       result, cancellable, error);
}

static GPtrArray *
lia_caldav_publisher_build_items (LiaPublisher  *publisher,
                                  LiaStore      *store,
                                  GArray        *event_ids,
                                  GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_publish_item_free);

  for (guint i = 0; i < event_ids->len; i++)
    {
      gint64 id = g_array_index (event_ids, gint64, i);
      g_autoptr(LiaEvent) event = NULL;
      GBytes *content;
      LiaPublishItem *item;

      event = lia_store_get_event (store, id, error);
      if (event == NULL)
        return NULL;

      content = lia_ical_export_resource (store, id, error);
      if (content == NULL)
        return NULL;

      item = lia_publish_item_new (LIA_PUBLISH_ITEM_EVENT,
                                   lia_event_get_uid (event),
                                   lia_event_get_title (event),
                                   content,
                                   CALENDAR_CONTENT_TYPE);
      item->event_id = id;
      item->start_utc = lia_event_get_start_utc (event);
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static gboolean
lia_caldav_publisher_prepare (LiaPublisher  *publisher,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LiaCaldavPublisher *self = LIA_CALDAV_PUBLISHER (publisher);

  return ensure_collection (self, cancellable, error) != NULL;
}

static gboolean
lia_caldav_publisher_apply (LiaPublisher          *publisher,
                            const LiaPublishStep  *step,
                            LiaPublishResult      *result,
                            GCancellable          *cancellable,
                            GError               **error)
{
  LiaCaldavPublisher *self = LIA_CALDAV_PUBLISHER (publisher);

  switch (step->action)
    {
    case LIA_PUBLISH_CREATE:
      {
        g_autofree char *href = make_href (self, step->item->item, cancellable, error);

        return href != NULL
               && put_resource (self, href, step->item->content, "If-None-Match", "*",
                                result, cancellable, error);
      }

    case LIA_PUBLISH_UPDATE:
      /* An update of a record never sent (no href) is a create. */
      if (step->record == NULL)
        {
          g_autofree char *href = make_href (self, step->item->item, cancellable, error);

          return href != NULL
                 && put_resource (self, href, step->item->content, "If-None-Match", "*",
                                  result, cancellable, error);
        }
      return update_resource (self, step, result, cancellable, error);

    case LIA_PUBLISH_DELETE:
      g_return_val_if_fail (step->record != NULL, FALSE);
      return delete_resource (self, step->record, result, cancellable, error);

    case LIA_PUBLISH_CONFLICT:
    default:
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT,
                   _("“%s” waits for a decision: the copy on the server was changed"),
                   step->title);
      return FALSE;
    }
}

static GBytes *
lia_caldav_publisher_fetch_remote (LiaPublisher            *publisher,
                                   const LiaPublishRecord  *record,
                                   char                   **etag,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  LiaCaldavPublisher *self = LIA_CALDAV_PUBLISHER (publisher);
  g_autofree char *href = dup_record_href (self, record, cancellable, error);

  if (href == NULL)
    return NULL;

  return get_resource (self, href, etag, cancellable, error);
}

static void
lia_caldav_publisher_iface_init (LiaPublisherInterface *iface)
{
  iface->build_items = lia_caldav_publisher_build_items;
  iface->prepare = lia_caldav_publisher_prepare;
  iface->apply = lia_caldav_publisher_apply;
  iface->fetch_remote = lia_caldav_publisher_fetch_remote;
}

static void
lia_caldav_publisher_finalize (GObject *object)
{
  LiaCaldavPublisher *self = (LiaCaldavPublisher *) object;

  g_clear_object (&self->http);
  g_clear_pointer (&self->target_name, g_free);
  g_clear_pointer (&self->target_url, g_free);
  g_clear_pointer (&self->collection_url, g_free);
  g_mutex_clear (&self->discovery_lock);

  G_OBJECT_CLASS (lia_caldav_publisher_parent_class)->finalize (object);
}

static void
lia_caldav_publisher_class_init (LiaCaldavPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_caldav_publisher_finalize;
}

static void
lia_caldav_publisher_init (LiaCaldavPublisher *self)
{
  g_mutex_init (&self->discovery_lock);
}

/**
 * lia_caldav_publisher_new:
 * @target: a CalDAV target: its URL is a calendar collection, a principal
 *   or a server root
 * @http: the run's session, with the target's credentials
 * @context: what the publisher needs of the library (unused: a resource
 *   says nothing of the library)
 *
 * Returns: (transfer full): the publisher of @target
 */
LiaPublisher *
lia_caldav_publisher_new (const LiaTarget         *target,
                          LiaHttp                 *http,
                          const LiaPublishContext *context)
{
  LiaCaldavPublisher *self;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);

  self = g_object_new (LIA_TYPE_CALDAV_PUBLISHER, NULL);
  self->http = g_object_ref (http);
  self->target_name = g_strdup (target->name);
  self->target_url = g_strdup (target->url);

  return LIA_PUBLISHER (self);
}
