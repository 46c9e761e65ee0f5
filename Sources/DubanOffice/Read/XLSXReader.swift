import DubanCore
import Foundation

/// The one .xlsx reader, for importing a plan (`duban-office read xlsx`) and for collecting a
/// filled form (`read form`, through `XLSXFormReader`): the sheets of a workbook as Excel, WPS
/// or LibreOffice saved it, by name, with shared and inline strings, numbers as typed, dates
/// as YYYY-MM-DD, percentages as typed, merged areas and A1 cell references. Values only: no
/// formulas or formatting. Bounded: parts by `OfficeZip`, cells by `cellLimit`.
public enum XLSXReader {
  /// A merged area, 0-based and inclusive: rows r0…r1, columns c0…c1.
  public struct Merge: Equatable, Sendable {
    public var r0: Int, c0: Int, r1: Int, c1: Int

    public init(r0: Int, c0: Int, r1: Int, c1: Int) {
      (self.r0, self.c0, self.r1, self.c1) = (r0, c0, r1, c1)
    }
  }

  public struct Sheet: Sendable {
    /// The rows the sheet stores, by their own (1-based) numbers, cells as typed: what
    /// collecting a form reads, and what messages name.
    public var grid: SheetGrid
    /// Merged areas hold their value only in the top-left cell, as Excel stores them.
    public var merged: [Merge]

    public var name: String { grid.sheet }

    /// Dense rows from row 1, each cell trimmed; rows and cells the sheet leaves out are "".
    public var rows: [[String]] {
      var out: [[String]] = []
      for row in grid.rows {
        while out.count < row.number { out.append([]) }
        for (c, v) in row.cells.enumerated() {
          while out[row.number - 1].count <= c { out[row.number - 1].append("") }
          if !v.isEmpty { out[row.number - 1][c] = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
      }
      return out
    }

    /// The rows with each merged area's value copied into every cell it covers: a section row
    /// merged across the table reads the same in every column.
    public var rowsFillingMerged: [[String]] {
      var out = rows
      for m in merged where m.r0 < out.count && m.c0 < out[m.r0].count {
        let v = out[m.r0][m.c0]
        for r in m.r0...min(m.r1, out.count - 1) {
          for c in m.c0...m.c1 {
            while out[r].count <= c { out[r].append("") }
            out[r][c] = v
          }
        }
      }
      return out
    }
  }

  /// Largest sheet read, in cells: a plan has hundreds of rows of a few columns.
  public static let cellLimit = 2_000_000
  /// Excel's own bounds: a row or column past them is not a cell of the sheet.
  static let rowLimit = 1_048_576
  static let columnLimit = 16_384

  public static func sheets(_ zip: OfficeZip) throws -> [Sheet] {
    func xml(_ part: String) throws -> XMLNode? {
      guard let data = try zip.read(part) else { return nil }
      return try XMLTree(xml: data, part: part).root
    }
    // The workbook is where the package's relationships say (xl/workbook.xml as a rule).
    let bookPath =
      try xml("_rels/.rels").flatMap { rels in
        rels.all("Relationship").first { $0.attr("Type")?.hasSuffix("/officeDocument") ?? false }?.attr("Target")
      }.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? "xl/workbook.xml"
    guard let book = try xml(bookPath), book.name == "workbook" else {
      // A .docx names its document where a workbook would be: say what is missing.
      let part = bookPath.hasSuffix("workbook.xml") ? bookPath : "xl/workbook.xml"
      throw OfficeError(
        "not an Excel workbook (no \(part))", zh: "不是 Excel 工作簿（缺少 \(part)）", code: .notWorkbook)
    }
    let folder = bookPath.split(separator: "/").dropLast().map { $0 + "/" }.joined()
    let bookName = bookPath.split(separator: "/").last.map(String.init) ?? ""
    var targets: [String: String] = [:]
    for r in try xml(folder + "_rels/" + bookName + ".rels")?.all("Relationship") ?? [] {
      guard let id = r.attr("Id"), let target = r.attr("Target") else { continue }
      targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
    }
    let values = try XLSXValues(shared: xml(folder + "sharedStrings.xml"), styles: xml(folder + "styles.xml"))
    var out: [Sheet] = []
    for (k, s) in (book.first("sheets")?.all("sheet") ?? []).enumerated() {
      let name = s.attr("name") ?? "Sheet\(k + 1)"
      let path = s.attr("id").flatMap { targets[$0] } ?? folder + "worksheets/sheet\(k + 1).xml"
      guard let sheet = try xml(path) else { continue }
      out.append(try read(sheet, name: name, values: values))
    }
    return out
  }

  static func read(_ sheet: XMLNode, name: String, values: XLSXValues) throws -> Sheet {
    var rows: [SheetGrid.Row] = []
    var lastRow = 0
    var count = 0
    func counted() throws {
      count += 1
      if count > cellLimit {
        throw OfficeError(
          "sheet “\(name)” has more than \(cellLimit) cells: refused", zh: "工作表“\(name)”超过 \(cellLimit) 个单元格，拒绝读取",
          code: .tooLarge)
      }
    }
    for row in sheet.first("sheetData")?.all("row") ?? [] {
      let number = row.attr("r").flatMap { Int($0) } ?? lastRow + 1
      lastRow = number
      guard number >= 1, number <= rowLimit else { continue }
      try counted()  // an empty row costs memory too
      var cells: [String] = []
      for c in row.all("c") {
        let col = c.attr("r").flatMap(column(of:)) ?? cells.count
        guard col < columnLimit else { continue }
        try counted()
        while cells.count < col { cells.append("") }
        let value = values.value(of: c)
        if col < cells.count { cells[col] = value } else { cells.append(value) }
      }
      rows.append(SheetGrid.Row(number: number, cells: cells))
    }
    var merged: [Merge] = []
    for m in sheet.first("mergeCells")?.all("mergeCell") ?? [] {
      let ends = (m.attr("ref") ?? "").split(separator: ":").map(String.init)
      guard ends.count == 2, let a = cell(ends[0]), let b = cell(ends[1]) else { continue }
      merged.append(Merge(r0: a.row, c0: a.col, r1: b.row, c1: b.col))
    }
    return Sheet(grid: SheetGrid(sheet: name, rows: rows), merged: merged)
  }

  /// "B3" → (row 2, column 1).
  static func cell(_ ref: String) -> (row: Int, col: Int)? {
    guard let col = column(of: ref), let row = Int(ref.drop(while: \.isLetter)), row > 0 else { return nil }
    return (row - 1, col)
  }

  /// "AB12" → 27 (0-based column); nil without column letters (or more than Excel's three).
  static func column(of ref: String) -> Int? {
    let letters = ref.prefix(while: { $0.isASCII && $0.isLetter }).uppercased()
    guard !letters.isEmpty, letters.count <= 3 else { return nil }
    var n = 0
    for u in letters.unicodeScalars { n = n * 26 + Int(u.value) - 64 }
    return n - 1
  }
}
