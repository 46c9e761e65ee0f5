import XCTest

@testable import DubanCore

/// Bars beside 序时进度, figures worked out by hand on the seed.
final class ProgressGaugeTests: XCTestCase {
  let stamp = Stamp(user: "王科员", time: "2019-07-01T09:00:00+08:00")

  func schedule(_ plan: Plan, _ day: String) -> Schedule {
    Schedule(plan: plan, settings: Settings(), today: Day(day)!)
  }

  /// The seed, with 2.1 given its own deadline of 30 June (as a clerk may set it).
  func seed() throws -> Plan {
    var plan = try Fixtures.seedPlan()
    plan.items[plan.itemIndex(id: "2.1")!].deadline = "2019-06-30"
    return plan
  }

  func testItemGaugesOnTheSeed() throws {
    let plan = try seed()
    // 1 July: 181 of the year's 364 days → 49.7 → 50%. 2.1 is due 6月底 (2019-06-30): past → 100%.
    let july = schedule(plan, "2019-07-01")
    XCTAssertEqual(july.gauge(plan.item(id: "1.1")!), ProgressGauge(actual: 0, expected: 50))
    XCTAssertEqual(july.gauge(plan.item(id: "2.1")!), ProgressGauge(actual: 0, expected: 100))
    // 11 April: 100/364 → 27.5 → 27%; 2.1: 100 of its 180 days → 55.6 → 56%.
    let april = schedule(plan, "2019-04-11")
    XCTAssertEqual(april.gauge(plan.item(id: "1.1")!).expected, 27)
    XCTAssertEqual(april.gauge(plan.item(id: "2.1")!).expected, 56)
  }

  func testSectionGaugesAverageTheirItems() throws {
    var plan = try seed()
    try plan.apply(.progress(30), to: "2.1", stamp: stamp)
    try plan.apply(.status(.done), to: "2.2", stamp: stamp)
    try plan.apply(.progress(50), to: "2.3", stamp: stamp)
    let s = schedule(plan, "2019-07-01")
    let section = plan.items.filter { $0.part == 2 && $0.section == plan.item(id: "2.1")!.section }
    let group = section.filter { $0.group == "狠抓招商增强总部能级" }
    XCTAssertEqual(section.count, 15)
    XCTAssertEqual(group.map(\.id), ["2.1", "2.2", "2.3", "2.4", "2.5"])
    // Section (一): (30 + 100 + 50) / 15 = 12; 序时 (100 + 14 × 50) / 15 = 53.3 → 53.
    XCTAssertEqual(s.gauge(of: section), ProgressGauge(actual: 12, expected: 53))
    // Its first group: 180 / 5 = 36; (100 + 4 × 50) / 5 = 60.
    XCTAssertEqual(s.gauge(of: group), ProgressGauge(actual: 36, expected: 60))
    // Part 二: 180 / 67 = 2.7 → 3; (100 + 66 × 50) / 67 = 50.7 → 51.
    XCTAssertEqual(s.gauge(of: plan.items.filter { $0.part == 2 }), ProgressGauge(actual: 3, expected: 51))
    XCTAssertNil(s.gauge(of: [Item]()), "an empty node has no bar")
    // In ten cells: 12% is one cell, the marker after the fifth; 36% four cells, the marker after the sixth.
    XCTAssertTrue(ProgressGauge(actual: 12, expected: 53).cells(10) == (1, 5))
    XCTAssertTrue(ProgressGauge(actual: 36, expected: 60).cells(10) == (4, 6))
  }

  func testTallyMovesWithAnEditAsARecountWould() throws {
    var plan = try Fixtures.seedPlan()
    let s = schedule(plan, "2019-07-01")
    var tally = ProgressTally()
    for item in plan.items { tally.add(s.gauge(item)) }
    let old = s.gauge(plan.item(id: "3.4")!)
    try plan.apply(.progress(70), to: "3.4", stamp: stamp)
    tally.remove(old)
    tally.add(s.gauge(plan.item(id: "3.4")!))
    XCTAssertEqual(tally.gauge, s.gauge(of: plan.items))
  }

  func testCellsNeverOverOrUnderstate() {
    XCTAssertTrue(ProgressGauge(actual: 95, expected: 0).cells(10) == (9, 0), "full only at 100%")
    XCTAssertTrue(ProgressGauge(actual: 100, expected: 100).cells(10) == (10, 10))
    XCTAssertTrue(ProgressGauge(actual: 1, expected: 4).cells(10) == (1, 0), "something done shows")
    XCTAssertTrue(
      ProgressGauge(actual: 0, expected: 50).cells(5) == (0, 3), "50% of five cells: the marker after 2.5 → 3")
    XCTAssertEqual(ProgressGauge(actual: 130, expected: -5), ProgressGauge(actual: 100, expected: 0), "clamped")
  }
}
