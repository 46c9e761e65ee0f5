/// A change a user makes to an item, from a keystroke or `duban mark`.
public enum ItemEdit: Equatable, Sendable {
  case status(Status)
  case progress(Int)
  case note(String)
  /// Puts back status and progress as they were (undo); recorded like any other change.
  case restore(status: Status, progress: Int)
  /// Withdraws the latest note with this text (undo of a note); the history keeps both.
  case withdrawNote(String)
  /// Marks the period's report filed on `day`, or withdraws it.
  case report(period: String, filed: Bool, day: String)
  /// Records the value achieved for a target (by name or 1-based number); nil clears it.
  case actual(target: String, value: Double?)
  /// A unit's full period report (replaces that unit's earlier report for the period).
  case periodReport(ReportFiling)
  /// Withdraws a unit's report for a period (undo of a first report).
  case withdrawPeriodReport(period: String, unit: String?)
  /// 销号: the office closes a finished item out; it is read-only until reopened.
  case close(date: String, remark: String)
  case reopen(remark: String)
}

public struct EditError: Error, Equatable, CustomStringConvertible {
  public var reason: String
  public var description: String { reason }
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
    guard let i = itemIndex(id: id) else {
      throw EditError(reason: "no item \(id); `duban list` shows the ids")
    }
    return try apply(edit, at: i, stamp: stamp)
  }

  /// The same, for the item at `i` (callers that already know where it is).
  @discardableResult
  public mutating func apply(_ edit: ItemEdit, at i: Int, stamp: Stamp) throws -> [Change] {
    var item = items[i]
    let id = item.id
    var changes: [Change] = []
    if let closed = item.closed {
      guard case .reopen = edit else {
        throw EditError(reason: "item \(id) was closed out (销号) on \(closed.date); reopen it before changing it")
      }
    }
    func setStatus(_ s: Status) {
      guard item.status != s else { return }
      changes.append(
        Change(time: stamp.time, user: stamp.user, field: "status", before: item.status.rawValue, after: s.rawValue))
      item.status = s
    }
    func setProgress(_ p: Int) {
      guard item.progress != p else { return }
      changes.append(
        Change(time: stamp.time, user: stamp.user, field: "progress", before: String(item.progress), after: String(p)))
      item.progress = p
    }
    switch edit {
    case .status(let s):
      setStatus(s)
      if s == .done { setProgress(100) }
    case .progress(let p):
      guard (0...100).contains(p) else {
        throw EditError(reason: "progress must be between 0 and 100, not \(p)")
      }
      setProgress(p)
      if p == 100 && item.status != .done { setStatus(.done) }
      if p > 0 && item.status == .notStarted { setStatus(.inProgress) }
      if p < 100 && item.status == .done { setStatus(.inProgress) }
    case .note(let text):
      let clean = text.trimmed
      guard !clean.isEmpty else { throw EditError(reason: "the note is empty") }
      item.notes.append(Note(time: stamp.time, user: stamp.user, text: clean))
      changes.append(Change(time: stamp.time, user: stamp.user, field: "note", before: "", after: clean))
    case .restore(let s, let p):
      setStatus(s)
      setProgress(p)
    case .withdrawNote(let text):
      guard let n = item.notes.lastIndex(where: { $0.text == text }) else {
        throw EditError(reason: "no note “\(text)” on item \(id)")
      }
      item.notes.remove(at: n)
      changes.append(Change(time: stamp.time, user: stamp.user, field: "note", before: text, after: ""))
    case .actual(let name, let value):
      let index = item.targets.firstIndex { $0.name == name } ?? Int(name).map { $0 - 1 }
      guard let index, item.targets.indices.contains(index) else {
        let known = item.targets.map(\.name).joined(separator: "、")
        throw EditError(
          reason: "item \(id) has no target “\(name)”"
            + (known.isEmpty ? " (it states no number)" : "; its targets: \(known)"))
      }
      if let value, value < 0 || !value.isFinite { throw EditError(reason: "an actual value must be a number ≥ 0") }
      let before = item.targets[index].actual.map(Target.format) ?? ""
      guard item.targets[index].actual != value else { break }
      item.targets[index].actual = value
      changes.append(
        Change(
          time: stamp.time, user: stamp.user, field: "actual:\(item.targets[index].name)", before: before,
          after: value.map(Target.format) ?? ""))
    case .periodReport(var report):
      report.user = stamp.user
      if let p = report.progress, !(0...100).contains(p) {
        throw EditError(reason: "progress must be between 0 and 100, not \(p)")
      }
      let before = item.reports.first { $0.period == report.period && $0.unit == report.unit }
      item.reports.removeAll { $0.period == report.period && $0.unit == report.unit }
      item.reports.append(report)
      changes.append(
        Change(
          time: stamp.time, user: stamp.user, field: "report:\(report.period)",
          before: before.map { "filed \($0.filed)" } ?? "",
          after: "filed \(report.filed)" + (report.unit.map { " by \($0)" } ?? "")))
      if let p = report.progress, p != item.progress {
        changes.append(
          Change(time: stamp.time, user: stamp.user, field: "progress", before: String(item.progress), after: String(p))
        )
        item.progress = p
        if p == 100 && item.status != .done {
          changes.append(
            Change(
              time: stamp.time, user: stamp.user, field: "status", before: item.status.rawValue,
              after: Status.done.rawValue))
          item.status = .done
        } else if p > 0 && item.status == .notStarted {
          changes.append(
            Change(
              time: stamp.time, user: stamp.user, field: "status", before: item.status.rawValue,
              after: Status.inProgress.rawValue))
          item.status = .inProgress
        }
      }
    case .withdrawPeriodReport(let period, let unit):
      guard let old = item.reports.first(where: { $0.period == period && $0.unit == unit }) else { break }
      item.reports.removeAll { $0.period == period && $0.unit == unit }
      changes.append(
        Change(time: stamp.time, user: stamp.user, field: "report:\(period)", before: "filed \(old.filed)", after: ""))
    case .close(let date, let remark):
      guard item.status == .done else {
        throw EditError(reason: "item \(id) is not 已完成; only a finished item is closed out (销号)")
      }
      item.closed = Closure(date: date, remark: remark, user: stamp.user)
      changes.append(
        Change(time: stamp.time, user: stamp.user, field: "closed", before: "", after: "\(date) \(remark)"))
    case .reopen(let remark):
      guard let closed = item.closed else { throw EditError(reason: "item \(id) is not closed out") }
      item.closed = nil
      changes.append(
        Change(
          time: stamp.time, user: stamp.user, field: "closed", before: "\(closed.date) \(closed.remark)",
          after: "reopened \(remark)"))
    case .report(let period, let filed, let day):
      let had = item.reports.contains { $0.period == period }
      guard had != filed else { break }
      if filed {
        item.reports.append(ReportFiling(period: period, filed: day, user: stamp.user))
      } else {
        item.reports.removeAll { $0.period == period }
      }
      changes.append(
        Change(
          time: stamp.time, user: stamp.user, field: "report:\(period)", before: had ? "filed" : "",
          after: filed ? "filed \(day)" : ""))
    }
    item.history += changes
    items[i] = item
    return changes
  }
}
