import DubanCore

/// `?`: every key binding, from the key table, in the interface language.
enum HelpOverlay {
  static func draw(_ screen: inout Screen, _ state: AppState, _ box: BoxStyle) {
    let lang = state.lang
    let w = screen.width
    let labelWidth = KeyTable.bindings.map { w.width(of: $0.label) }.max() ?? 8
    let lines = KeyTable.bindings.map { w.pad($0.label, columns: labelWidth) + "  " + $0.help(lang) }
    let contentWidth = lines.map { w.width(of: $0) }.max() ?? 20
    let width = min(state.columns - 2, contentWidth + 4)
    let height = min(state.rows - 2, lines.count + 3)
    let r = Rect(
      row: max(0, (state.rows - height) / 2), column: max(0, (state.columns - width) / 2), height: height, width: width)
    Renderer.frame(&screen, r, title: lang.pick("帮助（Esc 关闭）", "Help (Esc closes)"), active: true, box)
    let shown = r.innerHeight - 1
    for (i, line) in lines.prefix(shown).enumerated() {
      screen.put(line, row: r.row + 1 + i, column: r.column + 2, limit: r.innerWidth - 2)
    }
    if lines.count > shown {
      screen.put(
        lang.pick("…（窗口太小，放大可见全部）", "… (enlarge the window to see all)"), row: r.row + r.height - 2,
        column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
    } else {
      screen.put(
        lang.pick("状态：未=未开始 推=推进中 完=已完成 滞=滞后", "status: - not started  > in progress  v done  ! blocked"),
        row: r.row + r.height - 2, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
    }
  }
}

/// `e` and `a`: a one-line editor over the dashboard.
enum PromptOverlay {
  static func draw(_ screen: inout Screen, _ state: AppState, title: String, editor: LineEditor, _ box: BoxStyle) {
    let width = min(state.columns - 4, 72)
    let r = Rect(row: max(0, state.rows / 2 - 2), column: max(0, (state.columns - width) / 2), height: 4, width: width)
    Renderer.frame(&screen, r, title: title, active: true, box)
    let shown = editor.visible(columns: r.innerWidth - 2, width: screen.width)
    screen.put(shown.text, row: r.row + 1, column: r.column + 2, limit: r.innerWidth - 2)
    screen.cursor = (r.row + 1, r.column + 2 + shown.cursorColumn)
  }
}
