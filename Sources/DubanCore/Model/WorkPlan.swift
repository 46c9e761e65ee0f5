/// A unit's 办理方案, in the template attached to the notice: one 总责任人 for the unit and,
/// for every item it is named on (责任事项), rows of 具体工作内容, 完成时限, 分管领导, 责任科室.
public struct WorkPlan: Codable, Equatable, Sendable {
  public var unit: String
  /// 总责任人.
  public var owner: String
  public var rows: [WorkPlanRow]
  /// The day it was filed (saved with every item covered), YYYY-MM-DD, or nil while a draft.
  public var filed: String?

  public init(unit: String, owner: String = "", rows: [WorkPlanRow] = [], filed: String? = nil) {
    self.unit = unit
    self.owner = owner
    self.rows = rows
    self.filed = filed
  }

  enum CodingKeys: String, CodingKey { case unit, owner, rows, filed }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(unit, forKey: .unit)
    try c.encode(owner, forKey: .owner)
    try c.encode(rows, forKey: .rows)
    try c.encode(filed, forKey: .filed)
  }
}

public struct WorkPlanRow: Codable, Equatable, Sendable {
  /// The item (责任事项) this row belongs to.
  public var item: String
  public var content: String
  public var deadline: String
  public var leader: String
  public var office: String

  public init(item: String, content: String = "", deadline: String = "", leader: String = "", office: String = "") {
    self.item = item
    self.content = content
    self.deadline = deadline
    self.leader = leader
    self.office = office
  }

  public var isEmpty: Bool { content.isEmpty && deadline.isEmpty && leader.isEmpty && office.isEmpty }
}

/// An item closed out (销号) by the office.
public struct Closure: Codable, Equatable, Sendable {
  public var date: String
  public var remark: String
  public var user: String

  public init(date: String, remark: String, user: String) {
    self.date = date
    self.remark = remark
    self.user = user
  }
}

extension Plan {
  /// The items a unit's work plan covers: those naming it, the ones it leads first.
  public func itemsForWorkPlan(of unit: String) -> [Item] {
    let named = items.filter { $0.names(unit: unit) }
    return named.filter { $0.lead.contains(unit) } + named.filter { !$0.lead.contains(unit) }
  }
}

extension StoreDocument {
  public func workPlan(of unit: String) -> WorkPlan? { workPlans.first { $0.unit == unit } }

  /// Saves a unit's work plan, filed on `day` once every item it is named on has a row.
  public mutating func save(_ plan: WorkPlan, on day: String) {
    var p = plan
    p.rows.removeAll { $0.isEmpty }
    let covered = Set(p.rows.map(\.item))
    let needed = Set(self.plan.itemsForWorkPlan(of: plan.unit).map(\.id))
    let complete = !p.owner.isEmpty && needed.isSubset(of: covered)
    p.filed = complete ? (workPlan(of: plan.unit)?.filed ?? day) : nil
    workPlans.removeAll { $0.unit == plan.unit }
    workPlans.append(p)
  }
}
