/// Declared in Scripts/store-schema.json.
extension Target {
  public init(name: String, value: Double, unit: String, comparator: String, printed: String, actual: Double? = nil) {
    self.name = name
    self.value = value
    self.unit = unit
    self.comparator = comparator
    self.printed = printed
    self.actual = actual
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
