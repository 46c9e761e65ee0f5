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
  /// What the open `i` form edits, as it was: a change records `edited`.
  var editing: ReviewEditing?
  /// `m` when the name typed fits several units: which one to merge into.
  public var chooser: Chooser?
  /// Every decision, undone with `u` (the plan as it was before it) and redone with `Ctrl-R`.
  public var undoStack: [ReviewStep] = []
  public var redoStack: [ReviewStep] = []
  /// For each warning, the plan date it concerns, found once at load: matched against the
  /// dates as read, since the date changes when the clerk corrects it.
  public let dateFields: [String?]

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
    dateFields = plan.warnings.map { ImportReviewer.calendarField($0, plan.calendar) }
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

/// What an `i` form opened on: an item, or the plan's dates (a calendar warning).
enum ReviewEditing: Equatable, Sendable {
  case item(Item)
  case calendar(PlanCalendar)
}

/// One decision as undo sees it: the plan and the selected warning before it, and what it was
/// (`接受第 40 行的修正`). The review is all in memory, so the whole plan is kept (its arrays are
/// shared with the plan after it until a decision changes them).
public struct ReviewStep: Equatable, Sendable {
  public var label: String
  public var plan: Plan
  public var selected: Int
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
  public func matches(in plan: Plan, limit: Int = .max) -> [String] {
    let typed = editor.text.trimmed
    guard !typed.isEmpty else { return [] }
    return plan.units.lazy.filter { u in u.name != source && ([u.name] + u.aliases).contains { $0.contains(typed) } }
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
    if var chooser = s.chooser {
      chooserKey(&s, &chooser, key, stamp: stamp)
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
      let line = s.plan.warnings[s.selected].line
      // A warning about the whole file (no calendar) has line 0.
      let what =
        line > 0 ? lang.pick("第 \(line) 行的修正", "the repair on line \(line)") : lang.pick("全文的提示", "the file's warning")
      let before = s.plan
      s.app.doc.plan.accept(warningAt: s.selected, stamp: stamp)
      done(&s, before, lang.pick("接受", "accept ") + what)
      say(&s, lang.pick("已接受", "accepted ") + what)
      nextUndecided(&s)
    case .acceptAll:
      let before = s.plan
      let n = s.app.doc.plan.acceptUndecided(stamp: stamp)
      if n > 0 { done(&s, before, lang.pick("接受其余 \(n) 条", "accept the other \(n)")) }
      say(&s, lang.pick("已接受其余 \(n) 条；按 q 写入", "accepted the other \(n); q writes the store"))
    case .editItem:
      guard let item = s.selectedItem, let i = s.warningItems[s.selected] else { return noItem(&s, command) }
      s.editing = .item(item)
      s.app.overlay = .form(Form.item(item, warnings: s.plan.importWarnings(ofItemAt: i), lang: lang))
    case .merge, .split:
      guard let item = s.selectedItem else { return noItem(&s, command) }
      let units = item.lead + item.responsible
      guard !units.isEmpty else {
        say(
          &s,
          lang.pick(
            "\(item.id) 没有单位，无可\(command == .merge ? "合并" : "拆分")：按 i 给它写上单位",
            "\(item.id) has no units to \(command == .merge ? "merge" : "split"): i writes its units"), error: true)
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
        // Selected, as in any form: typing the parts replaces the name, an arrow edits it.
        s.prompt = ReviewPrompt(
          kind: .split, choices: units, choice: choice, editor: LineEditor(units[choice], selected: true))
      }
    case .undo: step(&s, backward: true)
    case .redo: step(&s, backward: false)
    case .help: s.showHelp = true
    case .quit: s.quitting = true
    }
    return .stay
  }

  static func nextUndecided(_ s: inout ImportReviewState) {
    let w = s.plan.warnings
    guard !w.isEmpty else { return }
    let order = Array(s.selected..<w.count) + Array(0..<s.selected)
    if let next = order.first(where: { w[$0].decision == nil }) { s.selected = next }
  }

  static func say(_ s: inout ImportReviewState, _ text: String, error: Bool = false) {
    s.message = text
    s.messageIsError = error
  }

  /// Rows the warning list takes: the selected warning's item gets up to 9 lines below it
  /// (never more than three fifths of the room), the list the rest, when it has that many.
  static func listHeight(_ s: ImportReviewState) -> Int {
    let room = s.app.rows - 7  // the title, the message, the key hints and two frames
    let detail = min(9, room - max(3, room * 2 / 5))
    return max(3, min(s.plan.warnings.count, room - detail))
  }
}
