/// One row of a table, already in the importer's row model.
struct TableRow {
  var number: String
  var text: String
  var clause: UnitClause
  var line: Int
}

/// Tables in a document: pipe tables, tab-separated rows, tables copied from a web page with one
/// cell per line, and the tables of Word, Excel and HTML files. The header row is found by its
/// words (工作任务, 牵头单位, 责任单位, 责任领导, 完成时限 …), whatever their order.
struct TableReader {
  enum Column: Equatable { case number, task, lead, responsible, leader, deadline, category, other }

  var warnings: [ImportWarning] = []

  /// What a header cell names.
  static func column(_ header: String) -> Column {
    let h = header.filter { !$0.isWhitespace && $0 != "|" && $0 != "｜" }
    if h.isEmpty { return .other }
    if ["序号", "编号", "序", "No.", "NO.", "No"].contains(h) { return .number }
    if h.includes("领导") || h.includes("责任人") || h.includes("领办") { return .leader }
    if h.includes("时限") || h.includes("完成时间") || h.includes("时间节点") || h.includes("进度安排") { return .deadline }
    if h.includes("单位") || h.includes("部门") {
      if h.includes("牵头") || h.includes("主办") || h.includes("主责") || h.includes("主要责任") { return .lead }
      return .responsible
    }
    if ["类别", "类型", "领域", "板块", "方面", "分类"].contains(where: { h.includes($0) }) { return .category }
    if h.includes("任务") || h.includes("工作") || h.includes("内容") || h.includes("事项") || h.includes("目标")
      || h.includes("实事")
      || h.includes("项目")
    {
      return .task
    }
    return .other
  }

  /// A header: a task column and at least one column of units.
  static func header(_ cells: [String]) -> [Column]? {
    // Data rows carry long text; a header's cells are short words.
    guard cells.allSatisfy({ $0.count <= 12 }) else { return nil }
    let cols = cells.map(column)
    guard cols.contains(.task), cols.contains(.lead) || cols.contains(.responsible) else { return nil }
    return cols
  }

  // MARK: Tables inside plain text

  static func pipeCells(_ line: String) -> [String]? {
    guard line.includes("|") || line.includes("｜") else { return nil }
    var cells = line.split(separator: "|", omittingEmptySubsequences: false)
      .flatMap { $0.split(separator: "｜", omittingEmptySubsequences: false) }.map { String($0).trimmed }
    if cells.first == "" { cells.removeFirst() }
    if cells.last == "" { cells.removeLast() }
    return cells.count >= 2 ? cells : nil
  }

  static func tabCells(_ line: String) -> [String]? {
    guard line.includes("\t") else { return nil }
    let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
    return cells.count >= 2 ? cells : nil
  }

  /// A web page's table pasted as text: “目标任务 |” — the cell with its stray bar.
  static func bareCell(_ line: String) -> String {
    line.trimming(Set("|｜ \t"))
  }

  mutating func read(_ lines: [(number: Int, text: String)]) -> [DocumentLayout.Entry] {
    var out: [DocumentLayout.Entry] = []
    var i = 0
    while i < lines.count {
      let t = lines[i].text
      if let (block, end) = transposed(lines, at: i) {
        out += block
        i = end
        continue
      }
      // Only a short line can be a header row (or a header cell): prose lines pass straight on.
      guard t.utf8.count <= 240 else {
        out.append(DocumentLayout.Entry(number: lines[i].number, text: t, row: nil))
        i += 1
        continue
      }
      for split in [Self.pipeCells, Self.tabCells] {
        guard let cells = split(t), let cols = Self.header(cells) else { continue }
        var rows: [(line: Int, cells: [String])] = []
        var j = i + 1
        while j < lines.count, let c = split(lines[j].text) {
          if !c.allSatisfy({ $0.allSatisfy { "-:—".contains($0) } }) { rows.append((lines[j].number, c)) }
          j += 1
        }
        out += entries(columns: cols, rows: rows)
        i = j
        break
      }
      if i < lines.count, lines[i].text == t, let cols = Self.spaceHeader(t) {
        var rows: [(line: Int, cells: [String])] = []
        var j = i + 1
        while j < lines.count, let c = Self.spaceCells(lines[j].text, columns: cols.count) {
          rows.append((lines[j].number, c))
          j += 1
        }
        if !rows.isEmpty {
          out += entries(columns: cols, rows: rows)
          i = j
          continue
        }
      }
      if i < lines.count, lines[i].text == t, let (cols, end) = Self.cellPerLineHeader(lines, at: i) {
        let rows = Self.cellPerLineRows(lines, from: end, columns: cols)
        if rows.rows.isEmpty {
          // Header words with no row under them: not a table after all.
          out.append(DocumentLayout.Entry(number: lines[i].number, text: t, row: nil))
          i += 1
          continue
        }
        warnings.append(
          ImportWarning(
            line: lines[i].number, kind: .ignoredLine,
            message:
              "a table copied from a web page (one cell per line) read as \(rows.rows.filter { $0.cells.count > 1 }.count) rows",
            zh: "从网页复制的表格（每行一格）按 \(rows.rows.filter { $0.cells.count > 1 }.count) 行读取"))
        out += entries(columns: cols, rows: rows.rows)
        i = rows.end
        continue
      }
      if i < lines.count, lines[i].text == t {
        out.append(DocumentLayout.Entry(number: lines[i].number, text: t, row: nil))
        i += 1
      }
    }
    return out
  }

  /// Three or more header words on lines of their own, among them a task and a unit column.
  static func cellPerLineHeader(_ lines: [(number: Int, text: String)], at i: Int) -> ([Column], Int)? {
    guard i < lines.count, lines[i].text.utf8.count <= 40, column(bareCell(lines[i].text)) != .other else { return nil }
    var cols: [Column] = []
    var j = i
    // Short header words, among them words of no interest (进展情况, 备注); a number or a long
    // line is the first row.
    while j < lines.count, cols.count < 10 {
      let cell = bareCell(lines[j].text)
      // A header word is no heading, numbered line or labelled clause.
      guard !cell.isEmpty, Int(cell) == nil, cell.count <= 8 || (cell.count <= 12 && column(cell) != .other),
        LineShapes.part(cell) == nil, LineShapes.anyNumbered(cell) == nil, !cell.includes(":"), !cell.includes("：")
      else {
        break
      }
      cols.append(column(cell))
      j += 1
    }
    while cols.last == .other {
      cols.removeLast()
      j -= 1
    }
    guard cols.count >= 3, cols.contains(.task), cols.contains(.lead) || cols.contains(.responsible) else {
      return nil
    }
    return (cols, j)
  }

  /// “序号 工 作 任 务 牵头负责部门”: a header printed with spaces, letters of a word spaced out.
  static func spaceHeader(_ line: String) -> [Column]? {
    guard line.utf8.count <= 120, line.includes(" "), !line.includes("|"), !line.includes("\t") else { return nil }
    let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    guard tokens.count >= 3 else { return nil }
    var words: [String] = []
    var run = ""
    for t in tokens {
      if t.count == 1 {
        run += t
      } else {
        if !run.isEmpty { words.append(run) }
        run = ""
        words.append(t)
      }
    }
    if !run.isEmpty { words.append(run) }
    guard let cols = header(words), cols.first == .number, cols.count >= 3, cols[1] == .task else { return nil }
    return cols
  }

  /// A row of a space-separated table: the number, the task (which may hold spaces), then one
  /// word per remaining column.
  static func spaceCells(_ line: String, columns: Int) -> [String]? {
    let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    guard tokens.count >= columns, Int(tokens[0]) != nil else { return nil }
    let tail = columns - 2
    return [tokens[0], tokens[1..<(tokens.count - tail)].joined(separator: " ")] + tokens.suffix(tail)
  }

  // MARK: Rows into the row model

  /// Turns table rows under a known header into entries: item rows, and heading lines for
  /// section rows (one filled cell, or a merged cell) and for changes of the category column.
  mutating func entries(columns: [Column], rows: [(line: Int, cells: [String])]) -> [DocumentLayout.Entry] {
    var out: [DocumentLayout.Entry] = []
    var category: String?
    var ordinal = 0
    for row in rows {
      let cells = row.cells
      let filled = cells.filter { !$0.isEmpty }
      if filled.isEmpty { continue }
      // A section row: one text across the table (merged, or the same text repeated).
      if Set(filled).count == 1, columns.count > 2, !(columns.first == .number && Int(filled[0]) != nil) {
        out.append(DocumentLayout.Entry(number: row.line, text: filled[0], row: nil))
        continue
      }
      let cat = value(.category, columns, cells)
      if !cat.isEmpty, cat != category {
        category = cat
        out.append(DocumentLayout.Entry(number: row.line, text: cat, row: nil))
      }
      let text = value(.task, columns, cells)
      if text.isEmpty { continue }
      ordinal += 1
      var number = value(.number, columns, cells)
      if number.isEmpty { number = "\(ordinal)" }
      var clause = UnitClause()
      for (k, col) in columns.enumerated() where k < cells.count && !cells[k].isEmpty {
        let cell = cells[k]
        switch col {
        case .lead, .responsible:
          let labelled = UnitClause.split(cell)
          if let c = labelled.clause, labelled.text.isEmpty {
            clause.entries += c.entries
            clause.deadline = clause.deadline ?? c.deadline
            clause.hasLeadLabel = clause.hasLeadLabel || c.hasLeadLabel
          } else if let c = VerbClause.parse(cell) {
            clause.entries += c.entries
            clause.deadline = clause.deadline ?? c.deadline
            clause.hasLeadLabel = clause.hasLeadLabel || c.hasLeadLabel
          } else {
            for name in UnitClause.names(Array(cell)) {
              clause.entries.append((col == .lead ? .lead : .responsible, name))
            }
            if col == .lead { clause.hasLeadLabel = true }
          }
        case .leader:
          for name in UnitClause.leaderNames(Array(cell)) { clause.entries.append((.leader, name)) }
        case .deadline:
          clause.deadline = cell
        default: break
        }
      }
      let r = TableRow(number: number, text: text, clause: clause, line: row.line)
      out.append(DocumentLayout.Entry(number: row.line, text: "\(number). \(text)", row: r))
    }
    return out
  }

  func value(_ col: Column, _ columns: [Column], _ cells: [String]) -> String {
    guard let k = columns.firstIndex(of: col), k < cells.count else { return "" }
    return cells[k].trimmed
  }

  /// A table handed over whole (Word, Excel, HTML): the header is the first row whose words
  /// name the columns; rows above it are headings; nil when no header is found.
  mutating func read(table: [[String]], firstLine: Int) -> [DocumentLayout.Entry]? {
    guard let h = table.firstIndex(where: { Self.header($0) != nil }), let cols = Self.header(table[h]) else {
      return nil
    }
    var out: [DocumentLayout.Entry] = []
    for (k, row) in table[..<h].enumerated() {
      let filled = row.filter { !$0.isEmpty }
      if let first = filled.first { out.append(DocumentLayout.Entry(number: firstLine + k, text: first, row: nil)) }
    }
    let rows = table[(h + 1)...].enumerated().map { (line: firstLine + h + 1 + $0.offset, cells: $0.element) }
    return out + entries(columns: cols, rows: rows)
  }
}
