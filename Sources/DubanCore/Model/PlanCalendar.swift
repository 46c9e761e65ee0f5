/// PlanCalendar and ReportPeriod are declared in Scripts/store-schema.json.
extension PlanCalendar {
  public init(
    issued: String? = nil, published: String? = nil, workPlanDue: String? = nil,
    periods: [ReportPeriod] = [], remarks: [String] = []
  ) {
    self.issued = issued
    self.published = published
    self.workPlanDue = workPlanDue
    self.periods = periods
    self.remarks = remarks
  }
}

extension ReportPeriod {
  public init(id: String, name: String, due: String) {
    self.id = id
    self.name = name
    self.due = due
  }
}

/// A calendar day without time zones: all the plan needs.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int
  /// Days since 0001-01-01, for differences and comparisons (worked out once: lights
  /// compare days for every item on every frame).
  public let ordinal: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
    ordinal = Day.ordinal(year: year, month: month, day: day)
  }

  /// Parses YYYY-MM-DD.
  public init?(_ text: String) {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func ordinal(year: Int, month: Int, day: Int) -> Int {
    var n = 0
    let y = year - 1
    n += y * 365 + y / 4 - y / 100 + y / 400
    for m in 1..<month { n += Day.daysIn(month: m, year: year) }
    return n + day
  }

  public var description: String {
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}
