import FoundationEssentials

/// Rows of a table copied from a web page with one cell per line (序号 / 工作任务 / 责任单位 / 1 /
/// … ). Real pages differ from the tidy case in three ways, all handled here:
/// - the numbers need not start at 1 nor run without gaps (an office's share of a city's list:
///   3, 68, 69), and part headings (二、…) stand between rows;
/// - one cell may span several lines (three units on three lines, each its own line);
/// - a merged 序号 cell may hold a second task under the same number, with its own deadline.
extension TableReader {
  /// With a 序号 column each row starts at a number; without one, every N lines are a row.
  /// A heading between rows comes back as a one-cell row, which `entries` reads as a heading.
  static func cellPerLineRows(_ lines: [(number: Int, text: String)], from start: Int, columns: [Column])
    -> (rows: [(line: Int, cells: [String])], end: Int)
  {
    guard columns.first == .number else { return chunkedRows(lines, from: start, columns: columns) }
    var rows: [(line: Int, cells: [String])] = []
    var j = start
    var previous: Int?
    while j < lines.count {
      let cell = bareCell(lines[j].text)
      if LineShapes.part(cell) != nil {
        // A part heading between rows (or above the first) belongs to the table only when a row
        // follows it.
        guard rowStart(in: lines, from: j + 1, after: previous, within: 8) != nil else { break }
        rows.append((lines[j].number, [cell]))
        j += 1
        continue
      }
      guard let n = Int(cell), n > 0, previous.map({ n > $0 }) ?? true else { break }
      // The row's lines run to the next row's number or to a heading.
      var k = j + 1
      var body: [String] = []
      while k < lines.count {
        let c = bareCell(lines[k].text)
        if LineShapes.part(c) != nil { break }
        if let m = Int(c), m == n + 1 || (m > n && body.count >= columns.count - 1) { break }
        // Past a full row, a line belongs to it only when the table goes on after it.
        if body.count >= columns.count - 1, rowStart(in: lines, from: k, after: n, within: columns.count + 2) == nil,
          !isDeadlineCell(c) && !isUnitCell(c)
        {
          break
        }
        body += Array(
          repeating: "", count: emptyCells(lines, before: k, start: start, room: columns.count - 2 - body.count))
        body.append(c)
        k += 1
      }
      rows.append((lines[j].number, ["\(n)"] + assign(body, to: Array(columns.dropFirst()))))
      previous = n
      j = k
    }
    return (rows, j)
  }

  /// The index of the next line holding a number above `after`, within `within` lines.
  static func rowStart(in lines: [(number: Int, text: String)], from k: Int, after: Int?, within: Int) -> Int? {
    var i = k
    while i < lines.count, i < k + within {
      let c = bareCell(lines[i].text)
      if let m = Int(c), m > (after ?? 0) { return i }
      i += 1
    }
    return nil
  }

  /// Spreads a row's lines over its columns. As many lines as columns: one each, in order.
  /// More lines: a line shaped like a deadline goes to the deadline column, a unit name after a
  /// filled unit column joins it, and any other text past the last column is more of the task
  /// (the second task of a merged 序号 cell).
  static func assign(_ body: [String], to columns: [Column]) -> [String] {
    var cells = Array(repeating: "", count: columns.count)
    if body.count <= columns.count {
      for (k, c) in body.enumerated() { cells[k] = c }
      return cells
    }
    let deadline = columns.firstIndex(of: .deadline)
    let task = columns.firstIndex(of: .task) ?? 0
    var k = -1
    for line in body {
      if k >= 0, let d = deadline, isDeadlineCell(line) {
        cells[d] = cells[d].isEmpty ? line : cells[d] + "；" + line
        k = max(k, d)
        continue
      }
      let next = k + 1
      if next < columns.count, cells[next].isEmpty, columns[next] != .deadline {
        cells[next] = line
        k = next
      } else if k >= 0, [.lead, .responsible].contains(columns[k]), isUnitCell(line) {
        cells[k] += "、" + line
      } else {
        cells[task] += line
      }
    }
    return cells
  }

  /// 12月底前, 9月投入使用, 全年, 长期坚持, 2025年6月: a short cell naming a time.
  static func isDeadlineCell(_ c: String) -> Bool {
    guard !c.isEmpty, c.count <= 16, !isUnitCell(c) else { return false }
    return ["月", "年底", "全年", "季度", "长期", "持续", "年内", "底前"].contains { c.includes($0) }
  }

  /// 县住建局, 各乡镇人民政府: a cell that is a unit's name (or a list of them).
  static func isUnitCell(_ c: String) -> Bool {
    let names = UnitClause.names(Array(c))
    guard !names.isEmpty, c.count <= 80 else { return false }
    return names.allSatisfy { UnitName.looksLikeOffice($0) || UnitName.isGroupReference($0) }
  }

  /// Without a 序号 column: every N lines are a row, up to a heading or a numbered line.
  static func chunkedRows(_ lines: [(number: Int, text: String)], from start: Int, columns: [Column])
    -> (rows: [(line: Int, cells: [String])], end: Int)
  {
    var rows: [(line: Int, cells: [String])] = []
    var j = start
    while j + columns.count <= lines.count {
      let chunk = lines[j..<(j + columns.count)]
      if chunk.contains(where: { LineShapes.part($0.text) != nil || LineShapes.numberedItem($0.text) != nil }) {
        break
      }
      rows.append((chunk.first!.number, chunk.map { bareCell($0.text) }))
      j += columns.count
    }
    return (rows, j)
  }
}
