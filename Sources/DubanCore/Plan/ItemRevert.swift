/// The parts of an item users change: what undo and redo put back.
public struct ItemState: Equatable, Sendable {
  public var status: Status
  public var progress: Int
  public var notes: [Note]
  public var reports: [ReportFiling]
  /// Each target's achieved value, in the item's target order.
  public var actuals: [Double?]
  public var closed: Closure?
  /// The parts fixing the plan changes: text, units, and whether its import warnings are resolved.
  public var text: String
  public var lead: [String]
  public var responsible: [String]
  public var reviewed: String?
  public var deadline: String?

  public init(
    status: Status, progress: Int, notes: [Note], reports: [ReportFiling], actuals: [Double?], closed: Closure?,
    text: String = "", lead: [String] = [], responsible: [String] = [], reviewed: String? = nil,
    deadline: String? = nil
  ) {
    self.deadline = deadline
    self.status = status
    self.progress = progress
    self.notes = notes
    self.reports = reports
    self.actuals = actuals
    self.closed = closed
    self.text = text
    self.lead = lead
    self.responsible = responsible
    self.reviewed = reviewed
  }
}

extension Item {
  public var state: ItemState {
    ItemState(
      status: status, progress: progress, notes: notes, reports: reports, actuals: targets.map(\.actual),
      closed: closed,
      text: text, lead: lead, responsible: responsible, reviewed: reviewed, deadline: deadline)
  }

  /// The latest history entry about `field` made by someone other than `stamp`'s user, or
  /// any entry when all are ours: who to name when a change is refused.
  func lastChange(of field: HistoryField) -> Change? {
    history.last { $0.field == field }
  }
}

extension ItemRecorder {
  /// Puts back every part in which `from` and `to` differ, but only if the item still holds
  /// `from` there: a value someone else wrote since is never overwritten.
  mutating func revert(from: ItemState, to: ItemState) throws {
    let now = item.state
    func conflict(_ field: HistoryField, _ zh: String, _ en: String) -> EditError {
      let who = item.lastChange(of: field)
      let byZh = who.map { "已被 \($0.user) 于 \(Timestamp.display($0.time)) 改为" } ?? "已被改为"
      let byEn = who.map { "was changed by \($0.user) at \(Timestamp.display($0.time)) to" } ?? "was changed to"
      return EditError(
        zh: "\(item.id) 的\(zh)\(byZh)\(now.describe(field, .zh))，未恢复",
        en: "\(item.id): the \(en) \(byEn) \(now.describe(field, .en)); not restored")
    }
    if from.closed != to.closed, now.closed != from.closed { throw conflict(.closed, "销号状态", "close-out") }
    // Progress first: it is the figure people change, and status often only follows it.
    if from.progress != to.progress, now.progress != from.progress { throw conflict(.progress, "进度", "progress") }
    if from.status != to.status, now.status != from.status { throw conflict(.status, "状态", "status") }
    try checkPlanFix(from: from, to: to, now: now, conflict: conflict)
    if from.deadline != to.deadline, now.deadline != from.deadline { throw conflict(.deadline, "期限", "deadline") }
    let added = from.notes.filter { !to.notes.contains($0) }
    let removed = to.notes.filter { !from.notes.contains($0) }
    if let gone = added.first(where: { !now.notes.contains($0) }) {
      throw EditError(
        zh: "\(item.id) 的备注“\(gone.text)”已被他人撤回，未恢复",
        en: "\(item.id): the note “\(gone.text)” was withdrawn by someone else")
    }
    let reportKeys = Set((from.reports + to.reports).map(\.key))
    let reportChanges = reportKeys.filter { from.report($0) != to.report($0) }
    for key in reportChanges where now.report(key) != from.report(key) {
      throw conflict(.report(key.period), "\(key.period)报告", "\(key.period) report")
    }
    let actualChanges = to.actuals.indices.filter {
      from.actuals.indices.contains($0) && from.actuals[$0] != to.actuals[$0]
    }
    for i in actualChanges where !now.actuals.indices.contains(i) || now.actuals[i] != from.actuals[i] {
      let name = item.targets.indices.contains(i) ? item.targets[i].name : "\(i + 1)"
      throw conflict(.actual(name), "实际值 \(name) ", "actual \(name)")
    }

    // Every part still holds what this dashboard wrote: put back what it replaced.
    if from.closed != to.closed {
      if let closed = to.closed {
        item.closed = closed
        record(.closed, "", "\(closed.date) \(closed.remark)")
      } else if let was = item.closed {
        item.closed = nil
        record(.reopened, "\(was.date) \(was.remark)", "")
      }
    }
    if from.status != to.status { setStatus(to.status) }
    if from.progress != to.progress { setProgress(to.progress) }
    if from.deadline != to.deadline { try setDeadline(to.deadline) }
    for note in added {
      item.notes.removeAll { $0 == note }
      record(.note, note.text, "")
    }
    for note in removed where !item.notes.contains(note) {
      let at = item.notes.firstIndex { $0.time > note.time } ?? item.notes.endIndex
      item.notes.insert(note, at: at)
      record(.note, "", note.text)
    }
    for key in reportChanges.sorted(by: { ($0.period, $0.unit ?? "") < ($1.period, $1.unit ?? "") }) {
      let old = item.reports.first { $0.key == key }
      item.reports.removeAll { $0.key == key }
      if let restored = to.report(key) { item.reports.append(restored) }
      record(.report(key.period), old?.historyText ?? "", to.report(key)?.historyText ?? "")
    }
    for i in actualChanges where item.targets.indices.contains(i) {
      let before = item.targets[i].actual.map(Target.format) ?? ""
      item.targets[i].actual = to.actuals[i]
      record(.actual(item.targets[i].name), before, to.actuals[i].map(Target.format) ?? "")
    }
    restorePlanFix(from: from, to: to)
  }
}

/// A report is one unit's (or the item's, when nil) for one period.
struct ReportKey: Hashable {
  var period: String
  var unit: String?
}

extension ReportFiling {
  var key: ReportKey { ReportKey(period: period, unit: unit) }
}

extension ItemState {
  func report(_ key: ReportKey) -> ReportFiling? { reports.first { $0.key == key } }

  /// The current value of a part, for a refusal message.
  func describe(_ field: HistoryField, _ lang: Lang) -> String {
    switch field {
    case .status: return status.label(lang)
    case .progress: return "\(progress)%"
    case .deadline: return deadline ?? lang.pick("无期限", "no deadline")
    case .closed, .reopened: return closed == nil ? lang.pick("未销号", "open") : lang.pick("已销号", "closed out")
    case .text: return "“\(text)”"
    case .lead: return lead.isEmpty ? "—" : lead.joined(separator: "、")
    case .responsible: return responsible.isEmpty ? "—" : responsible.joined(separator: "、")
    case .reviewed: return reviewed == nil ? lang.pick("待核", "open") : lang.pick("已处理", "resolved")
    case .report(let period):
      let filed = reports.filter { $0.period == period }
      return filed.isEmpty
        ? lang.pick("未报送", "not filed") : filed.map { $0.unit ?? lang.pick("已报送", "filed") }.joined(separator: "、")
    default: return lang.pick("其他值", "another value")
    }
  }
}
