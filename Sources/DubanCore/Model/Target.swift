/// A number an item commits to, with its measure word: 新增停车泊位10000个, 增长7.8%左右.
public struct Target: Codable, Equatable, Sendable {
  public var name: String
  public var value: Double
  /// The measure word as printed: 个, 座, %, 万人次, 个工作日.
  public var unit: String
  /// ≥ (以上, 不少于), ≤ (以内), ≈ (左右), = otherwise.
  public var comparator: String
  /// The figure as printed in the item, e.g. "10000个".
  public var printed: String
  /// What the unit reports as achieved so far.
  public var actual: Double?

  public init(name: String, value: Double, unit: String, comparator: String, printed: String, actual: Double? = nil) {
    self.name = name
    self.value = value
    self.unit = unit
    self.comparator = comparator
    self.printed = printed
    self.actual = actual
  }

  enum CodingKeys: String, CodingKey { case name, value, unit, comparator, printed, actual }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(value, forKey: .value)
    try c.encode(unit, forKey: .unit)
    try c.encode(comparator, forKey: .comparator)
    try c.encode(printed, forKey: .printed)
    try c.encode(actual, forKey: .actual)
  }

  /// Share of the target reached, 0…1 (for "以内" targets, reaching it means getting down to it).
  public var fraction: Double? {
    guard let actual, value > 0 else { return nil }
    if comparator == "≤" { return actual <= value ? 1 : max(0, min(1, value / actual)) }
    return max(0, min(1, actual / value))
  }

  public static func format(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
  }
}
