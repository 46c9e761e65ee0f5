/// Warnings on a workbook's rows name the cell as the collect errors do (`工作表1!C12`): the
/// sheet, the column the warning is about and the sheet's own row number — not the running
/// line number the importer counts through the whole document.
enum SheetCells {
  struct Span {
    var name: String
    /// The importer's line of the sheet's row 1.
    var firstLine: Int
    var rows: [[String]]
  }

  /// Sets `cell` on every warning that falls on a sheet's row.
  static func name(_ warnings: inout [ImportWarning], in spans: [Span]) {
    for k in warnings.indices {
      let line = warnings[k].line
      guard let span = spans.first(where: { line >= $0.firstLine && line < $0.firstLine + $0.rows.count }) else {
        continue
      }
      let r = line - span.firstLine
      let c = column(for: warnings[k], row: span.rows[r], header: header(span.rows, before: r))
      warnings[k].cell = "\(span.name)!\(SheetGrid.column(c))\(r + 1)"
    }
  }

  /// The columns of the sheet's header row above row `r`, if it has one.
  static func header(_ rows: [[String]], before r: Int) -> [TableReader.Column]? {
    rows[..<r].lazy.compactMap(TableReader.header).first
  }

  /// The cell a warning is about: the one holding the text it quotes (“区国资公司”; the columns
  /// its kind concerns first: units, the number, the task), else the first of those columns,
  /// else the row's first filled cell.
  static func column(for w: ImportWarning, row: [String], header: [TableReader.Column]?) -> Int {
    let concerns: [TableReader.Column]
    switch w.kind {
    case .splitUnits, .mergedAlias, .noUnits, .unclosedBracket: concerns = [.lead, .responsible]
    case .duplicateNumber: concerns = [.number]
    default: concerns = [.task]
    }
    let wanted = header.map { h in h.indices.filter { concerns.contains(h[$0]) } } ?? []
    for quoted in quotes(w.message) where quoted.count >= 2 {
      if let c = (wanted + row.indices).first(where: { $0 < row.count && row[$0].includes(quoted) }) { return c }
    }
    return wanted.first ?? row.firstIndex { !$0.isEmpty } ?? 0
  }

  /// The texts between “ and ” in a message.
  static func quotes(_ message: String) -> [String] {
    var out: [String] = []
    var current: String?
    for c in message {
      if c == "“" {
        current = ""
      } else if c == "”" {
        if let q = current { out.append(q) }
        current = nil
      } else {
        current?.append(c)
      }
    }
    return out
  }
}
