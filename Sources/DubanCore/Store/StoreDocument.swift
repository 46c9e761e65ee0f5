/// What the store file holds: the plan with all progress, under a schema version.
public struct StoreDocument: Codable, Equatable, Sendable {
  public static let currentSchema = 1

  public var schema: Int
  public var plan: Plan

  public init(plan: Plan) {
    self.schema = Self.currentSchema
    self.plan = plan
  }
}
