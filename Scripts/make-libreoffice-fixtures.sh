#!/usr/bin/env bash
# The seed as a real office suite saves it (LibreOffice, headless): the text opened and
# saved by Writer as .docx, and the seed's table (序号 | 工作任务 | 牵头单位 | 责任单位, the
# rows make-office-fixtures.py builds) saved by Calc as .xlsx. The files are committed, so the
# tests need no LibreOffice; run this (after `swift build`) to make them again.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/DubanOfficeTests/Fixtures
seed=Resources/jiangan-2019-task-breakdown.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The table's rows come from the python fixture script, run in a scratch copy of the tree.
mkdir -p "$tmp/Scripts" "$tmp/Resources" "$tmp/$out"
cp Scripts/make-office-fixtures.py "$tmp/Scripts/"
cp "$seed" "$tmp/Resources/"
.build/debug/duban import "$seed" --dry-run --json >"$tmp/plan.json"
(cd "$tmp" && SEED_CSV="$tmp/seed-libreoffice.csv" python3 Scripts/make-office-fixtures.py plan.json)
cp "$seed" "$tmp/seed-libreoffice.txt"
soffice --headless --infilter="Text (encoded):UTF8" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp/lo" \
  "$tmp/seed-libreoffice.txt" >/dev/null
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/lo" \
  "$tmp/seed-libreoffice.csv" >/dev/null
cp "$tmp/lo/seed-libreoffice.docx" "$tmp/lo/seed-libreoffice.xlsx" "$out/"
# A small sheet whose warnings name their cells (ImportPlacesTests): a title row, a merged
# spelling, a run-together name, a row without units.
printf '%s\n' '2019年重点工作,,,' '序号,工作任务,牵头单位,责任单位' '1,深化招商引资,区商务局,区财政局' \
  '2,优化营商环境,区发改委,"商务局、区财政局"' '3,加快项目建设,区建设局,区财政局区发改委' '4,提升城市管理,,' \
  >"$tmp/units-to-repair.csv"
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/lo" \
  "$tmp/units-to-repair.csv" >/dev/null
cp "$tmp/lo/units-to-repair.xlsx" "$out/"
