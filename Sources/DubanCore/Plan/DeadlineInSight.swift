/// The one deadline the task list shows for an item, and how close it is: the item's own
/// deadline while it is not done, else the next report deadline the item still owes (an
/// overdue one first). Used by the dashboard's deadline column and its timeline.
public struct DeadlineInSight: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// The item's own `deadline`.
    case item
    /// A period's report deadline (its id).
    case report(String)
  }

  public enum Urgency: Equatable, Sendable {
    /// Passed: the item is late, or a report is overdue.
    case past
    /// Within the store's `dueSoonDays`.
    case soon
    case later
  }

  public var day: Day
  public var kind: Kind
  public var urgency: Urgency

  public init(day: Day, kind: Kind, urgency: Urgency) {
    self.day = day
    self.kind = kind
    self.urgency = urgency
  }

  /// nil when there is nothing ahead: a done item with every report filed or waived.
  /// Costs O(periods × the item's reporting units).
  public static func of(_ item: Item, duty: ReportDuty, on today: Day) -> DeadlineInSight? {
    func urgency(_ day: Day) -> Urgency {
      day < today ? .past : day.ordinal - today.ordinal <= duty.calendar.dueSoonDays ? .soon : .later
    }
    let finished = item.status == .done || item.closed != nil
    if !finished, let own = item.deadline.flatMap(Day.init) {
      return DeadlineInSight(day: own, kind: .item, urgency: urgency(own))
    }
    let done = duty.doneSince(item)
    var next: DeadlineInSight?
    for entry in duty.calendar.periods {
      switch duty.standing(item, period: entry.period, due: entry.due, on: today, doneSince: done) {
      case .overdue:
        return DeadlineInSight(day: entry.due, kind: .report(entry.period.id), urgency: .past)
      case .dueSoon, .open:
        if next == nil {
          next = DeadlineInSight(day: entry.due, kind: .report(entry.period.id), urgency: urgency(entry.due))
        }
      case .filed, .late, .waived:
        continue
      }
    }
    return next
  }
}
