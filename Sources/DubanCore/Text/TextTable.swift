/// A plain table whose columns line up by display width, Chinese included.
public struct TextTable {
  public var headers: [String]
  public var rows: [[String]]
  /// Columns aligned right (numbers).
  public var rightAligned: Set<Int>
  public var width: DisplayWidth

  public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], width: DisplayWidth = .standard) {
    self.headers = headers
    self.rows = rows
    self.rightAligned = rightAligned
    self.width = width
  }

  /// The last column is not padded; with `maxWidth` it is cut to fit the line.
  public func render(maxWidth: Int? = nil) -> String {
    let all = ([headers] + rows).map { $0.map(TerminalSafe.line) }
    let columns = headers.count
    var widths = Array(repeating: 0, count: columns)
    for row in all {
      for (c, cell) in row.enumerated() where c < columns - 1 { widths[c] = max(widths[c], width.width(of: cell)) }
    }
    var out = ""
    for row in all {
      var line = ""
      for (c, cell) in row.enumerated() {
        if c == columns - 1 {
          if let maxWidth {
            line += width.truncate(cell, columns: max(1, maxWidth - width.width(of: line)))
          } else {
            line += cell
          }
        } else {
          line += width.pad(cell, columns: widths[c], alignRight: rightAligned.contains(c)) + "  "
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}
