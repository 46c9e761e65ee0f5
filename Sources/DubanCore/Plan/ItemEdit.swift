/// A change a user makes to an item, from a keystroke or `duban mark`.
public enum ItemEdit: Equatable, Sendable {
  case status(Status)
  case progress(Int)
  case note(String)
  /// Sets status and progress together (the dashboard's status keys).
  case restore(status: Status, progress: Int)
  /// `+` / `-`: ten points up or down from what the newest file holds, so two clerks
  /// pressing `+` at once both count (and each leaves its history entry).
  case step(up: Bool)
  /// Marks the period filed for `unit` (nil: the item's report as a whole) with a bare
  /// filing, or withdraws that bare filing. A unit's written report is never touched.
  case report(period: String, unit: String?, filed: Bool, day: String)
  /// Records the value achieved for a target (by name or 1-based number); nil clears it.
  case actual(target: String, value: Double?)
  /// A unit's full period report (replaces that unit's earlier report for the period). It
  /// stores the unit's figure only: the item's progress follows `ReportDuty.reportEdits`.
  case periodReport(ReportFiling)
  /// Withdraws a unit's report for a period, written or bare (asked for explicitly).
  case withdrawPeriodReport(period: String, unit: String?)
  /// 销号: the office closes a finished item out; it is read-only until reopened.
  case close(date: String, remark: String)
  case reopen(remark: String)
  /// The item's own deadline (YYYY-MM-DD), or nil to clear it (the plan's year end applies).
  case deadline(String?)
  /// Undo and redo: puts back the parts of the item that differ between `from` and `to`,
  /// only where the item still holds `from` (nobody changed them since).
  case revert(from: ItemState, to: ItemState)
  /// Fixing the plan: the item's text; its units (canonical names; `adding` are new units the
  /// plan gains); its import warnings resolved or open again. A fix resolves the warnings.
  /// `was`: what the editor opened on; when the item holds something else by now (a
  /// colleague fixed it meanwhile) the edit is refused, never written over theirs. nil: no
  /// such check (the command line, which reads and writes at once under the lock).
  case text(String, was: String? = nil)
  case units(lead: [String], responsible: [String], adding: [String], was: ItemUnits? = nil)
  case review(resolved: Bool)
}

/// Who and when, stamped on every change.
public struct Stamp: Sendable {
  public var user: String
  public var time: String

  public init(user: String, time: String) {
    self.user = user
    self.time = time
  }
}

extension Plan {
  /// Applies an edit and records it in the item's history; returns the changes made.
  /// Status and progress keep each other consistent: 已完成 means 100%, and the first
  /// progress on an item not started moves it to 推进中.
  @discardableResult
  public mutating func apply(_ edit: ItemEdit, to id: String, stamp: Stamp) throws -> [Change] {
    guard let i = itemIndex(id: id) else { throw EditError.noItem(id) }
    return try apply(edit, at: i, stamp: stamp)
  }

  /// Several edits to the item with this id, all or none.
  @discardableResult
  public mutating func apply(_ edits: [ItemEdit], to id: String, stamp: Stamp) throws -> [Change] {
    guard let i = itemIndex(id: id) else { throw EditError.noItem(id) }
    return try apply(edits, at: i, stamp: stamp)
  }

  /// Several edits as one change: all applied, or none (the item is left as it was). A fix of
  /// the item's text or units resolves its import warnings, unless the fix is a side effect
  /// of another decision (a merge or split in the review, which decides warning by warning).
  @discardableResult
  public mutating func apply(
    _ edits: [ItemEdit], at i: Int, stamp: Stamp, resolvingWarnings: Bool = true
  ) throws -> [Change] {
    var recorder = ItemRecorder(item: items[i], stamp: stamp)
    let unitsBefore = units
    do {
      try admitUnits(of: edits)
      for edit in edits { try recorder.apply(edit) }
      if resolvingWarnings, Self.fixes(edits), !recorder.changes.isEmpty, !importWarnings(ofItemAt: i).isEmpty {
        recorder.setReviewed(true)
      }
    } catch {
      units = unitsBefore
      throw error
    }
    guard !recorder.changes.isEmpty else { return [] }
    recorder.item.history += recorder.changes
    items[i] = recorder.item
    return recorder.changes
  }

  /// The same, for the item at `i` (callers that already know where it is).
  @discardableResult
  public mutating func apply(_ edit: ItemEdit, at i: Int, stamp: Stamp) throws -> [Change] {
    try apply([edit], at: i, stamp: stamp)
  }
}

/// One item being changed, and the history entries the change makes.
struct ItemRecorder {
  var item: Item
  let stamp: Stamp
  var changes: [Change] = []

  init(item: Item, stamp: Stamp) {
    self.item = item
    self.stamp = stamp
  }

  mutating func record(_ field: HistoryField, _ before: String, _ after: String) {
    changes.append(Change(time: stamp.time, user: stamp.user, field: field, before: before, after: after))
  }

  mutating func setStatus(_ s: Status) {
    guard item.status != s else { return }
    record(.status, item.status.rawValue, s.rawValue)
    item.status = s
  }

  mutating func setProgress(_ p: Int) {
    guard item.progress != p else { return }
    record(.progress, String(item.progress), String(p))
    item.progress = p
  }

  /// Progress moves status along: 100% is done, a start is 推进中, less than 100% is not done.
  mutating func setProgressAndFollow(_ p: Int) {
    setProgress(p)
    if p == 100 && item.status != .done { setStatus(.done) }
    if p > 0 && item.status == .notStarted { setStatus(.inProgress) }
    if p < 100 && item.status == .done { setStatus(.inProgress) }
  }

  mutating func apply(_ edit: ItemEdit) throws {
    let id = item.id
    if let closed = item.closed {
      switch edit {
      case .reopen: break
      case .revert(let from, let to) where from.closed != to.closed: break
      default: throw EditError.closedOut(id, on: closed.date)
      }
    }
    switch edit {
    case .status(let s):
      setStatus(s)
      if s == .done { setProgress(100) }
    case .progress(let p):
      guard (0...100).contains(p) else { throw EditError.progressRange(p) }
      setProgressAndFollow(p)
    case .note(let text):
      let clean = text.trimmed
      guard !clean.isEmpty else { throw EditError(zh: "备注是空的", en: "the note is empty") }
      item.notes.append(Note(time: stamp.time, user: stamp.user, text: clean))
      record(.note, "", clean)
    case .restore(let s, let p):
      setStatus(s)
      setProgress(p)
    case .step(let up):
      guard let target = item.progressStep(up: up) else { break }
      setStatus(target.status)
      setProgress(target.progress)
    case .actual(let name, let value):
      try setActual(name, value)
    case .periodReport(var report):
      report.user = stamp.user
      if let p = report.progress, !(0...100).contains(p) { throw EditError.progressRange(p) }
      let before = item.reports.first { $0.period == report.period && $0.unit == report.unit }
      item.reports.removeAll { $0.period == report.period && $0.unit == report.unit }
      item.reports.append(report)
      record(.report(report.period), before.map(\.historyText) ?? "", report.historyText)
    case .withdrawPeriodReport(let period, let unit):
      guard let old = item.reports.first(where: { $0.period == period && $0.unit == unit }) else { break }
      item.reports.removeAll { $0.period == period && $0.unit == unit }
      record(.report(period), old.historyText, "")
    case .report(let period, let unit, let filed, let day):
      let existing = item.reports.first { $0.period == period && $0.unit == unit }
      if filed {
        guard existing == nil else { break }
        let filing = ReportFiling(period: period, filed: day, user: stamp.user, unit: unit)
        item.reports.append(filing)
        record(.report(period), "", filing.historyText)
      } else {
        // Only the bare marker is withdrawn by a toggle; a written report needs its own action.
        guard let existing, existing.isBare else { break }
        item.reports.removeAll { $0.period == period && $0.unit == unit }
        record(.report(period), existing.historyText, "")
      }
    case .close(let date, let remark):
      guard item.status == .done else {
        throw EditError(
          zh: "事项 \(id) 尚未完成，只有已完成的事项才能销号",
          en: "item \(id) is not 已完成; only a finished item is closed out (销号)")
      }
      item.closed = Closure(date: date, remark: remark, user: stamp.user)
      record(.closed, "", "\(date) \(remark)")
    case .reopen(let remark):
      guard let closed = item.closed else {
        throw EditError(zh: "事项 \(id) 没有销号", en: "item \(id) is not closed out")
      }
      item.closed = nil
      record(.reopened, "\(closed.date) \(closed.remark)", remark)
    case .deadline(let day):
      try setDeadline(day)
    case .revert(let from, let to):
      try revert(from: from, to: to)
    case .text(let text, let was):
      try checkUnchanged(.text, was.map { $0 != item.text }, mine: text)
      try setText(text)
    case .units(let lead, let responsible, _, let was):
      let units = ItemUnits(lead: item.lead, responsible: item.responsible)
      try checkUnchanged(.lead, was.map { $0 != units }, mine: (lead + responsible).joined(separator: "、"))
      try setUnits(lead: lead, responsible: responsible)
    case .review(let resolved):
      setReviewed(resolved)
    }
  }

  mutating func setDeadline(_ day: String?) throws {
    if let day, Day(day)?.description != day {
      throw EditError(zh: "期限“\(day)”不是有效日期（YYYY-MM-DD）", en: "deadline “\(day)” is not a date (YYYY-MM-DD)")
    }
    guard item.deadline != day else { return }
    record(.deadline, item.deadline ?? "", day ?? "")
    item.deadline = day
  }

  mutating func setActual(_ name: String, _ value: Double?) throws {
    let id = item.id
    let index = item.targets.firstIndex { $0.name == name } ?? Int(name).map { $0 - 1 }
    guard let index, item.targets.indices.contains(index) else {
      let known = item.targets.map(\.name).joined(separator: "、")
      throw EditError(
        zh: "事项 \(id) 没有量化目标“\(name)”" + (known.isEmpty ? "（它没有写明数字）" : "；它的目标：\(known)"),
        en: "item \(id) has no target “\(name)”"
          + (known.isEmpty ? " (it states no number)" : "; its targets: \(known)"))
    }
    if let value, value < 0 || !value.isFinite {
      throw EditError(zh: "实际值必须是不小于 0 的数", en: "an actual value must be a number ≥ 0")
    }
    guard item.targets[index].actual != value else { return }
    let before = item.targets[index].actual.map(Target.format) ?? ""
    item.targets[index].actual = value
    record(.actual(item.targets[index].name), before, value.map(Target.format) ?? "")
  }
}

extension ReportFiling {
  /// How a report reads in history: the day, the unit, and whether it had text.
  var historyText: String {
    var s = filed
    if let unit { s += " \(unit)" }
    if !isBare { s += " ✎" }
    return s
  }
}
