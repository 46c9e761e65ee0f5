/// Which report period is current on a given day, and which reports are overdue.
public struct ReportingCalendar: Sendable {
  public var periods: [(period: ReportPeriod, due: Day)]

  public init(_ calendar: PlanCalendar) {
    periods = calendar.periods.compactMap { p in Day(p.due).map { (p, $0) } }
  }

  /// The next report to file: the first period due on or after today; after the last
  /// deadline, the last period.
  public func current(on today: Day) -> ReportPeriod? {
    (periods.first { $0.due >= today } ?? periods.last)?.period
  }

  /// Periods whose deadline has passed without a report for this item.
  public func overdue(_ item: Item, on today: Day) -> [ReportPeriod] {
    guard item.status != .done else { return [] }
    return periods.filter { entry in
      entry.due < today && !item.reports.contains { $0.period == entry.period.id }
    }.map(\.period)
  }
}
