/// What the store file holds: the plan with all progress, under a schema version.
public struct StoreDocument: Codable, Equatable, Sendable {
  public static let currentSchema = 1

  public var schema: Int
  public var plan: Plan
  public var settings: Settings

  public init(plan: Plan, settings: Settings = Settings()) {
    self.schema = Self.currentSchema
    self.plan = plan
    self.settings = settings
  }

  enum CodingKeys: String, CodingKey { case schema, plan, settings }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schema = try c.decode(Int.self, forKey: .schema)
    plan = try c.decode(Plan.self, forKey: .plan)
    settings = try c.decodeIfPresent(Settings.self, forKey: .settings) ?? Settings()
  }
}
