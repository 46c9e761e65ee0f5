/// What a list of items is narrowed to: a unit (its items led, joined or reached through a
/// group), a light, a report state and a status. The one rule `duban list` and the dashboard
/// both filter with; every part left nil lets everything through, and the parts combine.
public struct ItemFilter: Equatable, Sendable {
  /// A canonical unit name (a group: the items naming it).
  public var unit: String?
  public var light: Light?
  public var report: ReportFilter?
  public var status: Status?
  public var part: Int?

  public init(
    unit: String? = nil, light: Light? = nil, report: ReportFilter? = nil, status: Status? = nil, part: Int? = nil
  ) {
    self.unit = unit
    self.light = light
    self.report = report
    self.status = status
    self.part = part
  }

  public var isEmpty: Bool { self == ItemFilter() }

  /// A filter bound to a document and a day, asked once per item.
  public struct Bound: Sendable {
    public let filter: ItemFilter
    public let duty: ReportDuty
    public let schedule: Schedule
    public let today: Day

    public func matches(_ item: Item) -> Bool {
      if let part = filter.part, item.part != part { return false }
      if let status = filter.status, item.status != status { return false }
      if let unit = filter.unit, !duty.reaches(item, unit: unit) { return false }
      if let light = filter.light, schedule.light(item) != light { return false }
      if let report = filter.report, !report.matches(item, unit: filter.unit, duty: duty, on: today) { return false }
      return true
    }
  }

  public func bound(plan: Plan, settings: Settings, today: Day) -> Bound {
    Bound(
      filter: self, duty: ReportDuty(plan: plan, settings: settings),
      schedule: Schedule(plan: plan, settings: settings, today: today), today: today)
  }
}

/// Report states a list can be narrowed to. With a unit, each is that unit's own standing
/// (a co-unit's filing clears nobody else); without one, the item's.
public enum ReportFilter: String, CaseIterable, Sendable {
  /// Some period's deadline passed without the report, while it was owed.
  case overdue
  /// The current period's report is due within `dueSoonDays` and not filed.
  case dueSoon = "due_soon"
  /// Overdue or due soon: what the office chases.
  case owed
  /// Some period was filed after its deadline.
  case late
  /// The current period is filed (on time or late) or not owed.
  case filed

  /// Accepts the CLI spelling (`due_soon`, `due-soon`) or the Chinese label.
  public init?(userText: String) {
    let t = userText.trimming(while: \.isWhitespace).lowercased().replacing("-", with: "_")
    if let f = ReportFilter(rawValue: t) {
      self = f
      return
    }
    guard let f = ReportFilter.allCases.first(where: { $0.label(.zh) == t }) else { return nil }
    self = f
  }

  public func label(_ lang: Lang) -> String {
    switch self {
    case .overdue: return lang.pick("报送逾期", "report overdue")
    case .dueSoon: return lang.pick("即将到期", "due soon")
    case .owed: return lang.pick("逾期或将到期", "overdue or due soon")
    case .late: return lang.pick("迟报", "filed late")
    case .filed: return lang.pick("本期已报", "filed this period")
    }
  }

  public func matches(_ item: Item, unit: String?, duty: ReportDuty, on today: Day) -> Bool {
    // A unit that does not file this item (a co-unit under a lead) owes it nothing.
    let units = unit.map { u in duty.reporters(of: item).contains(u) ? [u] : [] } ?? nil
    let done = duty.doneSince(item)
    let current = duty.calendar.current(on: today)
    func standings() -> [(period: ReportPeriod, standing: ReportDuty.Standing)] {
      duty.calendar.periods.flatMap { p in
        if let units {
          return units.map {
            (p.period, duty.standing(item, unit: $0, period: p.period, due: p.due, on: today, doneSince: done))
          }
        }
        return [(p.period, duty.standing(item, period: p.period, due: p.due, on: today, doneSince: done))]
      }
    }
    if let units, units.isEmpty { return false }
    switch self {
    case .overdue:
      if units == nil { return duty.hasOverdue(item, on: today) }
      return standings().contains { $0.standing == .overdue }
    case .dueSoon:
      return standings().contains { $0.standing == .dueSoon && $0.period.id == current?.id }
    case .owed:
      return standings().contains {
        $0.standing == .overdue || ($0.standing == .dueSoon && $0.period.id == current?.id)
      }
    case .late:
      return standings().contains { $0.standing == .late }
    case .filed:
      return standings().contains {
        $0.period.id == current?.id && [.filed, .late, .waived].contains($0.standing)
      }
    }
  }
}

extension Light {
  /// Accepts `red`/`yellow`/`green` or 红/黄/绿.
  public init?(userText: String) {
    let t = userText.trimming(while: \.isWhitespace).lowercased()
    switch t {
    case "red", "r", "红", "红灯": self = .red
    case "yellow", "y", "黄", "黄灯": self = .yellow
    case "green", "g", "绿", "绿灯": self = .green
    default: return nil
    }
  }
}
