/// Everything the office asks of one unit: how much it carries and how it is doing.
public struct UnitLoad: Equatable, Sendable {
  public var unit: Unit
  public var lead: Int
  public var responsible: Int
  public var total: Int
  /// lead × leadWeight + responsible × coWeight.
  public var weighted: Double
  public var statuses: [Status: Int]
  public var lights: LightCounts
  /// Reports this unit files (it leads, or no one leads) that are past their deadline.
  public var reportsOverdue: Int
  public var reportsDueSoon: Int
}

extension Plan {
  /// Units in the order they first appear, each with its counts.
  public func workload(settings: Settings = Settings(), today: Day? = nil) -> [UnitLoad] {
    let day = today ?? Day(year: 2000, month: 1, day: 1)!
    let schedule = Schedule(plan: self, settings: settings, today: day)
    let calendar = ReportingCalendar(self.calendar, dueSoonDays: settings.dueSoonDays)
    var loads: [String: UnitLoad] = [:]
    for u in units {
      loads[u.name] = UnitLoad(
        unit: u, lead: 0, responsible: 0, total: 0, weighted: 0, statuses: [:], lights: LightCounts(),
        reportsOverdue: 0, reportsDueSoon: 0)
    }
    for item in items {
      let light = schedule.light(item)
      for name in item.allUnits where loads[name] != nil {
        let isLead = item.lead.contains(name)
        loads[name]!.total += 1
        if isLead { loads[name]!.lead += 1 } else { loads[name]!.responsible += 1 }
        loads[name]!.weighted += isLead ? settings.leadWeight : settings.coWeight
        loads[name]!.statuses[item.status, default: 0] += 1
        loads[name]!.lights.add(light)
      }
      guard today != nil else { continue }
      let overdue = calendar.overdue(item, on: day).count
      let soon = calendar.state(item, on: day) == .dueSoon ? 1 : 0
      for name in ReportingCalendar.reporters(of: item, in: self) where loads[name] != nil {
        loads[name]!.reportsOverdue += overdue
        loads[name]!.reportsDueSoon += soon
      }
    }
    return units.compactMap { loads[$0.name] }
  }

  /// Items matching the command line's filters.
  public func items(unit: String? = nil, part: Int? = nil, status: Status? = nil) -> [Item] {
    items.filter { item in
      (unit.map { item.names(unit: $0) } ?? true) && (part.map { item.part == $0 } ?? true)
        && (status.map { item.status == $0 } ?? true)
    }
  }
}
