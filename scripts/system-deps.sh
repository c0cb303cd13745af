#!/usr/bin/env bash
# System packages: the libraries WeasyPrint needs to render PDFs, and Chromium, which the
# POS screen's keyboard tests drive headless (they skip without it). On Debian/Ubuntu
# install the missing ones when we may (root with apt-get); elsewhere say what is
# missing and carry on.
set -u
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core chromium)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "warning: PDFs and the browser tests need ${missing[*]} (install them with your package manager)" >&2
fi
