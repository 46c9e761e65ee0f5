/// Settings and GroupMembership are declared in Scripts/store-schema.json (with the defaults
/// a store that leaves a setting out reads as; this initializer's defaults are the same).
extension Settings {
  public init(
    leadWeight: Double = 2, coWeight: Double = 1, yellowBehind: Int = 10, redBehind: Int = 30, dueSoonDays: Int = 7,
    groups: [GroupMembership] = []
  ) {
    self.leadWeight = leadWeight
    self.coWeight = coWeight
    self.yellowBehind = yellowBehind
    self.redBehind = redBehind
    self.dueSoonDays = dueSoonDays
    self.groups = groups
  }

  /// The members of a group: as stored, else every 街道 in the plan for street groups
  /// (assumed), else none (assumed).
  public func membership(of group: String, in plan: Plan) -> GroupMembership {
    if let stored = groups.first(where: { $0.group == group }) { return stored }
    let streets = group.includes("街道") || group.includes("街办")
    let members = streets ? plan.units.filter { $0.kind == .unit && $0.name.hasSuffix("街道") }.map(\.name) : []
    return GroupMembership(group: group, members: members, assumed: true)
  }
}

extension GroupMembership {
  public init(group: String, members: [String], assumed: Bool) {
    self.group = group
    self.members = members
    self.assumed = assumed
  }
}
