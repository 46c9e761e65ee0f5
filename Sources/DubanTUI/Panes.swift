import DubanCore

/// 板块: the plan's outline with done/total beside every node.
enum TreePane {
  static func draw(_ screen: inout Screen, _ state: AppState, _ frame: FrameData, _ r: Rect, _ box: BoxStyle) {
    let focused = state.focus == .tree && state.overlay == nil
    // A narrow pane keeps the position and shortens the word (Chinese is short already).
    let position = ListPosition.text(state.treeList, state.tree.count, r)
    let word = state.lang.pick("板块", screen.width.width(of: "Sections" + position) > r.width - 6 ? "Sect." : "Sections")
    Renderer.frame(&screen, r, title: word + position, active: focused, box)
    let query = state.searchEditor?.text ?? state.lastSearch
    // The widest count: done and total both have at most the largest total's digits.
    let digits = String(frame.treeStats.map(\.total).max() ?? 0).count
    let countWidth = 2 * digits + 1
    for line in 0..<r.innerHeight {
      let i = state.treeList.scroll + line
      guard i < state.tree.count else { break }
      let node = state.tree[i]
      let row = r.row + 1 + line
      let p = frame.treeStats[i]
      let worst = p.lights.worst
      let count = "\(p.done)/\(p.total)"
      // Counts right-aligned in one width, so every row's bar starts in the same column.
      let bar = p.tally.gauge == nil ? 0 : ProgressBar.treeCells(innerWidth: r.innerWidth)
      let barWidth = bar > 0 ? bar + 2 : 0
      // Without a bar the label keeps the room a short count leaves.
      let labelWidth = r.innerWidth - (bar > 0 ? countWidth : count.count) - 1 - barWidth
      let indent = String(repeating: " ", count: node.depth)
      let label = screen.width.truncate(indent + node.label, columns: labelWidth)
      screen.put(label, row: row, column: r.column + 1, style: node.depth == 0 ? .header : .normal, limit: labelWidth)
      TaskPane.highlight(&screen, text: label, query: query, row: row, column: r.column + 1)
      screen.put(
        count, row: row, column: r.column + 1 + r.innerWidth - count.count,
        style: Light.style(worst))
      if let gauge = p.tally.gauge, bar > 0 {
        ProgressBar.draw(
          &screen, gauge, cells: bar, light: frame.schedule.light(of: gauge), ascii: state.asciiBorders, row: row,
          column: r.column + 1 + r.innerWidth - countWidth - barWidth)
      }
      Renderer.selectRow(&screen, row: row, r, selected: i == state.treeList.index, focused: focused)
    }
  }
}

/// 任务: number, status, progress, text cut by display width, lead unit.
enum TaskPane {
  static func draw(_ screen: inout Screen, _ state: AppState, _ frame: FrameData, _ r: Rect, _ box: BoxStyle) {
    let lang = state.lang
    let focused = state.focus == .tasks && state.overlay == nil
    let rows = frame.rows
    var title = lang.pick("任务", "Tasks") + " \(rows.isEmpty ? 0 : state.taskList.index + 1)/\(rows.count)"
    for label in state.filterLabels() { title += " · " + label }
    if state.sort != .number { title += " · ↕" + state.sort.label(lang) }
    Renderer.frame(&screen, r, title: title, active: focused, box)
    if rows.isEmpty {
      screen.put(
        lang.pick("（没有事项）", "(no items)"), row: r.row + 1, column: r.column + 2, style: .dim, limit: r.innerWidth - 1)
      return
    }
    let w = screen.width
    let idWidth = frame.idWidth
    // The lead column only where the text keeps room for a readable line beside it.
    let leadWidth = r.innerWidth >= 90 ? 14 : r.innerWidth >= 76 ? 10 : 0
    let query = state.searchEditor?.text ?? state.lastSearch
    let schedule = state.schedule
    let duty = state.duty
    // Units found by an alias (招商局 → 区商务局): their name is highlighted in the lead column.
    let aliasHits = query.isEmpty ? [] : ItemMatcher(query, plan: state.plan).units
    let deadlineWidth = r.innerWidth >= 60 ? 8 : r.innerWidth >= 36 ? 5 : 0
    for line in 0..<r.innerHeight {
      let i = state.taskList.scroll + line
      guard i < rows.count else { break }
      let item = state.plan.items[rows[i]]
      let row = r.row + 1 + line
      var col = r.column + 1
      let chosen = state.selection.contains(item.id)
      col += screen.put(
        w.pad(item.id, columns: idWidth), row: row, column: col, style: chosen ? .header : .normal, limit: idWidth)
      if chosen { screen.put(String(RowMarks.selected), row: row, column: col, style: .header) }
      col += 1
      let glyph = item.closed != nil ? lang.pick("销", "C ") : item.status.glyph(lang)
      col += screen.put(glyph, row: row, column: col, style: item.closed != nil ? .dim : item.status.style) + 1
      let light = schedule.light(item)
      col += screen.put(w.pad(light.label(lang), columns: 2), row: row, column: col, style: Light.style(light)) + 1
      col +=
        screen.put(w.pad("\(item.progress)%", columns: 4, alignRight: true), row: row, column: col, style: .dim) + 1
      let bar = ProgressBar.taskCells(innerWidth: r.innerWidth)
      if bar > 0 {
        col +=
          ProgressBar.draw(
            &screen, schedule.gauge(item), cells: bar, light: light, ascii: state.asciiBorders, row: row, column: col)
          + 1
      }
      if deadlineWidth > 0 {
        // The item's deadline, else the next report it owes: red past, yellow soon.
        let d = DeadlineInSight.of(item, duty: duty, on: state.today)
        let text = d.map { DeadlineColumn.text($0, wide: deadlineWidth > 5, lang) } ?? "—"
        screen.put(
          w.pad(text, columns: deadlineWidth, alignRight: true), row: row, column: col,
          style: d.map(DeadlineColumn.style) ?? .dim)
        col += deadlineWidth + 1
      }
      let end = r.column + 1 + r.innerWidth
      if end - col >= 8, item.needsReview(warnings: frame.warned[rows[i]] ?? 0) {
        col += screen.put(RowMarks.review(lang), row: row, column: col, style: .warning)
      }
      let textWidth = end - col - (leadWidth > 0 ? leadWidth + 1 : 0)
      let text = w.truncate(item.text, columns: textWidth)
      screen.put(text, row: row, column: col, limit: textWidth)
      highlight(&screen, text: text, query: query, row: row, column: col)
      if leadWidth > 0 {
        let lead = w.truncate(item.lead.first ?? "", columns: leadWidth)
        screen.put(lead, row: row, column: end - leadWidth, style: .dim, limit: leadWidth)
        if aliasHits.contains(item.lead.first ?? "") {
          screen.restyle(row: row, column: end - leadWidth, count: w.width(of: lead), style: .match)
        } else {
          highlight(&screen, text: lead, query: query, row: row, column: end - leadWidth)
        }
      }
      Renderer.selectRow(&screen, row: row, r, selected: i == state.taskList.index, focused: focused)
    }
  }

  /// Marks every occurrence of the search in the drawn text.
  static func highlight(_ screen: inout Screen, text: String, query: String, row: Int, column: Int) {
    guard !query.isEmpty else { return }
    let w = screen.width
    for r in SearchText(query).ranges(in: text) {
      let start = column + w.width(of: text[..<r.lowerBound])
      screen.restyle(row: row, column: start, count: w.width(of: text[r]), style: .match)
    }
  }
}

/// 单位: the selected item's units, lead first and marked; groups marked as groups.
enum UnitPane {
  static func draw(_ screen: inout Screen, _ state: AppState, _ frame: FrameData, _ r: Rect, _ box: BoxStyle) {
    let lang = state.lang
    let focused = state.focus == .units && state.overlay == nil
    let units = state.units(of: frame.selected)
    let query = state.searchEditor?.text ?? state.lastSearch
    // A unit found by the search — by name or by an alias — is highlighted.
    let aliasHits = query.isEmpty ? [] : ItemMatcher(query, plan: state.plan).units
    Renderer.frame(
      &screen, r, title: lang.pick("单位", "Units") + ListPosition.text(state.unitList, units.count, r), active: focused,
      box)
    for line in 0..<r.innerHeight {
      let i = state.unitList.scroll + line
      guard i < units.count else { break }
      let u = units[i]
      let row = r.row + 1 + line
      let tag: String
      if u.kind == .group {
        tag = lang.pick("[泛]", "[G]")
      } else {
        tag = u.isLead ? lang.pick("[牵]", "[L]") : lang.pick("[责]", "[R]")
      }
      let used = screen.put(tag, row: row, column: r.column + 1, style: u.isLead ? .header : .dim, limit: r.innerWidth)
      let name = screen.width.truncate(u.name, columns: r.innerWidth - used)
      screen.put(
        name, row: row, column: r.column + 1 + used, style: u.isLead ? .header : .normal, limit: r.innerWidth - used)
      if aliasHits.contains(u.name) {
        screen.restyle(row: row, column: r.column + 1 + used, count: screen.width.width(of: name), style: .match)
      } else {
        TaskPane.highlight(&screen, text: name, query: query, row: row, column: r.column + 1 + used)
      }
      Renderer.selectRow(&screen, row: row, r, selected: i == state.unitList.index, focused: focused)
    }
  }
}

/// 详情: the item's full text wrapped by display width, units, officials, reports, notes.
enum DetailPane {
  /// Every line of the item's details, wrapped to `columns`: the summary on top, then
  /// (DetailView) the deadline, every note, every report and the whole history.
  static func lines(_ state: AppState, _ item: Item, columns: Int) -> [(String, Style)] {
    let lang = state.lang
    let w = state.width
    var lines: [(String, Style)] = []
    for l in w.wrap(TerminalSafe.line(item.text), columns: columns) { lines.append((l, .normal)) }
    let textLines = lines.count
    let none = "—"
    // The units follow the figures and the report marks, which matter most on a small screen.
    let whoStart = lines.count
    let lead = item.lead.joined(separator: "、")
    let resp = item.responsible.joined(separator: "、")
    lines.append(
      (
        lang.pick(
          "牵头：\(lead.isEmpty ? none : lead)　责任：\(resp.isEmpty ? none : resp)",
          "lead: \(lead.isEmpty ? none : lead)   responsible: \(resp.isEmpty ? none : resp)"), .dim
      ))
    if !item.leaders.isEmpty {
      lines.append((lang.pick("责任领导：", "officials: ") + item.leaders.joined(separator: "、"), .dim))
    }
    let who = Array(lines[whoStart...])
    lines.removeSubrange(whoStart...)
    let schedule = state.schedule
    let light = schedule.light(item)
    lines.append(
      (
        lang.pick(
          "序时进度 \(schedule.expected(item))%，实际 \(item.progress)%，\(light.label(lang))灯",
          "expected \(schedule.expected(item))%, actual \(item.progress)%, light \(light.label(lang))"),
        Light.style(light)
      ))
    for t in item.targets {
      let actual = t.actual.map(Target.format) ?? "—"
      var line = lang.pick("目标 ", "target ") + "\(t.name) \(actual)/\(Target.format(t.value))\(t.unit)"
      if t.comparator != "=" { line += " (\(t.comparator))" }
      if let f = t.fraction {
        let filled = Int((f * 10).rounded())
        line +=
          " " + String(repeating: "#", count: filled) + String(repeating: ".", count: 10 - filled)
          + " \(Int((f * 100).rounded()))%"
      }
      lines.append((line, .normal))
    }
    let duty = state.duty
    if !duty.calendar.periods.isEmpty {
      // The unit selected in the units pane, else the item as a whole (every reporting unit).
      let units = state.units(of: item)
      let mine = state.narrowing.unit.flatMap { duty.reporters(of: item).contains($0) ? $0 : nil }
      let unit =
        state.focus == .units && units.indices.contains(state.unitList.index)
          && units[state.unitList.index].kind == .unit ? units[state.unitList.index].name : mine
      let done = duty.doneSince(item)
      var overdue = false
      let marks = duty.calendar.periods.map { p -> String in
        let standing =
          unit.map { duty.standing(item, unit: $0, period: p.period, due: p.due, on: state.today, doneSince: done) }
          ?? duty.standing(item, period: p.period, due: p.due, on: state.today, doneSince: done)
        if standing == .overdue { overdue = true }
        return p.period.id + ReportMark.mark(standing, lang)
      }
      lines.append(
        (
          lang.pick("进展报送", "reports") + (unit.map { lang.pick("（\($0)）", " (\($0))") } ?? "") + lang.pick("：", ": ")
            + marks.joined(separator: " "),
          overdue ? .warning : .dim
        ))
    }
    if let closed = item.closed {
      lines.append(
        (
          lang.pick(
            "已销号 \(closed.date)（\(closed.user)）\(closed.remark)",
            "closed out \(closed.date) (\(closed.user)) \(closed.remark)"), .ok
        ))
    }
    lines.append(DetailView.deadlineLine(state, item))
    // The current period's report and the latest note up top, where what was just written
    // shows at once; every report and note below.
    if let period = state.calendar.current(on: state.today),
      let report = item.reports.last(where: { $0.period == period.id && !$0.progressText.isEmpty })
    {
      lines.append(
        (
          lang.pick("\(period.name)进展（\(report.unit ?? "—")）：", "\(period.id) report (\(report.unit ?? "—")): ")
            + report.progressText, .normal
        ))
    }
    if let note = item.notes.last {
      lines.append(
        (lang.pick("最新备注", "latest note") + "（\(note.user) \(Timestamp.display(note.time))）：\(note.text)", .normal))
    }
    lines += who
    lines += DetailView.sections(state, item)
    var wrapped = Array(lines.prefix(textLines))
    for (text, style) in lines.dropFirst(textLines) {
      // An indented line (a report's text) keeps its indent when it wraps.
      let indent = String(text.prefix { $0 == " " })
      let body = TerminalSafe.line(String(text.dropFirst(indent.count)))
      for l in w.wrap(body, columns: max(8, columns - indent.count)) { wrapped.append((indent + l, style)) }
    }
    return wrapped
  }

  static func draw(_ screen: inout Screen, _ state: AppState, _ frame: FrameData, _ r: Rect, _ box: BoxStyle) {
    let lang = state.lang
    guard let item = frame.selected else {
      Renderer.frame(&screen, r, title: lang.pick("详情", "Details"), active: false, box)
      return
    }
    let lines = lines(state, item, columns: r.innerWidth - 1)
    let scroll = max(0, min(state.detailScroll, lines.count - r.innerHeight))
    // Where the reader is, when there is more than fits: lines shown of all, and the keys.
    let more =
      lines.count > r.innerHeight
      ? " · \(min(lines.count, scroll + r.innerHeight))/\(lines.count) " + lang.pick("J/K 翻页", "J/K scroll") : ""
    Renderer.frame(
      &screen, r,
      title: lang.pick("详情", "Details") + " \(item.id) · \(item.status.label(lang)) \(item.progress)%" + more,
      active: false, box)
    let query = state.searchEditor?.text ?? state.lastSearch
    for (i, line) in lines.dropFirst(scroll).prefix(r.innerHeight).enumerated() {
      let text = screen.width.truncate(line.0, columns: r.innerWidth - 1)
      screen.put(text, row: r.row + 1 + i, column: r.column + 2, style: line.1, limit: r.innerWidth - 1)
      TaskPane.highlight(&screen, text: text, query: query, row: r.row + 1 + i, column: r.column + 2)
    }
  }
}

/// The bottom line: the search prompt, or a message, or the store and whether it is saved.
enum StatusLine {
  /// The keys that work now: those of the open overlay, else today's date and help/quit.
  static func keyHints(_ state: AppState) -> String {
    let lang = state.lang
    switch state.overlay {
    case .form: return lang.pick("Tab 换栏 · Enter 保存 · Esc 取消", "Tab next · Enter saves · Esc cancels")
    case .note, .actual, .closeOut, .deadline: return lang.pick("Enter 保存 · Esc 取消", "Enter saves · Esc cancels")
    case .confirm: return lang.pick("y 确认 · 其他键取消", "y confirms · other keys cancel")
    case .help: return lang.pick("↑↓ 滚动 · Esc 关闭", "↑↓ scroll · Esc closes")
    case .chooser: return lang.pick("↑↓ 选择 · Enter 确定 · Esc 取消", "↑↓ choose · Enter picks · Esc cancels")
    case .unitPrompt: return lang.pick("Tab 补全 · Enter 确定 · Esc 取消", "Tab completes · Enter sets · Esc cancels")
    case .exportFormat(let request):
      let keys = ExportChoices.keys(request).joined(separator: "/")
      return lang.pick("\(keys) 选择格式 · Esc 取消", "\(keys) chooses · Esc cancels")
    case .collect(let dialog): return CollectOverlay.keyHints(dialog, lang)
    case nil: return PaneKeys.hints(state)
    }
  }

  static func draw(_ screen: inout Screen, _ state: AppState, _ r: Rect) {
    let lang = state.lang
    let w = screen.width
    screen.fill(row: r.row, column: 0, count: r.width, style: .normal)
    if let editor = state.searchEditor {
      let prompt = lang.pick("搜索：", "search: ")
      let used = screen.put(prompt, row: r.row, column: 0, style: .header)
      let shown = editor.visible(columns: r.width - used - 1, width: w)
      screen.put(shown.text, row: r.row, column: used)
      screen.cursor = (r.row, used + shown.cursorColumn)
      return
    }
    // Whether the last change is on disk, the date duban takes as today (--today or the
    // clock), then the key hints. The save state is always in view, beside any message.
    let saving: String
    switch state.saveState {
    case .saving: saving = lang.pick("保存中… · ", "saving… · ")
    case .saved: saving = lang.pick("已保存 · ", "saved · ")
    case .failed: saving = ""
    }
    let chosen =
      state.selection.isEmpty
      ? "" : lang.pick("已选 \(state.selection.count) 项 · ", "\(state.selection.count) selected · ")
    // A message takes the room of the pane's key hints (`?` still says where help is).
    let keys =
      state.message != nil && state.overlay == nil ? lang.pick("?帮助", "? help") : StatusLine.keyHints(state)
    let hints = chosen + saving + keys
    var left: String
    var style: Style = .dim
    switch state.saveState {
    case .failed(let reason):
      left = lang.pick("未保存！", "NOT SAVED! ") + reason
      style = .error
    case .saved, .saving:
      if let wait = state.lockWait, state.saveState == .saving {
        left = wait
        style = .warning
      } else if let message = state.message {
        left = message
        style = state.messageIsError ? .error : .ok
      } else {
        left = state.storePath
      }
    }
    let hintWidth = w.width(of: hints)
    screen.put(w.truncate(left, columns: max(0, r.width - hintWidth - 2)), row: r.row, column: 0, style: style)
    if hintWidth < r.width { screen.put(hints, row: r.row, column: r.width - hintWidth, style: .dim) }
  }
}

extension Light {
  static func style(_ light: Light) -> Style {
    switch light {
    case .green: return .done
    case .yellow: return .inProgress
    case .red: return .blocked
    }
  }
}

/// The marks of the detail's report line, listed in the help overlay's legend.
enum ReportMark {
  static func mark(_ standing: ReportDuty.Standing, _ lang: Lang) -> String {
    switch standing {
    case .filed: return "✓"
    case .late: return lang.pick("迟", "L")
    case .overdue: return "✗"
    case .waived: return "-"
    case .dueSoon, .open: return "·"
    }
  }

  static func legend(_ lang: Lang) -> [String] {
    [
      lang.pick("进展报送：✓ 按时报送  迟 逾期后报送  ✗ 逾期未报", "reports: ✓ on time  L filed late  ✗ overdue"),
      lang.pick("　　　　　· 未到期  - 已完成免报", "         · not yet due  - waived (done by then)"),
    ]
  }
}
