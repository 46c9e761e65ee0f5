#!/usr/bin/env python3
"""Builds the office fixtures in Tests/DubanOfficeTests/Fixtures with python's zipfile, not
with duban's own writer: the seed as .docx (one paragraph a line), as an .xlsx table
(序号 | 工作任务 | 牵头单位 | 责任单位, merged section rows) and as a saved web page, plus
small files of the layouts Word and Excel produce (automatic numbering, tables, a header
below a title row) and hostile ones (a zip bomb, an encrypted-file header, a document with
no text).

Usage: Scripts/make-office-fixtures.py PLAN.json   (PLAN.json: duban import SEED --json)
"""
import csv
import os
import json, sys, zipfile, html
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/DubanOfficeTests/Fixtures"
SEED = ROOT / "Resources/jiangan-2019-task-breakdown.txt"

CT_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""
RELS_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def para(text, num=None):
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

def table(rows, merged_first=False):
    out = ["<w:tbl>"]
    for r in rows:
        out.append("<w:tr>")
        if len(set(r)) == 1 and merged_first:
            out.append(f'<w:tc><w:tcPr><w:gridSpan w:val="{len(r)}"/></w:tcPr>{para(r[0])}</w:tc>')
        else:
            for c in r:
                out.append(f"<w:tc>{para(c)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)

def docx(path, body, numbering=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT_DOCX)
        z.writestr("_rels/.rels", RELS_DOCX)
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>')
        if numbering:
            z.writestr("word/numbering.xml", numbering)

def col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s

def xlsx(path, sheets):
    """sheets: [(name, rows, merges)]; strings shared, as Excel writes them."""
    strings, index = [], {}
    def sid(s):
        if s not in index:
            index[s] = len(strings); strings.append(s)
        return index[s]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        ov = "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
        z.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>{ov}</Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sh = "".join(f'<sheet name="{escape(n)}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, (n, _, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sh}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(len(sheets)))
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, (name, rows, merges) in enumerate(sheets):
            xr = []
            for r, row in enumerate(rows):
                cells = "".join(f'<c r="{col(c)}{r+1}" t="s"><v>{sid(v)}</v></c>' for c, v in enumerate(row) if v != "")
                xr.append(f'<row r="{r+1}">{cells}</row>')
            mc = ""
            if merges:
                mc = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
            z.writestr(f"xl/worksheets/sheet{i+1}.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{"".join(xr)}</sheetData>{mc}</worksheet>')
        si = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{si}</sst>')

def main():
    plan = json.load(open(sys.argv[1]))
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [l.strip() for l in SEED.read_text(encoding="utf-8").splitlines()]

    # The seed as Word: every line a paragraph, as a copy from the web page into Word gives.
    docx(OUT / "seed.docx", "".join(para(l) for l in lines))

    # The seed as a saved web page: the notice and the plan as paragraphs.
    body = "".join(f"<p>{html.escape(l)}</p>" if l else "<p>&nbsp;</p>" for l in lines)
    (OUT / "seed.html").write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(plan["title"])}</title><script>var x="<p>1. not text</p>";</script></head><body><div class="nav">首页 &gt; 政府办文件</div>{body}</body></html>', encoding="utf-8")

    # The seed as an Excel table: part, section and group rows merged across the four columns.
    rows = [[plan["title"]] * 4, ["序号", "工作任务", "牵头单位", "责任单位"]]
    merges = ["A1:D1"]
    def full(text):
        rows.append([text] * 4); merges.append(f"A{len(rows)}:D{len(rows)}")
    seen_section, seen_group = None, None
    for part in plan["parts"]:
        full(f'{part["number"]}、{part["title"]}')
        for item in [i for i in plan["items"] if i["part"] == part["ordinal"]]:
            sec = next((s for s in part["sections"] if s["title"] == item["section"]), None)
            if item["section"] and item["section"] != seen_section:
                seen_section = item["section"]; full(f'({sec["number"]}){sec["title"]}')
            if item["group"] and item["group"] != seen_group:
                seen_group = item["group"]; full("——" + item["group"])
            rows.append([item["number"], item["text"], "、".join(item["lead"]), "、".join(item["responsible"])])
    xlsx(OUT / "seed.xlsx", [("分解方案", rows, merges)])
    # The same table as CSV for LibreOffice to save as .xlsx (make-libreoffice-fixtures.sh):
    # a heading in its first cell only, as a table typed into Calc has it.
    if os.environ.get("SEED_CSV"):
        with open(os.environ["SEED_CSV"], "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            for r in rows:
                w.writerow(r if len(set(r)) > 1 else [r[0], "", "", ""])

    # Word's automatic numbering and a table, as LibreOffice and Word save them.
    numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'''
    body = (para("2024年区政府工作报告重点任务分工方案")
            + para("稳定经济增长(共2项)", (1, 0))
            + para("地区生产总值增长6%左右。(牵头单位:区发改局;责任单位:区统计局)", (1, 1))
            + para("一般公共预算收入增长5%。(区财政局负责)", (1, 1))
            + para("民生实事", (1, 0))
            + table([["序号", "重点工作", "牵头单位", "配合单位", "完成时限"],
                     ["1", "新建幼儿园3所", "区教育局", "各街道、区住建局", "2024年12月"],
                     ["2", "改造老旧小区20个", "区住建局", "各街道", "2024年11月"]]))
    docx(OUT / "numbered-list-and-table.docx", body, numbering)

    # An Excel plan whose header is not in the first row, with a category column merged down.
    rows = [["2023年县政府工作报告目标任务分解表", "", "", "", ""],
            ["类别", "任务内容", "牵头领导", "责任单位", "完成时限"],
            ["经济发展", "规上工业增加值增长8%", "张三", "县工信局、县统计局", "12月底"],
            ["", "固定资产投资增长10%", "李四", "县发改局", "12月底"],
            ["民生保障", "城镇新增就业2000人", "王 健", "县人社局", "12月底"]]
    xlsx(OUT / "header-below-title.xlsx", [("任务分解", rows, ["A1:E1", "A3:A4"]), ("说明", [["本表由县政府办公室编制"]], [])])

    # Hostile files.
    with zipfile.ZipFile(OUT / "zip-bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT_DOCX)
        z.writestr("word/document.xml", b"<" + b" " * (200 << 20))  # 200 MiB of spaces, ~200 KB packed
    with zipfile.ZipFile(OUT / "zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="S"/></sheets></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (65 << 20))  # past the 64 MiB part limit
    (OUT / "encrypted.docx").write_bytes(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    docx(OUT / "no-text.docx", para("") + para(""))

if __name__ == "__main__":
    main()
