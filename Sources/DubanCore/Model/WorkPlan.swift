/// WorkPlan, WorkPlanRow and Closure are declared in Scripts/store-schema.json.
extension WorkPlan {
  public init(unit: String, owner: String = "", rows: [WorkPlanRow] = [], filed: String? = nil) {
    self.unit = unit
    self.owner = owner
    self.rows = rows
    self.filed = filed
  }
}

extension WorkPlanRow {
  public init(item: String, content: String = "", deadline: String = "", leader: String = "", office: String = "") {
    self.item = item
    self.content = content
    self.deadline = deadline
    self.leader = leader
    self.office = office
  }

  public var isEmpty: Bool { content.isEmpty && deadline.isEmpty && leader.isEmpty && office.isEmpty }
}

extension Closure {
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
