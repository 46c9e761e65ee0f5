/// Who owes which period report, the one rule `due`, `list`, `units`, the workload view, the
/// bulletin and the dashboard all use.
///
/// - A report belongs to an item, a period and one unit. The units that file an item's
///   reports are its lead units, else every unit it names; a group reference (各街道) stands
///   for each of its members, and each member files for itself.
/// - A filing with no unit (a bare `r` marker from older stores) counts for the item's
///   default reporter: its first reporting unit.
/// - A period's report is owed when the item was not done (or closed out) by the period's
///   deadline: completion waives the periods due on or after the day it was marked done
///   (the last time, when it was reopened and done again), never the ones before.
/// - A filing on or before the deadline is on time; after it, late. Seen as of a day, a
///   filing dated later does not count yet.
///
/// Built once per document: each item's questions then cost O(its units).
public struct ReportDuty: Sendable {
  public let calendar: ReportingCalendar
  /// Members of every group reference in the plan (set in the settings, or assumed).
  public let members: [String: [String]]

  public init(plan: Plan, settings: Settings) {
    calendar = ReportingCalendar(plan.calendar, dueSoonDays: settings.dueSoonDays)
    var members: [String: [String]] = [:]
    for u in plan.units where u.kind == .group {
      members[u.name] = settings.membership(of: u.name, in: plan).members
    }
    self.members = members
  }

  /// How one unit stands for one period of one item.
  public enum Standing: String, Sendable {
    /// Filed on or before the deadline.
    case filed
    /// Filed after the deadline.
    case late
    /// Not owed: the item was done or closed out by the deadline.
    case waived
    /// Deadline passed without this unit's report.
    case overdue
    case dueSoon = "due_soon"
    case open
  }

  /// The units that file the item's reports: its leads, else every unit it names; a group
  /// stands for its members. In order, each once.
  public func reporters(of item: Item) -> [String] {
    expand(item.lead.isEmpty ? item.responsible : item.lead)
  }

  /// Every unit the item reaches: named directly, or a member of a group it names.
  public func units(of item: Item) -> [String] { expand(item.allUnits) }

  private func expand(_ names: [String]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(names.count)
    for name in names {
      if let m = members[name] {
        for u in m where !out.contains(u) { out.append(u) }
      } else if !out.contains(name) {
        out.append(name)
      }
    }
    return out
  }

  /// The unit a report is filed for when none is named, and the one an old filing without
  /// a unit counts for: the first reporting unit, else the item's first unit.
  public func defaultReporter(of item: Item) -> String? {
    reporters(of: item).first ?? item.allUnits.first
  }

  /// The group through which the item reaches a unit it does not name itself; nil when it
  /// names the unit (or does not reach it at all).
  public func via(_ item: Item, unit: String) -> String? {
    if item.names(unit: unit) { return nil }
    return item.allUnits.first { members[$0]?.contains(unit) ?? false }
  }

  /// True when the item names the unit or a group the unit belongs to (or is the group).
  public func reaches(_ item: Item, unit: String) -> Bool {
    item.names(unit: unit) || via(item, unit: unit) != nil
  }

  /// The unit's filing for a period: its own, else (for the default reporter) one without a
  /// unit. With `asOf`, filings dated after that day do not count yet.
  public func filing(_ item: Item, unit: String, period: String, asOf: Day? = nil) -> ReportFiling? {
    var legacy: ReportFiling?
    for r in item.reports where r.period == period {
      if let asOf, let filed = Day(r.filed), filed > asOf { continue }
      if r.unit == unit { return r }
      if r.unit == nil, legacy == nil { legacy = r }
    }
    guard legacy != nil, unit == defaultReporter(of: item) else { return nil }
    return legacy
  }

  /// The day from which the item counts as done: the last time it was marked 已完成 (or
  /// the close-out, if earlier); nil when it is not done now. A done item whose history
  /// does not say when counts as done all along.
  public func doneSince(_ item: Item) -> Day? {
    guard item.status == .done || item.closed != nil else { return nil }
    var day: Day? = nil
    for change in item.history.reversed() where change.field == .status && change.after == Status.done.rawValue {
      day = Day(String(change.time.prefix(10)))
      break
    }
    if let closed = item.closed.flatMap({ Day($0.date) }), day.map({ closed < $0 }) ?? false { day = closed }
    return day ?? Day(year: 1, month: 1, day: 1)
  }

  /// Whether the period's report is owed at all: the item was not done by its deadline.
  public func owes(_ item: Item, due: Day, doneSince: Day?) -> Bool {
    guard let done = doneSince else { return true }
    return done > due
  }

  /// How a unit stands for one period of an item, as of today.
  public func standing(_ item: Item, unit: String, period: ReportPeriod, due: Day, on today: Day, doneSince: Day?)
    -> Standing
  {
    if let f = filing(item, unit: unit, period: period.id, asOf: today) {
      return Day(f.filed).map { $0 > due } ?? false ? .late : .filed
    }
    if !owes(item, due: due, doneSince: doneSince) { return .waived }
    return open(due: due, on: today)
  }

  private func open(due: Day, on today: Day) -> Standing {
    if due < today { return .overdue }
    return due.ordinal - today.ordinal <= calendar.dueSoonDays ? .dueSoon : .open
  }

  /// Every period of the item for one unit, in calendar order.
  public func standings(_ item: Item, unit: String, on today: Day) -> [(
    period: ReportPeriod, due: Day, standing: Standing
  )] {
    let done = doneSince(item)
    return calendar.periods.map {
      ($0.period, $0.due, standing(item, unit: unit, period: $0.period, due: $0.due, on: today, doneSince: done))
    }
  }

  /// Periods whose deadline has passed without this unit's report, while it was owed.
  public func overdue(_ item: Item, unit: String, on today: Day) -> [ReportPeriod] {
    standings(item, unit: unit, on: today).filter { $0.standing == .overdue }.map(\.period)
  }

  /// The earliest period the unit owes and has not filed past its deadline, else the current one.
  public func periodToFile(_ item: Item, unit: String?, on today: Day) -> ReportPeriod? {
    if let unit, let first = overdue(item, unit: unit, on: today).first { return first }
    return calendar.current(on: today)
  }

  /// The item's standing for a period, from its reporting units: filed when every one
  /// filed (late when any was late), overdue or due soon while any has not; waived when
  /// the item was done by the deadline. An item with no reporting unit counts any filing.
  public func standing(_ item: Item, period: ReportPeriod, due: Day, on today: Day, doneSince: Day?) -> Standing {
    let reporters = reporters(of: item)
    if reporters.isEmpty {
      if let f = item.reports.first(where: { $0.period == period.id && Day($0.filed).map { $0 <= today } ?? true }) {
        return Day(f.filed).map { $0 > due } ?? false ? .late : .filed
      }
    } else {
      var all = true
      var late = false
      for unit in reporters {
        guard let f = filing(item, unit: unit, period: period.id, asOf: today) else {
          all = false
          break
        }
        if Day(f.filed).map({ $0 > due }) ?? false { late = true }
      }
      if all { return late ? .late : .filed }
    }
    if !owes(item, due: due, doneSince: doneSince) { return .waived }
    return open(due: due, on: today)
  }

  /// The current period's state for an item (`list --json`'s `report`).
  public func state(_ item: Item, on today: Day) -> ReportingCalendar.State? {
    guard let period = calendar.current(on: today), let due = Day(period.due) else { return nil }
    switch standing(item, period: period, due: due, on: today, doneSince: doneSince(item)) {
    case .filed, .waived: return .filed
    case .late: return .late
    case .overdue: return .overdue
    case .dueSoon: return .dueSoon
    case .open: return .open
    }
  }

  /// True when some reporting unit of the item owes a report past its deadline.
  public func hasOverdue(_ item: Item, on today: Day) -> Bool {
    let done = doneSince(item)
    let units = reporters(of: item)
    for entry in calendar.periods where entry.due < today && owes(item, due: entry.due, doneSince: done) {
      if units.isEmpty {
        if !item.reports.contains(where: { $0.period == entry.period.id }) { return true }
      } else if units.contains(where: { filing(item, unit: $0, period: entry.period.id, asOf: today) == nil }) {
        return true
      }
    }
    return false
  }
}

extension StoreDocument {
  /// Who owes which report, with the store's settings.
  public var duty: ReportDuty { ReportDuty(plan: plan, settings: settings) }
}
