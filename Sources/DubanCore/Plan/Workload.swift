/// How many items each unit leads and joins.
public struct UnitLoad: Equatable, Sendable {
  public var unit: Unit
  public var lead: Int
  public var responsible: Int
  public var total: Int
}

extension Plan {
  /// Units in the order they first appear, each with its counts.
  public func workload() -> [UnitLoad] {
    var lead: [String: Int] = [:]
    var responsible: [String: Int] = [:]
    var total: [String: Int] = [:]
    for item in items {
      for u in item.lead { lead[u, default: 0] += 1 }
      for u in item.responsible { responsible[u, default: 0] += 1 }
      for u in item.allUnits { total[u, default: 0] += 1 }
    }
    return units.map {
      UnitLoad(unit: $0, lead: lead[$0.name] ?? 0, responsible: responsible[$0.name] ?? 0, total: total[$0.name] ?? 0)
    }
  }

  /// Items matching the command line's filters.
  public func items(unit: String? = nil, part: Int? = nil, status: Status? = nil) -> [Item] {
    items.filter { item in
      (unit.map { item.names(unit: $0) } ?? true) && (part.map { item.part == $0 } ?? true)
        && (status.map { item.status == $0 } ?? true)
    }
  }
}
