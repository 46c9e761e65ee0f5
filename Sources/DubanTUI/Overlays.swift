import DubanCore

/// `?`: every key binding, from the key table, in the interface language. Two columns when
/// they fit; scrolls with ↑ ↓ when the terminal is too short for all of them.
enum HelpOverlay {
  static func lines(_ state: AppState, width w: DisplayWidth) -> [String] {
    let labelWidth = KeyTable.bindings.map { w.width(of: $0.label) }.max() ?? 8
    return KeyTable.bindings.map { w.pad($0.label, columns: labelWidth) + "  " + $0.help(state.lang) }
      + ReportMark.legend(state.lang) + RowMarks.legend(state.lang)
  }

  static func draw(_ screen: inout Screen, _ state: AppState, _ box: BoxStyle) {
    let lang = state.lang
    let w = screen.width
    let lines = lines(state, width: w)
    let lineWidth = lines.map { w.width(of: $0) }.max() ?? 20
    let maxRows = max(1, state.rows - 5)
    let twoColumns = lines.count > maxRows && state.columns >= 2 * lineWidth + 7
    let perColumn = twoColumns ? (lines.count + 1) / 2 : lines.count
    let width = min(state.columns - 2, (twoColumns ? 2 * lineWidth + 3 : lineWidth) + 4)
    let height = min(state.rows - 2, perColumn + 3)
    let r = Rect(
      row: max(0, (state.rows - height) / 2), column: max(0, (state.columns - width) / 2), height: height, width: width)
    Renderer.frame(&screen, r, title: lang.pick("帮助（Esc 关闭，↑↓ 滚动）", "Help (Esc closes, ↑↓ scroll)"), active: true, box)
    let shown = max(1, r.innerHeight - 1)
    let scroll = min(state.helpScroll, max(0, perColumn - shown))
    for row in 0..<shown {
      let left = scroll + row
      if left < perColumn, left < lines.count {
        screen.put(
          lines[left], row: r.row + 1 + row, column: r.column + 2, limit: twoColumns ? lineWidth : r.innerWidth - 2)
      }
      if twoColumns, left + perColumn < lines.count {
        screen.put(
          lines[left + perColumn], row: r.row + 1 + row, column: r.column + 2 + lineWidth + 3, limit: lineWidth)
      }
    }
    // Scrolled to the end, nothing is below: the legend shows, not "↓ 0 more".
    let below = perColumn - shown - scroll
    let footer =
      below > 0
      ? lang.pick("↓ 还有 \(below) 行", "↓ \(below) more")
      : lang.pick(
        "状态：未=未开始 推=推进中 完=已完成 滞=滞后 销=已销号；灯：绿 黄 红", "status: - new  > in progress  v done  ! blocked  C closed")
    screen.put(footer, row: r.row + r.height - 2, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
  }
}

/// `e` and `a`: a one-line editor over the dashboard.
enum PromptOverlay {
  static func draw(_ screen: inout Screen, _ state: AppState, title: String, editor: LineEditor, _ box: BoxStyle) {
    let width = min(state.columns - 4, 72)
    let r = Rect(row: max(0, state.rows / 2 - 2), column: max(0, (state.columns - width) / 2), height: 4, width: width)
    Renderer.frame(&screen, r, title: title, active: true, box)
    let shown = editor.visible(columns: r.innerWidth - 2, width: screen.width)
    screen.put(
      shown.text, row: r.row + 1, column: r.column + 2, style: editor.selected ? .selected : .normal,
      limit: r.innerWidth - 2)
    screen.cursor = (r.row + 1, r.column + 2 + shown.cursorColumn)
    // A refusal shows inside the prompt, above the text it concerns.
    if state.messageIsError, let message = state.message {
      screen.put(
        TerminalSafe.line(message), row: r.row + 2, column: r.column + 2, style: .error, limit: r.innerWidth - 2)
    }
  }
}

/// A question before something that cannot be typed back, showing what would go.
enum ConfirmOverlay {
  static func draw(_ screen: inout Screen, _ state: AppState, _ question: Confirmation, _ box: BoxStyle) {
    let lang = state.lang
    let w = screen.width
    let width = min(state.columns - 4, 80)
    var lines: [String] = []
    let title: String
    switch question {
    case .withdrawReport(let id, let report):
      title = lang.pick(
        "撤回 \(id) 的\(report.period)报告？（y 撤回，其他键取消；可按 u 撤销）",
        "Withdraw the \(report.period) report on \(id)? (y withdraws, any other key keeps it; u undoes)")
      lines.append(lang.pick("单位：", "unit: ") + (report.unit ?? "—") + lang.pick("　报送：", "  filed: ") + report.filed)
      if !report.progressText.isEmpty { lines.append(lang.pick("进展情况：", "progress: ") + report.progressText) }
      if !report.problems.isEmpty { lines.append(lang.pick("存在问题：", "problems: ") + report.problems) }
      if !report.nextSteps.isEmpty { lines.append(lang.pick("下一步措施：", "next steps: ") + report.nextSteps) }
      if let p = report.progress { lines.append(lang.pick("进度：", "progress figure: ") + "\(p)%") }
    }
    let wrapped = lines.flatMap { w.wrap(TerminalSafe.line($0), columns: max(4, width - 4)) }
    let height = min(state.rows - 2, wrapped.count + 2)
    let r = Rect(
      row: max(0, (state.rows - height) / 2), column: max(0, (state.columns - width) / 2), height: height, width: width)
    Renderer.frame(&screen, r, title: title, active: true, box)
    for (i, line) in wrapped.prefix(r.innerHeight).enumerated() {
      screen.put(line, row: r.row + 1 + i, column: r.column + 2, limit: r.innerWidth - 2)
    }
  }
}

/// A work plan or period report form: each field's label, then its value wrapped by
/// display width; the focused field is marked and kept in view, with the cursor in it.
enum FormOverlay {
  static func draw(_ screen: inout Screen, _ state: AppState, _ form: Form, _ box: BoxStyle) {
    let w = screen.width
    let lang = state.lang
    let width = min(state.columns - 2, 110)
    let r = Rect(row: 1, column: max(0, (state.columns - width) / 2), height: max(4, state.rows - 2), width: width)
    Renderer.frame(&screen, r, title: form.title, active: true, box)
    let textWidth = max(4, r.innerWidth - 5)
    var lines: [(text: String, style: Style, indent: Int)] = []
    var focusFirstLine = 0
    var cursor: (line: Int, column: Int)?
    for (i, field) in form.fields.enumerated() {
      let focused = i == form.focus
      if focused { focusFirstLine = lines.count }
      lines.append(
        ((focused ? "▸ " : "  ") + field.label, focused ? .activeBorder : field.readOnly ? .header : .dim, 0))
      // What can be typed breaks anywhere, as the cursor's place is computed below.
      var wrapped = w.wrap(TerminalSafe.line(field.editor.text), columns: textWidth, words: field.readOnly)
      if field.readOnly && wrapped.count > 2 {
        wrapped = [wrapped[0], w.truncate(wrapped[1...].joined(), columns: textWidth)]
      }
      let first = lines.count
      let valueStyle: Style = field.readOnly ? .dim : (focused && field.editor.selected ? .selected : .normal)
      for l in wrapped { lines.append((l, valueStyle, 4)) }
      if focused {
        let before = TerminalSafe.line(String(field.editor.characters[0..<field.editor.cursor]))
        let prefix = w.wrap(before, columns: textWidth, words: false)
        var line = prefix.count - 1
        var column = w.width(of: prefix.last ?? "")
        if column >= textWidth {
          line += 1
          column = 0
          if first + line >= lines.count { lines.append(("", .normal, 4)) }
        }
        cursor = (first + line, column)
        if form.askingToDiscard {
          lines.append(
            (
              lang.pick(
                "放弃所有修改？再按 Esc 或 y 放弃，其他键继续填写", "Discard your changes? Esc or y discards, any other key goes on"),
              .warning, 4
            ))
        } else if let error = form.error {
          lines.append(("⚠ " + error, .error, 4))
        }
      }
    }
    let height = r.innerHeight
    var scroll = 0
    if let cursor, cursor.line >= height { scroll = cursor.line - height + 1 }
    if focusFirstLine < scroll { scroll = focusFirstLine }
    for row in 0..<height {
      let index = scroll + row
      guard index < lines.count else { break }
      let l = lines[index]
      screen.put(
        l.text, row: r.row + 1 + row, column: r.column + 1 + l.indent, style: l.style, limit: r.innerWidth - l.indent)
    }
    if let cursor, cursor.line - scroll < height {
      screen.cursor = (r.row + 1 + cursor.line - scroll, r.column + 5 + cursor.column)
    }
  }
}
