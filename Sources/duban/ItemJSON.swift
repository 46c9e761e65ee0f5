import DubanCore

/// An item as `list --json` prints it: the stored fields, and what duban derives for today.
struct ItemJSON: Encodable {
  var item: Item
  var expected: Int
  var behind: Int
  var light: Light
  var report: ReportingCalendar.State?

  init(_ item: Item, schedule: Schedule, calendar: ReportingCalendar) {
    self.item = item
    expected = schedule.expected(item)
    behind = schedule.behind(item)
    light = schedule.light(item)
    report = calendar.state(item, on: schedule.today)
  }

  enum Keys: String, CodingKey { case expected, behind, light, report }

  func encode(to encoder: Encoder) throws {
    try item.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(expected, forKey: .expected)
    try c.encode(behind, forKey: .behind)
    try c.encode(light, forKey: .light)
    try c.encode(report, forKey: .report)
  }
}
