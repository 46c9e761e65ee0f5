import Foundation

/// The sheets of an .xlsx workbook as rows of cell text.
public enum XLSXReader {
  /// A merged area, 0-based and inclusive: rows r0…r1, columns c0…c1.
  public struct Merge: Equatable, Sendable {
    public var r0: Int, c0: Int, r1: Int, c1: Int

    public init(r0: Int, c0: Int, r1: Int, c1: Int) {
      (self.r0, self.c0, self.r1, self.c1) = (r0, c0, r1, c1)
    }
  }

  public struct Sheet: Sendable {
    public var name: String
    /// Dense rows from row 1; empty cells are "". Merged areas hold their value only in the
    /// top-left cell, as Excel stores them.
    public var rows: [[String]]
    public var merged: [Merge]

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

  public static func sheets(_ zip: OfficeZip) throws -> [Sheet] {
    guard let workbookData = try zip.read("xl/workbook.xml") else {
      throw OfficeError("not an Excel workbook (no xl/workbook.xml)", zh: "不是 Excel 工作簿（缺少 xl/workbook.xml）")
    }
    let workbook = try XMLTree(xml: workbookData, part: "xl/workbook.xml")
    var targets: [String: String] = [:]
    if let relsData = try zip.read("xl/_rels/workbook.xml.rels") {
      let rels = try XMLTree(xml: relsData, part: "xl/_rels/workbook.xml.rels")
      for r in rels.root?.elements ?? [] {
        if let id = r.attr("Id"), let target = r.attr("Target") {
          targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
      }
    }
    let shared = try sharedStrings(zip)
    var out: [Sheet] = []
    let sheetNodes = workbook.root?.descendants("sheet") ?? []
    for (k, s) in sheetNodes.enumerated() {
      let name = s.attr("name") ?? "Sheet\(k + 1)"
      let path = s.attr("id").flatMap { targets[$0] } ?? "xl/worksheets/sheet\(k + 1).xml"
      guard let data = try zip.read(path) else { continue }
      out.append(try sheet(name: name, data: data, part: path, shared: shared))
    }
    return out
  }

  static func sharedStrings(_ zip: OfficeZip) throws -> [String] {
    guard let data = try zip.read("xl/sharedStrings.xml") else { return [] }
    let tree = try XMLTree(xml: data, part: "xl/sharedStrings.xml")
    // Each <si> is one string: plain <t>, or rich text runs <r><t>; phonetic runs <rPh> are not text.
    return (tree.root?.elements ?? []).filter { $0.name == "si" }.map { si in
      si.elements.map { e -> String in
        switch e.name {
        case "t": return e.text
        case "r": return e.first("t")?.text ?? ""
        default: return ""
        }
      }.joined()
    }
  }

  static func sheet(name: String, data: Data, part: String, shared: [String]) throws -> Sheet {
    let tree = try XMLTree(xml: data, part: part)
    var rows: [[String]] = []
    var cells = 0
    for row in tree.root?.first("sheetData")?.elements ?? [] where row.name == "row" {
      let r = (row.attr("r").flatMap(Int.init) ?? rows.count + 1) - 1
      guard r >= 0, r < 1_000_000 else { continue }
      while rows.count <= r { rows.append([]) }
      var nextColumn = 0
      for c in row.elements where c.name == "c" {
        let col = c.attr("r").flatMap { column(of: $0) } ?? nextColumn
        nextColumn = col + 1
        guard col < 16384 else { continue }
        cells += 1
        if cells > cellLimit {
          throw OfficeError(
            "sheet “\(name)” has more than \(cellLimit) cells: refused", zh: "工作表“\(name)”超过 \(cellLimit) 个单元格，拒绝读取")
        }
        let value: String
        switch c.attr("t") {
        case "s": value = c.first("v").flatMap { Int($0.text) }.flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
        case "inlineStr": value = c.first("is")?.descendants("t").map(\.text).joined() ?? ""
        default: value = c.first("v")?.text ?? ""
        }
        while rows[r].count <= col { rows[r].append("") }
        rows[r][col] = value.trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    var merged: [Merge] = []
    for m in tree.root?.first("mergeCells")?.elements ?? [] {
      guard let ref = m.attr("ref") else { continue }
      let ends = ref.split(separator: ":").map(String.init)
      guard ends.count == 2, let a = cell(ends[0]), let b = cell(ends[1]) else { continue }
      merged.append(Merge(r0: a.row, c0: a.col, r1: b.row, c1: b.col))
    }
    return Sheet(name: name, rows: rows, merged: merged)
  }

  /// "B3" → (row 2, column 1).
  static func cell(_ ref: String) -> (row: Int, col: Int)? {
    guard let col = column(of: ref), let row = Int(ref.drop(while: \.isLetter)), row > 0 else { return nil }
    return (row - 1, col)
  }

  static func column(of ref: String) -> Int? {
    let letters = ref.prefix(while: \.isLetter).uppercased()
    guard !letters.isEmpty, letters.count <= 3 else { return nil }
    var n = 0
    for u in letters.unicodeScalars { n = n * 26 + Int(u.value) - 64 }
    return n - 1
  }
}
