import DubanCore

/// Reads the cells of an .xlsx as Excel, WPS or LibreOffice saved it: shared or inline
/// strings, numbers, and dates (numbers in a date format) as YYYY-MM-DD. Just what
/// collecting a filled form needs: values, no formulas or formatting.
public enum XLSXFormReader {
  public static func sheets(_ bytes: [UInt8]) throws -> [SheetGrid] {
    let parts = try ZipParts.read(bytes)
    func xml(_ path: String) throws -> XMLValue? {
      guard let b = parts[path] else { return nil }
      guard let node = XMLValue.parse(b) else { throw OfficeReadError.badPart(path) }
      return node
    }
    let bookPath =
      try xml("_rels/.rels").flatMap { rels in
        rels.all("Relationship").first { $0.attributes["Type"]?.hasSuffix("/officeDocument") ?? false }?
          .attributes["Target"]
      }.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? "xl/workbook.xml"
    guard let book = try xml(bookPath), book.name == "workbook" else { throw OfficeReadError.notWorkbook }
    let dir = bookPath.split(separator: "/").dropLast().joined(separator: "/")
    let base = dir.isEmpty ? "" : dir + "/"
    let relsPath = base + "_rels/" + (bookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
    var targets: [String: String] = [:]
    for r in try xml(relsPath)?.all("Relationship") ?? [] {
      guard let id = r.attributes["Id"], let t = r.attributes["Target"] else { continue }
      targets[id] = t.hasPrefix("/") ? String(t.dropFirst()) : base + t
    }
    let shared = try sharedStrings(xml(base + "sharedStrings.xml"))
    let styles = try xml(base + "styles.xml")
    let dates = dateStyles(styles)
    let percents = percentStyles(styles)
    var out: [SheetGrid] = []
    for s in book.first("sheets")?.all("sheet") ?? [] {
      guard let id = s.attributes["id"], let path = targets[id], let sheet = try xml(path) else { continue }
      out.append(grid(sheet, name: s.attributes["name"] ?? "", shared: shared, dates: dates, percents: percents))
    }
    guard !out.isEmpty else { throw OfficeReadError.notWorkbook }
    return out
  }

  /// The text of every `t` beneath a node, leaving out phonetic runs (`rPh`).
  static func runs(_ node: XMLValue) -> String {
    if node.name == "t" { return node.text }
    if node.name == "rPh" { return "" }
    return node.children.map(runs).joined()
  }

  static func sharedStrings(_ node: XMLValue?) -> [String] {
    node?.all("si").map(runs) ?? []
  }

  /// Which cell formats (by index) show dates.
  static func dateStyles(_ node: XMLValue?) -> Set<Int> {
    styles(node) { id, code in
      if let code { return isDateCode(code) }
      return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }
  }

  /// Which cell formats (by index) show percentages: built-in 9 and 10, or a code with %.
  static func percentStyles(_ node: XMLValue?) -> Set<Int> {
    styles(node) { id, code in id == 9 || id == 10 || (code?.contains("%") ?? false) }
  }

  /// The indices of the cell formats whose number format (built-in id, or its custom code)
  /// passes `test`.
  static func styles(_ node: XMLValue?, _ test: (Int, String?) -> Bool) -> Set<Int> {
    guard let node else { return [] }
    var custom: [Int: String] = [:]
    for f in node.first("numFmts")?.all("numFmt") ?? [] {
      if let id = f.attributes["numFmtId"].flatMap(Int.init) { custom[id] = f.attributes["formatCode"] ?? "" }
    }
    var out: Set<Int> = []
    for (i, xf) in (node.first("cellXfs")?.all("xf") ?? []).enumerated() {
      let id = xf.attributes["numFmtId"].flatMap(Int.init) ?? 0
      if test(id, custom[id]) { out.insert(i) }
    }
    return out
  }

  /// A format code that shows a date: y or d outside quotes and brackets.
  static func isDateCode(_ code: String) -> Bool {
    var quoted = false
    var bracket = false
    var escaped = false
    for ch in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch ch {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[": bracket = true
      case "]": bracket = false
      case "y",
        "d" where !quoted && !bracket:
        return true
      default: break
      }
    }
    return false
  }

  static func grid(_ sheet: XMLValue, name: String, shared: [String], dates: Set<Int>, percents: Set<Int> = [])
    -> SheetGrid
  {
    var rows: [SheetGrid.Row] = []
    var lastRow = 0
    for r in sheet.first("sheetData")?.all("row") ?? [] {
      let rowNumber = r.attributes["r"].flatMap(Int.init) ?? lastRow + 1
      lastRow = rowNumber
      var cells: [String] = []
      for c in r.all("c") {
        let col = c.attributes["r"].flatMap(columnIndex) ?? cells.count
        while cells.count < col { cells.append("") }
        let v = c.first("v")?.text ?? ""
        let value: String
        switch c.attributes["t"] ?? "n" {
        case "s": value = Int(v).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
        case "inlineStr": value = c.first("is").map(runs) ?? ""
        case "str", "e": value = v
        case "b": value = v == "1" ? "TRUE" : "FALSE"
        default:
          if let style = c.attributes["s"].flatMap(Int.init), dates.contains(style), let n = Double(v),
            let day = day(serial: n)
          {
            value = day.description
          } else if let style = c.attributes["s"].flatMap(Int.init), percents.contains(style), let n = Double(v) {
            // "25%" typed in a cell is stored as 0.25 in a percent format: read what was typed.
            value = number(String((n * 100 * 1e6).rounded() / 1e6)) + "%"
          } else {
            value = number(v)
          }
        }
        if col < cells.count { cells[col] = value } else { cells.append(value) }
      }
      rows.append(SheetGrid.Row(number: rowNumber, cells: cells))
    }
    return SheetGrid(sheet: name, rows: rows)
  }

  /// "30" for 30, "30.5" for 30.5: how a clerk typed it.
  static func number(_ v: String) -> String {
    guard let n = Double(v) else { return v }
    if n == n.rounded() && abs(n) < 1e15 { return String(Int(n)) }
    return String(n)
  }

  /// "AB12" → 27 (0-based column).
  static func columnIndex(_ ref: String) -> Int? {
    var n = 0
    var any = false
    for u in ref.unicodeScalars {
      guard (65...90).contains(u.value) else { break }
      n = n * 26 + Int(u.value) - 64
      any = true
    }
    return any ? n - 1 : nil
  }

  /// Excel's day number (days since 1899-12-30) as a day.
  static func day(serial: Double) -> Day? {
    guard serial >= 1, serial < 2_958_466 else { return nil }
    let ordinal = Int(serial.rounded(.down)) + Day(year: 1899, month: 12, day: 30)!.ordinal
    var year = Int(Double(ordinal) / 365.2425) + 1
    while Day(year: year, month: 1, day: 1)!.ordinal > ordinal { year -= 1 }
    while Day(year: year + 1, month: 1, day: 1)!.ordinal <= ordinal { year += 1 }
    var month = 1
    while month < 12 && Day(year: year, month: month + 1, day: 1)!.ordinal <= ordinal { month += 1 }
    return Day(year: year, month: month, day: ordinal - Day(year: year, month: month, day: 1)!.ordinal + 1)
  }
}
