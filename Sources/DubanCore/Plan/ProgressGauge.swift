/// Progress at a glance: how far an item (or a section's items together) is, beside how far
/// 序时进度 says it should be by now. The figures and how they become cells of a bar are
/// decided here, once; the dashboard only picks the characters.
public struct ProgressGauge: Equatable, Sendable {
  /// Actual progress, 0–100 (a done item counts 100).
  public var actual: Int
  /// 序时进度, 0–100.
  public var expected: Int

  public init(actual: Int, expected: Int) {
    self.actual = max(0, min(100, actual))
    self.expected = max(0, min(100, expected))
  }

  /// A bar of `count` cells with the 序时 marker between two of them: `filled` cells of
  /// progress, and the marker before cell `marker` (0: at the left end, `count`: at the
  /// right end). Progress rounds to the nearest cell, but a bar is full only at 100% and
  /// shows something once anything is done, so it never claims more or less than the figure.
  public func cells(_ count: Int) -> (filled: Int, marker: Int) {
    guard count > 0 else { return (0, 0) }
    var filled = (actual * count + 50) / 100
    if actual < 100 { filled = min(filled, count - 1) }
    if actual > 0 { filled = max(filled, 1) }
    let marker = (expected * count + 50) / 100
    return (filled, marker)
  }

  /// Points behind 序时 (negative: ahead).
  public var behind: Int { expected - actual }
}

/// Sums over a set of items (a part, a section, a group), kept incrementally by the
/// dashboard: a mark replaces one item's figures without walking the others.
public struct ProgressTally: Equatable, Sendable {
  public var count = 0
  public var actualSum = 0
  public var expectedSum = 0

  public init() {}

  public mutating func add(_ g: ProgressGauge) {
    count += 1
    actualSum += g.actual
    expectedSum += g.expected
  }

  public mutating func remove(_ g: ProgressGauge) {
    count -= 1
    actualSum -= g.actual
    expectedSum -= g.expected
  }

  /// The items' mean progress beside their mean 序时进度, rounded half up; nil when empty.
  public var gauge: ProgressGauge? {
    guard count > 0 else { return nil }
    return ProgressGauge(
      actual: (actualSum * 2 + count) / (2 * count), expected: (expectedSum * 2 + count) / (2 * count))
  }
}

extension Schedule {
  /// An item's gauge as of today: done counts as 100% whatever its figure says.
  public func gauge(_ item: Item) -> ProgressGauge {
    gauge(status: item.status, progress: item.progress, deadline: item.deadline)
  }

  /// The same from the three fields it depends on.
  public func gauge(status: Status, progress: Int, deadline: String?) -> ProgressGauge {
    let end = deadline.flatMap(Day.init) ?? yearEnd
    return ProgressGauge(actual: status == .done ? 100 : progress, expected: expected(until: end))
  }

  /// The gauge of a set of items: their mean progress beside their mean 序时进度.
  public func gauge(of items: some Sequence<Item>) -> ProgressGauge? {
    var tally = ProgressTally()
    for item in items { tally.add(gauge(item)) }
    return tally.gauge
  }
}
