/// A plain table whose columns line up by display width, Chinese included.
public struct TextTable {
  public var headers: [String]
  /// How many rows, and each row made on demand: a long table is made twice (once to
  /// measure, once to write) rather than held.
  public var rowCount: Int
  public var row: (Int) -> [String]
  /// Columns aligned right (numbers).
  public var rightAligned: Set<Int>
  public var width: DisplayWidth

  public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], width: DisplayWidth = .standard) {
    self.init(headers: headers, rowCount: rows.count, rightAligned: rightAligned, width: width) { rows[$0] }
  }

  public init(
    headers: [String], rowCount: Int, rightAligned: Set<Int> = [], width: DisplayWidth = .standard,
    row: @escaping (Int) -> [String]
  ) {
    self.headers = headers
    self.rowCount = rowCount
    self.row = row
    self.rightAligned = rightAligned
    self.width = width
  }

  /// The last column is not padded; with `maxWidth` it is cut to fit the line.
  public func render(maxWidth: Int? = nil) -> String {
    var out: [UInt8] = []
    write(maxWidth: maxWidth) { out += $0 }
    return String(decoding: out, as: UTF8.self)
  }

  /// The same, handed out in pieces of about 64 KiB: a 100,000-row table is never held
  /// whole. Built as bytes: appending to a String re-checks its storage on every piece.
  public func write(maxWidth: Int? = nil, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    let columns = headers.count
    // Cells are cleaned of controls once per pass (TerminalSafe.line: a byte scan, for clean
    // text) and measured once per pass: measuring is most of the work for a long list. The
    // last column is neither measured nor, in the first pass, cleaned.
    func cleaned(_ row: [String]) -> [String] { row.map(TerminalSafe.line) }
    func measure(_ row: [String]) -> [Int] {
      row.enumerated().map { c, cell in c < columns - 1 ? width.width(of: cell) : 0 }
    }
    var widths = Array(repeating: 0, count: columns)
    for r in -1..<rowCount {
      for (c, cell) in (r < 0 ? headers : row(r)).enumerated() where c < columns - 1 {
        widths[c] = max(widths[c], width.width(of: TerminalSafe.line(cell)))
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(1 << 16)
    func line(_ row: [String], _ rowWidths: [Int]) {
      let lineStart = out.count
      var used = 0
      for (c, cell) in row.enumerated() {
        if c == columns - 1 {
          out += (maxWidth.map { width.truncate(cell, columns: max(1, $0 - used)) } ?? cell).utf8
        } else {
          let fill = max(0, widths[c] - rowWidths[c])
          if rightAligned.contains(c) { out += repeatElement(0x20, count: fill) }
          out += cell.utf8
          if !rightAligned.contains(c) { out += repeatElement(0x20, count: fill) }
          out += [0x20, 0x20]
          used += widths[c] + 2
        }
      }
      while out.count > lineStart, out.last == 0x20 { out.removeLast() }
      out.append(0x0A)
      if out.count >= 1 << 16 {
        out.withUnsafeBufferPointer(emit)
        out.removeAll(keepingCapacity: true)
      }
    }
    let head = cleaned(headers)
    line(head, measure(head))
    for r in 0..<rowCount {
      let cells = cleaned(row(r))
      line(cells, measure(cells))
    }
    if !out.isEmpty { out.withUnsafeBufferPointer(emit) }
  }
}
