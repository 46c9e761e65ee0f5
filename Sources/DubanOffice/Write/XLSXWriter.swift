import DubanCore

/// Writes a `Workbook` as an .xlsx (Office Open XML spreadsheet): inline strings, one style
/// sheet for every duban table, A4 landscape pages, frozen header rows.
public enum XLSXWriter {
  public static func data(_ book: Workbook) throws -> [UInt8] {
    var parts: [(path: String, xml: String)] = [
      ("docProps/app.xml", OfficeMarker.appXML),
      ("[Content_Types].xml", contentTypes(book)),
      ("_rels/.rels", rootRels),
      ("xl/workbook.xml", workbook(book)),
      ("xl/_rels/workbook.xml.rels", workbookRels(book)),
      ("xl/styles.xml", styles),
    ]
    for (i, sheet) in book.sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet)))
    }
    return try ZipParts.make(parts)
  }

  /// A1-style column letters: 0 → A, 25 → Z, 26 → AA.
  static func column(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  /// Excel's day number: days since 1899-12-30.
  static func serial(_ day: Day) -> Int { day.ordinal - Day(year: 1899, month: 12, day: 30)!.ordinal }

  static func worksheet(_ sheet: Workbook.Sheet) -> String {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    var x = XML.header + "<worksheet xmlns=\"\(ns)\" xmlns:r=\"\(rNS)\">"
    // Printed one page wide (as many pages down as it takes).
    x += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    x += "<sheetViews><sheetView workbookViewId=\"0\">"
    if sheet.frozenRows > 0 {
      x +=
        "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    }
    x += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
    let widths = sheet.columnWidths
    if !widths.isEmpty {
      x += "<cols>"
      for (i, w) in widths.enumerated() {
        x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(Int(w.rounded()))\" customWidth=\"1\"/>"
      }
      x += "</cols>"
    }
    x += "<sheetData>"
    let heights = sheet.rowHeights
    for (r, row) in sheet.rows.enumerated() {
      x += "<row r=\"\(r + 1)\" ht=\"\(heights[r])\" customHeight=\"1\">"
      for (c, cell) in row.enumerated() {
        let ref = "\(column(c))\(r + 1)"
        let s = cell.style.rawValue
        switch cell.value {
        case .empty:
          if cell.style != .plain { x += "<c r=\"\(ref)\" s=\"\(s)\"/>" }
        case .number(let n):
          x += "<c r=\"\(ref)\" s=\"\(s)\"><v>\(Workbook.Cell(.number(n), .plain).shown)</v></c>"
        case .date(let d):
          x += "<c r=\"\(ref)\" s=\"\(s)\"><v>\(serial(d))</v></c>"
        case .text(let t):
          x += "<c r=\"\(ref)\" s=\"\(s)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.text(t))</t></is></c>"
        }
      }
      x += "</row>"
    }
    x += "</sheetData>"
    let merged = sheet.mergedRows.filter { sheet.columnCount > 1 && $0 < sheet.rows.count }
    if !merged.isEmpty {
      x += "<mergeCells count=\"\(merged.count)\">"
      for r in merged { x += "<mergeCell ref=\"A\(r + 1):\(column(sheet.columnCount - 1))\(r + 1)\"/>" }
      x += "</mergeCells>"
    }
    x += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
    x += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
    return x
  }

  static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static func workbook(_ book: Workbook) -> String {
    var x = XML.header
    x += "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(rNS)\"><sheets>"
    var used: Set<String> = []
    for (i, sheet) in book.sheets.enumerated() {
      var name = sheet.name
      var n = 2
      while used.contains(name) {
        name = String(sheet.name.prefix(28)) + "(\(n))"
        n += 1
      }
      used.insert(name)
      x += "<sheet name=\"\(XML.attr(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    x += "</sheets>"
    // Print the frozen rows on every page.
    let titles = book.sheets.enumerated().filter { $0.element.frozenRows > 0 }
    if !titles.isEmpty {
      x += "<definedNames>"
      for (i, s) in titles {
        x +=
          "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">'\(XML.text(s.name.replacing("'", with: "''")))'!$1:$\(s.frozenRows)</definedName>"
      }
      x += "</definedNames>"
    }
    return x + "</workbook>"
  }

  static func workbookRels(_ book: Workbook) -> String {
    var x = XML.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in book.sheets.indices {
      x += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    x += "<Relationship Id=\"rId\(book.sheets.count + 1)\" Type=\"\(rNS)/styles\" Target=\"styles.xml\"/>"
    return x + "</Relationships>"
  }

  static let rootRels =
    XML.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(rNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"\(rNS)/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  static func contentTypes(_ book: Workbook) -> String {
    var x = XML.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    x +=
      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    x +=
      "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    x +=
      "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    for i in book.sheets.indices {
      x +=
        "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return x + "</Types>"
  }

  /// The cell formats, by `Workbook.Style` raw value (the order matters).
  static let styles: String = {
    let border =
      "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>"
    return XML.header + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
      + "<fonts count=\"3\">"
      + "<font><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font>"
      + "<font><b/><sz val=\"16\"/><name val=\"黑体\"/><charset val=\"134\"/></font>"
      + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font>"
      + "</fonts>"
      + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
      + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
      + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(border)</border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"7\">"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
      + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
      + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\"/></xf>"
      + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\"/></xf>"
      + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>"
  }()
}

/// How duban recognises its own office files (so `--out` may replace them and nothing else):
/// docProps/app.xml, stored first and uncompressed, names duban as the application
/// (`OfficeFile.isOurs` in DubanCore checks it).
public enum OfficeMarker {
  static let appXML =
    XML.header
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\(OfficeFile.application)</Properties>"

  public static func isOurs(_ head: [UInt8]) -> Bool { OfficeFile.isOurs(head) }
}
