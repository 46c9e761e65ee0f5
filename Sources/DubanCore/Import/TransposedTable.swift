import FoundationEssentials

/// A table turned on its side: each row is a field, its first cell the field's name and the
/// next cells the items' values (“重点工作: | … |” / “牵头单位: | … |”, or “| 序号 | 1 | 2 |” /
/// “| 工作任务 | A | B |” / “| 牵头单位 | X | Y |”). Pages that give each task a page of its own
/// print it so. The field names are the same words as a header row's (工作任务, 牵头单位,
/// 责任领导, 完成时限 …); a field named again starts the next item's record.
extension TableReader {
  /// The rows of a pipe or tab table starting at `i`, read as transposed when their first
  /// cells name fields; nil when they do not (a table with a header row, or prose).
  mutating func transposed(_ lines: [(number: Int, text: String)], at i: Int) -> ([DocumentLayout.Entry], Int)? {
    let first = lines[i].text
    let colons = !(first.includes("|") || first.includes("｜") || first.includes("\t"))
    guard !colons || Self.fieldColonCells(first) != nil else { return nil }
    let tabs = first.includes("\t")
    func split(_ line: String) -> [String]? {
      colons ? Self.fieldColonCells(line) : tabs ? Self.tabCells(line) : Self.pipeCells(line)
    }
    guard let head = split(first), Self.header(head) == nil, Self.fieldKind(head[0]) != .other else { return nil }
    var block: [(line: Int, kind: Column, cells: [String])] = []
    var j = i
    while j < lines.count, let cells = split(lines[j].text) {
      block.append((lines[j].number, Self.fieldKind(cells[0]), Array(cells.dropFirst())))
      j += 1
    }
    let kinds = block.map(\.kind)
    guard kinds.contains(.task), kinds.contains(.lead) || kinds.contains(.responsible) else { return nil }
    // Records: a field named a second time starts the next one.
    var records: [[(line: Int, kind: Column, cells: [String])]] = [[]]
    for row in block {
      if row.kind != .other, records[records.count - 1].contains(where: { $0.kind == row.kind }) { records.append([]) }
      records[records.count - 1].append(row)
    }
    var out: [DocumentLayout.Entry] = []
    var items = 0
    for record in records where record.contains(where: { $0.kind == .task }) {
      let columns = record.map(\.kind)
      let width = record.map(\.cells.count).max() ?? 0
      let line = record.first(where: { $0.kind == .task })?.line ?? record[0].line
      let rows = (0..<width).map { k in (line: line, cells: record.map { k < $0.cells.count ? $0.cells[k] : "" }) }
      let read = entries(columns: columns, rows: rows)
      items += read.filter { $0.row != nil }.count
      out += read
    }
    guard items > 0 else { return nil }
    warnings.append(
      ImportWarning(
        line: lines[i].number, kind: .ignoredLine,
        message: "a table with a field per row (names in the first column) read as \(items) item(s)",
        zh: "每行一个栏目的表格（栏目名在第一列）按 \(items) 个事项读取"))
    return (out, j)
  }

  /// “牵头单位:”, “年度阶段性工作目标及完成时限:”: what a row's first cell names.
  static func fieldKind(_ cell: String) -> Column {
    var name = cell.trimmed
    while let last = name.last, ":：".contains(last) { name.removeLast() }
    guard !name.isEmpty, name.count <= 16 else { return .other }
    return column(name)
  }
}
