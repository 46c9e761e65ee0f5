import DubanCore

/// Draws the review after import: the warnings (line, kind, message, decision) on top, the
/// selected warning's item with its units as read below, key hints at the bottom; the item
/// form, a merge or split prompt, the quit question or the help over it.
public enum ImportReviewView {
  public static func render(_ s: ImportReviewState) -> Screen {
    let app = s.app
    var screen = Screen(rows: app.rows, columns: app.columns, width: app.width)
    let lang = s.lang
    let w = screen.width
    let cols = app.columns
    guard app.rows >= 10, cols >= 40 else {
      screen.put(lang.pick("终端太小", "terminal too small"), row: 0, column: 0, style: .warning)
      return screen
    }
    let box = BoxStyle(ascii: app.asciiBorders)
    let warnings = s.plan.warnings
    let file = TerminalSafe.line(PathText.lastComponent(of: s.document))
    // The counts first: a long file name is what a narrow screen cuts.
    let title = lang.pick(
      "导入审核：\(s.undecided) 条待定，共 \(warnings.count) 条修正与提示 · \(file)",
      "Review import: \(s.undecided) undecided of \(warnings.count) repairs and warnings · \(file)")
    screen.fill(row: 0, column: 0, count: cols, style: .title)
    screen.put(w.truncate(" " + title, columns: cols), row: 0, column: 0, style: .title)

    // The list of warnings, the selected one kept in view.
    let height = ImportReviewer.listHeight(s)
    let list = Rect(row: 1, column: 0, height: height + 2, width: cols)
    Renderer.frame(&screen, list, title: lang.pick("修正与提示", "Repairs and warnings"), active: true, box)
    let top = min(max(0, s.selected - height + 1), max(0, warnings.count - height))
    let first = s.selected < top ? s.selected : top
    for (row, i) in (first..<min(warnings.count, first + height)).enumerated() {
      let warning = warnings[i]
      let mark = warning.decision == nil ? "·" : "✓"
      let itemID = s.warningItems[i].map { s.plan.items[$0].id + " " } ?? ""
      let line =
        "\(mark) "
        + (warning.line > 0 ? lang.pick("第\(warning.line)行", "line \(warning.line)") : lang.pick("全文", "file"))
        + " \(itemID)[\(warning.kind.label(lang))] "
        + TerminalSafe.line(warning.message(lang))
      let y = list.row + 1 + row
      let style: Style = warning.decision == nil ? .normal : .dim
      screen.put(w.truncate(line, columns: list.innerWidth), row: y, column: 1, style: style, limit: list.innerWidth)
      Renderer.selectRow(&screen, row: y, list, selected: i == s.selected, focused: true)
    }

    // The selected warning: where, what, the item and its units as read, the decision.
    let detail = Rect(row: list.row + list.height, column: 0, height: app.rows - list.height - 3, width: cols)
    Renderer.frame(&screen, detail, title: lang.pick("所选提示", "Selected warning"), active: false, box)
    var lines: [(String, Style)] = []
    let inner = detail.innerWidth - 2
    if warnings.indices.contains(s.selected) {
      let warning = warnings[s.selected]
      lines.append(((warning.line > 0 ? "\(file):\(warning.line)" : file) + "  [\(warning.kind.label(lang))]", .header))
      for l in wrap(TerminalSafe.line(warning.message(lang)), inner, w, lang) { lines.append((l, .warning)) }
      if let item = s.selectedItem {
        let text = lang.pick("事项 \(item.id)：", "item \(item.id): ") + item.text
        // The text gets what the units and the decision leave of the area (at least 3 lines).
        let textLines = max(3, detail.innerHeight - lines.count - 3 - (warning.decision == nil ? 0 : 1))
        let wrapped = w.wrap(TerminalSafe.line(text), columns: inner)
        for (k, l) in wrapped.prefix(textLines).enumerated() {
          let cut = k == textLines - 1 && wrapped.count > textLines
          lines.append((cut ? w.truncate(l + "…", columns: inner) : l, .normal))
        }
        for l in w.wrap(TerminalSafe.line(lang.pick("牵头单位：", "lead: ") + names(item.lead)), columns: inner) {
          lines.append((l, .normal))
        }
        for l in w.wrap(TerminalSafe.line(lang.pick("责任单位：", "units: ") + names(item.responsible)), columns: inner) {
          lines.append((l, .normal))
        }
      } else {
        let dated = s.dateFields[s.selected] != nil
        let note =
          dated && warning.kind == .noCalendar
          ? lang.pick("（不涉及某个事项：没有办理方案报送日期，按 i 填写）", "(concerns no item: no work-plan due date, i fills it in)")
          : dated
            ? lang.pick("（不涉及某个事项：这是报送日期，按 i 修改）", "(concerns no item: a plan date, i edits it)")
            : warning.kind == .noCalendar
              ? lang.pick("（不涉及某个事项：写入后在数据文件的日历中添加）", "(concerns no item: add it to the store's calendar)")
              : warning.kind == .repairedDate
                ? lang.pick("（不涉及某个事项：这是印发日期，只作记录）", "(concerns no item: the issue date, kept for the record)")
                : lang.pick("（不涉及某个事项）", "(concerns no item)")
        lines.append((note, .dim))
      }
      if let decision = warning.decision {
        let by = warning.by.map { lang.pick("（\($0)）", " (\($0))") } ?? ""
        lines.append(
          (lang.pick("决定：", "decision: ") + TerminalSafe.line(ImportDecision.label(decision, lang) + by), .ok))
      }
    }
    for (row, line) in lines.prefix(detail.innerHeight).enumerated() {
      screen.put(
        w.truncate(line.0, columns: inner), row: detail.row + 1 + row, column: detail.column + 2, style: line.1)
    }

    // The message line and the key hints. A message too long for its line takes the key hints' line too, until the next key (as
    // in the dashboard): a refusal says what to do, and that part must not be cut.
    let hints = ReviewKeys.hints(lang, columns: cols - 2, width: w)
    var bottom = [(w.truncate(hints, columns: cols - 2), Style.dim)]
    if let message = s.message {
      let style: Style = s.messageIsError ? .error : .ok
      let wrapped = wrap(TerminalSafe.line(message), cols - 2, w, lang)
      bottom =
        wrapped.count == 1
        ? [(wrapped[0], style)] + bottom
        : [
          (wrapped[0], style),
          (w.truncate(wrapped.dropFirst().joined(separator: lang == .en ? " " : ""), columns: cols - 2), style),
        ]
    } else {
      bottom.insert(("", .normal), at: 0)
    }
    for (k, line) in bottom.enumerated() { screen.put(line.0, row: app.rows - 2 + k, column: 1, style: line.1) }

    if let chooser = s.chooser {
      ChooserOverlay.draw(&screen, app, chooser, box)
    } else if let prompt = s.prompt {
      drawPrompt(&screen, s, prompt, box)
    } else if s.quitting {
      drawQuestion(&screen, s, box)
    } else if s.showHelp {
      drawHelp(&screen, s, box)
    } else if case .form(let form) = app.overlay {
      FormOverlay.draw(&screen, app, form, box)
    }
    return screen
  }

  /// Lines of at most `columns`, broken between words in English (Chinese breaks anywhere),
  /// by `DisplayWidth.wrap`'s rules inside a word too long for a line (and in Chinese).
  static func wrap(_ text: String, _ columns: Int, _ w: DisplayWidth, _ lang: Lang) -> [String] {
    guard lang == .en else { return w.wrap(text, columns: columns) }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      let joined = line.isEmpty ? word : line + " " + word
      if w.width(of: joined) <= columns {
        line = joined
        continue
      }
      // A word no line can hold (Chinese has no spaces) is broken where the line has room.
      let long = w.width(of: word) > columns
      if !line.isEmpty, !long { lines.append(line) }
      let pieces = w.wrap(long ? joined : word, columns: columns)
      lines += pieces.dropLast()
      line = pieces.last ?? ""
    }
    lines.append(line)
    return lines
  }

  static func names(_ list: [String]) -> String { list.isEmpty ? "—" : list.joined(separator: "、") }

  static func drawPrompt(_ screen: inout Screen, _ s: ImportReviewState, _ prompt: ReviewPrompt, _ box: BoxStyle) {
    let lang = s.lang
    let w = screen.width
    let width = min(s.app.columns - 4, 76)
    let inner = width - 4
    let all = prompt.kind == .merge ? prompt.matches(in: s.plan) : []
    // The refusal, wrapped: it says what to do, so none of it may be cut off.
    let error = s.messageIsError ? s.message.map { wrap("⚠ " + TerminalSafe.line($0), inner, w, lang) } ?? [] : []
    let room = max(0, s.app.rows - 6 - error.count)
    var matches = Array(all.prefix(min(6, room)))
    if all.count > matches.count, !matches.isEmpty {
      matches[matches.count - 1] = lang.pick(
        "……共 \(all.count) 个，Enter 列出全部", "… \(all.count) in all, Enter lists them")
    }
    let height = min(s.app.rows, 5 + matches.count + error.count)
    let r = Rect(
      row: max(0, (s.app.rows - height) / 2), column: max(0, (s.app.columns - width) / 2), height: height, width: width)
    let title =
      prompt.kind == .merge
      ? lang.pick("合并单位（Tab 换单位，Enter 合并，Esc 取消）", "Merge units (Tab next unit, Enter merges, Esc cancels)")
      : lang.pick("拆分单位名称（Tab 换单位，Enter 拆分，Esc 取消）", "Split a unit name (Tab next unit, Enter splits, Esc cancels)")
    Renderer.frame(&screen, r, title: title, active: true, box)
    let source = TerminalSafe.line(prompt.source)
    let question =
      prompt.kind == .merge
      ? lang.pick("把“\(source)”并入单位：", "merge “\(source)” into the unit:")
      : lang.pick("“\(source)”拆成（用、或空格隔开）：", "split “\(source)” into (separate with 、 or spaces):")
    screen.put(w.truncate(question, columns: inner), row: r.row + 1, column: r.column + 2, style: .header)
    let shown = prompt.editor.visible(columns: inner, width: screen.width)
    screen.put(shown.text, row: r.row + 2, column: r.column + 2, limit: inner)
    screen.cursor = (r.row + 2, r.column + 2 + shown.cursorColumn)
    for (k, name) in matches.enumerated() {
      screen.put(
        w.truncate("  " + TerminalSafe.line(name), columns: inner), row: r.row + 3 + k, column: r.column + 2,
        style: .dim)
    }
    for (k, line) in error.enumerated() where r.row + 4 + matches.count + k < r.row + r.height - 1 {
      screen.put(line, row: r.row + 4 + matches.count + k, column: r.column + 2, style: .error, limit: inner)
    }
  }

  static func drawQuestion(_ screen: inout Screen, _ s: ImportReviewState, _ box: BoxStyle) {
    let lang = s.lang
    let lines = [
      s.undecided == 0
        ? lang.pick("每条修正都已审核", "every repair is decided")
        : lang.pick(
          "还有 \(s.undecided) 条待定（写入后在 duban 中以“疑”标出）", "\(s.undecided) still undecided (duban marks their items 疑)"),
      lang.pick("w  写入存储（含目前的决定）", "w  write the store with the decisions so far"),
      lang.pick("x  放弃导入（不写入任何文件）", "x  abandon the import (nothing written)"),
      lang.pick("Esc  继续审核", "Esc  go on reviewing"),
    ]
    let width = min(s.app.columns - 4, max(40, lines.map { screen.width.width(of: $0) }.max()! + 6))
    let r = Rect(
      row: max(0, s.app.rows / 2 - 3), column: max(0, (s.app.columns - width) / 2), height: lines.count + 2,
      width: width)
    Renderer.frame(&screen, r, title: lang.pick("结束审核", "Finish the review"), active: true, box)
    for (k, line) in lines.enumerated() {
      screen.put(
        line, row: r.row + 1 + k, column: r.column + 2, style: k == 0 ? .warning : .normal, limit: r.innerWidth - 2)
    }
  }

  static func drawHelp(_ screen: inout Screen, _ s: ImportReviewState, _ box: BoxStyle) {
    let lang = s.lang
    let lines = ReviewKeys.table.map { screen.width.pad($0.label, columns: 9) + lang.pick($0.zh, $0.en) }
    let width = min(s.app.columns - 4, (lines.map { screen.width.width(of: $0) }.max() ?? 20) + 6)
    let r = Rect(
      row: max(0, (s.app.rows - lines.count - 2) / 2), column: max(0, (s.app.columns - width) / 2),
      height: min(s.app.rows, lines.count + 2), width: width)
    Renderer.frame(&screen, r, title: lang.pick("审核按键（任意键关闭）", "Review keys (any key closes)"), active: true, box)
    for (k, line) in lines.prefix(r.innerHeight).enumerated() {
      screen.put(line, row: r.row + 1 + k, column: r.column + 2, limit: r.innerWidth - 2)
    }
  }
}
