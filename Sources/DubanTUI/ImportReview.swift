import DubanCore

/// The review after import: each warning with its line, the item and its units as read, and
/// the clerk's decision. The imported plan lives in `app` (an `AppState` never saved by
/// itself) so `i` opens the dashboard's own item form with its rules; `duban import` writes
/// the store when the review ends with "write".
public struct ImportReviewState: Equatable, Sendable {
  public var app: AppState
  /// The document's name, for the title and `FILE:LINE`.
  public var document: String
  /// For each warning, the item it concerns (nil: the calendar, a count, the file).
  public var warningItems: [Int?]
  public var selected = 0
  public var scroll = 0
  public var prompt: ReviewPrompt?
  public var quitting = false
  public var showHelp = false
  public var message: String?
  public var messageIsError = false
  /// The item the open `i` form edits, as it was: a change records `edited`.
  var editing: Item?

  public init(
    plan: Plan, document: String, lang: Lang, today: Day, user: String, rows: Int, columns: Int,
    width: DisplayWidth = .standard, asciiBorders: Bool = false
  ) {
    app = AppState(
      doc: StoreDocument(plan: plan), storePath: "", lang: lang, today: today, user: user, rows: rows,
      columns: columns, width: width, asciiBorders: asciiBorders)
    self.document = document
    warningItems = plan.warningItems()
    selected = plan.warnings.firstIndex { $0.decision == nil } ?? 0
  }

  public var plan: Plan { app.plan }
  public var lang: Lang { app.lang }
  public var undecided: Int { plan.warnings.filter { $0.decision == nil }.count }

  /// The item the selected warning concerns.
  public var selectedItem: Item? {
    guard warningItems.indices.contains(selected), let i = warningItems[selected] else { return nil }
    return plan.items[i]
  }
}

/// `m` and `s`: which of the item's units (Tab changes it) and what is typed.
public struct ReviewPrompt: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case merge, split }
  public var kind: Kind
  public var choices: [String]
  public var choice = 0
  public var editor: LineEditor

  public var source: String { choices[choice] }

  /// Units whose name or an alias contains what is typed (for `m`), at most `limit`.
  public func matches(in plan: Plan, limit: Int = 6) -> [String] {
    let typed = editor.text.trimmed
    guard !typed.isEmpty else { return [] }
    return plan.units.filter { u in u.name != source && ([u.name] + u.aliases).contains { $0.contains(typed) } }
      .prefix(limit).map(\.name)
  }
}

public enum ReviewOutcome: Equatable, Sendable {
  case stay
  /// Write the store with the decisions so far.
  case write
  /// Leave without writing anything.
  case abandon
}

/// Keys in the review. Only this function changes `ImportReviewState`.
public enum ImportReviewer {
  public static func reduce(_ s: inout ImportReviewState, _ key: Key, now: String, cache: ViewCache) -> ReviewOutcome {
    if case .resize(let rows, let columns) = key {
      s.app.rows = rows
      s.app.columns = columns
      return .stay
    }
    let lang = s.lang
    let stamp = Stamp(user: s.app.user, time: now)
    if s.app.overlay != nil {
      _ = Reducer.reduce(&s.app, .key(key), now: now, cache: cache)
      if s.app.overlay == nil { formClosed(&s, stamp: stamp) }
      return .stay
    }
    if s.showHelp {
      s.showHelp = false
      return .stay
    }
    if s.quitting {
      switch key {
      case .char("w"), .char("y"): return .write
      case .char("x"), .char("n"): return .abandon
      default:
        s.quitting = false
        return .stay
      }
    }
    if var prompt = s.prompt {
      promptKey(&s, &prompt, key, stamp: stamp)
      return .stay
    }
    s.message = nil
    s.messageIsError = false
    guard let command = ReviewKeys.command(for: key) else { return .stay }
    let count = s.plan.warnings.count
    let page = max(1, listHeight(s) - 1)
    switch command {
    case .moveUp: s.selected = max(0, s.selected - 1)
    case .moveDown: s.selected = min(max(0, count - 1), s.selected + 1)
    case .pageUp: s.selected = max(0, s.selected - page)
    case .pageDown: s.selected = min(max(0, count - 1), s.selected + page)
    case .accept:
      guard count > 0 else { return .stay }
      s.app.doc.plan.accept(warningAt: s.selected, stamp: stamp)
      say(
        &s,
        lang.pick(
          "已接受第 \(s.plan.warnings[s.selected].line) 行的修正",
          "accepted the repair on line \(s.plan.warnings[s.selected].line)"))
      nextUndecided(&s)
    case .acceptAll:
      let n = s.app.doc.plan.acceptUndecided(stamp: stamp)
      say(&s, lang.pick("已接受其余 \(n) 条；按 q 写入", "accepted the other \(n); q writes the store"))
    case .editItem:
      guard let item = s.selectedItem, let i = s.warningItems[s.selected] else { return noItem(&s) }
      s.editing = item
      s.app.overlay = .form(Form.item(item, warnings: s.plan.importWarnings(ofItemAt: i), lang: lang))
    case .merge, .split:
      guard let item = s.selectedItem else { return noItem(&s) }
      let units = item.lead + item.responsible
      guard !units.isEmpty else {
        say(&s, lang.pick("\(item.id) 没有单位", "\(item.id) has no units"), error: true)
        return .stay
      }
      // The unit the warning names is the likeliest one; for a split, else the longest name.
      let message = s.plan.warnings[s.selected].message
      let longest = units.indices.max { units[$0].count < units[$1].count } ?? 0
      let named = units.firstIndex { message.contains($0) }
      if command == .merge {
        s.prompt = ReviewPrompt(kind: .merge, choices: units, choice: named ?? 0, editor: LineEditor())
      } else {
        let choice = named ?? longest
        s.prompt = ReviewPrompt(kind: .split, choices: units, choice: choice, editor: LineEditor(units[choice]))
      }
    case .help: s.showHelp = true
    case .quit: s.quitting = true
    }
    return .stay
  }

  static func promptKey(_ s: inout ImportReviewState, _ prompt: inout ReviewPrompt, _ key: Key, stamp: Stamp) {
    let lang = s.lang
    s.prompt = prompt
    switch key {
    case .escape: s.prompt = nil
    case .tab, .backTab:
      prompt.choice = (prompt.choice + (key == .tab ? 1 : prompt.choices.count - 1)) % prompt.choices.count
      if prompt.kind == .split { prompt.editor = LineEditor(prompt.source) }
      s.prompt = prompt
    case .enter:
      var plan = s.plan
      do {
        let decision: String
        switch prompt.kind {
        case .merge:
          let typed = prompt.editor.text.trimmed
          let matches = prompt.matches(in: plan)
          let target = plan.unit(named: typed)?.name ?? (matches.count == 1 ? matches[0] : typed)
          decision = try plan.mergeUnit(prompt.source, into: target, stamp: stamp)
        case .split:
          decision = try plan.splitUnit(prompt.source, into: prompt.editor.text, stamp: stamp)
        }
        plan.record(decision, onWarningAt: s.selected, stamp: stamp)
        s.app.doc.plan = plan
        s.warningItems = plan.warningItems()
        s.prompt = nil
        say(
          &s,
          prompt.kind == .merge
            ? lang.pick("已合并：", "merged: ") + decision.dropFirst(ImportDecision.merged.count + 1)
            : lang.pick("已拆分：", "split: ") + decision.dropFirst(ImportDecision.split.count + 1))
        nextUndecided(&s)
      } catch let error as EditError {
        say(&s, error.message(lang), error: true)
      } catch {
        say(&s, "\(error)", error: true)
      }
    default:
      prompt.editor.handle(key)
      s.prompt = prompt
      s.message = nil
    }
  }

  /// The `i` form closed: a changed item records `edited` on its open warnings.
  static func formClosed(_ s: inout ImportReviewState, stamp: Stamp) {
    guard let before = s.editing else { return }
    s.editing = nil
    s.message = s.app.message
    s.messageIsError = s.app.messageIsError
    guard let i = s.plan.itemIndex(id: before.id), s.plan.items[i] != before else {
      if !s.messageIsError {
        s.message = s.lang.pick(
          "\(before.id) 没有修改；所读无误请按 Enter 接受", "\(before.id): nothing changed; Enter accepts it as read")
      }
      return
    }
    for (w, item) in s.warningItems.enumerated() where item == i && s.plan.warnings[w].decision == nil {
      s.app.doc.plan.decide(warningAt: w, ImportDecision.edited, stamp: stamp)
    }
    s.app.doc.plan.markDecidedItemsReviewed(stamp: stamp)
    nextUndecided(&s)
  }

  static func nextUndecided(_ s: inout ImportReviewState) {
    let w = s.plan.warnings
    guard !w.isEmpty else { return }
    let order = Array(s.selected..<w.count) + Array(0..<s.selected)
    if let next = order.first(where: { w[$0].decision == nil }) { s.selected = next }
  }

  static func noItem(_ s: inout ImportReviewState) -> ReviewOutcome {
    say(
      &s, s.lang.pick("这条提示不涉及某个事项：按 Enter 接受", "this warning concerns no item: Enter accepts it"),
      error: true)
    return .stay
  }

  static func say(_ s: inout ImportReviewState, _ text: String, error: Bool = false) {
    s.message = text
    s.messageIsError = error
  }

  /// Rows the warning list takes (the rest shows the selected warning's item).
  static func listHeight(_ s: ImportReviewState) -> Int {
    max(3, min(s.plan.warnings.count, (s.app.rows - 4) * 2 / 5))
  }
}
