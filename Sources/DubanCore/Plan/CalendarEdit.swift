/// A change to the plan's calendar: the work-plan deadline or a period's report deadline.
/// Like an item edit it is recorded (in the calendar's own history) and undone only where
/// the calendar still holds what the edit replaced, so a colleague's change is never lost.
public struct CalendarEdit: Equatable, Sendable {
  /// `workPlanDue`, or a period id (Q1, Q2, Q3, Y).
  public var key: String
  /// What the calendar must hold for the edit to apply (nil: no date).
  public var from: String?
  public var to: String?

  public static let workPlanDue = "workPlanDue"

  public init(key: String, from: String?, to: String?) {
    self.key = key
    self.from = from
    self.to = to
  }

  /// The edit that puts back what this one replaced.
  public var inverse: CalendarEdit { CalendarEdit(key: key, from: to, to: from) }
}

extension PlanCalendar {
  /// The date kept under a key (`workPlanDue` or a period id).
  public func date(_ key: String) -> String? {
    key == CalendarEdit.workPlanDue ? workPlanDue : periods.first { $0.id == key }?.due
  }
}

extension Plan {
  /// Applies calendar edits, all or none, recording each in the calendar's history. A date
  /// must be a day of the plan's year, and report deadlines stay in their order (Q1 before
  /// Q2 …): the current period is the first one due on or after today.
  @discardableResult
  public mutating func apply(_ edits: [CalendarEdit], stamp: Stamp) throws -> [Change] {
    var cal = calendar
    // The plan's year, as the schedule reads it from its dates; a plan with no dates yet
    // (a document that printed none) takes the year of the first date given.
    let known = ([calendar.issued, calendar.workPlanDue] + calendar.periods.map(\.due)).compactMap {
      $0.flatMap(Day.init)
    }
    var year = known.last?.year
    var changes: [Change] = []
    for edit in edits {
      let name = edit.key == CalendarEdit.workPlanDue ? "办理方案" : edit.key
      let nameEn = edit.key == CalendarEdit.workPlanDue ? "work plans" : edit.key
      let index = cal.periods.firstIndex { $0.id == edit.key }
      guard edit.key == CalendarEdit.workPlanDue || index != nil else {
        throw EditError(zh: "方案没有报送期“\(edit.key)”", en: "the plan has no report period “\(edit.key)”")
      }
      let now = cal.date(edit.key)
      guard now == edit.from else {
        let who = (cal.history ?? []).last { $0.field == .calendar(edit.key) }
        let by = who.map { "已被 \($0.user) 于 \(Timestamp.display($0.time)) 改为" } ?? "已被改为"
        let byEn = who.map { "was changed by \($0.user) at \(Timestamp.display($0.time)) to" } ?? "was changed to"
        throw EditError(
          zh: "\(name)的报送日期\(by)\(now ?? "（无）")，未修改", en: "the \(nameEn) deadline \(byEn) \(now ?? "none"); not changed"
        )
      }
      guard edit.to != now else { continue }
      if let to = edit.to {
        guard let day = Day(to), day.year == (year ?? day.year), day.description == to else {
          let inYear = year.map { ("\($0) 年内的", "a date in \($0)") } ?? ("", "a date")
          throw EditError(
            zh: "\(name)：“\(to)”不是\(inYear.0)日期（YYYY-MM-DD）",
            en: "\(nameEn): “\(to)” is not \(inYear.1) (YYYY-MM-DD)")
        }
        year = day.year
      } else if index != nil {
        throw EditError(zh: "\(name)的截止日期不能为空", en: "\(nameEn) needs a deadline")
      }
      if let index { cal.periods[index].due = edit.to! } else { cal.workPlanDue = edit.to }
      let change = Change(
        time: stamp.time, user: stamp.user, field: .calendar(edit.key), before: now ?? "", after: edit.to ?? "")
      cal.history = (cal.history ?? []) + [change]
      changes.append(change)
    }
    guard !changes.isEmpty else { return [] }
    // Checked on the result, so that moving Q2 and Q3 together is one valid change.
    let dues = cal.periods.map { Day($0.due) }
    for i in dues.indices.dropFirst() {
      guard let a = dues[i - 1], let b = dues[i], a >= b else { continue }
      let (p, q) = (cal.periods[i - 1].id, cal.periods[i].id)
      throw EditError(
        zh: "报送日期须依次排列：\(p)（\(a)）要早于 \(q)（\(b)）",
        en: "report deadlines must stay in order: \(p) (\(a)) before \(q) (\(b))")
    }
    calendar = cal
    return changes
  }
}
