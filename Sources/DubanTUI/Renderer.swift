import DubanCore

/// Draws the whole frame from state into a Screen. Pure: the same state gives the same cells
/// (the cache only spares it work: what it holds is what the state gives).
public enum Renderer {
  public static func render(_ state: AppState, _ cache: ViewCache) -> Screen {
    var screen = Screen(rows: state.rows, columns: state.columns, width: state.width)
    let layout = Layout(rows: state.rows, columns: state.columns)
    if layout.tooSmall {
      drawTooSmall(&screen, state)
      return screen
    }
    let box = BoxStyle(ascii: state.asciiBorders)
    drawTitle(&screen, state, layout.title)
    switch state.view {
    case .dashboard:
      let frame = FrameData(state, cache)
      TreePane.draw(&screen, state, frame, layout.tree, box)
      TaskPane.draw(&screen, state, frame, layout.tasks, box)
      UnitPane.draw(&screen, state, frame, layout.units, box)
      DetailPane.draw(&screen, state, frame, layout.detail, box)
    case .workload:
      WorkloadView.draw(&screen, state, cache.workloadRows(state), layout.workload, box)
    case .chase:
      ChaseView.draw(&screen, state, cache, layout.workload, box)
    case .timeline:
      TimelineView.draw(&screen, state, cache, layout.workload, box)
    }
    StatusLine.draw(&screen, state, layout.status)
    let lang = state.lang
    switch state.overlay {
    case .help: HelpOverlay.draw(&screen, state, box)
    case .note(let id, let editor):
      PromptOverlay.draw(
        &screen, state, title: lang.pick("备注 \(id)（Enter 保存，Esc 取消）", "Note on \(id) (Enter saves, Esc cancels)"),
        editor: editor, box)
    case .form(let form):
      FormOverlay.draw(&screen, state, form, box)
    case .closeOut(let id, let reopen, let editor):
      PromptOverlay.draw(
        &screen, state,
        title: reopen
          ? lang.pick("重新打开 \(id)：原因（Enter 确认，Esc 取消）", "Reopen \(id): reason (Enter confirms, Esc cancels)")
          : lang.pick("销号 \(id)：备注（Enter 确认，Esc 取消）", "Close out \(id): remark (Enter confirms, Esc cancels)"),
        editor: editor, box)
    case .actual(let id, let editor):
      PromptOverlay.draw(
        &screen, state,
        title: lang.pick("实际完成值 \(id)（名称=数值，Enter 保存）", "Actual value on \(id) (name=value, Enter saves)"),
        editor: editor, box)
    case .confirm(let question):
      ConfirmOverlay.draw(&screen, state, question, box)
    case .chooser(let chooser):
      ChooserOverlay.draw(&screen, state, chooser, box)
    case .unitPrompt(let prompt):
      UnitPromptOverlay.draw(&screen, state, prompt, box)
    case .deadline(let id, let editor):
      PromptOverlay.draw(
        &screen, state,
        title: lang.pick(
          "期限 \(id)（如 6/30 或 2019-06-30，清空则取年底；Enter 保存）",
          "Deadline of \(id) (6/30 or 2019-06-30; empty: year end; Enter saves)"),
        editor: editor, box)
    case .exportFormat(let request):
      let what: String
      switch request {
      case .sheet(let unit): what = lang.pick("\(unit)办理方案", "\(unit)'s work plan")
      case .bulletin: what = lang.pick("本期通报", "the bulletin")
      case .chaseNotices(let unit):
        what = lang.pick("\(unit ?? "各单位")催办通知", "chase notices for \(unit ?? "every unit")")
      }
      PromptOverlay.draw(
        &screen, state, title: lang.pick("导出\(what)：选择格式", "Export \(what): choose a format"),
        editor: LineEditor(ExportChoices.line(request)), box)
    case .collect(let dialog):
      CollectOverlay.draw(&screen, state, dialog, box)
    case nil: break
    }
    return screen
  }

  /// The plan's title on the left, the year's deadlines on the right. When both do not fit,
  /// the strip gives up its passed dates first, then the farthest ahead (today and the next
  /// deadline stay longest), and the title takes whatever room is left.
  static func drawTitle(_ screen: inout Screen, _ state: AppState, _ r: Rect) {
    let lang = state.lang
    let w = screen.width
    screen.fill(row: r.row, column: 0, count: r.width, style: .title)
    let title = lang.pick("督办", "duban") + " · " + state.plan.title
    // The title keeps at least this much before the strip shrinks.
    let minimumTitle = min(w.width(of: title), 16)
    var strip = calendarStrip(state)
    func width(_ s: [(String, Style)]) -> Int { s.reduce(0) { $0 + w.width(of: $1.0) } }
    while !strip.isEmpty, width(strip) + minimumTitle + 3 > r.width {
      // Passed dates go first, then the farthest ahead.
      let today = strip.firstIndex { $0.0.hasPrefix("▸") } ?? 0
      if today > 0 { strip.removeFirst() } else { strip.removeLast() }
    }
    let stripWidth = width(strip)
    let titleWidth = max(0, r.width - stripWidth - (strip.isEmpty ? 2 : 3))
    screen.put(w.truncate(title, columns: titleWidth), row: r.row, column: 1, style: .title, limit: titleWidth)
    var column = r.width - stripWidth - 1
    for (text, style) in strip { column += screen.put(text, row: r.row, column: column, style: style) }
  }

  static func calendarStrip(_ state: AppState) -> [(String, Style)] {
    let lang = state.lang
    var marks: [(day: Day, label: String)] = []
    if let due = state.plan.calendar.workPlanDue.flatMap(Day.init) {
      marks.append((due, lang.pick("方案", "plan")))
    }
    for (p, due) in state.calendar.periods { marks.append((due, p.id)) }
    guard !marks.isEmpty else { return [(lang.pick("今天 \(state.today)", "today \(state.today)"), .title)] }
    var out: [(String, Style)] = []
    var todayShown = false
    let next = marks.first { $0.day >= state.today }?.day
    for m in marks {
      if !todayShown && state.today < m.day {
        out.append(
          (
            lang.pick("▸今天\(state.today.month)/\(state.today.day) ", "▸today \(state.today.month)/\(state.today.day) "),
            .title
          ))
        todayShown = true
      }
      let style: Style = m.day < state.today ? .dim : m.day == next ? .warning : .title
      out.append(("\(m.label) \(m.day.month)/\(m.day.day) ", style))
    }
    if !todayShown {
      out.append((lang.pick("▸今天\(state.today) ", "▸today \(state.today) "), .title))
    }
    return out
  }

  static func drawTooSmall(_ screen: inout Screen, _ state: AppState) {
    let lines = [
      state.lang.pick("终端太小", "Terminal too small"),
      state.lang.pick(
        "至少需要 \(Layout.minimumColumns)×\(Layout.minimumRows)",
        "needs at least \(Layout.minimumColumns)×\(Layout.minimumRows)"),
      state.lang.pick("当前 \(state.columns)×\(state.rows)", "now \(state.columns)×\(state.rows)"),
      state.lang.pick("q 退出", "q quits"),
    ]
    let top = max(0, (state.rows - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let w = screen.width.width(of: line)
      screen.put(line, row: top + i, column: max(0, (state.columns - w) / 2), style: i == 0 ? .warning : .normal)
    }
  }

  /// A framed box with a title in its top border.
  static func frame(_ screen: inout Screen, _ r: Rect, title: String, active: Bool, _ box: BoxStyle) {
    guard r.width >= 2, r.height >= 2 else { return }
    let style: Style = active ? .activeBorder : .border
    let right = r.column + r.width - 1
    let bottom = r.row + r.height - 1
    screen.fill(row: r.row, column: r.column + 1, count: r.width - 2, character: box.horizontal, style: style)
    screen.fill(row: bottom, column: r.column + 1, count: r.width - 2, character: box.horizontal, style: style)
    for row in (r.row + 1)..<bottom {
      screen.fill(row: row, column: r.column, count: 1, character: box.vertical, style: style)
      screen.fill(row: row, column: right, count: 1, character: box.vertical, style: style)
      screen.fill(row: row, column: r.column + 1, count: r.width - 2)
    }
    screen.fill(row: r.row, column: r.column, count: 1, character: box.topLeft, style: style)
    screen.fill(row: r.row, column: right, count: 1, character: box.topRight, style: style)
    screen.fill(row: bottom, column: r.column, count: 1, character: box.bottomLeft, style: style)
    screen.fill(row: bottom, column: right, count: 1, character: box.bottomRight, style: style)
    if !title.isEmpty, r.width > 6 {
      // A title too long for its border ends in "…", so a cut filter name reads as cut.
      let shown = screen.width.truncate(title, columns: r.width - 6)
      screen.put(
        " \(shown) ", row: r.row, column: r.column + 2, style: active ? .activeBorder : .header, limit: r.width - 4)
    }
  }

  /// One row of a list: text padded to the width, restyled when selected.
  static func selectRow(_ screen: inout Screen, row: Int, _ r: Rect, selected: Bool, focused: Bool) {
    guard selected else { return }
    screen.restyle(row: row, column: r.column + 1, count: r.innerWidth, style: focused ? .selected : .selectedInactive)
  }
}

/// Box-drawing characters, or plain ASCII for terminals that draw them double-width.
struct BoxStyle {
  var horizontal: Character
  var vertical: Character
  var topLeft: Character
  var topRight: Character
  var bottomLeft: Character
  var bottomRight: Character

  init(ascii: Bool) {
    if ascii {
      (horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight) = ("-", "|", "+", "+", "+", "+")
    } else {
      (horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight) = ("─", "│", "┌", "┐", "└", "┘")
    }
  }
}

extension Status {
  /// One glyph per status for the task list: a Chinese character, or an ASCII mark in English.
  func glyph(_ lang: Lang) -> String {
    switch self {
    case .notStarted: return lang.pick("未", "- ")
    case .inProgress: return lang.pick("推", "> ")
    case .done: return lang.pick("完", "v ")
    case .blocked: return lang.pick("滞", "! ")
    }
  }

  var style: Style {
    switch self {
    case .notStarted: return .notStarted
    case .inProgress: return .inProgress
    case .done: return .done
    case .blocked: return .blocked
    }
  }
}
