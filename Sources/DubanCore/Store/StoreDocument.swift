/// What the store file holds: the plan with all progress, under a schema version.
public struct StoreDocument: Codable, Equatable, Sendable {
  public static let currentSchema = 1

  public var schema: Int
  public var plan: Plan
  public var settings: Settings
  /// Each unit's 办理方案.
  public var workPlans: [WorkPlan]

  public init(plan: Plan, settings: Settings = Settings(), workPlans: [WorkPlan] = []) {
    self.schema = Self.currentSchema
    self.plan = plan
    self.settings = settings
    self.workPlans = workPlans
  }

  enum CodingKeys: String, CodingKey { case schema, plan, settings, workPlans }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schema = try c.decode(Int.self, forKey: .schema)
    plan = try c.decode(Plan.self, forKey: .plan)
    settings = try c.decodeIfPresent(Settings.self, forKey: .settings) ?? Settings()
    workPlans = try c.decodeIfPresent([WorkPlan].self, forKey: .workPlans) ?? []
  }
}

/// A store read for listing only (Store.loadSummary): the plan's items lack notes,
/// history, period reports and targets.
public struct StoreSummary: Sendable {
  public var plan: Plan
  public var settings: Settings

  /// A whole document seen as a summary (it has everything a summary has).
  public init(_ doc: StoreDocument) {
    plan = doc.plan
    settings = doc.settings
  }
}
