import DubanCore

/// `I` on screen: the path prompt (with Tab's candidates under it), the reading notice,
/// the preview of what would change (problems first, each naming file, sheet, row and
/// column), and what each key does now.
enum CollectOverlay {
  static let shownCompletions = 6

  static func keyHints(_ dialog: CollectDialog, _ lang: Lang) -> String {
    switch dialog.stage {
    case .typing: return lang.pick("Tab 补全 · Enter 预览 · Esc 取消", "Tab completes · Enter previews · Esc cancels")
    case .reading: return lang.pick("Esc 取消", "Esc cancels")
    case .unreadable: return lang.pick("Enter 改路径 · Esc 关闭", "Enter edits the path · Esc closes")
    case .preview(let p):
      if !p.problems.isEmpty {
        return p.changes > 0
          ? lang.pick("Esc 关闭 · p 只收正确的行 · ↑↓ 滚动", "Esc closes · p good rows only · ↑↓ scroll")
          : lang.pick("Esc 关闭 · ↑↓ 滚动", "Esc closes · ↑↓ scroll")
      }
      return p.changes > 0
        ? lang.pick("y 收集 · Esc 取消 · ↑↓ 滚动", "y collects · Esc cancels · ↑↓ scroll")
        : lang.pick("Esc 关闭", "Esc closes")
    }
  }

  static func draw(_ screen: inout Screen, _ state: AppState, _ dialog: CollectDialog, _ box: BoxStyle) {
    switch dialog.stage {
    case .typing: drawPrompt(&screen, state, dialog, box)
    case .reading(let path):
      drawBox(
        &screen, state, title: title(state.lang),
        lines: [(state.lang.pick("正在读取 \(path) …", "reading \(path) …"), .dim)], footer: "", box)
    case .unreadable(let path, let message):
      drawBox(
        &screen, state, title: state.lang.pick("无法读取 \(path)", "Cannot read \(path)"), lines: [(message, .error)],
        footer: state.lang.pick(
          "什么也没有改动 · Enter 改路径 · Esc 关闭", "nothing changed · Enter edits the path · Esc closes"), box)
    case .preview(let preview): drawPreview(&screen, state, dialog, preview, box)
    }
  }

  static func title(_ lang: Lang) -> String {
    lang.pick("收集报送表：文件或文件夹（Tab 补全，Enter 预览）", "Collect forms: a file or folder (Tab completes, Enter previews)")
  }

  static func drawPrompt(_ screen: inout Screen, _ state: AppState, _ dialog: CollectDialog, _ box: BoxStyle) {
    let lang = state.lang
    let width = min(state.columns - 4, 72)
    let listed = min(dialog.completions.count, shownCompletions)
    let errorRows = state.messageIsError && state.message != nil ? 1 : 0
    let height = 4 + listed + errorRows
    let r = Rect(
      row: max(0, (state.rows - height) / 2), column: max(0, (state.columns - width) / 2), height: height, width: width)
    Renderer.frame(&screen, r, title: title(lang), active: true, box)
    let shown = dialog.editor.visible(columns: r.innerWidth - 2, width: screen.width)
    // The path typed last comes back selected (shown as other prompts show it): typing replaces it.
    screen.put(
      TerminalSafe.line(shown.text), row: r.row + 1, column: r.column + 2,
      style: dialog.editor.selected ? .selected : .normal, limit: r.innerWidth - 2)
    var row = r.row + 2
    if errorRows > 0, let message = state.message {
      screen.put(TerminalSafe.line(message), row: row, column: r.column + 2, style: .error, limit: r.innerWidth - 2)
      row += 1
    }
    for candidate in dialog.completions.prefix(shownCompletions) {
      // The name, not the folder typed before it: that is on the line above.
      let name = PathCompletion.split(String(candidate.dropLast(candidate.hasSuffix("/") ? 1 : 0))).name
      let shownName = TerminalSafe.line(name + (candidate.hasSuffix("/") ? "/" : ""))
      screen.put(shownName, row: row, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
      row += 1
    }
    let more = dialog.completions.count - listed
    let footer =
      more > 0
      ? lang.pick("还有 \(more) 个……", "\(more) more…")
      : lang.pick("文件夹：收其中全部 .xlsx 和 .csv", "a folder: every .xlsx and .csv in it")
    screen.put(footer, row: row, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
    screen.cursor = (r.row + 1, r.column + 2 + shown.cursorColumn)
  }

  static func drawPreview(
    _ screen: inout Screen, _ state: AppState, _ dialog: CollectDialog, _ preview: CollectPreview, _ box: BoxStyle
  ) {
    let lang = state.lang
    let lines = previewLines(lang, preview)
    let title =
      preview.problems.isEmpty
      ? lang.pick("收集预览：\(preview.path)", "Collect preview: \(preview.path)")
      : lang.pick("不能收集：\(preview.path)", "Cannot collect: \(preview.path)")
    let footer: String
    if !preview.problems.isEmpty {
      footer =
        preview.changes > 0
        ? lang.pick(
          "Esc 关闭，什么也不改 · p 只收正确的行（\(preview.changes) 项）",
          "Esc closes, nothing changes · p collects the good rows (\(preview.changes))")
        : lang.pick("Esc 关闭，什么也不改", "Esc closes, nothing changes")
    } else if preview.changes == 0 {
      footer =
        preview.nothingFilled
        ? lang.pick("没有变化：表格未填写 · Esc 关闭", "nothing changes: nothing filled in · Esc closes")
        : lang.pick("没有变化：已经收过 · Esc 关闭", "nothing changes: collected already · Esc closes")
    } else {
      footer = lang.pick(
        "y 收集 \(preview.changes) 项（u 可撤销） · Esc/n 取消",
        "y collects \(preview.changes) changes (u undoes) · Esc/n cancels")
    }
    drawBox(&screen, state, title: title, lines: lines, footer: footer, scroll: dialog.scroll, box)
  }

  /// The preview's lines: the problems first (nothing is written while there is one), then
  /// what the files change.
  static func previewLines(_ lang: Lang, _ preview: CollectPreview) -> [(String, Style)] {
    var lines: [(String, Style)] = []
    if !preview.problems.isEmpty {
      lines.append(
        (
          lang.pick(
            "\(preview.problems.count) 处问题：不能收集，什么也不会写入",
            "\(CollectSummary.problems(preview.problems.count, .en)): nothing will be written"),
          .error
        ))
      lines += preview.problems.map { ("  " + $0, .error) }
      lines.append(("", .normal))
      if preview.changes > 0 {
        lines.append((lang.pick("正确的行会改动：", "the good rows would change:"), .header))
      }
    }
    lines += preview.lines.map { ($0, $0.hasPrefix(" ") ? .normal : .header) }
    return lines
  }

  /// The rows the preview's lines take, wrapped as drawn, and the rows it has for them: how
  /// far it scrolls.
  static func scrollLimit(_ state: AppState, _ preview: CollectPreview) -> Int {
    let r = box(state)
    let wrapped = wrap(previewLines(state.lang, preview), state.width, columns: max(4, r.innerWidth - 2))
    return max(0, wrapped.count - max(1, r.innerHeight - 1))
  }

  static func box(_ state: AppState) -> Rect {
    let width = min(state.columns - 2, 110)
    return Rect(row: 1, column: max(0, (state.columns - width) / 2), height: max(4, state.rows - 2), width: width)
  }

  /// Wrapped by display width; a line's continuation keeps its indent, so each problem and
  /// each item reads as one block.
  static func wrap(_ lines: [(String, Style)], _ w: DisplayWidth, columns: Int) -> [(String, Style)] {
    lines.flatMap { line, style -> [(String, Style)] in
      guard !line.isEmpty else { return [("", style)] }
      let indent = String(line.prefix { $0 == " " })
      let body = TerminalSafe.line(String(line.dropFirst(indent.count)))
      return w.wrap(body, columns: max(4, columns - indent.count)).map { (indent + $0, style) }
    }
  }

  /// A box over most of the screen: lines wrapped by display width and scrolled, the keys
  /// on its last row.
  static func drawBox(
    _ screen: inout Screen, _ state: AppState, title: String, lines: [(String, Style)], footer: String, scroll: Int = 0,
    _ box: BoxStyle
  ) {
    let r = Self.box(state)
    Renderer.frame(&screen, r, title: TerminalSafe.line(title), active: true, box)
    let textWidth = max(4, r.innerWidth - 2)
    let wrapped = wrap(lines, screen.width, columns: textWidth)
    let height = max(1, r.innerHeight - 1)
    let top = min(scroll, max(0, wrapped.count - height))
    for (i, line) in wrapped.dropFirst(top).prefix(height).enumerated() {
      screen.put(line.0, row: r.row + 1 + i, column: r.column + 2, style: line.1, limit: textWidth)
    }
    let below = wrapped.count - top - height
    let more = below > 0 ? state.lang.pick("↓ 还有 \(below) 行 · ", "↓ \(below) more · ") : ""
    screen.put(more + footer, row: r.row + r.height - 2, column: r.column + 2, style: .warning, limit: textWidth)
  }
}
