#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1
status=0
echo "1..2"
missing=$(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) | sort | while read -r f; do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext)\(|translatable="yes"|<_?(summary|description|name|caption|p|li)>' "$f" 2>/dev/null \
     && ! grep -qxF "$f" po/POTFILES.in; then
    case "$f" in
      *.gresource.xml) ;;
      *) echo "$f" ;;
    esac
  fi
done)
if [ -n "$missing" ]; then
  echo "not ok 1 - files with translatable strings missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/# /'
  status=1
else
  echo "ok 1 - every file with translatable strings is in po/POTFILES.in"
fi
stale=$(grep -v '^#' po/POTFILES.in | grep . | while read -r f; do [ -f "$f" ] || echo "$f"; done)
if [ -n "$stale" ]; then
  echo "not ok 2 - po/POTFILES.in names files that do not exist:"
  echo "$stale" | sed 's/^/# /'
  status=1
else
  echo "ok 2 - every file in po/POTFILES.in exists"
fi
exit $status
