/// A spreadsheet as duban means to write it: sheets of rows of cells, with the layout a
/// clerk expects (columns that fit Chinese text, wrapped cells, frozen header rows, dates as
/// dates). duban builds it (`OfficeExports`) and sends it as JSON to
/// duban-office, whose `XLSXWriter` turns it into an .xlsx; tests compare it with what LibreOffice reads.
public struct Workbook: Codable, Sendable {
  public var sheets: [Sheet]

  public init(sheets: [Sheet]) { self.sheets = sheets }

  public enum Style: Int, Codable, Sendable {
    case plain = 0
    /// The merged title above a table.
    case title = 1
    /// A column header: bold, shaded, bordered.
    case header = 2
    /// A table cell: bordered, wrapped, top-aligned.
    case body = 3
    /// A date in a table or title row (yyyy-mm-dd).
    case date = 4
    /// A label in the title row (单位：…): bold, no border.
    case label = 5
    /// A number in a table: bordered, centred.
    case number = 6
  }

  public enum Value: Equatable, Codable, Sendable {
    case text(String)
    case number(Double)
    case date(Day)
    case empty
  }

  public struct Cell: Codable, Sendable {
    public var value: Value
    public var style: Style

    public init(_ value: Value, _ style: Style) {
      self.value = value
      self.style = style
    }

    public static func text(_ s: String, _ style: Style = .body) -> Cell { Cell(.text(s), style) }
    public static func number(_ n: Int, _ style: Style = .number) -> Cell { Cell(.number(Double(n)), style) }
    /// A date when the text is YYYY-MM-DD, else the text as it is.
    public static func dateOrText(_ s: String, _ style: Style = .body) -> Cell {
      Day(s).map { Cell(.date($0), .date) } ?? Cell(.text(s), style)
    }
    public static let empty = Cell(.empty, .body)
    public static let blank = Cell(.empty, .plain)

    /// What the cell shows as text (a date as YYYY-MM-DD, a whole number without ".0").
    public var shown: String {
      switch value {
      case .text(let s): return s
      case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
      case .date(let d): return d.description
      case .empty: return ""
      }
    }
  }

  public struct Sheet: Codable, Sendable {
    public var name: String
    public var rows: [[Cell]]
    /// Rows kept in view while scrolling (the title and header rows).
    public var frozenRows: Int
    /// Ranges merged across, by row index (0-based) and number of columns, for titles.
    public var mergedRows: [Int]
    /// Width limits per column, in Excel's character units; nil fits the text.
    public var maxWidth: Double = 50
    /// Per column (by index; 0 or missing: none): the least width, for the columns a unit
    /// types into (empty when the form goes out, yet where the most text comes back) …
    public var minWidths: [Double] = []
    /// … and the most, below `maxWidth` (long item text wraps instead).
    public var maxWidths: [Double] = []

    public init(name: String, rows: [[Cell]], frozenRows: Int, mergedRows: [Int] = []) {
      self.name = Sheet.safeName(name)
      self.rows = rows
      self.frozenRows = frozenRows
      self.mergedRows = mergedRows
    }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// Column widths that fit the text: CJK counts double (DisplayWidth), merged titles
    /// and very long text do not widen a column past `maxWidth` (the cell wraps instead).
    public var columnWidths: [Double] {
      var widths = [Double](repeating: 6, count: columnCount)
      for (r, row) in rows.enumerated() where !mergedRows.contains(r) {
        for (c, cell) in row.enumerated() {
          let longest = cell.shown.split(separator: "\n").map { DisplayWidth.standard.width(of: $0) }.max() ?? 0
          let w = Double(cell.value == .empty ? 0 : max(longest, cell.style == .date ? 10 : 0)) + 2
          widths[c] = min(max(widths[c], w), limit(c))
        }
      }
      for c in widths.indices where c < minWidths.count && minWidths[c] > widths[c] { widths[c] = minWidths[c] }
      return widths
    }

    func limit(_ column: Int) -> Double {
      column < maxWidths.count && maxWidths[column] > 0 ? min(maxWidths[column], maxWidth) : maxWidth
    }

    /// Points per line of the sheet's 11-point 宋体 (Excel's default row is 14.25).
    public static let lineHeight = 14.25

    /// Row heights (points) that show every wrapped line: Excel and LibreOffice do not grow
    /// a row to its wrapped text when they open a file, so each row says how tall it is. A
    /// merged title counts the width of all the columns; its 16-point font, taller lines.
    public var rowHeights: [Double] {
      let widths = columnWidths
      let total = widths.reduce(0, +)
      return rows.enumerated().map { r, row in
        let merged = mergedRows.contains(r)
        var lines = 1
        // Only wrapped styles grow a row; a plain cell runs on into the empty cells beside it.
        for (c, cell) in row.enumerated() where c < widths.count && [.title, .header, .body].contains(cell.style) {
          // A width unit is one figure of 11-point 宋体 (7 px), a Chinese character 15 px: a
          // little less than two units, so a line holds 0.9 of the width (and the padding less).
          let room = max(1, (merged ? total : widths[c]) * (cell.style == .title ? 11.0 / 16 : 1) * 0.9 - 1)
          let count = cell.shown.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
            $0 + max(1, Int((Double(DisplayWidth.standard.width(of: $1)) / room).rounded(.up)))
          }
          lines = max(lines, count)
        }
        let line = row.contains { $0.style == .title } ? 22.0 : Sheet.lineHeight
        return Double(lines) * line + (merged ? 8 : 3)
      }
    }

    /// Excel refuses sheet names over 31 characters or with []:*?/\.
    static func safeName(_ s: String) -> String {
      let cleaned = String(
        s.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && XMLChars.allowed($0) && $0.value >= 0x20 }
          .map(
            Character.init))
      let cut = String(cleaned.prefix(31))
      return cut.isEmpty ? "Sheet" : cut
    }
  }
}

extension Day: Codable {
  /// YYYY-MM-DD, as in the store.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day: \(text)"))
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

/// The scalars XML 1.0 allows in a document (C0 controls but tab, newline and return, and
/// U+FFFE, U+FFFF are not). Here so sheet names are cleaned where the workbook is built;
/// the escaping itself lives in DubanOffice's `XML`.
public enum XMLChars {
  public static func allowed(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x9, 0xA, 0xD: return true
    case 0..<0x20: return false
    case 0xFFFE, 0xFFFF: return false
    default: return true
    }
  }
}
