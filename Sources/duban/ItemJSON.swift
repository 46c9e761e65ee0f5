import DubanCore

/// An item as `list --json` prints it: the stored fields, and what duban derives for today.
struct ItemJSON: Encodable {
  var item: Item
  var expected: Int
  var behind: Int
  var light: Light
  var report: ReportingCalendar.State?
  /// With `--unit`: the group through which the item reaches that unit.
  var via: String?

  init(_ item: Item, schedule: Schedule, duty: ReportDuty, unit: String? = nil) {
    self.item = item
    expected = schedule.expected(item)
    behind = schedule.behind(item)
    light = schedule.light(item)
    report = duty.state(item, on: schedule.today)
    via = unit.flatMap { duty.via(item, unit: $0) }
  }

  enum Keys: String, CodingKey { case expected, behind, light, report, via }

  func encode(to encoder: Encoder) throws {
    try item.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(expected, forKey: .expected)
    try c.encode(behind, forKey: .behind)
    try c.encode(light, forKey: .light)
    try c.encode(report, forKey: .report)
    try c.encodeIfPresent(via, forKey: .via)
  }
}
