/// One sheet of a filled form as text cells, whatever it came in (.xlsx or .csv): what
/// collecting reads. Row numbers are the sheet's own (1-based), so messages name them.
public struct SheetGrid: Codable, Equatable, Sendable {
  public var sheet: String
  public var rows: [Row]

  public struct Row: Codable, Equatable, Sendable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
      self.number = number
      self.cells = cells
    }

    public subscript(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
    public var isBlank: Bool { cells.allSatisfy { $0.trimmed.isEmpty } }
  }

  public init(sheet: String, rows: [Row]) {
    self.sheet = sheet
    self.rows = rows
  }

  /// A1-style column letters, for messages.
  public static func column(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
      n = (n - 1) / 26
    }
    return s
  }
}

/// RFC 4180 CSV, as Excel, WPS and LibreOffice save it (a BOM or none; CRLF or LF; quoted
/// fields with doubled quotes and newlines inside). Only UTF-8: a form saved as GBK is
/// refused by the caller's decoding.
public enum CSVReader {
  public static func grid(_ text: String, sheet: String) -> SheetGrid {
    var rows: [SheetGrid.Row] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var it = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let p = pending {
        pending = nil
        return p
      }
      return it.next()
    }
    func endRow() {
      row.append(field)
      field = ""
      rows.append(SheetGrid.Row(number: rows.count + 1, cells: row))
      row = []
    }
    while let c = next() {
      if quoted {
        if c == "\"" {
          if let d = next() {
            if d == "\"" {
              field.unicodeScalars.append("\"")
            } else {
              quoted = false
              pending = d
            }
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r":
        if let d = next(), d != "\n" { pending = d }
        endRow()
      case "\n":
        endRow()
      default: field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty { endRow() }
    return SheetGrid(sheet: sheet, rows: rows)
  }
}
