#!/bin/sh
# check-flatpak-manifest.sh
# Copyright 2026 The Liaison Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.sh FLATPAK-BUILDER MANIFEST
# Parses MANIFEST with `flatpak-builder --show-manifest`. flatpak-builder
# only warns about unknown keys, so any WARNING on stderr fails the check.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 FLATPAK-BUILDER MANIFEST" >&2
  exit 2
fi

builder=$1
manifest=$2
err=$(mktemp) || exit 1
trap 'rm -f "$err"' EXIT

if ! "$builder" --show-manifest "$manifest" >/dev/null 2>"$err"; then
  cat "$err" >&2
  echo "not ok: $manifest does not parse" >&2
  exit 1
fi

if grep -q WARNING "$err"; then
  cat "$err" >&2
  echo "not ok: flatpak-builder warned about $manifest" >&2
  exit 1
fi

cat "$err" >&2
echo "ok: $manifest"
