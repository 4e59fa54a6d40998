#!/bin/sh
# Fails when a language in po/LINGUAS lacks a translation for a string of the
# current sources: extracts a fresh template (as meson's liaison-pot does,
# into a temporary folder), merges each .po with it and counts what is left.
top=${1:?usage: check-translations.sh SOURCE_ROOT}
cd "$top" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
langs=$(grep -v '^#' po/LINGUAS)
echo "1..$(echo "$langs" | wc -w)"
xgettext --package-name=liaison -D "$top" -f po/POTFILES.in -o "$tmp/liaison.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
  --flag=g_printerr:1:c-format || { echo "Bail out! xgettext failed"; exit 1; }
n=0; status=0
for lang in $langs; do
  n=$((n + 1))
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/liaison.pot" || status=1
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  if [ $? -ne 0 ] || echo "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "not ok $n - po/$lang.po is incomplete: $stats"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid' | head -20 | sed 's/^/# /'
    status=1
  else
    echo "ok $n - po/$lang.po: $stats"
  fi
done
exit $status
