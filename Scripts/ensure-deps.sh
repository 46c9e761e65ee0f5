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
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "duban needs: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
