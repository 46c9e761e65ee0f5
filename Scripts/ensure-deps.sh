#!/usr/bin/env bash
# Installs what a fresh machine lacks for building and testing duban: the ncursesw and libxml2
# headers (the system library targets) and tmux (the end-to-end terminal tests). Idempotent.
set -euo pipefail
missing=()
[ -f /usr/include/ncursesw/curses.h ] || missing+=(libncursesw5-dev)
# libxml2: the XML inside .docx/.xlsx and saved web pages (the CLibXML2 system library).
[ -f /usr/include/libxml2/libxml/parser.h ] || missing+=(libxml2-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || missing+=(locales)
# Office files: libxml2 is found by pkg-config. LibreOffice opens what duban writes, in the
# tests only (`ensure-deps.sh --test`, from make test: about 70 s and 350 MB to install; the
# office tests skip, saying so, without it) — make run and make install never need it.
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "${1:-}" = "--test" ] && [ -z "${DUBAN_NO_LIBREOFFICE:-}" ] && ! command -v soffice >/dev/null 2>&1; then
  # Only the tests need it: as root install it, else say so and go on.
  if [ "$(id -u)" -eq 0 ]; then
    missing+=(libreoffice-calc libreoffice-writer)
  else
    echo "note: LibreOffice is not installed, so the office tests will be skipped" \
      "(sudo apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer)" >&2
  fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "duban needs: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
