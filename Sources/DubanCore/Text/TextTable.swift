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
    // Every cell measured once: measuring is most of the work for a long list.
    let cellWidths = all.map { row in row.enumerated().map { c, cell in c < columns - 1 ? width.width(of: cell) : 0 } }
    var widths = Array(repeating: 0, count: columns)
    for row in cellWidths {
      for (c, w) in row.enumerated() where c < columns - 1 { widths[c] = max(widths[c], w) }
    }
    var out = ""
    for (r, row) in all.enumerated() {
      var line = ""
      var used = 0
      for (c, cell) in row.enumerated() {
        if c == columns - 1 {
          if let maxWidth {
            line += width.truncate(cell, columns: max(1, maxWidth - used))
          } else {
            line += cell
          }
        } else {
          let fill = String(repeating: " ", count: max(0, widths[c] - cellWidths[r][c]))
          line += rightAligned.contains(c) ? fill + cell : cell + fill
          line += "  "
          used += widths[c] + 2
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}
