import DubanCore

/// `U`: type a unit's name or any alias (Chinese input works), Tab completes; Enter
/// restricts the dashboard to it, Enter on an empty line clears the restriction.
public struct UnitPrompt: Equatable, Sendable {
  public var editor: LineEditor
  /// The units the typed text matches, best first (shown under the line).
  public var matches: [String] = []
  /// The match Tab filled in last: Tab again takes the next one.
  public var cycle: Int?

  public init(editor: LineEditor) { self.editor = editor }

  /// Units (names, then aliases) matching the text: those starting with it first (with or
  /// without 区), then those containing it. Each unit once, by its canonical name.
  public static func matches(_ text: String, in plan: Plan) -> [String] {
    let q = text.trimmed
    guard !q.isEmpty else { return [] }
    let key = UnitName.key(q)
    var prefix: [String] = []
    var inner: [String] = []
    for u in plan.units {
      let spellings = [u.name] + u.aliases
      if spellings.contains(where: { $0.hasPrefix(q) || UnitName.key($0).hasPrefix(key) }) {
        prefix.append(u.name)
      } else if spellings.contains(where: { $0.includes(q) }) {
        inner.append(u.name)
      }
    }
    return prefix + inner
  }

  /// Tab: the one match, else the next of several (the list stays as typed).
  mutating func complete(in plan: Plan) {
    if cycle == nil { matches = Self.matches(editor.text, in: plan) }
    guard !matches.isEmpty else { return }
    let next = cycle.map { ($0 + 1) % matches.count } ?? 0
    editor = LineEditor(matches[next])
    cycle = matches.count == 1 ? nil : next
  }

  /// Any other key edits the text and lists the matches anew.
  mutating func edit(_ key: Key, in plan: Plan) {
    editor.handle(key)
    cycle = nil
    matches = Self.matches(editor.text, in: plan)
  }
}

/// The unit prompt: the line, the matches under it (the one Tab chose reversed), a refusal.
enum UnitPromptOverlay {
  static let shownMatches = 6

  static func draw(_ screen: inout Screen, _ state: AppState, _ prompt: UnitPrompt, _ box: BoxStyle) {
    let lang = state.lang
    let width = min(state.columns - 4, 64)
    let listed = min(prompt.matches.count, shownMatches)
    let errorRows = state.messageIsError && state.message != nil ? 1 : 0
    let height = 4 + listed + errorRows
    let r = Rect(
      row: max(0, (state.rows - height) / 2), column: max(0, (state.columns - width) / 2), height: height, width: width)
    let title = lang.pick("只看单位：名称或别名（Tab 补全，空行清除）", "Restrict to a unit: name or alias (Tab completes, empty clears)")
    Renderer.frame(&screen, r, title: title, active: true, box)
    let shown = prompt.editor.visible(columns: r.innerWidth - 2, width: screen.width)
    screen.put(shown.text, row: r.row + 1, column: r.column + 2, limit: r.innerWidth - 2)
    var row = r.row + 2
    if errorRows > 0, let message = state.message {
      screen.put(TerminalSafe.line(message), row: row, column: r.column + 2, style: .error, limit: r.innerWidth - 2)
      row += 1
    }
    for (i, name) in prompt.matches.prefix(shownMatches).enumerated() {
      let aliases = state.plan.units.first { $0.name == name }?.aliases ?? []
      let also = aliases.joined(separator: lang.pick("、", ", "))
      let line = TerminalSafe.line(name + (aliases.isEmpty ? "" : lang.pick("（\(also)）", " (\(also))")))
      screen.put(line, row: row, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
      Renderer.selectRow(&screen, row: row, r, selected: i == prompt.cycle, focused: true)
      row += 1
    }
    let more = prompt.matches.count - listed
    let footer =
      more > 0
      ? lang.pick("还有 \(more) 个……", "\(more) more…")
      : prompt.matches.isEmpty && !prompt.editor.text.isEmpty ? lang.pick("没有匹配的单位", "no unit matches") : ""
    screen.put(footer, row: row, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
    screen.cursor = (r.row + 1, r.column + 2 + shown.cursorColumn)
  }
}
