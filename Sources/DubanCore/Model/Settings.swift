/// The supervision office's settings, kept in the store and editable there.
public struct Settings: Codable, Equatable, Sendable {
  /// Weighted load: a lead item counts this much, a co-unit item `coWeight`.
  public var leadWeight: Double
  public var coWeight: Double
  /// Traffic lights: points behind 序时进度 for yellow, and beyond which it is red.
  public var yellowBehind: Int
  public var redBehind: Int
  /// A report counts as "due soon" this many days ahead.
  public var dueSoonDays: Int
  /// Who a group reference (各街道) stands for. Groups not listed use a default, marked assumed.
  public var groups: [GroupMembership]

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

  public init(from decoder: Decoder) throws {
    let d = Settings()
    let c = try decoder.container(keyedBy: CodingKeys.self)
    leadWeight = try c.decodeIfPresent(Double.self, forKey: .leadWeight) ?? d.leadWeight
    coWeight = try c.decodeIfPresent(Double.self, forKey: .coWeight) ?? d.coWeight
    yellowBehind = try c.decodeIfPresent(Int.self, forKey: .yellowBehind) ?? d.yellowBehind
    redBehind = try c.decodeIfPresent(Int.self, forKey: .redBehind) ?? d.redBehind
    dueSoonDays = try c.decodeIfPresent(Int.self, forKey: .dueSoonDays) ?? d.dueSoonDays
    groups = try c.decodeIfPresent([GroupMembership].self, forKey: .groups) ?? []
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

public struct GroupMembership: Codable, Equatable, Sendable {
  public var group: String
  public var members: [String]
  /// True when duban guessed the members; false once someone set them.
  public var assumed: Bool

  public init(group: String, members: [String], assumed: Bool) {
    self.group = group
    self.members = members
    self.assumed = assumed
  }
}
