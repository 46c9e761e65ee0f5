/// 序时进度 and traffic lights: how far an item should be by now, and how far behind it is.
public enum Light: String, Codable, CaseIterable, Sendable, Comparable {
  case green
  case yellow
  case red

  public static func < (a: Light, b: Light) -> Bool { a.rank < b.rank }
  var rank: Int { self == .green ? 0 : self == .yellow ? 1 : 2 }

  public func label(_ lang: Lang) -> String {
    switch self {
    case .green: return lang.pick("绿", "G")
    case .yellow: return lang.pick("黄", "Y")
    case .red: return lang.pick("红", "R")
    }
  }
}

public struct Schedule: Sendable {
  public var today: Day
  public var settings: Settings
  /// The plan's year runs from 1 January to 31 December of this year.
  public var year: Int

  /// Worked out once: lights are computed for every item on every frame.
  let yearStart: Day
  let yearEnd: Day

  public init(plan: Plan, settings: Settings, today: Day) {
    self.today = today
    self.settings = settings
    let dates = ([plan.calendar.issued] + plan.calendar.periods.map(\.due)).compactMap { $0.flatMap(Day.init) }
    year = dates.last?.year ?? today.year
    yearStart = Day(year: year, month: 1, day: 1)!
    yearEnd = Day(year: year, month: 12, day: 31)!
  }

  /// The item's end: its own deadline, else the end of the plan's year.
  public func end(of item: Item) -> Day {
    item.deadline.flatMap(Day.init) ?? yearEnd
  }

  /// Expected progress (0–100) from the time elapsed between 1 January and the item's end.
  public func expected(_ item: Item) -> Int { expected(until: end(of: item)) }

  func expected(until end: Day) -> Int {
    let start = yearStart.ordinal
    let finish = end.ordinal
    guard finish > start else { return today.ordinal >= finish ? 100 : 0 }
    let elapsed = Double(today.ordinal - start) / Double(finish - start)
    return Int((max(0, min(1, elapsed)) * 100).rounded())
  }

  /// Points behind expected progress (negative when ahead).
  public func behind(_ item: Item) -> Int {
    item.status == .done ? 0 : expected(item) - item.progress
  }

  /// Green on or ahead of schedule; yellow `yellowBehind`–`redBehind` points behind; red
  /// further behind, past its end without being done, or marked 滞后.
  public func light(_ item: Item) -> Light {
    light(status: item.status, progress: item.progress, deadline: item.deadline)
  }

  /// The same from the three fields it depends on (callers going through many items read
  /// just these, rather than copying whole items).
  public func light(status: Status, progress: Int, deadline: String?) -> Light {
    if status == .done { return .green }
    let end = deadline.flatMap(Day.init) ?? yearEnd
    if status == .blocked || today > end { return .red }
    let b = expected(until: end) - progress
    if b > settings.redBehind { return .red }
    if b >= settings.yellowBehind { return .yellow }
    return .green
  }
}

/// Counts of lights over a set of items: a section, a unit.
public struct LightCounts: Equatable, Sendable, Codable {
  public var green = 0
  public var yellow = 0
  public var red = 0

  public init() {}

  public mutating func add(_ light: Light) {
    switch light {
    case .green: green += 1
    case .yellow: yellow += 1
    case .red: red += 1
    }
  }

  /// The worst light present, green when empty.
  public mutating func remove(_ light: Light) {
    switch light {
    case .green: green -= 1
    case .yellow: yellow -= 1
    case .red: red -= 1
    }
  }

  public var worst: Light { red > 0 ? .red : yellow > 0 ? .yellow : .green }
  public var behind: Int { yellow + red }
}
