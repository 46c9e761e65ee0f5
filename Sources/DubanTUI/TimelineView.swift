import DubanCore

/// `t`: the year on a month ruler — report deadlines (▲) and item deadlines (◆) where they
/// fall, today (▼) among them, the elapsed part of the year drawn solid — and below it each
/// deadline with where everyone stands: a bar of reports filed on time, late, overdue and
/// not yet due, and the counts.
enum TimelineView {
  static func draw(_ screen: inout Screen, _ state: AppState, _ cache: ViewCache, _ r: Rect, _ box: BoxStyle) {
    let lang = state.lang
    let w = screen.width
    let rows = TimelineRow.rows(state, cache)
    let year = state.schedule.year
    let position = rows.isEmpty ? "" : " \(state.timelineList.index + 1)/\(rows.count)"
    let title =
      lang.pick("时间轴 \(year)", "Timeline \(year)") + position
      + lang.pick(" · d 改日期 · Enter 查看 · Esc 返回", " · d dates · Enter open · Esc back")
    Renderer.frame(&screen, r, title: title, active: true, box)
    guard r.innerWidth >= 20, r.innerHeight >= 8 else { return }
    let ascii = state.asciiBorders
    let left = r.column + 2
    let span = r.innerWidth - 2
    let start = Day(year: year, month: 1, day: 1)!
    let days = Day(year: year, month: 12, day: 31)!.ordinal - start.ordinal
    func column(_ day: Day) -> Int? {
      guard day.year == year else { return nil }
      return left + (day.ordinal - start.ordinal) * (span - 1) / max(1, days)
    }
    let top = r.row + 1
    // Month labels, where they fit.
    var free = left
    for m in 1...12 {
      let c = column(Day(year: year, month: m, day: 1)!)!
      let label = lang.pick(
        "\(m)月", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1])
      guard c >= free, c + w.width(of: label) <= left + span else { continue }
      free = c + screen.put(label, row: top, column: c, style: .dim) + 1
    }
    // Today above the ruler, with its date beside the mark.
    let todayColumn = column(state.today)
    if let c = todayColumn {
      let text = lang.pick("今天\(state.today.month)/\(state.today.day)", "today \(state.today.month)/\(state.today.day)")
      let width = w.width(of: text)
      screen.put(ascii ? "v" : "▼", row: top + 1, column: c, style: .warning)
      let at = c + 2 + width <= left + span ? c + 2 : max(left, c - 1 - width)
      screen.put(text, row: top + 1, column: at, style: .warning)
    }
    // The ruler: solid up to today, dim after; a tick at each month.
    let ruler = top + 2
    for x in 0..<span {
      let c = left + x
      let elapsed = todayColumn.map { c <= $0 } ?? (state.today.year > year)
      screen.put(ascii ? "-" : (elapsed ? "━" : "─"), row: ruler, column: c, style: elapsed ? .header : .dim)
    }
    for m in 1...12 {
      let c = column(Day(year: year, month: m, day: 1)!)!
      screen.put(ascii ? "+" : m == 1 ? "├" : "┼", row: ruler, column: c, style: .dim)
    }
    screen.put(ascii ? "+" : "┤", row: ruler, column: left + span - 1, style: .dim)
    // Marks under the ruler and their labels: report dates win a shared column.
    var labelFree = left
    for row in rows.sorted(by: { ($0.calendarKey == nil ? 1 : 0) < ($1.calendarKey == nil ? 1 : 0) }) {
      guard let c = column(row.day) else { continue }
      let mark: String
      let label: String
      switch row.kind {
      case .today: continue
      case .workPlans:
        (mark, label) = (ascii ? "^" : "▲", lang.pick("方案", "plan"))
      case .period(let p):
        (mark, label) = (ascii ? "^" : "▲", p.id)
      case .items(let ids):
        (mark, label) = (ascii ? "*" : "◆", "\(ids.count)")
      }
      if screen[ruler + 1, c].character == " " {
        screen.put(mark, row: ruler + 1, column: c, style: style(row, state))
      }
      if row.calendarKey != nil, c >= labelFree, c + w.width(of: label) <= left + span {
        labelFree = c + screen.put(label, row: ruler + 2, column: c, style: style(row, state)) + 1
      }
    }
    let legend = lang.pick(
      "▲报送日期 ◆事项期限  ✓按时 迟逾期后报 ✗逾期未报 ·未到期", "▲ report date  ◆ item deadline  ✓ on time  L late  ✗ overdue  · not yet due"
    )
    screen.put(
      ascii ? legend.replacing("▲", with: "^").replacing("◆", with: "*") : legend,
      row: ruler + 3, column: left, style: .dim, limit: span)
    // The list of deadlines.
    let listTop = ruler + 4
    let height = r.row + r.height - 1 - listTop
    var list = state.timelineList
    list.fit(count: rows.count, height: height)
    // Every row's bar is as long: the room the widest counts leave.
    let countsWidth =
      rows.map { countsText($0, lang, openStyle: .dim).reduce(0) { $0 + w.width(of: "\($1.0)\($1.1) ") } }
      .max() ?? 0
    for line in 0..<max(0, height) {
      let i = list.scroll + line
      guard i < rows.count else { break }
      drawRow(
        &screen, state, rows[i], row: listTop + line, left: r.column + 1, width: r.innerWidth, countsWidth: countsWidth)
      Renderer.selectRow(&screen, row: listTop + line, r, selected: i == state.timelineList.index, focused: true)
    }
    // Below the list, when there is room: who is behind on the selected date, then who
    // changed the plan's dates.
    var y = listTop + rows.count - list.scroll + 1
    let bottom = r.row + r.height - 1
    if rows.indices.contains(state.timelineList.index) {
      y = drawOwing(&screen, state, rows[state.timelineList.index], top: y, bottom: bottom, left: left, span: span)
    }
    let history = state.plan.calendar.history ?? []
    guard !history.isEmpty, bottom - y >= 2 else { return }
    screen.put(lang.pick("日期修改记录", "changes to the dates"), row: y, column: left, style: .header)
    for change in history.reversed().prefix(bottom - y - 1) {
      y += 1
      let line = "· \(Timestamp.display(change.time)) \(change.user) \(change.summary(lang))"
      screen.put(w.truncate(TerminalSafe.line(line), columns: span), row: y, column: left, style: .dim, limit: span)
    }
  }

  /// The selected date's laggards as bars, most first, as many as fit (leaving a row for
  /// the dates' history when there is one); returns the next free row.
  static func drawOwing(
    _ screen: inout Screen, _ state: AppState, _ row: TimelineRow, top: Int, bottom: Int, left: Int, span: Int
  ) -> Int {
    let lang = state.lang
    let w = screen.width
    guard !row.owing.isEmpty, bottom - top >= 2 else { return top }
    let past = row.day < state.today
    let heading: String
    switch row.kind {
    case .period(let p):
      heading =
        past
        ? lang.pick("\(p.id) 逾期未报的单位（事项数）", "\(p.id): units with overdue reports (items)")
        : lang.pick("\(p.id) 尚未报送的单位（事项数）", "\(p.id): units yet to file (items)")
    case .workPlans:
      heading = lang.pick(
        "尚未报送办理方案的单位（\(row.owing.count) 个）", "units without a filed work plan (\(row.owing.count))")
    case .items:
      heading = lang.pick(
        "\(row.day.month)/\(row.day.day) 到期未完成的事项（\(row.owing.count) 项）",
        "items due \(row.day.month)/\(row.day.day), not done (\(row.owing.count))")
    case .today: return top
    }
    screen.put(heading, row: top, column: left, style: .header, limit: span)
    var y = top + 1
    // Rows kept for the dates' history below (its heading and up to three changes), and
    // one for "… more".
    let history = (state.plan.calendar.history ?? []).count
    let reserve = history == 0 ? 0 : min(history, 3) + 2
    let room = max(1, bottom - y - reserve - (row.owing.count > bottom - y - reserve ? 1 : 0))
    let shown = row.owing.prefix(room)
    let style: Style = past ? .blocked : .inProgress
    if case .period = row.kind {
      // A bar per unit, scaled to the most behind.
      let nameWidth = min(16, shown.map { w.width(of: $0.name) }.max() ?? 8)
      let most = max(1, shown.map(\.count).max() ?? 1)
      let barSpace = max(4, min(40, span - nameWidth - 8))
      for entry in shown {
        var col = left
        col +=
          screen.put(w.pad(w.truncate(entry.name, columns: nameWidth), columns: nameWidth), row: y, column: col) + 1
        let n = max(1, entry.count * barSpace / most)
        col +=
          screen.put(String(repeating: state.asciiBorders ? "#" : "█", count: n), row: y, column: col, style: style) + 1
        screen.put("\(entry.count)", row: y, column: col, style: style)
        y += 1
      }
    } else {
      // Names, as many to a line as fit.
      var line = ""
      var rowsLeft = room
      for entry in row.owing {
        let text = TerminalSafe.line(entry.name)
        if !line.isEmpty, w.width(of: line + "  " + text) > span {
          screen.put(line, row: y, column: left, style: style, limit: span)
          y += 1
          rowsLeft -= 1
          line = ""
          if rowsLeft == 0 { break }
        }
        line += (line.isEmpty ? "" : "  ") + text
      }
      if rowsLeft > 0, !line.isEmpty {
        screen.put(w.truncate(line, columns: span), row: y, column: left, style: style, limit: span)
        y += 1
      }
    }
    if row.owing.count > shown.count, case .period = row.kind, y < bottom {
      screen.put(
        lang.pick("…另有 \(row.owing.count - shown.count) 个单位", "… \(row.owing.count - shown.count) more units"), row: y,
        column: left, style: .dim)
      y += 1
    }
    return y + (y < bottom - 1 ? 1 : 0)
  }

  /// The colour of a deadline: red when someone is past it, yellow when it is close, green
  /// when everyone filed, dim when it holds nothing.
  static func style(_ row: TimelineRow, _ state: AppState) -> Style {
    if row.overdue > 0 { return .blocked }
    if case .today = row.kind { return .warning }
    let days = row.day.ordinal - state.today.ordinal
    if row.open > 0 && days >= 0 && days <= state.doc.settings.dueSoonDays { return .warning }
    if row.total > 0 && row.open == 0 { return .done }
    return row.day < state.today ? .dim : .header
  }

  static func drawRow(
    _ screen: inout Screen, _ state: AppState, _ row: TimelineRow, row y: Int, left: Int, width: Int, countsWidth: Int
  ) {
    let lang = state.lang
    let w = screen.width
    let ascii = state.asciiBorders
    let end = left + width
    var col = left + 1
    let mark: String
    switch row.kind {
    case .today: mark = ascii ? "v" : "▼"
    case .workPlans, .period: mark = ascii ? "^" : "▲"
    case .items: mark = ascii ? "*" : "◆"
    }
    let style = style(row, state)
    col += screen.put(mark, row: y, column: col, style: style) + 1
    col += screen.put(w.pad("\(row.day.month)/\(row.day.day)", columns: 5, alignRight: true), row: y, column: col) + 1
    let label = w.truncate(row.label(lang), columns: 14)
    screen.put(w.pad(label, columns: 14), row: y, column: col, style: style)
    TaskPane.highlight(&screen, text: label, query: state.searchEditor?.text ?? state.lastSearch, row: y, column: col)
    col += 15
    let days = row.day.ordinal - state.today.ordinal
    let relative: String
    if case .today = row.kind {
      relative = ""
    } else if days == 0 {
      relative = lang.pick("今天到期", "due today")
    } else {
      relative = days < 0 ? lang.pick("已过\(-days)天", "\(-days)d ago") : lang.pick("还有\(days)天", "in \(days)d")
    }
    col += screen.put(w.pad(relative, columns: 10), row: y, column: col, style: .dim) + 1
    guard row.total > 0, col < end else { return }
    // Not yet due shows hollow, yellow once the date is close; the rest solid.
    let soon = days >= 0 && days <= state.doc.settings.dueSoonDays
    let openStyle: Style = soon ? .inProgress : .dim
    let counts = countsParts(row, lang, openStyle: openStyle)
    let text = countsText(row, lang, openStyle: openStyle)
    // The bar takes what the widest row's counts leave, at most 30 columns.
    let barWidth = max(0, min(30, end - col - countsWidth - 1))
    if barWidth >= 4 {
      var filled = 0
      var drawn = 0
      for (index, (_, n, s)) in counts.enumerated() {
        filled += n
        let upto = Int((Double(filled) / Double(row.total) * Double(barWidth)).rounded())
        let glyph = index == counts.count - 1 ? (ascii ? "." : "░") : (ascii ? "#" : "█")
        if upto > drawn {
          screen.put(String(repeating: glyph, count: upto - drawn), row: y, column: col + drawn, style: s)
          drawn = upto
        }
      }
      col += barWidth + 1
    }
    for (label, n, s) in text where col < end {
      col += screen.put("\(label)\(n) ", row: y, column: col, style: s, limit: end - col)
    }
  }

  /// What a row counts (filed, late, overdue, open …), each with its label and style.
  static func countsParts(_ row: TimelineRow, _ lang: Lang, openStyle: Style) -> [(String, Int, Style)] {
    switch row.kind {
    case .period:
      return [
        ("✓", row.filed, .done), (lang.pick("迟", "L"), row.late, .inProgress), ("✗", row.overdue, .blocked),
        ("·", row.open, openStyle),
      ]
    case .workPlans:
      return [
        (lang.pick("已报", "filed "), row.filed, .done), (lang.pick("逾期", "owed "), row.overdue, .blocked),
        (lang.pick("草稿/未报", "open "), row.open, openStyle),
      ]
    case .items:
      return [
        (lang.pick("完成", "done "), row.filed, .done), (lang.pick("逾期", "past "), row.overdue, .blocked),
        (lang.pick("未完成", "open "), row.open, openStyle),
      ]
    case .today: return []
    }
  }

  /// The counts a row shows: those that are not zero.
  static func countsText(_ row: TimelineRow, _ lang: Lang, openStyle: Style) -> [(String, Int, Style)] {
    countsParts(row, lang, openStyle: openStyle).filter { $0.1 > 0 }
  }
}
