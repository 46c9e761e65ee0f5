/// Everything the office asks of one unit: how much it carries and how it is doing.
public struct UnitLoad: Equatable, Sendable {
  public var unit: Unit
  public var lead: Int
  public var responsible: Int
  public var total: Int
  /// Items reaching the unit only through a group it belongs to (各街道): counted in
  /// `responsible` and `total` too.
  public var viaGroup: Int
  /// lead × leadWeight + responsible × coWeight.
  public var weighted: Double
  public var statuses: [Status: Int]
  public var lights: LightCounts
  /// Reports this unit files (it leads, or no one leads, or its group does) that are past
  /// their deadline and owed (`ReportDuty`).
  public var reportsOverdue: Int
  public var reportsDueSoon: Int
}

extension Plan {
  /// Units in the order they first appear, each with its counts.
  public func workload(settings: Settings = Settings(), today: Day? = nil) -> [UnitLoad] {
    let day = today ?? Day(year: 2000, month: 1, day: 1)!
    let schedule = Schedule(plan: self, settings: settings, today: day)
    let duty = ReportDuty(plan: self, settings: settings)
    let current = duty.calendar.current(on: day)
    var loads: [String: UnitLoad] = [:]
    for u in units {
      loads[u.name] = UnitLoad(
        unit: u, lead: 0, responsible: 0, total: 0, viaGroup: 0, weighted: 0, statuses: [:], lights: LightCounts(),
        reportsOverdue: 0, reportsDueSoon: 0)
    }
    for item in items {
      let light = schedule.light(item)
      let named = item.allUnits
      for name in duty.units(of: item) where loads[name] != nil {
        let isLead = item.lead.contains(name)
        loads[name]!.total += 1
        if isLead { loads[name]!.lead += 1 } else { loads[name]!.responsible += 1 }
        if !named.contains(name) { loads[name]!.viaGroup += 1 }
        loads[name]!.weighted += isLead ? settings.leadWeight : settings.coWeight
        loads[name]!.statuses[item.status, default: 0] += 1
        loads[name]!.lights.add(light)
      }
      // A group's own row counts the items naming it.
      for name in named where duty.members[name] != nil && loads[name] != nil {
        loads[name]!.total += 1
        loads[name]!.responsible += 1
        loads[name]!.weighted += settings.coWeight
        loads[name]!.statuses[item.status, default: 0] += 1
        loads[name]!.lights.add(light)
      }
      guard today != nil else { continue }
      let done = duty.doneSince(item)
      for name in duty.reporters(of: item) where loads[name] != nil {
        for entry in duty.calendar.periods {
          let s = duty.standing(item, unit: name, period: entry.period, due: entry.due, on: day, doneSince: done)
          if s == .overdue { loads[name]!.reportsOverdue += 1 }
          if s == .dueSoon, entry.period.id == current?.id { loads[name]!.reportsDueSoon += 1 }
        }
      }
    }
    // A unit no item names (any more: an undone fix that added it) owes nothing: no row.
    return units.compactMap { loads[$0.name] }.filter { $0.total > 0 }
  }

  /// Items matching the command line's filters.
  public func items(unit: String? = nil, part: Int? = nil, status: Status? = nil, settings: Settings = Settings())
    -> [Item]
  {
    let duty = ReportDuty(plan: self, settings: settings)
    return items.filter { item in
      (unit.map { duty.reaches(item, unit: $0) } ?? true) && (part.map { item.part == $0 } ?? true)
        && (status.map { item.status == $0 } ?? true)
    }
  }
}
