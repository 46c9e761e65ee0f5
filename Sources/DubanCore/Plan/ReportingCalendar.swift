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

  /// Periods whose deadline has passed without a report for this item.
  public func overdue(_ item: Item, on today: Day) -> [ReportPeriod] {
    guard item.status != .done else { return [] }
    return periods.filter { entry in
      entry.due < today && !item.reports.contains { $0.period == entry.period.id }
    }.map(\.period)
  }

  /// The current period's state for an item.
  public enum State: String, Codable, Sendable {
    case filed
    case dueSoon = "due_soon"
    case open
    case overdue
  }

  public func state(_ item: Item, on today: Day) -> State? {
    guard let period = current(on: today), let due = Day(period.due) else { return nil }
    if item.reports.contains(where: { $0.period == period.id }) { return .filed }
    if item.status == .done { return .filed }
    if due < today { return .overdue }
    return due.ordinal - today.ordinal <= dueSoonDays ? .dueSoon : .open
  }

  /// Who files an item's report: its lead units, or every responsible unit when none leads.
  /// Group references file nothing themselves.
  public static func reporters(of item: Item, in plan: Plan) -> [String] {
    let names = item.lead.isEmpty ? item.responsible : item.lead
    return names.filter { name in plan.units.first { $0.name == name }?.kind != .group }
  }

  /// The unit a report is filed for when the user names none: the item's first reporting
  /// unit, else its first unit (the dashboard's R and `duban file` alike).
  public static func defaultReporter(of item: Item, in plan: Plan) -> String? {
    reporters(of: item, in: plan).first ?? item.allUnits.first
  }
}

extension StoreDocument {
  /// The plan's reporting calendar with the store's settings (`dueSoonDays`): the one way
  /// every command and the dashboard read it.
  public var calendar: ReportingCalendar { ReportingCalendar(plan.calendar, dueSoonDays: settings.dueSoonDays) }
}
