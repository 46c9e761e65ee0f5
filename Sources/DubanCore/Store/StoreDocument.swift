/// What the store file holds (declared in Scripts/store-schema.json).
extension StoreDocument {
  public static let currentSchema = 1

  public init(plan: Plan, settings: Settings = Settings(), workPlans: [WorkPlan] = []) {
    self.schema = Self.currentSchema
    self.plan = plan
    self.settings = settings
    self.workPlans = workPlans
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
