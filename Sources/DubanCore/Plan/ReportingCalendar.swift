/// Which report period is current on a given day, and which reports are due or overdue.
public struct ReportingCalendar: Sendable {
  public var periods: [(period: ReportPeriod, due: Day)]
  public var dueSoonDays: Int

  public init(_ calendar: PlanCalendar, dueSoonDays: Int = 7) {
    periods = calendar.periods.compactMap { p in Day(p.due).map { (p, $0) } }
    self.dueSoonDays = dueSoonDays
  }

  /// The next report to file: the first period due on or after today; after the last
  /// deadline, the last period.
  public func current(on today: Day) -> ReportPeriod? {
    (periods.first { $0.due >= today } ?? periods.last)?.period
  }

  /// The current period's state for an item (see `ReportDuty.state`).
  public enum State: String, Codable, Sendable {
    case filed
    /// Every reporting unit filed, one of them after the deadline.
    case late
    case dueSoon = "due_soon"
    case open
    case overdue
  }
}

extension StoreDocument {
  /// The plan's reporting calendar with the store's settings (`dueSoonDays`): the one way
  /// every command and the dashboard read it.
  public var calendar: ReportingCalendar { ReportingCalendar(plan.calendar, dueSoonDays: settings.dueSoonDays) }
}
